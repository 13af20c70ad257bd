// SPDX-License-Identifier: MIT
#include "testutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
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
        QThread::usleep(200);
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

} // namespace omni::test
