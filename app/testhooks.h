// SPDX-License-Identifier: MIT
#pragma once

/// Hooks for tests only, off unless their environment variable is set. Nothing a person or a service uses.
namespace omni::app::testhooks {

/// OMNISCIENT_TEST_HANG=main:MS or reader:MS: MS milliseconds after the main loop starts, the main loop (main)
/// or the shared-memory reader thread (reader, a thread named "omni-shm-reader") blocks for good, as a hung
/// omniscient would, so that tests/app/test_watchdog.cpp sees the systemd watchdog pings stop. A process in
/// that state ends only by SIGKILL. Call once, after the runtime started.
void armHangFromEnvironment();

} // namespace omni::app::testhooks
