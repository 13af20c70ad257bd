// SPDX-License-Identifier: MIT
#include "testutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QThread>

#include <atomic>

namespace omni::test {

bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeout.count()) {
            return done();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        // A short sleep keeps this loop from stealing a loaded machine's cores from the threads under test.
        QThread::msleep(1);
    }
    return true;
}

QString uniqueShmName(const QString &tag)
{
    static std::atomic<int> counter{0};
    return QStringLiteral("omni-test-%1-%2-%3").arg(QCoreApplication::applicationPid()).arg(tag).arg(counter++);
}

QString binDir()
{
    const QString env = qEnvironmentVariable("OMNI_TEST_BIN_DIR");
    return env.isEmpty() ? QCoreApplication::applicationDirPath() : env;
}

void startProgram(QProcess &process, const QString &exe, const QStringList &args)
{
    // May carry options of its own ("qemu-aarch64-static -cpu max"): split like a shell would.
    const QStringList emulator = QProcess::splitCommand(qEnvironmentVariable("OMNI_TEST_EMULATOR"));
    if (emulator.isEmpty()) {
        process.start(exe, args);
    } else {
        process.start(emulator.first(), emulator.mid(1) + QStringList{exe} + args);
    }
}

} // namespace omni::test
