// SPDX-License-Identifier: MIT
// The omniscient executable's server as a person or a service runs it: headless URLs, a busy port, no display.
#include "../core/test_server_support.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>

#include <csignal>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace omni::test;
using namespace std::chrono_literals;

namespace {

/// Collects a process's stderr until `done` holds for it.
bool waitForStderr(QProcess &p, QByteArray &err, const std::function<bool(const QByteArray &)> &done,
                   std::chrono::milliseconds timeout = 20s)
{
    return waitUntil(
               [&] {
                   err += p.readAllStandardError();
                   return done(err) || p.state() == QProcess::NotRunning;
               },
               timeout) &&
           done(err);
}

/// The port of the first http://localhost:PORT/ URL in `text`, or 0.
quint16 localhostPort(const QByteArray &text)
{
    const auto m = QRegularExpression(QStringLiteral(R"(http://localhost:(\d+)/)")).match(QString::fromUtf8(text));
    return m.hasMatch() ? static_cast<quint16>(m.captured(1).toUInt()) : 0;
}

void stop(QProcess &p)
{
    ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
    ASSERT_TRUE(p.waitForFinished(10000));
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p.exitCode(), 0);
}

} // namespace

TEST(ServerCli, HeadlessPrintsTheUrlsOnStderrAndServesWhileStdoutStaysJson)
{
    QProcess p;
    startProgram(p, QStringLiteral(OMNISCIENT_EXE),
                 {QStringLiteral("--headless"), QStringLiteral("--simulate"), QStringLiteral("--print-json"),
                  QStringLiteral("--port"), QStringLiteral("0")});
    ASSERT_TRUE(p.waitForStarted());
    QByteArray err;
    ASSERT_TRUE(waitForStderr(p, err, [](const QByteArray &e) { return localhostPort(e) != 0; })) << err.toStdString();
    const quint16 port = localhostPort(err);
    EXPECT_TRUE(err.contains(QByteArray(":") + QByteArray::number(port) + "/"));

    EXPECT_EQ(exchange(port, request(port, "GET", "/healthz")).status, 200);
    HttpReply state;
    ASSERT_TRUE(waitUntil(
        [&] {
            state = exchange(port, request(port, "GET", "/api/state"));
            return state.status == 200;
        },
        20s))
        << state.raw.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(state.body).object().value(QLatin1String("layout")).toString(),
              QStringLiteral("omni-v1"));
    EXPECT_EQ(exchange(port, request(port, "GET", "/")).status, 200) << "the embedded dashboard is missing";

    stop(p);
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty()) {
            EXPECT_TRUE(line.startsWith("{\"type\":")) << "not a JSON line on stdout: " << line.toStdString();
        }
    }
}

TEST(ServerCli, ABusyPortExitsWithCode1AndSaysWhatToDo)
{
    QTcpServer squatter;
    ASSERT_TRUE(squatter.listen(QHostAddress::Any, 0));
    const QString name = uniqueShmName(QStringLiteral("cli-busy"));
    QProcess p;
    startProgram(p, QStringLiteral(OMNISCIENT_EXE),
                 {QStringLiteral("--headless"), QStringLiteral("--shm"), name, QStringLiteral("--port"),
                  QString::number(squatter.serverPort())});
    ASSERT_TRUE(p.waitForFinished(20000));
    EXPECT_EQ(p.exitCode(), 1);
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    EXPECT_TRUE(
        err.contains(QStringLiteral("port %1 is in use; choose another with --port").arg(squatter.serverPort())))
        << err.toStdString();
}

TEST(ServerCli, ABindAddressThatIsNotAnAddressIsAClearError)
{
    QProcess p;
    startProgram(p, QStringLiteral(OMNISCIENT_EXE),
                 {QStringLiteral("--headless"), QStringLiteral("--bind"), QStringLiteral("raspberrypi.local")});
    ASSERT_TRUE(p.waitForFinished(20000));
    EXPECT_EQ(p.exitCode(), 1);
    EXPECT_TRUE(p.readAllStandardError().contains("--bind"));
}

TEST(ServerCli, WithoutADisplayPlainOmniscientRunsHeadlessAndSaysSo)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
        env.remove(QLatin1String(name));
    }
    QProcess p;
    p.setProcessEnvironment(env);
    startProgram(p, QStringLiteral(OMNISCIENT_EXE),
                 {QStringLiteral("--simulate"), QStringLiteral("--port"), QStringLiteral("0")});
    ASSERT_TRUE(p.waitForStarted());
    QByteArray err;
    ASSERT_TRUE(waitForStderr(p, err, [](const QByteArray &e) { return localhostPort(e) != 0; })) << err.toStdString();
    EXPECT_TRUE(err.contains("no display found")) << err.toStdString();
    EXPECT_EQ(exchange(localhostPort(err), request(localhostPort(err), "GET", "/healthz")).status, 200);
    stop(p);
}

TEST(ServerCli, NoServerListensNowhereAndPrintsNoUrls)
{
    QProcess p;
    startProgram(p, QStringLiteral(OMNISCIENT_EXE),
                 {QStringLiteral("--headless"), QStringLiteral("--simulate"), QStringLiteral("--no-server"),
                  QStringLiteral("--print-json")});
    ASSERT_TRUE(p.waitForStarted());
    ASSERT_TRUE(waitUntil([&] { return p.canReadLine(); }, 20s)); // running: the first JSON line is out
    stop(p);
    EXPECT_FALSE(p.readAllStandardError().contains("http://"));
}

// --print-json writes from its own thread: a consumer that stops reading stdout (a full pipe) must not freeze the
// hub, the server or the window, nor make omniscient queue states; when it reads again it gets the newest.
TEST(ServerCli, AStdoutReaderThatStopsReadingFreezesNothingAndGetsTheNewestStateWhenItResumes)
{
    int fds[2] = {-1, -1};
    ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
    ::fcntl(fds[1], F_SETPIPE_SZ, 4096); // one page: full after a few lines
    ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
    QProcess p;
    const int writeEnd = fds[1];
    p.setChildProcessModifier([writeEnd] { ::dup2(writeEnd, STDOUT_FILENO); }); // stdout: our pipe, unread
    startProgram(p, QStringLiteral(OMNISCIENT_EXE),
                 {QStringLiteral("--headless"), QStringLiteral("--simulate"), QStringLiteral("--print-json"),
                  QStringLiteral("--sim-rate"), QStringLiteral("200"), QStringLiteral("--port"), QStringLiteral("0")});
    ASSERT_TRUE(p.waitForStarted());
    ::close(fds[1]);
    QByteArray err;
    ASSERT_TRUE(waitForStderr(p, err, [](const QByteArray &e) { return localhostPort(e) != 0; })) << err.toStdString();
    const quint16 port = localhostPort(err);
    ASSERT_TRUE(waitUntil(
        [&] {
            int inPipe = 0;
            return ::ioctl(fds[0], FIONREAD, &inPipe) == 0 && inPipe > 0;
        },
        20s))
        << "nothing printed";

    // Stdout stays unread for 3 s: the server answers at once all along, and states keep arriving.
    qint64 seqWhileBlocked = -1;
    QElapsedTimer blocked;
    blocked.start();
    int answers = 0;
    while (blocked.elapsed() < 3000) {
        const HttpReply health = exchange(port, request(port, "GET", "/healthz"), 2s);
        ASSERT_EQ(health.status, 200) << "the server froze while stdout was blocked";
        const HttpReply state = exchange(port, request(port, "GET", "/api/state"), 2s);
        ASSERT_EQ(state.status, 200);
        const qint64 seq = QJsonDocument::fromJson(state.body).object().value(QLatin1String("seq")).toInteger();
        EXPECT_GE(seq, seqWhileBlocked);
        seqWhileBlocked = seq;
        ++answers;
        waitUntil([] { return false; }, 100ms);
    }
    EXPECT_GE(answers, 5);
    int inPipe = 0;
    ASSERT_EQ(::ioctl(fds[0], FIONREAD, &inPipe), 0);
    EXPECT_LE(inPipe, 4096);

    // Reading again: whole JSON lines, no backlog of the ~600 states published meanwhile, then live states.
    QByteArray text;
    std::vector<QJsonObject> states;
    const auto readLines = [&] {
        char buf[65536];
        for (ssize_t n = 0; (n = ::read(fds[0], buf, sizeof buf)) > 0;) {
            text.append(buf, n);
        }
        for (qsizetype end = 0; (end = text.indexOf('\n')) >= 0; text.remove(0, end + 1)) {
            QJsonParseError e{};
            const QJsonObject o = QJsonDocument::fromJson(text.left(end), &e).object();
            EXPECT_EQ(e.error, QJsonParseError::NoError) << "not a JSON line: " << text.left(end).toStdString();
            if (o.value(QLatin1String("type")).toString() == QLatin1String("state")) {
                states.push_back(o);
            }
        }
    };
    const auto newest = [&] { return states.empty() ? -1 : states.back().value(QLatin1String("seq")).toInteger(); };
    ASSERT_TRUE(waitUntil(
        [&] {
            readLines();
            return newest() > seqWhileBlocked;
        },
        10s))
        << "printing did not resume";
    // Before the first state newer than any seen while blocked: only what the pipe held and the newest waiting.
    const auto fresh = std::find_if(states.begin(), states.end(), [&](const QJsonObject &o) {
        return o.value(QLatin1String("seq")).toInteger() > seqWhileBlocked;
    });
    EXPECT_LE(fresh - states.begin(), 10) << "states were queued while stdout was blocked";
    const std::size_t resumedAt = states.size();
    ASSERT_TRUE(waitUntil(
        [&] {
            readLines();
            return states.size() >= resumedAt + 20;
        },
        10s))
        << "printing did not go on live";

    stop(p);
    readLines();
    ::close(fds[0]);
}
