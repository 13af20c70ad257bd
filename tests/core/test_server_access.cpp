// SPDX-License-Identifier: MIT
// Who may use what, over real sockets: the original observer's GET /toggle-sound and its refusals, and the Host
// allow-list against DNS rebinding on /api/*, /toggle-sound and /ws.
#include "test_server_support.h"

#include <omni/hostallowlist.h>

using namespace omni;
using namespace omni::test;

namespace {

/// A request head with the given Host header (none when `host` is null).
QByteArray withHost(const QByteArray &method, const QByteArray &path, const char *host, const QByteArray &extra = {})
{
    QByteArray head = method + ' ' + path + " HTTP/1.1\r\n";
    if (host != nullptr) {
        head += "Host: " + QByteArray(host) + "\r\n";
    } else {
        head.replace("HTTP/1.1", "HTTP/1.0"); // only 1.0 may leave Host out
    }
    return head + extra + "\r\n";
}

/// The status of the answer to `head`, read as soon as it arrives (a 101 leaves the connection open).
int statusOf(quint16 port, const QByteArray &head)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!waitUntil([&] { return s.state() == QAbstractSocket::ConnectedState; }, 10s)) {
        return 0;
    }
    s.write(head);
    QByteArray raw;
    waitUntil(
        [&] {
            raw += s.readAll();
            return raw.contains("\r\n") || s.state() == QAbstractSocket::UnconnectedState;
        },
        10s);
    return raw.startsWith("HTTP/1.1 ") ? raw.mid(9, 3).toInt() : 0;
}

QByteArray status(bool on)
{
    return on ? R"({"status":"on"})" : R"({"status":"off"})";
}

} // namespace

class Access : public ServerTest
{
};

TEST_F(Access, ToggleSoundFlipsTheSharedSettingAndAnswersAsTheOriginalDid)
{
    start();
    WsClient client;
    ASSERT_TRUE(client.open(port));
    ASSERT_TRUE(hub.soundEnabled());

    const HttpReply off = get("/toggle-sound");
    ASSERT_EQ(off.status, 200) << off.raw.toStdString();
    EXPECT_EQ(off.body, status(false));
    EXPECT_EQ(off.headers.value("content-type"), "application/json");
    EXPECT_EQ(off.headers.value("cache-control"), "no-store");
    EXPECT_FALSE(hub.soundEnabled());
    ASSERT_TRUE(client.waitFor([&] { return !client.ofType("sound").empty(); }));
    EXPECT_EQ(client.ofType("sound").back().value(QLatin1String("enabled")), false) << "the same setting as /api/sound";
    EXPECT_EQ(QJsonDocument::fromJson(get("/api/sound").body).object().value(QLatin1String("enabled")), false);

    const QByteArray self =
        "Origin: http://127.0.0.1:" + QByteArray::number(port) + "\r\nSec-Fetch-Site: same-origin\r\n";
    const HttpReply on = get("/toggle-sound", self);
    EXPECT_EQ(on.status, 200);
    EXPECT_EQ(on.body, status(true));
    EXPECT_TRUE(hub.soundEnabled());
}

TEST_F(Access, ToggleSoundIsOnlyAGetBecauseItChangesTheSetting)
{
    start();
    EXPECT_EQ(exchange(port, request(port, "HEAD", "/toggle-sound")).status, 405);
    const HttpReply post = exchange(port, request(port, "POST", "/toggle-sound", "Content-Length: 0\r\n"));
    EXPECT_EQ(post.status, 405);
    EXPECT_EQ(post.headers.value("allow"), "GET");
    EXPECT_TRUE(hub.soundEnabled());
}

TEST_F(Access, ToggleSoundRefusesOtherSitesAndOriginsAsTheBrowserNamesThem)
{
    start();
    const HttpReply crossSite = get("/toggle-sound", "Sec-Fetch-Site: cross-site\r\n"); // an <img> on a hostile page
    EXPECT_EQ(crossSite.status, 403);
    EXPECT_TRUE(crossSite.body.contains("cross-site")) << crossSite.body.toStdString();
    EXPECT_EQ(get("/toggle-sound", "Sec-Fetch-Site: same-site\r\n").status, 403) << "another port: another origin";
    EXPECT_EQ(get("/toggle-sound", "Origin: http://evil.example\r\n").status, 403);
    const QByteArray otherPort = "Origin: http://127.0.0.1:" + QByteArray::number(port + 1) + "\r\n";
    EXPECT_EQ(get("/toggle-sound", otherPort).status, 403);
    EXPECT_EQ(get("/toggle-sound", "Origin: null\r\n").status, 403);
    EXPECT_TRUE(hub.soundEnabled()) << "nothing was switched";
    EXPECT_EQ(server->stats().commandsRefused, 5u);

    // Typed into the address bar (Sec-Fetch-Site: none, no Origin), as people used the original: allowed.
    EXPECT_EQ(get("/toggle-sound", "Sec-Fetch-Site: none\r\n").status, 200);
    EXPECT_FALSE(hub.soundEnabled());
}

TEST_F(Access, ToggleSoundNeedsTheTokenWhenOneIsSetEvenFromThisOrigin)
{
    MirrorServerOptions o = testOptions();
    o.token = QStringLiteral("s3cret");
    start(o);
    const QByteArray self = "Origin: http://127.0.0.1:" + QByteArray::number(port) + "\r\n";
    const HttpReply none = get("/toggle-sound", self);
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(none.headers.value("www-authenticate"), "Bearer realm=\"omniscient\"");
    EXPECT_EQ(get("/toggle-sound?token=wrong").status, 401);
    EXPECT_TRUE(hub.soundEnabled());

    EXPECT_EQ(get("/toggle-sound?token=s3cret").body, status(false));
    EXPECT_EQ(get("/toggle-sound", "Authorization: Bearer s3cret\r\n").body, status(true));
    // The token does not open the cross-site hole.
    EXPECT_EQ(get("/toggle-sound?token=s3cret", "Sec-Fetch-Site: cross-site\r\n").status, 403);
    EXPECT_EQ(get("/toggle-sound?token=s3cret", "Origin: http://evil.example\r\n").status, 403);
    EXPECT_TRUE(hub.soundEnabled());
}

TEST_F(Access, AForeignHostNameIsRefusedOnTheApiTheToggleAndTheStreamWithTheFlagToAllowIt)
{
    start();
    hub.acceptLink(makeLink(LinkStatus::Live));
    hub.acceptState(makeState(1));
    const HttpReply state = exchange(port, withHost("GET", "/api/state", "rebind.evil.example:3001"));
    EXPECT_EQ(state.status, 403);
    EXPECT_TRUE(state.body.contains("Host \"rebind.evil.example:3001\"")) << state.body.toStdString();
    EXPECT_TRUE(state.body.contains("--allowed-hosts rebind.evil.example ")) << state.body.toStdString();
    EXPECT_EQ(exchange(port, withHost("GET", "/api/sound", "rebind.evil.example")).status, 403);
    EXPECT_EQ(exchange(port, withHost("GET", "/toggle-sound", "rebind.evil.example")).status, 403);
    EXPECT_TRUE(hub.soundEnabled());
    EXPECT_EQ(statusOf(port, withHost("GET", "/ws", "rebind.evil.example:3001", upgradeHeaders())), 403);
    EXPECT_EQ(server->clientCount(), 0);
    // Garbage in Host is refused too, and the page itself is not guarded.
    EXPECT_EQ(exchange(port, withHost("GET", "/api/state", "a:b:c")).status, 403);
    EXPECT_EQ(exchange(port, withHost("GET", "/", "rebind.evil.example")).status, 200);
    EXPECT_EQ(exchange(port, withHost("GET", "/healthz", "rebind.evil.example")).status, 200);
}

TEST_F(Access, IpAddressesLocalhostThisMachinesNamesAndListedNamesAreAllowed)
{
    MirrorServerOptions o = testOptions();
    o.allowedHosts = {QStringLiteral("robot.example")};
    start(o);
    hub.acceptLink(makeLink(LinkStatus::Live));
    hub.acceptState(makeState(1));
    QList<QByteArray> hosts{"127.0.0.1:" + QByteArray::number(port),
                            "192.168.1.20",
                            "[::1]:3001",
                            "[fe80::1]",
                            "localhost:3001",
                            "LOCALHOST.",
                            "robot.example:3001",
                            "Robot.Example."};
    for (const QString &name : HostAllowList::machineNames()) {
        hosts.append(name.toUtf8() + ':' + QByteArray::number(port));
    }
    for (const QByteArray &host : hosts) {
        SCOPED_TRACE(host.toStdString());
        EXPECT_EQ(exchange(port, withHost("GET", "/api/state", host.constData())).status, 200);
        EXPECT_EQ(statusOf(port, withHost("GET", "/ws", host.constData(), upgradeHeaders())), 101);
    }
    EXPECT_EQ(exchange(port, withHost("GET", "/api/state", nullptr)).status, 200) << "HTTP/1.0 without Host";
    EXPECT_EQ(exchange(port, withHost("GET", "/toggle-sound", "robot.example")).body, status(false));
    EXPECT_EQ(exchange(port, withHost("GET", "/api/state", "other.example")).status, 403);
}
