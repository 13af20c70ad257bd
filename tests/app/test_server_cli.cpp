// SPDX-License-Identifier: MIT
// The omniscient executable's server as a person or a service runs it: headless URLs, a busy port, no display.
#include "../core/test_server_support.h"

#include <gtest/gtest.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>

#include <csignal>
#include <sys/mman.h>

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
    p.start(QStringLiteral(OMNISCIENT_EXE),
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
    p.start(QStringLiteral(OMNISCIENT_EXE), {QStringLiteral("--headless"), QStringLiteral("--shm"), name,
                                             QStringLiteral("--port"), QString::number(squatter.serverPort())});
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
    p.start(QStringLiteral(OMNISCIENT_EXE),
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
    p.start(QStringLiteral(OMNISCIENT_EXE),
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
    p.start(QStringLiteral(OMNISCIENT_EXE), {QStringLiteral("--headless"), QStringLiteral("--simulate"),
                                             QStringLiteral("--no-server"), QStringLiteral("--print-json")});
    ASSERT_TRUE(p.waitForStarted());
    ASSERT_TRUE(waitUntil([&] { return p.canReadLine(); }, 20s)); // running: the first JSON line is out
    stop(p);
    EXPECT_FALSE(p.readAllStandardError().contains("http://"));
}
