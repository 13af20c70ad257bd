// SPDX-License-Identifier: MIT
#include "testhooks.h"

#include <QDir>
#include <QFile>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <sys/syscall.h>
#include <unistd.h>

namespace omni::app::testhooks {

namespace {

[[noreturn]] void blockForever()
{
    for (;;) {
        ::pause(); // a handled signal (SIGTERM) returns here and blocks again
    }
}

void blockThisThread(int)
{
    blockForever();
}

/// The thread id of this process's thread called `name`, or 0.
pid_t threadNamed(const QByteArray &name)
{
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name) {
            return static_cast<pid_t>(task.toInt());
        }
    }
    return 0;
}

void hangReader()
{
    const pid_t tid = threadNamed("omni-shm-reader");
    if (tid == 0) {
        std::fprintf(stderr, "omniscient: test hook: no reader thread to hang\n");
        return;
    }
    struct sigaction sa {
    };
    sa.sa_handler = blockThisThread;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR2, &sa, nullptr);
    std::fprintf(stderr, "omniscient: test hook: the reader thread hangs now\n");
    ::syscall(SYS_tgkill, ::getpid(), tid, SIGUSR2);
}

} // namespace

void armHangFromEnvironment()
{
    const QByteArray spec = qgetenv("OMNISCIENT_TEST_HANG");
    if (spec.isEmpty()) {
        return;
    }
    const QList<QByteArray> parts = spec.split(':');
    bool ok = false;
    const int afterMs = parts.value(1).toInt(&ok);
    if (parts.size() != 2 || !ok || afterMs < 0 || (parts[0] != "main" && parts[0] != "reader")) {
        std::fprintf(stderr, "omniscient: test hook: OMNISCIENT_TEST_HANG=%s is not main:MS or reader:MS\n",
                     spec.constData());
        return;
    }
    if (parts[0] == "main") {
        QTimer::singleShot(afterMs, [] {
            std::fprintf(stderr, "omniscient: test hook: the main loop hangs now\n");
            blockForever();
        });
    } else {
        QTimer::singleShot(afterMs, &hangReader);
    }
}

} // namespace omni::app::testhooks
