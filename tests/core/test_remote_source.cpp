// SPDX-License-Identifier: MIT
// RemoteSource against an in-process WebSocket server that speaks docs/protocol.md: states into the hub,
// untrusted input, the message size limit, reconnects, refused tokens, incompatible servers, the sound switch,
// clock skew, and the watchdog that ends a "live" that brings no new states.
#include "testutil.h"

#include <omni/hub.h>
#include <omni/remotesource.h>
#include <omni/statejson.h>

#include <gtest/gtest.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using namespace omni;
using namespace omni::test;
using namespace std::chrono_literals;

namespace {

RemoteSourceOptions fastOptions(const QUrl &url)
{
    RemoteSourceOptions o;
    o.url = url;
    o.minBackoff = 20ms;
    o.maxBackoff = 200ms;
    o.pingInterval = 100ms;
    o.silenceTimeout = 600ms;
    return o;
}

RobotState sampleState(quint64 seq = 7)
{
    RobotState s;
    s.seq = seq;
    s.direction = 0;
    s.motorPower = {62, -58, 4};
    s.botMode = 0;
    s.obstacleMode = 1;
    s.goLeft = 1;
    s.sensorMode = 1;
    s.sensors = {0, 1, 1, 0, 0};
    s.publishUnixNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    s.publishMonoNs = omni::Clock::system().monotonicNs();
    s.writerPid = 42;
    s.layout = Layout::Current;
    return s;
}

LinkInfo liveLink()
{
    LinkInfo l;
    l.status = LinkStatus::Live;
    l.layout = Layout::Current;
    l.source = QStringLiteral("shm:omnigod");
    return l;
}

/// A WebSocket server in the test that speaks the protocol by hand.
class FakeServer : public QObject
{
    // Declared first, destroyed last: the clients' TCP sockets are its children.
    QWebSocketServer m_server;

public:
    explicit FakeServer(quint16 port = 0) : m_server(QStringLiteral("fake"), QWebSocketServer::NonSecureMode)
    {
        EXPECT_TRUE(m_server.listen(QHostAddress::LocalHost, port)) << m_server.errorString().toStdString();
        QObject::connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *ws = m_server.nextPendingConnection()) {
                clients.emplace_back(ws);
                QObject::connect(ws, &QWebSocket::textMessageReceived, this,
                                 [this](const QString &t) { received.append(t); });
                if (sayHello) {
                    ws->sendTextMessage(QString::fromUtf8(json::helloMessage(QStringLiteral("fake 1"), sound)));
                }
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server.serverPort())); }
    quint16 port() const { return m_server.serverPort(); }
    QWebSocket *last() const { return clients.empty() ? nullptr : clients.back().get(); }
    void sendText(const QByteArray &text) { last()->sendTextMessage(QString::fromUtf8(text)); }
    void close() { m_server.close(); }

    bool sayHello = true;
    bool sound = true;
    std::vector<std::unique_ptr<QWebSocket>> clients;
    QStringList received;
};

struct Wired {
    explicit Wired(const QUrl &url) : source(fastOptions(url))
    {
        hub.setSource(&source);
        QObject::connect(&source, &RemoteSource::soundChanged, &hub, &Hub::setSoundEnabled);
        QObject::connect(&hub, &Hub::soundEnabledChanged, &source, &RemoteSource::requestSound);
    }
    Hub hub;
    RemoteSource source;
};

} // namespace

TEST(RemoteSource, ReceivesHelloThenStatesIntoTheHub)
{
    FakeServer server;
    server.sound = false;
    Wired w(server.url());
    EXPECT_EQ(w.hub.link().status, LinkStatus::Waiting);
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));
    EXPECT_FALSE(w.hub.soundEnabled()) << "the server's sound switch rules";
    EXPECT_EQ(w.source.serverVersion(), QStringLiteral("fake 1"));
    EXPECT_NE(w.hub.link().status, LinkStatus::Live) << "connected is not live: no robot state yet";

    const RobotState sent = sampleState();
    server.sendText(json::stateMessage(sent, liveLink(), {50.0, 0}));
    ASSERT_TRUE(waitUntil([&] { return w.hub.latest().has_value(); }));
    const RobotState &got = *w.hub.latest();
    EXPECT_TRUE(got.samePayload(sent));
    EXPECT_EQ(got.seq, sent.seq);
    EXPECT_EQ(got.layout, Layout::Remote);
    EXPECT_EQ(w.hub.link().status, LinkStatus::Live);
    EXPECT_EQ(w.hub.link().source, server.url().toString());
    EXPECT_EQ(w.source.upstreamSource(), QStringLiteral("shm:omnigod"));
    EXPECT_LT(w.hub.ageMs(), 1000);
}

TEST(RemoteSource, IgnoresAndCountsEveryMalformedMessage)
{
    FakeServer server;
    Wired w(server.url());
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));
    QSignalSpy dropped(&w.source, &RemoteSource::malformedMessage);
    server.sendText("not json");
    server.sendText("[1,2,3]");
    server.sendText(R"({"type":"launch_missiles"})");
    server.sendText(R"({"type":"state","seq":1,"direction":"fast"})");
    server.sendText(R"({"type":"link","link":"live","segment_abi":"two"})");
    server.last()->sendBinaryMessage(QByteArray(16, '\0'));
    server.sendText(json::stateMessage(sampleState(9), liveLink()));
    ASSERT_TRUE(waitUntil([&] { return w.hub.latest().has_value(); }));
    EXPECT_EQ(w.source.malformedCount(), 6u);
    EXPECT_EQ(dropped.size(), 6);
    EXPECT_EQ(w.hub.latest()->seq, 9u) << "the good message after the bad ones still counts";
    EXPECT_EQ(w.source.networkStatus(), NetworkStatus::Connected) << "bad messages do not cost the link";
}

TEST(RemoteSource, AMessageOverTheParsersLimitIsCountedAndEndsTheConnection)
{
    EXPECT_EQ(RemoteSourceOptions{}.maxMessageBytes, json::kMaxMessageBytes) << "Qt buffers what json::parse takes";
    FakeServer server;
    Wired w(server.url());
    QStringList details;
    QObject::connect(&w.source, &RemoteSource::networkChanged, &w.source,
                     [&](NetworkStatus) { details.append(w.source.networkDetail()); });
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));

    QByteArray fits = json::stateMessage(sampleState(3), liveLink());
    fits.append(QByteArray(json::kMaxMessageBytes - fits.size(), ' '));
    server.sendText(fits);
    ASSERT_TRUE(waitUntil([&] { return w.hub.latest().has_value(); })) << "a message of exactly the limit is read";
    EXPECT_EQ(w.source.malformedCount(), 0u);

    server.sendText(fits + ' ');
    ASSERT_TRUE(waitUntil([&] { return w.source.malformedCount() == 1; })) << "one byte more is counted";
    ASSERT_TRUE(waitUntil([&] { return server.clients.size() == 2; })) << "and costs the connection, which comes back";
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));
    EXPECT_TRUE(details.join(QLatin1Char('|')).contains(QLatin1String("larger than 65536 bytes")))
        << details.join(QLatin1Char('|')).toStdString();
}

TEST(RemoteSource, RejectsMessagesBeforeHello)
{
    FakeServer server;
    server.sayHello = false;
    Wired w(server.url());
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return server.last() != nullptr; }));
    server.sendText(json::stateMessage(sampleState(), liveLink()));
    ASSERT_TRUE(waitUntil([&] { return w.source.malformedCount() == 1; }));
    EXPECT_FALSE(w.hub.latest().has_value());
}

TEST(RemoteSource, AServerThatNeverSaysHelloIsGivenUp)
{
    FakeServer server;
    server.sayHello = false;
    Wired w(server.url());
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Unreachable; }, 5s));
    EXPECT_TRUE(w.source.networkDetail().contains(QLatin1String("no answer")))
        << w.source.networkDetail().toStdString();
}

TEST(RemoteSource, UnreachableServerIsRetriedWithBackoffUntilItAppears)
{
    quint16 port = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort(); // free now, and very likely still free below
    }
    Wired w(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    w.source.start();
    EXPECT_EQ(w.source.networkStatus(), NetworkStatus::Connecting);
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Unreachable; }));
    EXPECT_EQ(w.hub.link().status, LinkStatus::Waiting) << "no state ever: waiting, not stale";
    ASSERT_TRUE(waitUntil([&] { return w.source.attempts() >= 3; }));
    EXPECT_GT(w.source.msUntilRetry(), -1);

    FakeServer server(port);
    // The next attempt may be a whole maxBackoff (5 s) away: on a slow (sanitizer) run more attempts than three
    // have failed by now, and the backoff doubles with each. Allow that plus the connection itself.
    const qint64 untilRetryMs = w.source.msUntilRetry();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }, 5s + 5s))
        << "retry was due in " << untilRetryMs << " ms";
}

TEST(RemoteSource, RefusedTokenIsToldApart)
{
    // A server that refuses every upgrade the way the mirror server refuses a wrong token.
    QTcpServer refuser;
    ASSERT_TRUE(refuser.listen(QHostAddress::LocalHost, 0));
    QObject::connect(&refuser, &QTcpServer::newConnection, &refuser, [&refuser] {
        QTcpSocket *s = refuser.nextPendingConnection();
        QObject::connect(s, &QTcpSocket::readyRead, s, [s] {
            s->readAll();
            s->write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nWWW-Authenticate: Bearer\r\n\r\n");
            s->disconnectFromHost();
        });
    });
    Wired w(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?token=wrong").arg(refuser.serverPort())));
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::TokenRefused; }));
    EXPECT_EQ(w.source.networkDetail(), QStringLiteral("HTTP 401"));
    EXPECT_FALSE(w.source.displayUrl().contains(QLatin1String("wrong"))) << "the token is never shown";
    EXPECT_EQ(w.hub.link().status, LinkStatus::Waiting);
}

TEST(RemoteSource, IncompatibleSchemaIsToldApart)
{
    FakeServer server;
    server.sayHello = false;
    Wired w(server.url());
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return server.last() != nullptr; }));
    server.sendText(R"({"type":"hello","server":"omniscient 9.0","schema":2,"sound":true})");
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Incompatible; }));
    EXPECT_EQ(w.source.serverSchema(), 2);
    EXPECT_TRUE(w.source.networkDetail().contains(QLatin1String("schema 2")));
}

TEST(RemoteSource, ADroppedConnectionMarksTheRobotStaleThenReconnects)
{
    FakeServer server;
    Wired w(server.url());
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));
    server.sendText(json::stateMessage(sampleState(), liveLink()));
    ASSERT_TRUE(waitUntil([&] { return w.hub.link().status == LinkStatus::Live; }));

    server.last()->close();
    ASSERT_TRUE(waitUntil([&] { return w.hub.link().status == LinkStatus::Stale; }));
    EXPECT_NE(w.source.networkStatus(), NetworkStatus::Connected);
    EXPECT_TRUE(w.hub.latest().has_value()) << "the last state stays, shown as stale";

    ASSERT_TRUE(waitUntil([&] { return server.clients.size() == 2; }));
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));
    server.sendText(json::stateMessage(sampleState(8), liveLink()));
    ASSERT_TRUE(waitUntil([&] { return w.hub.link().status == LinkStatus::Live; }));
}

TEST(RemoteSource, SendsSoundChangesOnlyWhenConnectedAndDifferent)
{
    FakeServer server;
    RemoteSource source(fastOptions(server.url()));
    EXPECT_FALSE(source.requestSound(false)) << "not connected";
    source.start();
    ASSERT_TRUE(waitUntil([&] { return source.networkStatus() == NetworkStatus::Connected; }));
    EXPECT_EQ(source.serverSound(), std::optional<bool>(true));
    EXPECT_FALSE(source.requestSound(true)) << "already so on the server";
    EXPECT_TRUE(source.requestSound(false));
    ASSERT_TRUE(waitUntil([&] { return !server.received.isEmpty(); }));
    EXPECT_EQ(server.received.constFirst(), QStringLiteral(R"({"type":"sound","enabled":false})"));

    QSignalSpy sound(&source, &RemoteSource::soundChanged);
    server.sendText(json::soundMessage(false));
    ASSERT_TRUE(sound.wait(2000));
    EXPECT_EQ(sound.at(0).at(0).toBool(), false);
    EXPECT_EQ(source.serverSound(), std::optional<bool>(false));
}

TEST(RemoteSource, AgeIsRightWhenTheRobotsClockIsWrong)
{
    FakeServer server;
    Wired w(server.url());
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));
    RobotState s = sampleState();
    s.publishUnixNs -= 3'600'000'000'000LL; // a Pi without a real-time clock, an hour behind
    server.sendText(json::stateMessage(s, liveLink(), {50.0, 5}));
    ASSERT_TRUE(waitUntil([&] { return w.hub.latest().has_value(); }));
    EXPECT_GE(w.hub.ageMs(), 0);
    EXPECT_LT(w.hub.ageMs(), 1000) << "the age is the server's, not an hour";
}

TEST(RemoteSource, RedactsTokensAndPasswords)
{
    EXPECT_EQ(RemoteSource::redact(QUrl(QStringLiteral("ws://pi:3001/ws?token=abc"))),
              QStringLiteral("ws://pi:3001/ws"));
    EXPECT_EQ(RemoteSource::redact(QUrl(QStringLiteral("ws://me:pw@pi:3001/ws?x=1&token=abc"))),
              QStringLiteral("ws://pi:3001/ws?x=1"));
}

TEST(RemoteSource, StopAndSetUrlStartOver)
{
    FakeServer a;
    FakeServer b;
    Wired w(a.url());
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));
    w.source.setUrl(b.url());
    ASSERT_TRUE(waitUntil([&] { return b.clients.size() == 1; }));
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));
    w.source.stop();
    EXPECT_EQ(w.source.networkStatus(), NetworkStatus::Idle);
    EXPECT_NE(w.hub.link().status, LinkStatus::Live);
}

TEST(RemoteSource, DisplayUrlIsRedactedOncePerUrl)
{
    RemoteSourceOptions o;
    o.url = QUrl(QStringLiteral("ws://me:pw@pi:3001/ws?token=abc"));
    RemoteSource source(o);
    EXPECT_EQ(source.displayUrl(), QStringLiteral("ws://pi:3001/ws"));
    EXPECT_EQ(source.link().source, source.displayUrl());
    source.setUrl(QUrl(QStringLiteral("ws://other:3002/ws?token=xyz")));
    EXPECT_EQ(source.displayUrl(), QStringLiteral("ws://other:3002/ws"));
    EXPECT_EQ(source.link().source, source.displayUrl());
    EXPECT_EQ(source.url().toString(), QStringLiteral("ws://other:3002/ws?token=xyz")) << "the real URL is kept";
}

TEST(RemoteSource, ALiveServerThatSendsNoNewStatesGoesStaleHere)
{
    FakeServer server;
    RemoteSourceOptions o = fastOptions(server.url());
    o.staleAfter = 300ms;
    Hub hub;
    RemoteSource source(o);
    hub.setSource(&source);
    source.start();
    ASSERT_TRUE(waitUntil([&] { return source.networkStatus() == NetworkStatus::Connected; }));
    server.sendText(json::stateMessage(sampleState(), liveLink(), {50.0, 0}));
    ASSERT_TRUE(waitUntil([&] { return hub.link().status == LinkStatus::Live; }));
    EXPECT_EQ(source.staleTimeoutMs(), 300) << "50 Hz: three periods are less than the floor";

    QElapsedTimer t;
    t.start();
    ASSERT_TRUE(waitUntil([&] { return hub.link().status == LinkStatus::Stale; }, 3s))
        << "the server's last word was live, but nothing new came";
    EXPECT_GE(t.elapsed(), 250);
    EXPECT_EQ(source.networkStatus(), NetworkStatus::Connected) << "the network link is judged apart";
    EXPECT_TRUE(hub.link().detail.contains(QLatin1String("no new state"))) << hub.link().detail.toStdString();
    EXPECT_TRUE(hub.latest().has_value()) << "the last state stays, shown as stale";

    server.sendText(json::linkMessage(liveLink()));
    QTest::qWait(50);
    EXPECT_EQ(hub.link().status, LinkStatus::Stale) << "a live link without a state does not make it live";
    server.sendText(json::stateMessage(sampleState(8), liveLink(), {50.0, 0}));
    ASSERT_TRUE(waitUntil([&] { return hub.link().status == LinkStatus::Live; })) << "a new state: live again";
}

TEST(RemoteSource, TheStaleTimeoutIsThreePublishPeriodsForASlowRobot)
{
    FakeServer server;
    Wired w(server.url());
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));
    EXPECT_EQ(w.source.staleTimeoutMs(), 2500) << "before any rate: the web page's 2.5 s";
    server.sendText(json::stateMessage(sampleState(1), liveLink(), {0.5, 0}));
    ASSERT_TRUE(waitUntil([&] { return w.hub.latest().has_value(); }));
    EXPECT_EQ(w.source.staleTimeoutMs(), 6000) << "0.5 Hz: three periods";
    server.sendText(json::stateMessage(sampleState(2), liveLink(), {100.0, 0}));
    ASSERT_TRUE(waitUntil([&] { return w.hub.latest()->seq == 2; }));
    EXPECT_EQ(w.source.staleTimeoutMs(), 2500);
}

TEST(RemoteSource, AnOldStateIsNeverShownLiveWhateverTheServerSays)
{
    FakeServer server;
    Wired w(server.url());
    w.source.start();
    ASSERT_TRUE(waitUntil([&] { return w.source.networkStatus() == NetworkStatus::Connected; }));
    QSignalSpy links(&w.hub, &Hub::linkChanged);
    server.sendText(json::stateMessage(sampleState(), liveLink(), {50.0, 5000})); // "live", 5 s old
    ASSERT_TRUE(waitUntil([&] { return w.hub.latest().has_value(); }));
    EXPECT_EQ(w.hub.link().status, LinkStatus::Stale);
    for (const auto &args : links) {
        EXPECT_NE(args.at(0).value<LinkInfo>().status, LinkStatus::Live) << "not even for a moment";
    }
}
