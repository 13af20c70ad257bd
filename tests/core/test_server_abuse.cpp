// SPDX-License-Identifier: MIT
// Clients that abuse the stream (issue 17 §0, §1b): floods of pings and pongs, blind pongs, unmasked frames,
// too many sockets from one address or from other sites' pages; and the frame scanner that sees them first.
#include "server/framescanner.h"
#include "test_server_support.h"

#include <QRandomGenerator>

using namespace omni;
using namespace omni::test;

namespace {

/// A client frame: FIN, `opcode`, with a mask key unless `masked` is false (the payload is masked with it).
QByteArray clientFrame(int opcode, QByteArray payload, bool masked = true)
{
    QByteArray out;
    out.append(static_cast<char>(0x80 | opcode));
    const int maskBit = masked ? 0x80 : 0;
    if (payload.size() < 126) {
        out.append(static_cast<char>(maskBit | static_cast<int>(payload.size())));
    } else {
        out.append(static_cast<char>(maskBit | 126));
        char len[2];
        qToBigEndian<quint16>(static_cast<quint16>(payload.size()), len);
        out.append(len, 2);
    }
    if (masked) {
        const char key[4] = {0x11, 0x22, 0x33, 0x44};
        out.append(key, 4);
        for (qsizetype i = 0; i < payload.size(); ++i) {
            payload[i] = static_cast<char>(payload[i] ^ key[i % 4]);
        }
    }
    return out + payload;
}

bool closedBy(RawWsPeer &peer)
{
    peer.buffer += peer.sock.readAll();
    return peer.sock.state() == QAbstractSocket::UnconnectedState;
}

} // namespace

TEST(FrameScanner, CountsFramesControlFramesAndBytesAcrossAnySplit)
{
    const QByteArray stream = clientFrame(0x9, "ping") + clientFrame(0x1, QByteArray(300, 'x')) +
                              clientFrame(0xA, "pong") + clientFrame(0x2, QByteArray(5, 'b'));
    for (qsizetype step : {1, 2, 3, 7, 64, 1000}) {
        FrameScanner scanner;
        int frames = 0;
        int control = 0;
        qint64 bytes = 0;
        for (qsizetype i = 0; i < stream.size(); i += step) {
            const auto scan = scanner.feed(QByteArrayView(stream).sliced(i, std::min(step, stream.size() - i)));
            frames += scan.frames;
            control += scan.controlFrames;
            bytes += scan.bytes;
            EXPECT_FALSE(scan.unmasked);
        }
        EXPECT_EQ(frames, 4) << "step " << step;
        EXPECT_EQ(control, 2) << "step " << step;
        EXPECT_EQ(bytes, stream.size());
    }
}

TEST(FrameScanner, ReportsAnUnmaskedFrameEvenAfterMaskedOnes)
{
    FrameScanner scanner;
    EXPECT_FALSE(scanner.feed(clientFrame(0x1, "{}")).unmasked);
    const auto scan = scanner.feed(clientFrame(0x9, "cd", false));
    EXPECT_TRUE(scan.unmasked);
    EXPECT_EQ(scan.controlFrames, 1);
}

TEST(FrameScanner, SkipsAHugeDeclaredPayloadWithoutTakingItForFrames)
{
    FrameScanner scanner;
    QByteArray head("\x82\xff", 2);
    char len[8];
    qToBigEndian<quint64>(quint64{1} << 40, len);
    head.append(len, 8).append("\x01\x02\x03\x04", 4);
    EXPECT_EQ(scanner.feed(head).frames, 1);
    EXPECT_EQ(scanner.feed(clientFrame(0x9, "inside the big payload")).frames, 0);
}

class Abuse : public ServerTest
{
protected:
    /// Options under which only the byte cap can stop a ping flood (the rate limits are out of the way).
    static MirrorServerOptions onlyTheQueueCap()
    {
        MirrorServerOptions o = testOptions();
        o.maxControlFramesPerSecond = 1'000'000;
        o.maxIncomingBytesPerSecond = qint64{1} << 40;
        o.maxQueuedBytesPerClient = qint64{64} * 1024;
        o.pingInterval = std::chrono::minutes(10);
        return o;
    }
};

TEST_F(Abuse, APingFloodThatNeverReadsIsClosedAtTheQueueCapWhileOthersAreServed)
{
    start(onlyTheQueueCap());
    WsClient reader;
    ASSERT_TRUE(reader.open(port));
    RawWsPeer flood;
    ASSERT_TRUE(flood.handshake(port));
    flood.stopReading();
    const QByteArray ping = clientFrame(0x9, QByteArray(125, 'p'));
    qint64 mostBuffered = 0;
    const bool dropped = waitUntil(
        [&] {
            if (flood.sock.state() == QAbstractSocket::ConnectedState && flood.sock.bytesToWrite() < 1'000'000) {
                for (int i = 0; i < 500; ++i) {
                    flood.sock.write(ping);
                }
            }
            mostBuffered = std::max(mostBuffered, server->bytesBuffered());
            return server->stats().clientsClosedQueueFull >= 1;
        },
        10s);
    ASSERT_TRUE(dropped) << "still buffered: " << server->bytesBuffered();
    EXPECT_LE(mostBuffered, qint64{64} * 1024 + 1024) << "Qt's pongs count against the cap";
    EXPECT_EQ(server->clientCount(), 1);
    hub.acceptState(makeState(7));
    EXPECT_TRUE(reader.waitFor([&] { return reader.hasSeq(7); }));
}

TEST_F(Abuse, PingsAndPongsBeyondTheControlFrameRateCloseTheClient)
{
    MirrorServerOptions o = testOptions();
    o.maxControlFramesPerSecond = 10;
    start(o);
    RawWsPeer pinger;
    ASSERT_TRUE(pinger.handshake(port));
    RawWsPeer ponger;
    ASSERT_TRUE(ponger.handshake(port));
    for (int i = 0; i < 30; ++i) {
        pinger.sock.write(clientFrame(0x9, "p"));
        ponger.sock.write(clientFrame(0xA, "blind"));
    }
    ASSERT_TRUE(waitUntil([&] { return closedBy(pinger) && closedBy(ponger); }));
    EXPECT_EQ(server->stats().clientsClosedRate, 2u);
}

TEST_F(Abuse, MoreIncomingBytesThanTheByteRateCloseTheClient)
{
    MirrorServerOptions o = testOptions();
    o.maxIncomingBytesPerSecond = 2000;
    start(o);
    RawWsPeer talker;
    ASSERT_TRUE(talker.handshake(port));
    for (int i = 0; i < 3; ++i) {
        talker.sock.write(clientFrame(0x2, QByteArray(1000, 'b'))); // binary: ignored, but counted
    }
    ASSERT_TRUE(waitUntil([&] { return closedBy(talker); }));
    EXPECT_EQ(server->stats().clientsClosedRate, 1u);
}

TEST_F(Abuse, OnlyAPongThatEchoesThePingPayloadKeepsAClient)
{
    MirrorServerOptions o = testOptions();
    o.pingInterval = std::chrono::milliseconds(100);
    start(o);
    RawWsPeer echo;
    RawWsPeer blind;
    ASSERT_TRUE(echo.handshake(port) && blind.handshake(port));
    QByteArray lastPayload;
    const auto answer = [&](RawWsPeer &peer, bool echoes) {
        for (const auto &f : peer.frames()) {
            if (f.opcode == 0x9) {
                lastPayload = f.payload;
                peer.sock.write(clientFrame(0xA, echoes ? f.payload : QByteArray("not yours")));
            }
        }
    };
    ASSERT_TRUE(waitUntil([&] {
        answer(echo, true);
        answer(blind, false);
        return blind.sock.state() == QAbstractSocket::UnconnectedState;
    }));
    EXPECT_EQ(lastPayload.size(), 8) << "pings carry a random payload";
    const QByteArray first = lastPayload;
    waitUntil([&] {
        answer(echo, true);
        return lastPayload != first;
    });
    EXPECT_NE(lastPayload, first) << "a fresh payload each ping";
    waitUntil(
        [&] {
            answer(echo, true);
            return echo.sock.state() != QAbstractSocket::ConnectedState;
        },
        400ms); // several more ping rounds, answered
    answer(echo, true);
    EXPECT_EQ(echo.sock.state(), QAbstractSocket::ConnectedState);
    EXPECT_EQ(server->clientCount(), 1);
}

TEST_F(Abuse, AnUnmaskedFrameClosesTheClientBeforeQtObeysIt)
{
    start();
    RawWsPeer peer;
    ASSERT_TRUE(peer.handshake(port));
    peer.sock.write(clientFrame(0x9, "cd", false));
    ASSERT_TRUE(waitUntil([&] { return closedBy(peer); }));
    for (const auto &f : peer.frames()) {
        EXPECT_NE(f.opcode, 0xA) << "the unmasked ping was answered";
    }
    EXPECT_EQ(server->stats().clientsClosedUnmasked, 1u);
}

TEST_F(Abuse, PagesOfOtherSitesGetASmallQuotaOfTheirOwn)
{
    MirrorServerOptions o = testOptions();
    o.maxCrossOriginClients = 2;
    start(o);
    WsClient a(QStringLiteral("http://evil.example"));
    WsClient b(QStringLiteral("http://evil.example"));
    WsClient c(QStringLiteral("http://other.example"));
    ASSERT_TRUE(a.open(port) && b.open(port));
    EXPECT_FALSE(c.open(port)) << "beyond the quota";
    const QByteArray self = "http://127.0.0.1:" + QByteArray::number(port);
    WsClient own(QString::fromLatin1(self));
    EXPECT_TRUE(own.open(port)) << "this server's own page is not held to it";
    WsClient script;
    EXPECT_TRUE(script.open(port)) << "nor a client without Origin";
    const HttpReply refused =
        exchange(port, request(port, "GET", "/ws", upgradeHeaders() + "Origin: http://x.example\r\n"));
    EXPECT_EQ(refused.status, 503);
}

TEST_F(Abuse, WithATokenOtherSitesHaveNoQuota)
{
    MirrorServerOptions o = testOptions();
    o.maxCrossOriginClients = 1;
    o.token = QStringLiteral("t0k");
    start(o);
    WsClient a(QStringLiteral("http://evil.example"));
    WsClient b(QStringLiteral("http://evil.example"));
    EXPECT_TRUE(a.open(port, QStringLiteral("?token=t0k")) && b.open(port, QStringLiteral("?token=t0k")));
}

TEST_F(Abuse, ConnectionsPerAddressAreCapped)
{
    MirrorServerOptions o = testOptions();
    o.maxClientsPerAddress = 2;
    o.loopbackHasNoPerAddressCap = false;
    start(o);
    WsClient a;
    WsClient b;
    WsClient c;
    ASSERT_TRUE(a.open(port) && b.open(port));
    EXPECT_FALSE(c.open(port));
    const HttpReply third = exchange(port, request(port, "GET", "/ws", upgradeHeaders()));
    EXPECT_EQ(third.status, 503);
    EXPECT_TRUE(third.body.contains("your address"));
}

TEST_F(Abuse, LoopbackIsNotHeldToThePerAddressCapByDefault)
{
    MirrorServerOptions o = testOptions();
    o.maxClientsPerAddress = 1;
    start(o);
    WsClient a;
    WsClient b;
    EXPECT_TRUE(a.open(port) && b.open(port));
}

TEST_F(Abuse, UpgradesQtWouldDropSilentlyGet400)
{
    start();
    const QByteArray key = upgradeHeaders();
    const QByteArray host = "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    EXPECT_EQ(exchange(port, "GET /ws HTTP/1.0\r\n" + host + key + "\r\n").status, 400);
    EXPECT_EQ(exchange(port, "GET /ws HTTP/1.1\r\nHost:\r\n" + key + "\r\n").status, 400);
    QByteArray h2c = key;
    h2c.replace("Upgrade: websocket", "Upgrade: h2c, websocket");
    EXPECT_EQ(exchange(port, "GET /ws HTTP/1.1\r\n" + host + h2c + "\r\n").status, 400);
    RawWsPeer fine;
    EXPECT_TRUE(fine.handshake(port)) << "a plain upgrade still works";
}

TEST_F(Abuse, EveryAnswerCarriesTheSecurityHeadersThe101Included)
{
    start();
    RawWsPeer peer;
    peer.sock.connectToHost(QHostAddress::LocalHost, port);
    ASSERT_TRUE(waitUntil([&] { return peer.sock.state() == QAbstractSocket::ConnectedState; }));
    peer.sock.write(request(port, "GET", "/ws", upgradeHeaders()));
    QByteArray head;
    ASSERT_TRUE(waitUntil([&] {
        head += peer.sock.readAll();
        return head.contains("\r\n\r\n");
    }));
    const HttpReply upgraded = parseReply(head);
    const HttpReply page = get("/");
    const HttpReply api = get("/api/sound");
    const HttpReply missing = get("/nope");
    for (const HttpReply *r : {&upgraded, &page, &api, &missing}) {
        EXPECT_EQ(r->headers.value("x-frame-options"), "DENY") << r->status;
        EXPECT_TRUE(r->headers.value("content-security-policy").contains("frame-ancestors 'none'")) << r->status;
        EXPECT_EQ(r->headers.value("x-content-type-options"), "nosniff") << r->status;
        EXPECT_EQ(r->headers.value("referrer-policy"), "no-referrer") << r->status;
    }
    EXPECT_EQ(upgraded.status, 101);
    EXPECT_TRUE(upgraded.headers.contains("sec-websocket-accept")) << "Qt's own answer, only extended";
}

TEST_F(Abuse, StateChangingPostsAcceptOnlyJson)
{
    start();
    const auto post = [&](const QByteArray &type) {
        const QByteArray body = R"({"enabled":false})";
        const QByteArray typeLine = type.isNull() ? QByteArray() : "Content-Type: " + type + "\r\n";
        return exchange(port, request(port, "POST", "/api/sound",
                                      typeLine + "Content-Length: " + QByteArray::number(body.size()) + "\r\n") +
                                  body)
            .status;
    };
    EXPECT_EQ(post({}), 415);
    EXPECT_EQ(post("text/plain"), 415);
    EXPECT_EQ(post("application/x-www-form-urlencoded"), 415);
    EXPECT_EQ(post("multipart/form-data; boundary=x"), 415);
    EXPECT_TRUE(hub.soundEnabled());
    EXPECT_EQ(post("Application/JSON; charset=utf-8"), 200);
    EXPECT_FALSE(hub.soundEnabled());
}
