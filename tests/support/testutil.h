// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <chrono>
#include <functional>

namespace omni::test {

/// Processes Qt events until `done` returns true or `timeout` passes; returns done().
bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout = std::chrono::seconds(5));

/// A shared-memory name no other test (or test process) uses: "omni-test-<pid>-<tag>-<n>".
QString uniqueShmName(const QString &tag);

/// Directory holding the test and helper executables (OMNI_TEST_BIN_DIR, else the test's own).
QString binDir();

} // namespace omni::test
