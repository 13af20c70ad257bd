// SPDX-License-Identifier: MIT
// The mirror server under bad input and hostile peers, its listen errors, its addresses and its teardown.
#include "test_server_support.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSignalSpy>

#include <optional>
#include <utility>

using namespace omni;
using namespace omni::test;

namespace {
/// Opens a connection and sends `bytes`; the caller watches what happens.
std::unique_ptr<QTcpSocket> connectAndSend(quint16 port, const QByteArray &bytes)
{
    auto s = std::make_unique<QTcpSocket>();
    s->connectToHost(QHostAddress::LocalHost, port);
    if (!waitUntil([&] { return s->state() == QAbstractSocket::ConnectedState; }, 10s)) {
        return nullptr;
    }
    s->write(bytes);
    return s;
}
bool waitClosed(QTcpSocket &s, QByteArray *received = nullptr, std::chrono::milliseconds timeout = 10s)
{
    return waitUntil(
        [&] {
            const QByteArray got = s.readAll();
            if (received != nullptr) {
                received->append(got);
            }
            return s.state() == QAbstractSocket::UnconnectedState;
        },
        timeout);
}
/// Sends half a request head; what the server answered before it closed, and when (ms), or nothing if it kept it.
std::optional<std::pair<QByteArray, qint64>> answerToHalfAHead(quint16 port)
{
    QElapsedTimer t;
    t.start();
    auto s = connectAndSend(port, "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n");
    QByteArray got;
    if (!s || !waitClosed(*s, &got)) {
        return std::nullopt;
    }
    return std::make_pair(got, t.elapsed());
}
} // namespace

class Limits : public ServerTest
{
};

TEST_F(Limits, ASlowlorisIsAnswered408AndClosedAfterTheRequestTimeout)
{
    MirrorServerOptions o = testOptions();
    o.requestTimeout = std::chrono::milliseconds(300);
    start(o);
    const auto answer = answerToHalfAHead(port);
    ASSERT_TRUE(answer) << "the server kept an unfinished request open";
    EXPECT_GE(answer->second, 250);
    EXPECT_TRUE(answer->first.startsWith("HTTP/1.1 408 ")) << answer->first.toStdString();
    EXPECT_GE(server->stats().connectionsDropped, 1u);
}

TEST_F(Limits, AnIdleConnectionIsClosedSilentlyAfterTheRequestTimeout)
{
    MirrorServerOptions o = testOptions();
    o.requestTimeout = std::chrono::milliseconds(200);
    start(o);
    auto s = connectAndSend(port, {});
    ASSERT_TRUE(s);
    QByteArray got;
    ASSERT_TRUE(waitClosed(*s, &got));
    EXPECT_TRUE(got.isEmpty());
}

TEST_F(Limits, AnOversizedRequestHeadIs431)
{
    start();
    const HttpReply r = exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n");
    EXPECT_EQ(r.status, 431);
    EXPECT_TRUE(r.closedByServer);
}

TEST_F(Limits, GarbageGets400AndAClose)
{
    start();
    // A TLS ClientHello (someone tried https://), then random bytes.
    const HttpReply tls = exchange(port, QByteArray::fromHex("16030100a5010000a10303") + QByteArray(100, '\x00'));
    EXPECT_EQ(tls.status, 400);
    EXPECT_TRUE(tls.closedByServer);
    QByteArray noise(512, '\0');
    QRandomGenerator rng(1234);
    for (char &c : noise) {
        c = static_cast<char>(rng.bounded(256));
    }
    noise[0] = '\x05'; // never a method character
    const HttpReply random = exchange(port, noise);
    EXPECT_EQ(random.status, 400);
    EXPECT_TRUE(random.closedByServer);
    EXPECT_EQ(exchange(port, "GET / HTTP/1.1\nHost: x\n\n").status, 400);
    EXPECT_EQ(exchange(port, "GET / HTTP/3.0\r\nHost: x\r\n\r\n").status, 505);
}

TEST_F(Limits, ConnectionsBeyondTheUnfinishedCapAreDroppedAtOnce)
{
    MirrorServerOptions o = testOptions();
    o.maxUnfinishedConnections = 3;
    o.evictUnfinishedAfter = std::chrono::minutes(1); // none of the three is old enough to make room
    start(o);
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(connectAndSend(port, "GET / HTTP/1.1\r\n"));
        ASSERT_TRUE(idle.back());
    }
    ASSERT_TRUE(waitUntil([&] { return server->unfinishedConnections() == 3; }));
    // The extra one may be cut off before it ever looks connected from this side.
    QTcpSocket extra;
    extra.connectToHost(QHostAddress::LocalHost, port);
    extra.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(waitUntil([&] { return server->stats().connectionsDropped == 1; }));
    ASSERT_TRUE(waitClosed(extra));
    EXPECT_EQ(server->stats().connectionsDropped, 1u);
    for (const auto &s : idle) {
        EXPECT_EQ(s->state(), QAbstractSocket::ConnectedState);
    }
    idle.clear(); // their slots free up
    ASSERT_TRUE(waitUntil([&] { return get("/healthz").status == 200; }));
}

TEST_F(Limits, WebSocketClientsThatCameAndWentNeverCountAsUnfinished)
{
    // Found by the soak: every WebSocket handed to Qt stayed in the admission count, so after maxUnfinished of
    // them in a process's life every newcomer was refused with a reset.
    MirrorServerOptions o = testOptions();
    o.maxUnfinishedConnections = 3;
    start(o);
    for (int i = 0; i < 8; ++i) {
        WsClient client;
        ASSERT_TRUE(client.open(port)) << "WebSocket client " << i;
        ASSERT_TRUE(client.waitFor([&] { return !client.ofType("hello").empty(); })) << "client " << i;
    }
    ASSERT_TRUE(waitUntil([&] { return server->clientCount() == 0; }));
    EXPECT_EQ(server->unfinishedConnections(), 0);
    EXPECT_EQ(get("/healthz").status, 200);
    EXPECT_EQ(server->stats().connectionsDropped, 0u);
}

TEST_F(Limits, AtTheCapANewcomerReplacesTheOldestIdleConnection)
{
    MirrorServerOptions o = testOptions();
    o.maxUnfinishedConnections = 3;
    o.evictUnfinishedAfter = std::chrono::milliseconds(300);
    start(o);
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    idle.push_back(connectAndSend(port, "GET / HTTP/1.1\r\n")); // the oldest
    ASSERT_TRUE(idle.back());
    ASSERT_TRUE(waitUntil([&] { return server->unfinishedConnections() == 1; }));
    QElapsedTimer aged;
    aged.start();
    ASSERT_TRUE(waitUntil([&] { return aged.elapsed() >= 400; }));
    for (int i = 0; i < 2; ++i) {
        idle.push_back(connectAndSend(port, "GET / HTTP/1.1\r\n"));
        ASSERT_TRUE(idle.back());
    }
    ASSERT_TRUE(waitUntil([&] { return server->unfinishedConnections() == 3; }));
    // Without eviction this request would wait for the 5 s request timeout of the idle ones, or be dropped.
    const HttpReply reply = get("/healthz");
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(waitClosed(*idle[0])) << "the oldest idle connection was not the one closed";
    EXPECT_EQ(idle[1]->state(), QAbstractSocket::ConnectedState) << "a young one was closed";
    EXPECT_EQ(idle[2]->state(), QAbstractSocket::ConnectedState) << "a young one was closed";
    EXPECT_EQ(server->stats().connectionsDropped, 1u);
}

TEST_F(Limits, AnIncompleteHeadIs408AfterTheShorterHeadDeadline)
{
    MirrorServerOptions o = testOptions();
    o.headTimeout = std::chrono::milliseconds(300);
    o.requestTimeout = std::chrono::seconds(30);
    start(o);
    const auto answer = answerToHalfAHead(port);
    ASSERT_TRUE(answer) << "the head deadline did not close a slowloris within 10 s";
    EXPECT_TRUE(answer->first.startsWith("HTTP/1.1 408 ")) << answer->first.toStdString();
}

TEST_F(Limits, AnAddressAtItsCapEvictsOnlyItsOwnAndOthersAreStillAdmitted)
{
    MirrorServerOptions o = testOptions();
    o.maxUnfinishedPerAddress = 2;
    o.capLoopbackPerAddress = true;                   // 127.0.0.2 stands for a remote attacker
    o.evictUnfinishedAfter = std::chrono::minutes(1); // nothing is stalled long enough to be replaced
    start(o);
    const QHostAddress attacker(QStringLiteral("127.0.0.2"));
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 2; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        s->setProxy(QNetworkProxy::NoProxy); // bind() asks the system proxy (libproxy's thread) otherwise
        ASSERT_TRUE(s->bind(attacker)) << "cannot bind 127.0.0.2: " << s->errorString().toStdString();
        s->connectToHost(QHostAddress::LocalHost, port);
        s->write("GET / HTTP/1.1\r\n");
        held.push_back(std::move(s));
    }
    ASSERT_TRUE(waitUntil([&] { return server->unfinishedConnections() == 2; }));
    // A third from the same address is refused ...
    QTcpSocket third;
    third.setProxy(QNetworkProxy::NoProxy);
    ASSERT_TRUE(third.bind(attacker));
    third.connectToHost(QHostAddress::LocalHost, port);
    third.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(waitClosed(third));
    EXPECT_EQ(server->stats().connectionsDropped, 1u);
    // ... while another address is served, and the two held ones are untouched.
    EXPECT_EQ(get("/healthz").status, 200);
    for (const auto &s : held) {
        EXPECT_EQ(s->state(), QAbstractSocket::ConnectedState);
    }
}

TEST_F(Limits, BadPeersDoNotDisturbAStreamingClient)
{
    MirrorServerOptions o = testOptions();
    o.requestTimeout = std::chrono::milliseconds(200);
    start(o);
    hub.acceptLink(makeLink(LinkStatus::Live));
    WsClient client;
    ASSERT_TRUE(client.open(port));
    auto slowloris = connectAndSend(port, "GET / HTTP/1.1\r\n");
    auto garbage = connectAndSend(port, QByteArray(3000, '\x7f'));
    auto oversized = connectAndSend(port, "GET / HTTP/1.1\r\nX: " + QByteArray(10000, 'b'));
    for (quint64 seq = 1; seq <= 30; ++seq) {
        hub.acceptState(makeState(seq));
        ASSERT_TRUE(client.waitFor([&] { return client.lastSeq() == static_cast<qint64>(seq); }));
    }
    ASSERT_TRUE(waitClosed(*slowloris) && waitClosed(*garbage) && waitClosed(*oversized));
    EXPECT_EQ(client.ofType("state").size(), 30u);
    EXPECT_FALSE(client.closed);
}

TEST_F(Limits, ListeningOnABusyPortFailsWithAddressInUse)
{
    start();
    MirrorServerOptions o = testOptions();
    o.port = port;
    MirrorServer second(&hub, o);
    QSignalSpy errors(&second, &MirrorServer::errorOccurred);
    EXPECT_FALSE(second.listen());
    EXPECT_EQ(second.error(), MirrorServer::Error::AddressInUse);
    EXPECT_TRUE(second.errorString().contains(QString::number(port))) << second.errorString().toStdString();
    ASSERT_EQ(errors.size(), 1);
    EXPECT_EQ(errors.at(0).at(0).value<MirrorServer::Error>(), MirrorServer::Error::AddressInUse);
    EXPECT_FALSE(second.isListening());
    EXPECT_EQ(second.port(), 0);
    EXPECT_EQ(get("/healthz").status, 200); // the first one is unharmed
}

TEST_F(Limits, ListeningOnAnAddressOfAnotherMachineFails)
{
    MirrorServerOptions o = testOptions();
    o.address = QHostAddress(QStringLiteral("192.0.2.1")); // TEST-NET-1, never local
    MirrorServer s(&hub, o);
    EXPECT_FALSE(s.listen());
    EXPECT_EQ(s.error(), MirrorServer::Error::AddressNotAvailable);
}

TEST(MirrorServerAddresses, BindValuesParse)
{
    EXPECT_EQ(MirrorServer::parseBindAddress({}), QHostAddress(QHostAddress::Any));
    EXPECT_EQ(MirrorServer::parseBindAddress(QStringLiteral("any")), QHostAddress(QHostAddress::Any));
    EXPECT_EQ(MirrorServer::parseBindAddress(QStringLiteral("localhost")), QHostAddress(QHostAddress::LocalHost));
    EXPECT_EQ(MirrorServer::parseBindAddress(QStringLiteral("192.168.1.5")),
              QHostAddress(QStringLiteral("192.168.1.5")));
    EXPECT_EQ(MirrorServer::parseBindAddress(QStringLiteral("[::1]")), QHostAddress(QHostAddress::LocalHostIPv6));
    EXPECT_EQ(MirrorServer::parseBindAddress(QStringLiteral("raspberrypi")), std::nullopt);
    EXPECT_EQ(MirrorServer::parseBindAddress(QStringLiteral("300.1.1.1")), std::nullopt);
}

TEST_F(Limits, UrlsNameLocalhostAndThePortActuallyUsed)
{
    Hub h;
    MirrorServerOptions o = testOptions();
    MirrorServer notYet(&h, o);
    EXPECT_TRUE(notYet.urls().isEmpty());
    start();
    EXPECT_EQ(server->urls(), QStringList{QStringLiteral("http://localhost:%1/").arg(port)});

    o.address = QHostAddress(QHostAddress::Any);
    MirrorServer all(&h, o);
    ASSERT_TRUE(all.listen());
    const QStringList urls = all.urls();
    ASSERT_FALSE(urls.isEmpty());
    EXPECT_EQ(urls.first(), QStringLiteral("http://localhost:%1/").arg(all.port()));
    for (const QString &u : urls) {
        EXPECT_TRUE(u.endsWith(QStringLiteral(":%1/").arg(all.port()))) << u.toStdString();
        EXPECT_FALSE(u.contains(QStringLiteral("127.0.0.1"))) << u.toStdString();
        EXPECT_FALSE(u.contains(QStringLiteral("[fe80"))) << u.toStdString();
    }
}

TEST_F(Limits, DestroyingTheServerUnderLiveClientsClosesThemCleanly)
{
    start();
    hub.acceptState(makeState(1));
    WsClient a;
    WsClient b;
    ASSERT_TRUE(a.open(port) && b.open(port));
    auto pending = connectAndSend(port, "GET / HTTP/1.1\r\n");
    ASSERT_TRUE(waitUntil([&] { return server->clientCount() == 2; }));
    server.reset(); // ASan/UBSan builds catch a use-after-free here
    ASSERT_TRUE(a.waitFor([&] { return a.closed && b.closed; }));
    ASSERT_TRUE(waitClosed(*pending));
    hub.acceptState(makeState(2)); // no server left to notify: nothing happens
}

TEST_F(Limits, CloseStopsListeningAndListenStartsAgain)
{
    start();
    server->close();
    EXPECT_FALSE(server->isListening());
    const HttpReply refused = exchange(port, request(port, "GET", "/healthz"), 2s);
    EXPECT_EQ(refused.status, 0);
    ASSERT_TRUE(server->listen());
    EXPECT_EQ(exchange(server->port(), request(server->port(), "GET", "/healthz")).status, 200);
}
