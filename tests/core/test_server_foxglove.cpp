// SPDX-License-Identifier: MIT
// The Foxglove endpoint of the mirror server over real sockets: the upgrade on `/` and `/ws` with either
// subprotocol, the token, one client pool with /ws, MessageData frames with the publish time, statuses about the
// link, events, and the replay hooks (serverInfo with `time`, Time frames).
#include "test_server_support.h"

#include <omni/foxglove.h>

#include <QJsonArray>
#include <QWebSocketHandshakeOptions>

using namespace omni;
using namespace omni::test;

namespace {

/// A Foxglove client: text messages as JSON, binary frames as they came.
class FoxClient
{
public:
    FoxClient()
    {
        QObject::connect(&ws, &QWebSocket::textMessageReceived,
                         [this](const QString &m) { texts.push_back(QJsonDocument::fromJson(m.toUtf8()).object()); });
        QObject::connect(&ws, &QWebSocket::binaryMessageReceived,
                         [this](const QByteArray &b) { binaries.push_back(b); });
        QObject::connect(&ws, &QWebSocket::disconnected, [this] { closed = true; });
    }
    bool open(quint16 port, const QString &path, const QString &subprotocol = QLatin1String(foxglove::kSubprotocolSdk))
    {
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({subprotocol});
        ws.open(QNetworkRequest(QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(port).arg(path))), options);
        waitUntil([&] { return ws.state() == QAbstractSocket::ConnectedState || closed; }, 10s);
        return ws.state() == QAbstractSocket::ConnectedState;
    }
    [[nodiscard]] std::vector<QJsonObject> ofOp(const char *op) const
    {
        std::vector<QJsonObject> out;
        for (const auto &m : texts) {
            if (m.value(QLatin1String("op")).toString() == QLatin1String(op)) {
                out.push_back(m);
            }
        }
        return out;
    }
    void send(const char *json) { ws.sendTextMessage(QString::fromUtf8(json)); }
    /// Waits until the server has handled everything sent so far: it answers messages in order.
    bool sync()
    {
        const QString id = QStringLiteral("sync-%1").arg(++m_syncs);
        ws.sendTextMessage(QStringLiteral(R"({"op":"getParameters","parameterNames":[],"id":"%1"})").arg(id));
        return waitUntil(
            [&] {
                const auto values = ofOp("parameterValues");
                return std::any_of(values.begin(), values.end(),
                                   [&](const QJsonObject &o) { return o.value(QLatin1String("id")).toString() == id; });
            },
            10s);
    }

    QWebSocket ws;
    std::vector<QJsonObject> texts;
    std::vector<QByteArray> binaries;
    bool closed = false;

private:
    int m_syncs = 0;
};

quint64 le(const QByteArray &b, qsizetype at, int bytes)
{
    quint64 v = 0;
    for (int i = 0; i < bytes; ++i) {
        v |= static_cast<quint64>(static_cast<quint8>(b[at + i])) << (8 * i);
    }
    return v;
}

class Foxglove : public ServerTest
{
};

} // namespace

TEST_F(Foxglove, BothSubprotocolsAreAcceptedOnRootAndWsWithServerInfoAndAdvertise)
{
    start();
    for (const char *sub : {foxglove::kSubprotocolSdk, foxglove::kSubprotocolLegacy}) {
        for (const char *path : {"/", "/ws"}) {
            FoxClient c;
            ASSERT_TRUE(c.open(port, QLatin1String(path), QLatin1String(sub))) << sub << path;
            EXPECT_EQ(c.ws.subprotocol(), QLatin1String(sub));
            ASSERT_TRUE(waitUntil([&] { return !c.ofOp("advertise").empty(); }, 10s));
            const QJsonObject info = c.ofOp("serverInfo").at(0);
            EXPECT_EQ(info.value(QLatin1String("sessionId")).toString(), server->foxgloveSessionId());
            EXPECT_FALSE(info.value(QLatin1String("capabilities")).toArray().contains(QStringLiteral("time")));
            EXPECT_EQ(c.ofOp("advertise").at(0).value(QLatin1String("channels")).toArray().size(), 3);
        }
    }
}

TEST_F(Foxglove, RootWithoutTheSubprotocolIsStillThePage)
{
    start();
    EXPECT_EQ(get("/", upgradeHeaders()).status, 200);
}

TEST_F(Foxglove, TheTokenIsNeededOnRootToo)
{
    MirrorServerOptions o = testOptions();
    o.token = QStringLiteral("tok");
    start(o);
    const QByteArray fox = upgradeHeaders() + "Sec-WebSocket-Protocol: foxglove.sdk.v1\r\n";
    EXPECT_EQ(get("/", fox).status, 401);
    FoxClient c;
    EXPECT_TRUE(c.open(port, QStringLiteral("/?token=tok")));
}

TEST_F(Foxglove, FoxgloveAndWsClientsShareOnePool)
{
    MirrorServerOptions o = testOptions();
    o.maxClients = 2;
    start(o);
    WsClient a;
    ASSERT_TRUE(a.open(port));
    FoxClient b;
    ASSERT_TRUE(b.open(port, QStringLiteral("/")));
    ASSERT_TRUE(waitUntil([&] { return server->clientCount() == 2; }, 10s));
    const QByteArray fox = upgradeHeaders() + "Sec-WebSocket-Protocol: foxglove.sdk.v1\r\n";
    EXPECT_EQ(get("/", fox).status, 503);
    EXPECT_EQ(get("/ws", upgradeHeaders()).status, 503);
}

TEST_F(Foxglove, StatesGoOnlyToSubscribersAsMessageDataWithThePublishTime)
{
    start();
    FoxClient c;
    ASSERT_TRUE(c.open(port, QStringLiteral("/")));
    ASSERT_TRUE(waitUntil([&] { return !c.ofOp("advertise").empty(); }, 10s));
    hub.acceptLink(makeLink(LinkStatus::Live));
    hub.acceptState(makeState(1));
    ASSERT_TRUE(c.sync()); // anything sent for the state would have come before this answer
    EXPECT_TRUE(c.binaries.empty()) << "nothing before a subscription";

    c.send(R"({"op":"subscribe","subscriptions":[{"id":42,"channelId":1}]})");
    ASSERT_TRUE(waitUntil([&] { return !c.binaries.empty(); }, 10s)) << "the latest state at once";
    const RobotState s = makeState(2);
    hub.acceptState(s);
    ASSERT_TRUE(waitUntil([&] { return c.binaries.size() >= 2; }, 10s));
    const QByteArray &frame = c.binaries.back();
    EXPECT_EQ(static_cast<quint8>(frame[0]), 0x01);
    EXPECT_EQ(le(frame, 1, 4), 42u);
    EXPECT_EQ(le(frame, 5, 8), static_cast<quint64>(s.publishUnixNs));
    const QJsonObject payload = QJsonDocument::fromJson(frame.mid(13)).object();
    EXPECT_EQ(payload.value(QLatin1String("seq")).toInteger(), 2);

    c.send(R"({"op":"unsubscribe","subscriptionIds":[42]})");
    ASSERT_TRUE(c.sync());
    const auto count = c.binaries.size();
    hub.acceptState(makeState(3));
    ASSERT_TRUE(c.sync());
    EXPECT_EQ(c.binaries.size(), count) << "nothing after the unsubscribe";
}

TEST_F(Foxglove, TheLinkStatusIsAWarningWhenStaleAnErrorWhenLostAndRemovedWhenLive)
{
    start();
    hub.acceptLink(makeLink(LinkStatus::Live));
    FoxClient c;
    ASSERT_TRUE(c.open(port, QStringLiteral("/")));
    ASSERT_TRUE(waitUntil([&] { return !c.ofOp("advertise").empty(); }, 10s));
    EXPECT_TRUE(c.ofOp("status").empty()) << "a live link has no status";
    hub.acceptLink(makeLink(LinkStatus::Stale));
    ASSERT_TRUE(waitUntil([&] { return !c.ofOp("status").empty(); }, 10s));
    EXPECT_EQ(c.ofOp("status").back().value(QLatin1String("level")).toInt(), 1);
    const QString id = c.ofOp("status").back().value(QLatin1String("id")).toString();
    EXPECT_FALSE(id.isEmpty());
    hub.acceptLink(makeLink(LinkStatus::Waiting));
    ASSERT_TRUE(waitUntil([&] { return c.ofOp("status").size() >= 2; }, 10s));
    EXPECT_EQ(c.ofOp("status").back().value(QLatin1String("level")).toInt(), 2);
    EXPECT_TRUE(c.ofOp("status").back().value(QLatin1String("message")).toString().contains(QLatin1String("lost")));
    hub.acceptLink(makeLink(LinkStatus::Live));
    ASSERT_TRUE(waitUntil([&] { return !c.ofOp("removeStatus").empty(); }, 10s));
    EXPECT_EQ(c.ofOp("removeStatus").back().value(QLatin1String("statusIds")).toArray().at(0).toString(), id);
}

TEST_F(Foxglove, EventsGoToEventSubscribersWithTheirTime)
{
    start();
    FoxClient c;
    ASSERT_TRUE(c.open(port, QStringLiteral("/")));
    c.send(R"({"op":"subscribe","subscriptions":[{"id":3,"channelId":3}]})");
    ASSERT_TRUE(c.sync());
    Event e;
    e.kind = EventKind::SoundOff;
    e.wallNs = 1'700'000'000'123'000'000;
    server->publishEvent(e);
    ASSERT_TRUE(waitUntil([&] { return !c.binaries.empty(); }, 10s));
    EXPECT_EQ(le(c.binaries[0], 1, 4), 3u);
    EXPECT_EQ(le(c.binaries[0], 5, 8), static_cast<quint64>(e.wallNs));
    EXPECT_EQ(QJsonDocument::fromJson(c.binaries[0].mid(13)).object().value(QLatin1String("kind")).toString(),
              QLatin1String("sound_off"));
}

TEST_F(Foxglove, TheReplayHooksAnnounceTimeAndSendTimeFrames)
{
    start();
    FoxClient c;
    ASSERT_TRUE(c.open(port, QStringLiteral("/")));
    ASSERT_TRUE(waitUntil([&] { return !c.ofOp("advertise").empty(); }, 10s));
    const QString live = server->foxgloveSessionId();
    server->setFoxgloveReplay(true, QStringLiteral("recording-1"));
    ASSERT_TRUE(waitUntil([&] { return c.ofOp("serverInfo").size() == 2; }, 10s));
    const QJsonObject info = c.ofOp("serverInfo").back();
    EXPECT_TRUE(info.value(QLatin1String("capabilities")).toArray().contains(QStringLiteral("time")));
    EXPECT_EQ(info.value(QLatin1String("sessionId")).toString(), QLatin1String("recording-1"));
    server->sendFoxgloveTime(1'700'000'000'000'000'001);
    ASSERT_TRUE(waitUntil([&] { return !c.binaries.empty(); }, 10s));
    EXPECT_EQ(c.binaries[0], foxglove::timeFrame(1'700'000'000'000'000'001));
    server->setFoxgloveReplay(false);
    EXPECT_NE(server->foxgloveSessionId(), live);
    EXPECT_NE(server->foxgloveSessionId(), QLatin1String("recording-1"));
}

TEST_F(Foxglove, ABinaryFrameGetsAnErrorStatusAndTheClientStays)
{
    start();
    FoxClient c;
    ASSERT_TRUE(c.open(port, QStringLiteral("/")));
    c.ws.sendBinaryMessage(QByteArray("\x01\x00\x00\x00\x00", 5));
    // (A waiting link has its own warning status, with an id.)
    ASSERT_TRUE(waitUntil(
        [&] {
            const auto statuses = c.ofOp("status");
            return std::any_of(statuses.begin(), statuses.end(), [](const QJsonObject &o) {
                return o.value(QLatin1String("level")).toInt() == 2 &&
                       o.value(QLatin1String("message")).toString().contains(QLatin1String("binary"));
            });
        },
        10s));
    EXPECT_FALSE(c.closed);
}

TEST_F(Foxglove, SoundWritesFollowTheTokenRule)
{
    MirrorServerOptions o = testOptions();
    o.token = QStringLiteral("tok");
    start(o);
    FoxClient c;
    ASSERT_TRUE(c.open(port, QStringLiteral("/ws?token=tok")));
    c.send(R"({"op":"setParameters","parameters":[{"name":"omniscient.sound.enabled","value":false}],"id":"x"})");
    ASSERT_TRUE(waitUntil([&] { return !c.ofOp("parameterValues").empty(); }, 10s));
    EXPECT_FALSE(hub.soundEnabled());
    EXPECT_EQ(server->stats().commandsAccepted, 1u);
}
