// SPDX-License-Identifier: MIT
#include "omni/fleetmodel.h"

#include "omni/mqtttopics.h"
#include "omni/statejson.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace omni::mqtt {

namespace {
constexpr qint64 kRateWindowNs = 2'000'000'000;
} // namespace

QString presenceName(Presence presence)
{
    switch (presence) {
    case Presence::Online:
        return QStringLiteral("online");
    case Presence::Stale:
        return QStringLiteral("stale");
    case Presence::Offline:
        return QStringLiteral("offline");
    }
    return QStringLiteral("offline");
}

FleetModel::FleetModel(FleetModelOptions options, const Clock &clock, QObject *parent)
    : QObject(parent), m_options(options), m_clock(&clock)
{
}

const FleetRobot *FleetModel::robot(const QString &name) const
{
    const auto it = m_robots.constFind(name);
    return it == m_robots.constEnd() ? nullptr : &it.value();
}

Presence FleetModel::presence(const FleetRobot &robot) const
{
    if (!robot.online) {
        return Presence::Offline;
    }
    // Silent for 1.4 keepalives although it says something at least every half keepalive (its status, again):
    // frozen or cut off. The broker sends its will after 1.5, but Mosquitto 2.0 checks in whole seconds, a second
    // or two late; the fleet need not wait for it, and shows it within the 1.5 keepalives promised.
    if (robot.keepaliveSeconds > 0 && robot.lastMessageMonoNs >= 0 &&
        m_clock->monotonicNs() - robot.lastMessageMonoNs > qint64(robot.keepaliveSeconds) * 1'400'000'000) {
        return Presence::Offline;
    }
    const qint64 staleNs = qint64(m_options.staleAfter.count()) * 1'000'000;
    if (robot.lastStateMonoNs < 0 || m_clock->monotonicNs() - robot.lastStateMonoNs > staleNs ||
        robot.link.status != LinkStatus::Live) {
        return Presence::Stale;
    }
    return Presence::Online;
}

void FleetModel::acceptMessage(const QByteArray &topic, const QByteArray &payload)
{
    const auto parsed = parseTopic(topic);
    if (!parsed || parsed->which == Topic::SoundSet) {
        ++m_stats.unknownTopic;
        return;
    }
    if (payload.size() > m_options.maxMessageBytes) {
        ++m_stats.tooLarge;
        return;
    }
    const QString &name = parsed->robot;
    if (parsed->which == Topic::Status && payload.isEmpty()) {
        // A cleared retained status: the robot has left the fleet.
        if (m_robots.remove(name) > 0) {
            ++m_stats.accepted;
            Q_EMIT robotsChanged();
        }
        return;
    }
    if (!m_robots.contains(name) && m_robots.size() >= m_options.maxRobots) {
        ++m_stats.tooManyRobots; // memory stays bounded whatever names a publisher invents
        return;
    }
    FleetRobot next = m_robots.value(name);
    next.name = name;
    const qint64 now = m_clock->monotonicNs();
    switch (parsed->which) {
    case Topic::Status:
        if (payload != "online" && payload != "offline") {
            ++m_stats.malformed;
            return;
        }
        next.online = payload == "online";
        break;
    case Topic::State: {
        const auto message = json::parse(payload);
        if (!message || message->type != json::Message::Type::State) {
            ++m_stats.malformed;
            return;
        }
        next.stateJson = payload;
        next.state = message->state;
        next.link = message->link;
        next.lastStateMonoNs = now;
        if (next.windowStartNs < 0) {
            next.windowStartNs = now; // the window counts the states after this one
        } else {
            ++next.windowCount;
        }
        if (now - next.windowStartNs >= kRateWindowNs) {
            next.rateHz = double(next.windowCount) * 1e9 / double(now - next.windowStartNs);
            next.windowCount = 0;
            next.windowStartNs = now;
        }
        break;
    }
    case Topic::Events: {
        const auto message = json::parse(payload);
        if (!message || message->type != json::Message::Type::Event) {
            ++m_stats.malformed;
            return;
        }
        next.lastEventJson = payload;
        break;
    }
    case Topic::Meta: {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            ++m_stats.malformed;
            return;
        }
        const QJsonObject o = doc.object();
        next.dashboardUrl = o.value(QLatin1String("dashboard")).toString();
        next.version = o.value(QLatin1String("version")).toString();
        next.layout = o.value(QLatin1String("layout")).toString();
        next.keepaliveSeconds = std::clamp(o.value(QLatin1String("keepalive_s")).toInt(), 0, 3600);
        break;
    }
    case Topic::Sound:
    case Topic::SoundSet:
        ++m_stats.accepted; // Home Assistant's switch: nothing the fleet shows
        return;
    }
    ++m_stats.accepted;
    next.lastSeenWallMs = m_clock->wallNs() / 1'000'000;
    next.lastMessageMonoNs = m_clock->monotonicNs();
    const bool added = !m_robots.contains(name);
    m_robots.insert(name, next);
    if (added) {
        Q_EMIT robotsChanged();
    }
    Q_EMIT robotChanged(name);
}

QByteArray FleetModel::toJson(const QString &broker) const
{
    const qint64 now = m_clock->monotonicNs();
    QByteArray out = "{\"type\":\"fleet\",\"broker\":" + json::quoted(broker) + ",\"robots\":[";
    bool first = true;
    for (const FleetRobot &r : m_robots) {
        out += first ? "{" : ",{";
        first = false;
        out += "\"name\":" + json::quoted(r.name);
        out += ",\"presence\":" + json::quoted(presenceName(presence(r)));
        out += ",\"online\":" + QByteArray(r.online ? "true" : "false");
        out += ",\"rate_hz\":" + QByteArray::number(r.rateHz, 'f', 1);
        out += ",\"age_ms\":" + QByteArray::number(r.lastStateMonoNs < 0 ? -1 : (now - r.lastStateMonoNs) / 1'000'000);
        out += ",\"last_seen_ms\":" + QByteArray::number(r.lastSeenWallMs);
        out += ",\"dashboard\":" + (r.dashboardUrl.isEmpty() ? QByteArray("null") : json::quoted(r.dashboardUrl));
        out += ",\"version\":" + json::quoted(r.version);
        out += ",\"layout\":" + json::quoted(r.layout);
        out += ",\"state\":" + (r.stateJson.isEmpty() ? QByteArray("null") : r.stateJson);
        out += ",\"last_event\":" + (r.lastEventJson.isEmpty() ? QByteArray("null") : r.lastEventJson);
        out += '}';
    }
    out += "],\"ignored\":{\"malformed\":" + QByteArray::number(m_stats.malformed);
    out += ",\"too_large\":" + QByteArray::number(m_stats.tooLarge);
    out += ",\"unknown_topic\":" + QByteArray::number(m_stats.unknownTopic);
    out += ",\"too_many_robots\":" + QByteArray::number(m_stats.tooManyRobots) + "}}";
    return out;
}

FleetSubscriber::FleetSubscriber(ClientOptions client, FleetModelOptions model, QObject *parent)
    : QObject(parent), m_model(new FleetModel(model, Clock::system(), this)),
      m_client(new Client(std::move(client), this))
{
    m_client->subscribe(QByteArray(kTopicRoot) + '#', 0);
    connect(m_client, &Client::messageReceived, m_model, &FleetModel::acceptMessage);
}

QByteArray FleetSubscriber::metricsText() const
{
    const FleetStats &s = m_model->stats();
    QByteArray out = "# HELP omniscient_fleet_robots Robots of the fleet, by presence.\n"
                     "# TYPE omniscient_fleet_robots gauge\n";
    int counts[3] = {0, 0, 0};
    for (const FleetRobot &r : m_model->robots()) {
        ++counts[int(m_model->presence(r))];
    }
    for (Presence p : {Presence::Online, Presence::Stale, Presence::Offline}) {
        out += "omniscient_fleet_robots{presence=\"" + presenceName(p).toLatin1() + "\"} " +
               QByteArray::number(counts[int(p)]) + '\n';
    }
    out += "# HELP omniscient_fleet_ignored_total Broker messages the fleet ignored, by reason.\n"
           "# TYPE omniscient_fleet_ignored_total counter\n";
    out += "omniscient_fleet_ignored_total{reason=\"malformed\"} " + QByteArray::number(s.malformed) + '\n';
    out += "omniscient_fleet_ignored_total{reason=\"too_large\"} " + QByteArray::number(s.tooLarge) + '\n';
    out += "omniscient_fleet_ignored_total{reason=\"unknown_topic\"} " + QByteArray::number(s.unknownTopic) + '\n';
    out += "omniscient_fleet_ignored_total{reason=\"too_many_robots\"} " + QByteArray::number(s.tooManyRobots) + '\n';
    out += "omniscient_fleet_ignored_total{reason=\"dropped\"} " +
           QByteArray::number(m_client->stats().droppedIncoming) + '\n';
    out += "# HELP omniscient_mqtt_status The MQTT connection: 1 for the current status.\n"
           "# TYPE omniscient_mqtt_status gauge\n";
    out += "omniscient_mqtt_status{status=\"" + statusName(m_client->status()).toLatin1() + "\"} 1\n";
    return out;
}

} // namespace omni::mqtt
