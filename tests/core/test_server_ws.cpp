// SPDX-License-Identifier: MIT
// The mirror server's WebSocket stream: hello, latest value wins, rate cap, slow clients, reconnects, commands.
#include "test_server_support.h"

#include <QElapsedTimer>

using namespace omni;
using namespace omni::test;

namespace {
/// Runs the event loop for `ms` (for tests that produce load over time, not to wait for a result).
void pump(int ms)
{
    waitUntil([] { return false; }, std::chrono::milliseconds(ms));
}
QString sound(bool enabled)
{
    return enabled ? QStringLiteral(R"({"type":"sound","enabled":true})")
                   : QStringLiteral(R"({"type":"sound","enabled":false})");
}
} // namespace

class Stream : public ServerTest
{
};

TEST_F(Stream, ANewClientGetsHelloThenTheLatestStateAtOnce)
{
    start();
    hub.acceptLink(makeLink(LinkStatus::Live));
    hub.acceptState(makeState(4));
    hub.acceptState(makeState(5));
    WsClient client;
    ASSERT_TRUE(client.open(port));
    ASSERT_TRUE(client.waitFor([&] { return client.messages.size() >= 2; }));
    const QJsonObject hello = client.messages[0];
    EXPECT_EQ(hello.value(QLatin1String("type")).toString(), QStringLiteral("hello"));
    EXPECT_EQ(hello.value(QLatin1String("server")).toString(), QStringLiteral("omniscient " OMNI_VERSION));
    EXPECT_EQ(hello.value(QLatin1String("schema")).toInt(), 1);
    EXPECT_EQ(hello.value(QLatin1String("sound")), true);
    EXPECT_EQ(client.messages[1].value(QLatin1String("type")).toString(), QStringLiteral("state"));
    EXPECT_EQ(client.messages[1].value(QLatin1String("seq")).toInteger(), 5);
    EXPECT_EQ(client.messages[1].value(QLatin1String("link")).toString(), QStringLiteral("live"));
    EXPECT_EQ(server->clientCount(), 1);
}

TEST_F(Stream, WithoutAStateANewClientGetsHelloThenTheLink)
{
    start();
    WsClient client;
    ASSERT_TRUE(client.open(port));
    ASSERT_TRUE(client.waitFor([&] { return client.messages.size() >= 2; }));
    EXPECT_EQ(client.messages[1].value(QLatin1String("type")).toString(), QStringLiteral("link"));
    EXPECT_EQ(client.messages[1].value(QLatin1String("link")).toString(), QStringLiteral("waiting"));
}

TEST_F(Stream, StatesLinkChangesAndSoundChangesAreStreamed)
{
    start();
    WsClient client;
    ASSERT_TRUE(client.open(port));
    hub.acceptLink(makeLink(LinkStatus::Live));
    hub.acceptState(makeState(1));
    ASSERT_TRUE(client.waitFor([&] { return client.hasSeq(1); }));
    hub.acceptLink(makeLink(LinkStatus::Stale));
    ASSERT_TRUE(client.waitFor([&] {
        const auto links = client.ofType("link");
        return !links.empty() && links.back().value(QLatin1String("link")).toString() == QStringLiteral("stale");
    }));
    hub.setSoundEnabled(false);
    ASSERT_TRUE(client.waitFor([&] { return !client.ofType("sound").empty(); }));
    EXPECT_EQ(client.ofType("sound").back().value(QLatin1String("enabled")), false);
}

TEST_F(Stream, EachStateIsSerialisedOnceForAllClientsAndNotAtAllWithoutClients)
{
    start();
    hub.acceptLink(makeLink(LinkStatus::Live));
    for (quint64 seq = 1; seq <= 50; ++seq) {
        hub.acceptState(makeState(seq));
    }
    EXPECT_EQ(server->stats().statesSerialised, 0u);
    WsClient a;
    WsClient b;
    WsClient c;
    ASSERT_TRUE(a.open(port) && b.open(port) && c.open(port));
    const quint64 before = server->stats().statesSerialised;
    EXPECT_LE(before, 1u); // the latest, built for the first greeting and shared with the others
    hub.acceptState(makeState(51));
    ASSERT_TRUE(a.waitFor([&] { return a.hasSeq(51) && b.hasSeq(51) && c.hasSeq(51); }));
    EXPECT_EQ(server->stats().statesSerialised, before + 1);
}

TEST_F(Stream, OneSerialisationPerStateServesTheStreamApiStateAndAnotherConsumer)
{
    start();
    // What --print-json does: take the hub's frame on every state.
    std::vector<QByteArray> printed;
    QObject::connect(&hub, &Hub::stateChanged, [&] { printed.push_back(hub.stateJson()); });
    hub.acceptLink(makeLink(LinkStatus::Live));
    WsClient a;
    WsClient b;
    ASSERT_TRUE(a.open(port) && b.open(port));
    for (quint64 seq = 1; seq <= 20; ++seq) {
        hub.acceptState(makeState(seq));
        ASSERT_TRUE(a.waitFor([&] { return a.hasSeq(seq) && b.hasSeq(seq); })) << seq;
        ASSERT_EQ(get("/api/state").status, 200);
    }
    EXPECT_EQ(printed.size(), 20u);
    EXPECT_EQ(hub.statesSerialised(), 20u) << "stdout, two clients and /api/state share one serialisation";
    EXPECT_EQ(server->stats().statesSerialised, 20u);
}

TEST_F(Stream, AReconnectingClientGetsTheNewestStateNotABacklog)
{
    start();
    hub.acceptLink(makeLink(LinkStatus::Live));
    {
        WsClient first;
        ASSERT_TRUE(first.open(port));
        hub.acceptState(makeState(1));
        ASSERT_TRUE(first.waitFor([&] { return first.hasSeq(1); }));
        first.ws.close();
        ASSERT_TRUE(waitUntil([&] { return server->clientCount() == 0; }));
    }
    for (quint64 seq = 2; seq <= 100; ++seq) {
        hub.acceptState(makeState(seq));
    }
    WsClient again;
    ASSERT_TRUE(again.open(port));
    ASSERT_TRUE(again.waitFor([&] { return again.hasSeq(100); }));
    hub.acceptState(makeState(101));
    ASSERT_TRUE(again.waitFor([&] { return again.hasSeq(101); }));
    const auto states = again.ofType("state");
    ASSERT_EQ(states.size(), 2u) << "a backlog was replayed";
    EXPECT_EQ(states[0].value(QLatin1String("seq")).toInteger(), 100);
    EXPECT_EQ(again.messages.front().value(QLatin1String("type")).toString(), QStringLiteral("hello"));
}

TEST_F(Stream, TheRateCapLimitsStatesPerSecondButAlwaysDeliversTheNewest)
{
    MirrorServerOptions o = testOptions();
    o.maxRateHz = 20;
    start(o);
    hub.acceptLink(makeLink(LinkStatus::Live));
    WsClient client;
    ASSERT_TRUE(client.open(port));
    QElapsedTimer burst;
    burst.start();
    quint64 seq = 0;
    while (burst.elapsed() < 1000) {
        hub.acceptState(makeState(++seq));
        pump(2);
    }
    const double seconds = static_cast<double>(burst.elapsed()) / 1000.0;
    ASSERT_TRUE(client.waitFor([&] { return client.hasSeq(seq); }, 2s)) << "the newest state was hidden by the cap";
    const auto received = static_cast<double>(client.ofType("state").size());
    EXPECT_LE(received, 20 * seconds + 3) << "published " << seq;
    EXPECT_GE(received, 5);
    EXPECT_GT(seq, 100u);
    EXPECT_GT(server->stats().statesSkipped, 0u);
}

TEST_F(Stream, AStateHeldByTheRateCapCarriesTheLinkOfWhenItIsSent)
{
    MirrorServerOptions o = testOptions();
    o.maxRateHz = 4;
    start(o);
    hub.acceptLink(makeLink(LinkStatus::Live));
    WsClient early; // its window will be open when state 2 comes: it gets state 2 (built with "live") at once
    ASSERT_TRUE(early.open(port));
    hub.acceptState(makeState(1));
    ASSERT_TRUE(early.waitFor([&] { return early.hasSeq(1); }));
    pump(300);
    WsClient late; // greeted with state 1 just now: its window is closed when state 2 comes
    ASSERT_TRUE(late.open(port));
    ASSERT_TRUE(late.waitFor([&] { return late.hasSeq(1); }));
    hub.acceptState(makeState(2));
    ASSERT_TRUE(early.waitFor([&] { return early.hasSeq(2); }));
    ASSERT_FALSE(late.hasSeq(2));
    hub.acceptLink(makeLink(LinkStatus::Stale));
    ASSERT_TRUE(late.waitFor([&] { return late.hasSeq(2); }));
    EXPECT_EQ(early.ofType("state").back().value(QLatin1String("link")).toString(), QStringLiteral("live"));
    EXPECT_EQ(late.ofType("state").back().value(QLatin1String("link")).toString(), QStringLiteral("stale"))
        << "a delayed state must not show the link as live after the link message said stale";
}

TEST_F(Stream, ASlowClientSkipsToTheLatestStateWhileAFastOneGetsEveryState)
{
    MirrorServerOptions o = testOptions();
    o.maxBufferedBytesPerClient = 16 * 1024;
    o.pingInterval = std::chrono::minutes(10);
    start(o);
    hub.acceptLink(makeLink(LinkStatus::Live));
    WsClient fast;
    ASSERT_TRUE(fast.open(port));
    RawWsPeer slow;
    ASSERT_TRUE(slow.handshake(port));
    slow.stopReading();
    ASSERT_TRUE(waitUntil([&] { return server->clientCount() == 2; }));

    quint64 seq = 0;
    while (server->stats().statesSkipped < 50 && seq < 20000) {
        hub.acceptState(makeState(++seq));
        ASSERT_TRUE(fast.waitFor([&] { return fast.lastSeq() == static_cast<qint64>(seq); }))
            << "the fast client fell behind at " << seq;
        ASSERT_LE(server->bytesBuffered(), o.maxBufferedBytesPerClient + 4096) << "buffered bytes are not capped";
    }
    ASSERT_GE(server->stats().statesSkipped, 50u) << "the slow client never filled its socket";
    const auto fastStates = fast.ofType("state");
    ASSERT_EQ(fastStates.size(), seq);
    for (quint64 i = 0; i < seq; ++i) {
        ASSERT_EQ(fastStates[i].value(QLatin1String("seq")).toInteger(), static_cast<qint64>(i + 1));
    }

    // When it reads again, the slow client catches up with the newest state, not with everything it missed.
    slow.resumeReading();
    std::vector<qint64> slowSeqs;
    ASSERT_TRUE(waitUntil([&] {
        for (const auto &f : slow.frames()) {
            const QJsonObject m = QJsonDocument::fromJson(f.payload).object();
            if (f.opcode == 1 && m.value(QLatin1String("type")).toString() == QStringLiteral("state")) {
                slowSeqs.push_back(m.value(QLatin1String("seq")).toInteger());
            }
        }
        return !slowSeqs.empty() && slowSeqs.back() == static_cast<qint64>(seq);
    }));
    EXPECT_LT(slowSeqs.size(), seq);
    hub.acceptState(makeState(seq + 1));
    ASSERT_TRUE(waitUntil([&] {
        for (const auto &f : slow.frames()) {
            slowSeqs.push_back(QJsonDocument::fromJson(f.payload).object().value(QLatin1String("seq")).toInteger());
        }
        return slowSeqs.back() == static_cast<qint64>(seq + 1);
    }));
}

TEST_F(Stream, ASoundCommandFromTheSameOriginOrNoOriginSwitchesAndIsBroadcast)
{
    start();
    WsClient sender;
    WsClient listener;
    ASSERT_TRUE(sender.open(port) && listener.open(port));
    sender.ws.sendTextMessage(sound(false));
    ASSERT_TRUE(listener.waitFor([&] { return !listener.ofType("sound").empty(); }));
    EXPECT_FALSE(hub.soundEnabled());
    EXPECT_EQ(listener.ofType("sound").back().value(QLatin1String("enabled")), false);

    WsClient page(QStringLiteral("http://127.0.0.1:%1").arg(port));
    ASSERT_TRUE(page.open(port));
    page.ws.sendTextMessage(sound(true));
    ASSERT_TRUE(waitUntil([&] { return hub.soundEnabled(); }));
}

TEST_F(Stream, ASoundCommandFromAnotherOriginIsIgnoredUnlessItHasTheToken)
{
    start();
    WsClient evil(QStringLiteral("http://evil.example"));
    ASSERT_TRUE(evil.open(port));
    evil.ws.sendTextMessage(sound(false));
    evil.ws.sendTextMessage(QStringLiteral("not json at all"));
    ASSERT_TRUE(waitUntil([&] { return server->stats().commandsRefused >= 2; }));
    EXPECT_TRUE(hub.soundEnabled());
    EXPECT_TRUE(evil.ws.state() == QAbstractSocket::ConnectedState); // ignored, not punished

    MirrorServerOptions o = testOptions();
    o.token = QStringLiteral("t0k");
    server.reset();
    start(o);
    WsClient trusted(QStringLiteral("http://evil.example"));
    ASSERT_TRUE(trusted.open(port, QStringLiteral("?token=t0k")));
    trusted.ws.sendTextMessage(sound(false));
    ASSERT_TRUE(waitUntil([&] { return !hub.soundEnabled(); }));
}

TEST_F(Stream, APeerThatDoesNotAnswerPingsIsDroppedWhileALiveOneStays)
{
    MirrorServerOptions o = testOptions();
    o.pingInterval = std::chrono::milliseconds(100);
    start(o);
    WsClient alive;
    ASSERT_TRUE(alive.open(port));
    RawWsPeer dead; // reads, but never answers a ping
    ASSERT_TRUE(dead.handshake(port));
    ASSERT_TRUE(waitUntil([&] {
        dead.frames();
        return dead.sock.state() == QAbstractSocket::UnconnectedState;
    }));
    pump(400); // several more ping rounds
    EXPECT_EQ(alive.ws.state(), QAbstractSocket::ConnectedState);
    EXPECT_EQ(server->clientCount(), 1);
    EXPECT_GE(server->stats().clientsDropped, 1u);
}

TEST_F(Stream, AnOversizedClientFrameClosesThatClientOnly)
{
    MirrorServerOptions o = testOptions();
    o.maxIncomingMessageBytes = 1024;
    start(o);
    WsClient big;
    WsClient other;
    ASSERT_TRUE(big.open(port) && other.open(port));
    big.ws.sendTextMessage(QString(5000, QLatin1Char('x')));
    ASSERT_TRUE(big.waitFor([&] { return big.closed; }));
    EXPECT_EQ(big.ws.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    hub.acceptState(makeState(9));
    ASSERT_TRUE(other.waitFor([&] { return other.hasSeq(9); }));
    EXPECT_FALSE(other.closed);
}

TEST_F(Stream, AClientFloodingMessagesIsClosed)
{
    start();
    WsClient flood;
    ASSERT_TRUE(flood.open(port));
    for (int i = 0; i < 100; ++i) {
        flood.ws.sendTextMessage(QStringLiteral("{}"));
    }
    ASSERT_TRUE(flood.waitFor([&] { return flood.closed; }));
    EXPECT_EQ(flood.ws.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

TEST_F(Stream, ClientsBeyondMaxClientsGet503BeforeTheUpgrade)
{
    MirrorServerOptions o = testOptions();
    o.maxClients = 2;
    start(o);
    WsClient a;
    WsClient b;
    ASSERT_TRUE(a.open(port) && b.open(port));
    const HttpReply refused = exchange(port, request(port, "GET", "/ws", upgradeHeaders()));
    EXPECT_EQ(refused.status, 503);
    EXPECT_EQ(refused.headers.value("retry-after"), "5");
    WsClient c;
    EXPECT_FALSE(c.open(port));
    EXPECT_GE(server->stats().clientsRefused, 2u);
    a.ws.close();
    ASSERT_TRUE(waitUntil([&] { return server->clientCount() == 1; }));
    WsClient d;
    EXPECT_TRUE(d.open(port));
}

TEST_F(Stream, TheStreamEndpointWantsAWebSocketHandshake)
{
    start();
    const HttpReply plain = exchange(port, request(port, "GET", "/ws"));
    EXPECT_EQ(plain.status, 426);
    EXPECT_EQ(plain.headers.value("upgrade"), "websocket");
    const HttpReply v8 = exchange(port, request(port, "GET", "/ws", QByteArray(upgradeHeaders()).replace("13", "8")));
    EXPECT_EQ(v8.status, 426);
    const HttpReply early = exchange(port, request(port, "GET", "/ws", upgradeHeaders()) + "\x81\x05hello");
    EXPECT_EQ(early.status, 400);
    EXPECT_EQ(server->clientCount(), 0);
}

TEST_F(Stream, AKeyThatIsNotSixteenBytesInBase64IsRefused)
{
    start();
    const QByteArray good = "dGhlIHNhbXBsZSBub25jZQ==";
    ASSERT_TRUE(upgradeHeaders().contains(good));
    for (const QByteArray &bad : {QByteArray("short"), QByteArray("dGhlIHNhbXBsZSBub25jZQ"),
                                  QByteArray("!!!!!!!!!!!!!!!!!!!!!!=="), QByteArray("dGhlIHNhbXBsZSBub25jZXg=")}) {
        const HttpReply reply =
            exchange(port, request(port, "GET", "/ws", QByteArray(upgradeHeaders()).replace(good, bad)));
        EXPECT_EQ(reply.status, 400) << bad.constData();
        EXPECT_TRUE(reply.body.contains("Sec-WebSocket-Key")) << reply.body.constData();
    }
    EXPECT_EQ(server->clientCount(), 0);
    // The good key still upgrades.
    QWebSocket ws;
    ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    EXPECT_TRUE(waitUntil([&] { return ws.state() == QAbstractSocket::ConnectedState; }));
}
