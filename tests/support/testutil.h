// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

class QProcess;

namespace omni::test {

/// Processes Qt events until `done` returns true or `timeout` passes; returns done().
bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout = std::chrono::seconds(5));

/// A shared-memory name no other test (or test process) uses: "omni-test-<pid>-<tag>-<n>".
QString uniqueShmName(const QString &tag);

/// Directory holding the test and helper executables (OMNI_TEST_BIN_DIR, else the test's own).
QString binDir();

/// Starts one of this project's programs (built for the target): through $OMNI_TEST_EMULATOR when it is set
/// (the aarch64 cross test run sets qemu-aarch64-static: those machines have no binfmt_misc), directly otherwise.
/// Use it, not process.start(exe, args), for every program a test starts that the build produced.
void startProgram(QProcess &process, const QString &exe, const QStringList &args = {});

} // namespace omni::test
