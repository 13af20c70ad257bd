// SPDX-License-Identifier: MIT
// Remote mode against the real mirror server, in-process: the Pi's hub → MirrorServer → RemoteSource →
// the laptop's hub and dashboard; one sound switch shared by the laptop's button, the web (/api/sound)
// and the Pi; a refused token; the Pi's robot going stale.
#include "dashboard.h"
#include "testutil.h"

#include "options.h"
#include "runtime.h"

#include <omni/hub.h>
#include <omni/mirrorserver.h>
#include <omni/remotesource.h>

#include <gtest/gtest.h>

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>

using namespace omni;
using namespace omni::gui;
using namespace omni::test;
using namespace std::chrono_literals;

namespace {

RobotState state(quint64 seq)
{
    RobotState s;
    s.seq = seq;
    s.direction = 2;
    s.motorPower = {30, 30, 30};
    s.sensors = {0, 0, 1, 0, 0};
    s.publishUnixNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    s.publishMonoNs = omni::Clock::system().monotonicNs();
    s.writerPid = 99;
    s.layout = Layout::Current;
    return s;
}

LinkInfo link(LinkStatus status)
{
    LinkInfo l;
    l.status = status;
    l.layout = Layout::Current;
    l.source = QStringLiteral("shm:omnigod");
    return l;
}

/// The Pi: a hub fed by hand and the mirror server on an ephemeral port.
struct Pi {
    explicit Pi(const QString &token = {})
    {
        MirrorServerOptions o;
        o.address = QHostAddress(QHostAddress::LocalHost);
        o.port = 0;
        o.token = token;
        server = std::make_unique<MirrorServer>(&hub, o);
        EXPECT_TRUE(server->listen()) << server->errorString().toStdString();
        hub.acceptLink(link(LinkStatus::Live));
        hub.acceptState(state(1));
    }
    QUrl url(const QString &query = {}) const
    {
        QUrl u(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server->port()));
        u.setQuery(query);
        return u;
    }
    Hub hub;
    std::unique_ptr<MirrorServer> server;
};

/// The laptop: omniscient --connect, as main() wires it, with its dashboard.
struct Laptop {
    explicit Laptop(const QUrl &url)
    {
        app::Options o;
        o.connectUrl = url.toString();
        runtime = std::make_unique<app::Runtime>(o);
        QString error;
        EXPECT_TRUE(runtime->start(&error)) << error.toStdString();
        dashboard = std::make_unique<Dashboard>(runtime->hub());
        dashboard->setRemote(runtime->remote());
        QObject::connect(dashboard.get(), &Dashboard::soundToggled, runtime->hub(), &Hub::setSoundEnabled);
    }
    Hub &hub() { return *runtime->hub(); }
    RemoteSource &remote() { return *runtime->remote(); }
    QPushButton *button()
    {
        dashboard->refreshNow();
        return dashboard->infoPanel()->soundButton();
    }
    std::unique_ptr<app::Runtime> runtime;
    std::unique_ptr<Dashboard> dashboard;
};

int postSound(quint16 port, bool enabled)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/api/sound").arg(port)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply =
        nam.post(req, enabled ? QByteArray(R"({"enabled":true})") : QByteArray(R"({"enabled":false})"));
    waitUntil([reply] { return reply->isFinished(); }, 5s);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

} // namespace

TEST(RemoteMirror, TheLaptopShowsThePisRobotLive)
{
    Pi pi;
    Laptop laptop(pi.url());
    ASSERT_TRUE(waitUntil([&] { return laptop.hub().latest() && laptop.hub().link().status == LinkStatus::Live; }));
    EXPECT_TRUE(laptop.hub().latest()->samePayload(state(1)));
    EXPECT_EQ(laptop.remote().networkStatus(), NetworkStatus::Connected);
    EXPECT_EQ(laptop.remote().upstreamSource(), QStringLiteral("shm:omnigod"));

    pi.hub.acceptState(state(2));
    ASSERT_TRUE(waitUntil([&] { return laptop.hub().latest()->seq == 2; }));
    laptop.dashboard->refreshNow();
    EXPECT_FALSE(laptop.dashboard->problem().has_value());
    EXPECT_EQ(laptop.dashboard->infoPanel()->valueText(InfoPanel::Field::Action), QStringLiteral("rotating left"));
}

TEST(RemoteMirror, ThePisStaleRobotIsStaleOnTheLaptopToo)
{
    Pi pi;
    Laptop laptop(pi.url());
    ASSERT_TRUE(waitUntil([&] { return laptop.hub().link().status == LinkStatus::Live; }));
    pi.hub.acceptLink(link(LinkStatus::Stale));
    ASSERT_TRUE(waitUntil([&] { return laptop.hub().link().status == LinkStatus::Stale; }));
    laptop.dashboard->refreshNow();
    ASSERT_TRUE(laptop.dashboard->problem());
    EXPECT_EQ(laptop.dashboard->problem()->kind, ProblemKind::Stale);
    EXPECT_EQ(laptop.remote().networkStatus(), NetworkStatus::Connected) << "the network is fine; the robot is not";
}

TEST(RemoteMirror, OneSoundSwitchForTheLaptopButtonTheWebAndThePi)
{
    Pi pi;
    Laptop laptop(pi.url());
    ASSERT_TRUE(waitUntil([&] { return laptop.remote().networkStatus() == NetworkStatus::Connected; }));
    ASSERT_TRUE(pi.hub.soundEnabled());
    ASSERT_TRUE(laptop.button()->isChecked());

    // The laptop's button switches the robot's sound on the Pi...
    laptop.button()->click();
    ASSERT_TRUE(waitUntil([&] { return !pi.hub.soundEnabled(); })) << "GUI → server";
    ASSERT_TRUE(waitUntil([&] { return !laptop.button()->isChecked(); }));

    // ...the web page's button (POST /api/sound) switches it back, and the laptop follows...
    EXPECT_EQ(postSound(pi.server->port(), true), 200);
    ASSERT_TRUE(waitUntil([&] { return pi.hub.soundEnabled(); })) << "web → server";
    ASSERT_TRUE(waitUntil([&] { return laptop.hub().soundEnabled(); })) << "server → GUI";
    EXPECT_TRUE(laptop.button()->isChecked());

    // ...and so does a change on the Pi's own screen.
    pi.hub.setSoundEnabled(false);
    ASSERT_TRUE(waitUntil([&] { return !laptop.hub().soundEnabled(); }));
    EXPECT_FALSE(laptop.button()->isChecked());
}

TEST(RemoteMirror, AWrongTokenIsRefusedAndTheRightOneWorks)
{
    Pi pi(QStringLiteral("s3cret"));
    Laptop wrong(pi.url(QStringLiteral("token=nope")));
    ASSERT_TRUE(waitUntil([&] { return wrong.remote().networkStatus() == NetworkStatus::TokenRefused; }));
    wrong.dashboard->refreshNow();
    ASSERT_TRUE(wrong.dashboard->problem());
    EXPECT_EQ(wrong.dashboard->problem()->title, QStringLiteral("ACCESS REFUSED"));

    Laptop right(pi.url(QStringLiteral("token=s3cret")));
    ASSERT_TRUE(waitUntil([&] { return right.remote().networkStatus() == NetworkStatus::Connected; }));
    // The Pi's only state may be older than the remote stale window by now (slow machines, sanitizers):
    // a fresh one must show live through the accepted token.
    pi.hub.acceptState(state(2));
    ASSERT_TRUE(waitUntil([&] { return right.hub().link().status == LinkStatus::Live; }));
}

TEST(RemoteMirror, ThePiGoingAwayIsOfflineNotLiveAndItComesBack)
{
    auto pi = std::make_unique<Pi>();
    const quint16 port = pi->server->port();
    Laptop laptop(pi->url());
    ASSERT_TRUE(waitUntil([&] { return laptop.hub().link().status == LinkStatus::Live; }));
    pi.reset();
    ASSERT_TRUE(waitUntil([&] { return laptop.remote().networkStatus() == NetworkStatus::Unreachable; }));
    EXPECT_EQ(laptop.hub().link().status, LinkStatus::Stale);
    laptop.dashboard->refreshNow();
    ASSERT_TRUE(laptop.dashboard->problem());
    EXPECT_EQ(laptop.dashboard->problem()->kind, ProblemKind::Offline);

    // The Pi restarts on the same port: the laptop finds it again by itself.
    Hub hub;
    MirrorServerOptions o;
    o.address = QHostAddress(QHostAddress::LocalHost);
    o.port = port;
    MirrorServer again(&hub, o);
    ASSERT_TRUE(again.listen()) << again.errorString().toStdString();
    hub.acceptLink(link(LinkStatus::Live));
    hub.acceptState(state(5));
    ASSERT_TRUE(waitUntil([&] { return laptop.hub().link().status == LinkStatus::Live; }, 15s));
}
