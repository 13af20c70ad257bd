// SPDX-License-Identifier: MIT
// Publisher, fleet and client against a real mosquitto started by each test on a free loopback port.
#include "mosquittobroker.h"
#include "testutil.h"

#include <omni/eventfeed.h>
#include <omni/fleetmodel.h>
#include <omni/hub.h>
#include <omni/mqttpublisher.h>

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>

#include <algorithm>

using namespace omni;
using namespace omni::mqtt;
using namespace omni::test;
using namespace std::chrono_literals;

namespace {

RobotState makeState(quint64 seq)
{
    RobotState s;
    s.seq = seq;
    s.motorPower = {10, -20, 30};
    s.layout = Layout::Current;
    s.publishMonoNs = Clock::system().monotonicNs();
    return s;
}

LinkInfo liveLink()
{
    LinkInfo l;
    l.status = LinkStatus::Live;
    l.layout = Layout::Current;
    return l;
}

ClientOptions quick(const MosquittoBroker &broker)
{
    ClientOptions o;
    o.broker.host = QStringLiteral("127.0.0.1");
    o.broker.port = broker.port();
    o.minBackoff = 100ms;
    o.maxBackoff = 400ms;
    o.keepaliveSeconds = 5;
    return o;
}

class MqttBroker : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (MosquittoBroker::program().isEmpty()) {
            GTEST_SKIP() << "mosquitto is not installed (scripts/install-deps.sh --test)";
        }
    }
    void startBroker(const MosquittoBroker::Options &o = {})
    {
        QString error;
        ASSERT_TRUE(broker.start(o, &error)) << error.toStdString();
    }
    /// A publisher of `name` on `hub` (live, one state) and a fleet watching the broker.
    void startPair(const QString &name, const ClientOptions &co)
    {
        hub.acceptLink(liveLink());
        hub.acceptState(makeState(1));
        PublisherOptions po;
        po.client = co;
        po.robotName = name;
        po.dashboardUrl = QStringLiteral("http://robot:3001/");
        publisher = std::make_unique<Publisher>(&hub, &events, po);
        fleet = std::make_unique<FleetSubscriber>(co);
        publisher->start();
        fleet->start();
    }
    bool fleetSees(const QString &name, Presence presence, quint64 seq = 0, std::chrono::milliseconds timeout = 10s)
    {
        return waitUntil(
            [&] {
                const FleetRobot *r = fleet->model()->robot(name);
                return r != nullptr && fleet->model()->presence(*r) == presence &&
                       (seq == 0 || (r->state && r->state->seq == seq));
            },
            timeout);
    }

    MosquittoBroker broker;
    Hub hub;
    EventFeed events{&hub};
    std::unique_ptr<Publisher> publisher;
    std::unique_ptr<FleetSubscriber> fleet;
};

} // namespace

TEST_F(MqttBroker, APublisherGoesOnlineWithItsStateAndMetaAndOfflineOnACleanExit)
{
    startBroker();
    startPair(QStringLiteral("r1"), quick(broker));
    ASSERT_TRUE(fleetSees(QStringLiteral("r1"), Presence::Online, 1)) << broker.log().toStdString();
    hub.acceptState(makeState(2));
    ASSERT_TRUE(fleetSees(QStringLiteral("r1"), Presence::Online, 2));
    EXPECT_EQ(fleet->model()->robot(QStringLiteral("r1"))->dashboardUrl, QStringLiteral("http://robot:3001/"));
    EXPECT_EQ(fleet->model()->robot(QStringLiteral("r1"))->layout, QStringLiteral("omni-v1"));

    publisher.reset(); // a clean exit says "offline" itself: the broker sends no will then
    EXPECT_TRUE(fleetSees(QStringLiteral("r1"), Presence::Offline, 0, 3s));
}

TEST_F(MqttBroker, StatesArePacedToTheRateAndTheNewestWins)
{
    startBroker();
    startPair(QStringLiteral("paced"), quick(broker));
    ASSERT_TRUE(fleetSees(QStringLiteral("paced"), Presence::Online, 1));
    const quint64 before = publisher->stats().statesPublished;
    for (quint64 seq = 2; seq <= 200; ++seq) {
        hub.acceptState(makeState(seq)); // 199 states at once: far above 10 Hz
    }
    ASSERT_TRUE(fleetSees(QStringLiteral("paced"), Presence::Online, 200)) << "the newest state must arrive";
    EXPECT_LE(publisher->stats().statesPublished - before, 3u);
    EXPECT_GE(publisher->stats().statesSkipped, 190u);
}

TEST_F(MqttBroker, PublisherAndFleetReconnectAfterTheBrokerRestartsOnTheSamePort)
{
    startBroker();
    startPair(QStringLiteral("phoenix"), quick(broker));
    ASSERT_TRUE(fleetSees(QStringLiteral("phoenix"), Presence::Online, 1));
    const QJsonObject up = QJsonDocument::fromJson(publisher->statusJson()).object();
    EXPECT_EQ(up.value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    EXPECT_EQ(up.value(QStringLiteral("robot")).toString(), QStringLiteral("phoenix"));
    EXPECT_EQ(up.value(QStringLiteral("broker")).toString(), QStringLiteral("mqtt://127.0.0.1:%1").arg(broker.port()));
    EXPECT_EQ(up.value(QStringLiteral("error")).toString(), QString());
    broker.stop();
    ASSERT_TRUE(waitUntil([&] { return publisher->client()->status() != ClientStatus::Connected; }, 5s));
    ASSERT_TRUE(waitUntil([&] { return publisher->client()->status() == ClientStatus::Unreachable; }, 5s));
    const QJsonObject down = QJsonDocument::fromJson(publisher->statusJson()).object();
    EXPECT_EQ(down.value(QStringLiteral("status")).toString(), QStringLiteral("unreachable"))
        << publisher->statusJson().toStdString();
    EXPECT_FALSE(down.value(QStringLiteral("error")).toString().isEmpty()) << "the page's tooltip says why";
    EXPECT_GE(down.value(QStringLiteral("connects")).toInt(), 1);
    for (quint64 seq = 2; seq <= 500; ++seq) {
        hub.acceptState(makeState(seq)); // while the broker is away: nothing may pile up
    }
    MosquittoBroker::Options again;
    again.port = broker.port();
    startBroker(again);
    ASSERT_TRUE(waitUntil(
        [&] { return publisher->client()->stats().connects >= 2 && fleet->client()->stats().connects >= 2; }, 10s));
    EXPECT_TRUE(fleetSees(QStringLiteral("phoenix"), Presence::Online, 500)) << "the newest state after reconnecting";
    EXPECT_LE(publisher->client()->stats().published, 20u) << "no backlog was replayed";
}

TEST_F(MqttBroker, TlsWithTheTestCaConnectsAndWithoutItFailsClearly)
{
    MosquittoBroker::Options o;
    o.tls = true;
    startBroker(o);
    ClientOptions co = quick(broker);
    co.broker.tls = true;
    co.caFile = broker.caFile();
    co.broker.host = QStringLiteral("localhost");
    startPair(QStringLiteral("secure"), co);
    EXPECT_TRUE(fleetSees(QStringLiteral("secure"), Presence::Online, 1)) << broker.log().toStdString();

    ClientOptions untrusted = co;
    untrusted.caFile.clear(); // the system CAs did not sign the test CA's certificate
    Client c(untrusted);
    c.start();
    ASSERT_TRUE(waitUntil([&] { return c.status() == ClientStatus::TlsFailed; }, 10s)) << c.errorString().toStdString();
    EXPECT_TRUE(c.errorString().contains(QStringLiteral("--mqtt-cafile"))) << c.errorString().toStdString();
}

TEST_F(MqttBroker, APasswordFileLetsTheRightUserInAndWrongCredentialsAreRefusedWithRetries)
{
    MosquittoBroker::Options o;
    o.user = QStringLiteral("robot");
    o.password = QStringLiteral("s3cret");
    startBroker(o);
    ClientOptions co = quick(broker);
    co.broker.user = o.user;
    co.password = o.password;
    startPair(QStringLiteral("authed"), co);
    EXPECT_TRUE(fleetSees(QStringLiteral("authed"), Presence::Online, 1));

    ClientOptions wrong = co;
    wrong.password = QStringLiteral("nope");
    Client c(wrong);
    QSignalSpy refusals(&c, &Client::statusChanged);
    c.start();
    ASSERT_TRUE(waitUntil(
        [&] {
            int refused = 0;
            for (const auto &args : refusals) {
                refused += args.at(0).value<ClientStatus>() == ClientStatus::Refused ? 1 : 0;
            }
            return refused >= 2; // it keeps trying (the statuses alternate with Connecting)
        },
        10s));
    EXPECT_TRUE(c.errorString().contains(QStringLiteral("password"))) << c.errorString().toStdString();
}

TEST_F(MqttBroker, EventsWaitInABoundedQueueWhileTheBrokerIsAway)
{
    ClientOptions co;
    co.broker.host = QStringLiteral("127.0.0.1");
    co.broker.port = freeLoopbackPort(); // nobody listens
    co.minBackoff = 50ms;
    PublisherOptions po;
    po.client = co;
    po.robotName = QStringLiteral("lonely");
    po.maxQueuedEvents = 8;
    Publisher p(&hub, &events, po);
    p.start();
    for (int i = 0; i < 50; ++i) {
        LinkInfo l = liveLink();
        l.status = i % 2 == 0 ? LinkStatus::Live : LinkStatus::Stale;
        hub.acceptLink(l); // each change is an event
    }
    EXPECT_GE(p.stats().eventsDropped, 40u);
    EXPECT_EQ(p.stats().eventsPublished, 0u);
    EXPECT_TRUE(waitUntil([&] { return p.client()->status() == ClientStatus::Unreachable; }, 5s));
    EXPECT_TRUE(p.client()->errorString().contains(QStringLiteral("cannot reach")))
        << p.client()->errorString().toStdString();
    EXPECT_TRUE(p.metricsText().contains("omniscient_mqtt_events_dropped_total"));
}

TEST_F(MqttBroker, HomeAssistantsSoundSwitchTurnsTheSoundOffAndItsStateFollows)
{
    startBroker();
    hub.acceptLink(liveLink());
    PublisherOptions po;
    po.client = quick(broker);
    po.robotName = QStringLiteral("ha");
    po.homeAssistant = true;
    Publisher p(&hub, &events, po);
    ClientOptions co = quick(broker);
    Client homeAssistant(co);
    homeAssistant.subscribe("homeassistant/#", 0);
    homeAssistant.subscribe("omniscient/v1/ha/sound", 0);
    QSignalSpy received(&homeAssistant, &Client::messageReceived);
    p.start();
    homeAssistant.start();
    ASSERT_TRUE(waitUntil([&] { return received.size() >= 11; }, 10s)) << "ten retained configs and the switch state";
    ASSERT_TRUE(hub.soundEnabled());
    homeAssistant.publish("omniscient/v1/ha/sound/set", "OFF", 1, false);
    ASSERT_TRUE(waitUntil([&] { return !hub.soundEnabled(); }, 5s));
    EXPECT_TRUE(waitUntil(
        [&] {
            return std::any_of(received.cbegin(), received.cend(), [](const QList<QVariant> &args) {
                return args.at(0).toByteArray() == "omniscient/v1/ha/sound" && args.at(1).toByteArray() == "OFF";
            });
        },
        5s));
}

TEST(MqttSilentBroker, ABrokerThatNeverAnswersBlocksNothingAndKeepsNothing)
{
    QTcpServer silent; // accepts TCP (the kernel does) but never says CONNACK
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    Hub hub;
    EventFeed events(&hub);
    PublisherOptions po;
    po.client.broker.host = QStringLiteral("127.0.0.1");
    po.client.broker.port = silent.serverPort();
    po.robotName = QStringLiteral("patient");
    auto publisher = std::make_unique<Publisher>(&hub, &events, po);
    publisher->start();
    hub.acceptLink(liveLink());
    QElapsedTimer t;
    t.start();
    for (quint64 seq = 1; seq <= 2000; ++seq) {
        hub.acceptState(makeState(seq));
    }
    EXPECT_LT(t.elapsed(), 500) << "2000 states must not wait for the broker";
    EXPECT_EQ(publisher->client()->stats().published, 0u);
    EXPECT_NE(publisher->client()->status(), ClientStatus::Connected);
    t.restart();
    publisher.reset();
    EXPECT_LT(t.elapsed(), 2000) << "the exit waits at most the stop timeout";
}
