// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <chrono>
#include <optional>

/// systemd's notify protocol (sd_notify(3)) through libsystemd, when the build has it (OMNI_SYSTEMD): the
/// thin C boundary under ServiceNotifier. Without libsystemd, or without NOTIFY_SOCKET, nothing is sent.
namespace omni::app::systemd {

/// Whether this build can talk to systemd at all.
[[nodiscard]] bool compiledIn();
/// Whether a service manager listens (NOTIFY_SOCKET is set) and this build can talk to it.
[[nodiscard]] bool listening();
/// Sends `state` (newline-separated assignments, e.g. "READY=1\nSTATUS=..."); false if nothing was sent.
bool notify(const QByteArray &state);
/// The watchdog period systemd asks this process to keep (WATCHDOG_USEC, for us by WATCHDOG_PID), if any.
/// Under cage (the kiosk unit) the unit's main process is cage, our parent: WATCHDOG_PID naming our parent
/// counts as ours too, since cage passes its environment to us and never pings itself.
[[nodiscard]] std::optional<std::chrono::microseconds> watchdogPeriod();

} // namespace omni::app::systemd
