// SPDX-License-Identifier: MIT
// The real omniscient under a stand-in for systemd: this test's own NOTIFY_SOCKET and WATCHDOG_USEC. It must say
// READY=1, ping WATCHDOG=1 while healthy, and stop pinging when its main loop or its reader thread hangs
// (OMNISCIENT_TEST_HANG, app/testhooks.h), so that systemd would restart it.
#include "testutil.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <memory>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace omni::test;
using namespace std::chrono_literals;

namespace {

// systemd's WatchdogSec for the test: short, so that a missing ping shows quickly; omniscient checks every 500 ms.
constexpr auto kWatchdogPeriod = 2s;

/// A datagram socket that plays systemd's notify socket.
class NotifySocket
{
public:
    explicit NotifySocket(const QString &path) : m_path(path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray p = QFile::encodeName(path);
        if (m_fd < 0 || static_cast<std::size_t>(p.size()) >= sizeof(addr.sun_path)) {
            return;
        }
        std::memcpy(addr.sun_path, p.constData(), static_cast<std::size_t>(p.size()));
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0;
    }
    ~NotifySocket()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    NotifySocket(const NotifySocket &) = delete;
    NotifySocket &operator=(const NotifySocket &) = delete;

    [[nodiscard]] bool bound() const { return m_bound; }

    /// The next datagram's assignments, or an empty list after `timeout` without one.
    QList<QByteArray> receive(std::chrono::milliseconds timeout)
    {
        pollfd pfd{m_fd, POLLIN, 0};
        if (::poll(&pfd, 1, static_cast<int>(timeout.count())) != 1) {
            return {};
        }
        char buffer[4096];
        const ssize_t n = ::recv(m_fd, buffer, sizeof(buffer), 0);
        return n > 0 ? QByteArray(buffer, static_cast<int>(n)).split('\n') : QList<QByteArray>{};
    }

    /// Every datagram's assignments received within `window`, in order.
    QList<QByteArray> collect(std::chrono::milliseconds window)
    {
        QList<QByteArray> all;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < window.count()) {
            all += receive(std::chrono::milliseconds(std::max<qint64>(1, window.count() - t.elapsed())));
        }
        return all;
    }

    /// Receives until a datagram carries `line` (true) or `timeout` passes (false); what came is added to `seen`.
    bool waitFor(const QByteArray &line, std::chrono::milliseconds timeout, QList<QByteArray> &seen)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeout.count()) {
            const QList<QByteArray> got = receive(100ms);
            seen += got;
            if (got.contains(line)) {
                return true;
            }
        }
        return false;
    }

private:
    QString m_path;
    int m_fd = -1;
    bool m_bound = false;
};

class WatchdogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_socket = std::make_unique<NotifySocket>(m_dir.filePath(QStringLiteral("notify")));
        ASSERT_TRUE(m_socket->bound());
    }

    void TearDown() override
    {
        if (m_process.state() != QProcess::NotRunning) {
            ::kill(static_cast<pid_t>(m_process.processId()), SIGKILL); // a hung omniscient ends only so
            m_process.waitForFinished(10000);
        }
    }

    /// Starts the real binary headless on a simulated robot, as a Type=notify service with a watchdog would.
    void start(const QString &hang = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NOTIFY_SOCKET"), m_dir.filePath(QStringLiteral("notify")));
        env.insert(QStringLiteral("WATCHDOG_USEC"),
                   QString::number(std::chrono::duration_cast<std::chrono::microseconds>(kWatchdogPeriod).count()));
        env.remove(QStringLiteral("WATCHDOG_PID")); // unset: meant for whoever reads it
        if (!hang.isEmpty()) {
            env.insert(QStringLiteral("OMNISCIENT_TEST_HANG"), hang);
        }
        m_process.setProcessEnvironment(env);
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("stderr")));
        startProgram(m_process, QStringLiteral(OMNISCIENT_EXE),
                     {QStringLiteral("--headless"), QStringLiteral("--simulate"), QStringLiteral("--no-sound"),
                      QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                      QStringLiteral("0")});
        ASSERT_TRUE(m_process.waitForStarted());
    }

    [[nodiscard]] QByteArray stderrText() const
    {
        QFile f(m_dir.filePath(QStringLiteral("stderr")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    /// Receives until the hook says it hung (true), or `timeout`; the pings seen before are counted.
    bool waitForHang(std::chrono::milliseconds timeout, int &pingsBefore)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeout.count()) {
            pingsBefore += static_cast<int>(m_socket->receive(100ms).count("WATCHDOG=1"));
            if (stderrText().contains("test hook: the")) {
                return stderrText().contains("hangs now");
            }
        }
        return false;
    }

    /// Starts with the test hook `hang`: READY=1 and pings while healthy; after the hang, nothing in flight
    /// counts, then a watchdog period and a half must pass without a ping.
    void expectPingsUntilTheHangOnly(const QString &hang)
    {
        start(hang);
        QList<QByteArray> seen;
        ASSERT_TRUE(m_socket->waitFor("READY=1", 30s, seen)) << stderrText().toStdString();
        int pingsBefore = 0;
        ASSERT_TRUE(waitForHang(30s, pingsBefore)) << stderrText().toStdString();
        EXPECT_GE(pingsBefore, 1) << "it pinged while healthy";

        m_socket->collect(1s); // a check that ran just before the hang
        const QList<QByteArray> later = m_socket->collect(kWatchdogPeriod * 3 / 2);
        EXPECT_EQ(later.count("WATCHDOG=1"), 0) << "a hung omniscient must not feed the watchdog";
        EXPECT_EQ(m_process.state(), QProcess::Running);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<NotifySocket> m_socket;
    QProcess m_process;
};

} // namespace

TEST_F(WatchdogTest, SaysReadyThenPingsWhileHealthyAndStoppingOnSigterm)
{
    start();
    QList<QByteArray> seen;
    ASSERT_TRUE(m_socket->waitFor("READY=1", 30s, seen)) << stderrText().toStdString();

    // Four checks a period: at least two pings within a period and a half, even on a busy machine.
    const QList<QByteArray> pings = m_socket->collect(kWatchdogPeriod * 3 / 2);
    EXPECT_GE(pings.count("WATCHDOG=1"), 2);
    const bool hasStatus = std::any_of(seen.begin(), seen.end(), [](const QByteArray &l) {
        return l.startsWith("STATUS=robot ") && l.contains("client");
    });
    EXPECT_TRUE(hasStatus) << "READY=1 comes with a status line";

    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    QList<QByteArray> last;
    EXPECT_TRUE(m_socket->waitFor("STOPPING=1", 20s, last));
    ASSERT_TRUE(m_process.waitForFinished(20000));
    EXPECT_EQ(m_process.exitCode(), 0);
}

TEST_F(WatchdogTest, PingsStopWhenTheMainLoopHangs)
{
    expectPingsUntilTheHangOnly(QStringLiteral("main:3000"));
}

TEST_F(WatchdogTest, PingsStopWhenTheReaderThreadHangsThoughTheMainLoopRuns)
{
    expectPingsUntilTheHangOnly(QStringLiteral("reader:3000"));
}
