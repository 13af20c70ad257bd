// SPDX-License-Identifier: MIT
#include "omni/mqttpublisher.h"

#include "mqtt/homeassistant.h"
#include "mqtt/logging.h"

#include "omni/eventfeed.h"
#include "omni/hub.h"
#include "omni/statejson.h"

#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace omni::mqtt {

namespace {
const QByteArray kOnline = QByteArrayLiteral("online");
const QByteArray kOffline = QByteArrayLiteral("offline");

/// The state's JSON Schema on one line (the embedded file is indented for people).
const QByteArray &compactSchema()
{
    static const QByteArray schema = QJsonDocument::fromJson(json::stateJsonSchema()).toJson(QJsonDocument::Compact);
    return schema;
}
} // namespace

Publisher::Publisher(Hub *hub, EventFeed *events, PublisherOptions options, QObject *parent)
    : QObject(parent), m_hub(hub), m_options(std::move(options)), m_pace(new QTimer(this))
{
    ClientOptions co = m_options.client;
    co.willTopic = topic(m_options.robotName, Topic::Status);
    co.willPayload = kOffline;
    m_client = new Client(co, this);
    m_client->setGoodbye(co.willTopic, kOffline);
    if (m_options.homeAssistant) {
        m_client->subscribe(topic(m_options.robotName, Topic::SoundSet), 1);
    }
    m_pace->setSingleShot(true);
    m_pace->setTimerType(Qt::PreciseTimer);
    connect(m_pace, &QTimer::timeout, this, &Publisher::publishState);
    connect(m_client, &Client::connected, this, &Publisher::onConnected);
    connect(m_client, &Client::messageReceived, this, &Publisher::onMessage);
    connect(hub, &Hub::stateChanged, this, &Publisher::onStateOrLink);
    connect(hub, &Hub::linkChanged, this, [this] {
        onStateOrLink();
        if (names::layout(m_hub->link().layout) != m_metaLayout) {
            m_metaLayout = names::layout(m_hub->link().layout);
            m_client->publish(topic(m_options.robotName, Topic::Meta), metaMessage(), 1, true);
        }
    });
    connect(hub, &Hub::soundEnabledChanged, this, &Publisher::publishSound);
    if (events != nullptr) {
        connect(events, &EventFeed::eventOccurred, this, &Publisher::onEvent);
    }
    m_sinceState.start();
    // Something at least every half keepalive, even from a robot that publishes no state (stopped, or lost): the
    // fleet then knows a robot silent for 1.5 keepalives is gone, without waiting for the broker's will.
    auto *heartbeat = new QTimer(this);
    heartbeat->setInterval(std::max(1, m_options.client.keepaliveSeconds) * 500);
    connect(heartbeat, &QTimer::timeout, this, [this] {
        if (m_client->status() == ClientStatus::Connected) {
            m_client->publish(topic(m_options.robotName, Topic::Status), kOnline, 1, true);
        }
    });
    heartbeat->start();
}

Publisher::~Publisher()
{
    delete m_client; // says "offline" while the rest still exists
    m_client = nullptr;
}

void Publisher::start()
{
    m_client->start();
}

QByteArray Publisher::metaMessage() const
{
    QByteArray m = "{\"name\":" + json::quoted(m_options.robotName);
    m += ",\"version\":" + json::quoted(QStringLiteral(OMNI_VERSION));
    m += ",\"layout\":" + json::quoted(names::layout(m_hub->link().layout));
    m += ",\"dashboard\":" +
         (m_options.dashboardUrl.isEmpty() ? QByteArray("null") : json::quoted(m_options.dashboardUrl));
    m += ",\"max_rate_hz\":" + QByteArray::number(m_options.maxRateHz);
    m += ",\"keepalive_s\":" + QByteArray::number(m_options.client.keepaliveSeconds);
    m += ",\"schema\":" + compactSchema() + '}';
    return m;
}

void Publisher::onConnected()
{
    const QString &name = m_options.robotName;
    m_metaLayout = names::layout(m_hub->link().layout);
    m_client->publish(topic(name, Topic::Status), kOnline, 1, true);
    m_client->publish(topic(name, Topic::Meta), metaMessage(), 1, true);
    if (m_options.homeAssistant) {
        publishDiscovery();
        publishSound();
    }
    flushEvents();
    if (m_hub->latest()) {
        m_stateDirty = true;
        publishState(); // the newest state at once: no backlog, then live
    }
}

void Publisher::onStateOrLink()
{
    if (m_stateDirty) {
        ++m_stats.statesSkipped; // the one waiting is replaced: the newest wins
    }
    m_stateDirty = true;
    if (m_pace->isActive()) {
        return;
    }
    const qint64 periodMs = std::llround(1000.0 / m_options.maxRateHz);
    const qint64 elapsed = m_sinceState.elapsed();
    if (elapsed >= periodMs) {
        publishState();
    } else {
        m_pace->start(int(periodMs - elapsed));
    }
}

void Publisher::publishState()
{
    if (!m_stateDirty || m_hub->stateJson().isEmpty()) {
        return;
    }
    if (m_client->status() != ClientStatus::Connected) {
        return; // kept dirty: the newest goes out on connect
    }
    // Retained: a fleet view that starts (or reconnects) later shows every robot's latest state at once.
    if (m_client->publish(topic(m_options.robotName, Topic::State), m_hub->stateJson(), 0, true)) {
        ++m_stats.statesPublished;
    } else {
        ++m_stats.statesSkipped;
    }
    m_stateDirty = false;
    m_sinceState.restart();
}

void Publisher::onEvent(const Event &event)
{
    m_events.push_back(json::eventMessage(event));
    while (m_events.size() > std::size_t(m_options.maxQueuedEvents)) {
        m_events.pop_front();
        ++m_stats.eventsDropped;
    }
    flushEvents();
}

void Publisher::flushEvents()
{
    if (m_client->status() != ClientStatus::Connected) {
        return;
    }
    while (!m_events.empty()) {
        if (!m_client->publish(topic(m_options.robotName, Topic::Events), m_events.front(), 1, false)) {
            return; // the library's queue is full: keep the rest (bounded) for later
        }
        m_events.pop_front();
        ++m_stats.eventsPublished;
    }
}

void Publisher::onMessage(const QByteArray &topicName, const QByteArray &payload)
{
    if (!m_options.homeAssistant || topicName != topic(m_options.robotName, Topic::SoundSet)) {
        return;
    }
    const QByteArray p = payload.trimmed().toUpper();
    if (p == "ON" || p == "OFF") {
        m_hub->setSoundEnabled(p == "ON");
    } else {
        qCInfo(lcMqtt) << "ignored a sound command that is neither ON nor OFF:" << payload.left(32);
    }
}

void Publisher::publishSound()
{
    if (m_options.homeAssistant) {
        m_client->publish(topic(m_options.robotName, Topic::Sound), m_hub->soundEnabled() ? "ON" : "OFF", 1, true);
    }
}

void Publisher::publishDiscovery()
{
    for (const DiscoveryConfig &c : discoveryConfigs(m_options.robotName)) {
        m_client->publish(c.topic, c.payload, 1, true);
    }
}

QByteArray Publisher::statusJson() const
{
    const ClientStats cs = m_client->stats();
    QByteArray m = "{\"broker\":" + json::quoted(m_options.client.broker.display());
    m += ",\"robot\":" + json::quoted(m_options.robotName);
    m += ",\"status\":" + json::quoted(statusName(m_client->status()));
    m += ",\"error\":" + json::quoted(m_client->errorString());
    m += ",\"connects\":" + QByteArray::number(cs.connects);
    m += ",\"states_published\":" + QByteArray::number(m_stats.statesPublished);
    m += ",\"events_published\":" + QByteArray::number(m_stats.eventsPublished);
    m += ",\"events_dropped\":" + QByteArray::number(m_stats.eventsDropped) + '}';
    return m;
}

QByteArray Publisher::metricsText() const
{
    const ClientStats cs = m_client->stats();
    QByteArray out;
    auto one = [&out](const char *name, const char *type, const char *help, quint64 value) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
        out += QByteArray(name) + ' ' + QByteArray::number(value) + '\n';
    };
    out += "# HELP omniscient_mqtt_status The MQTT connection: 1 for the current status, 0 for the others.\n"
           "# TYPE omniscient_mqtt_status gauge\n";
    for (ClientStatus s : {ClientStatus::Idle, ClientStatus::Connecting, ClientStatus::Connected,
                           ClientStatus::Unreachable, ClientStatus::Refused, ClientStatus::TlsFailed}) {
        out += "omniscient_mqtt_status{status=\"" + statusName(s).toLatin1() + "\"} " +
               (m_client->status() == s ? "1\n" : "0\n");
    }
    one("omniscient_mqtt_connects_total", "counter", "Successful connections to the MQTT broker.", cs.connects);
    one("omniscient_mqtt_states_published_total", "counter", "State messages published to the broker.",
        m_stats.statesPublished);
    one("omniscient_mqtt_states_skipped_total", "counter",
        "States not published because a newer one replaced them (--mqtt-rate, broker away).", m_stats.statesSkipped);
    one("omniscient_mqtt_events_published_total", "counter", "Event messages published to the broker.",
        m_stats.eventsPublished);
    one("omniscient_mqtt_events_dropped_total", "counter",
        "Events lost because the small queue kept while the broker is away was full.", m_stats.eventsDropped);
    one("omniscient_mqtt_publish_refused_total", "counter",
        "Messages not handed to the MQTT library: not connected, or its bounded queue was full.", cs.refusedOutgoing);
    return out;
}

} // namespace omni::mqtt
