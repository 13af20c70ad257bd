// SPDX-License-Identifier: MIT
#pragma once

#include "omni/clock.h"
#include "omni/mqttclient.h"
#include "omni/robotstate.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>

#include <chrono>
#include <optional>

namespace omni::mqtt {

/// How a robot of the fleet stands.
enum class Presence {
    Online,  ///< `status` says online and states arrive
    Stale,   ///< `status` says online, but no state for FleetModelOptions::staleAfter
    Offline, ///< `status` says offline (a clean exit or the last will), or nothing said it is online
};

/// The stable name of a presence ("online", "stale", "offline").
QString presenceName(Presence presence);

/// One robot as the fleet sees it.
struct FleetRobot {
    QString name;                    ///< its topic level
    bool online = false;             ///< what `status` says
    QByteArray stateJson;            ///< its latest valid `state` message (empty before one)
    std::optional<RobotState> state; ///< the same, parsed
    LinkInfo link;                   ///< the robot's own link, from its state
    QByteArray lastEventJson;        ///< its latest valid `events` message (empty before one)
    QString dashboardUrl;            ///< from `meta` (empty: none)
    QString version;                 ///< from `meta`
    QString layout;                  ///< from `meta`
    qint64 lastSeenWallMs = 0;       ///< when any message of it last arrived (ms since the Unix epoch)
    qint64 lastStateMonoNs = -1;     ///< when its latest state arrived (the clock's monotonic time), -1 never
    qint64 lastMessageMonoNs = -1;   ///< when any message of it last arrived (monotonic), -1 never
    int keepaliveSeconds = 0;        ///< its MQTT keepalive, from `meta` (0: not said, an older omniscient)
    double rateHz = 0.0;             ///< states a second arriving, over about the last two seconds
    quint64 windowCount = 0;         ///< states in the current rate window
    qint64 windowStartNs = -1;       ///< start of the current rate window
};

/// Messages the fleet did not use, by reason (for /api/fleet and /metrics).
struct FleetStats {
    quint64 accepted = 0;      ///< messages used
    quint64 malformed = 0;     ///< not the JSON (or word) the topic carries
    quint64 tooLarge = 0;      ///< larger than FleetModelOptions::maxMessageBytes
    quint64 unknownTopic = 0;  ///< under omniscient/v1/ but no robot topic this build knows
    quint64 tooManyRobots = 0; ///< of a new robot while FleetModelOptions::maxRobots are known
};

/// What the fleet model tolerates.
struct FleetModelOptions {
    std::chrono::milliseconds staleAfter{3000};        ///< an online robot without a state for this long is Stale
    qsizetype maxMessageBytes = qsizetype{256} * 1024; ///< larger messages are ignored (meta carries a schema)
    qsizetype maxRobots = 256; ///< messages of further robots are ignored: anyone on the broker can invent names
};

/// Every robot seen on the broker under omniscient/v1/ (docs/FLEET.md), fed message by message; trusts no
/// message: malformed JSON, huge messages and unknown topics are ignored and counted. A robot appears with
/// its first message and disappears when its retained `status` is cleared. Lives in the GUI/main thread.
class FleetModel : public QObject
{
    Q_OBJECT
public:
    /// An empty fleet on `clock` (must outlive the model; tests inject one).
    explicit FleetModel(FleetModelOptions options = {}, const Clock &clock = Clock::system(),
                        QObject *parent = nullptr);

    /// Takes one message from the broker.
    void acceptMessage(const QByteArray &topic, const QByteArray &payload);
    /// The robots, sorted by name.
    [[nodiscard]] QList<FleetRobot> robots() const { return m_robots.values(); }
    /// One robot, or null.
    [[nodiscard]] const FleetRobot *robot(const QString &name) const;
    /// How `robot` stands now.
    [[nodiscard]] Presence presence(const FleetRobot &robot) const;
    /// Counters so far.
    [[nodiscard]] const FleetStats &stats() const { return m_stats; }
    /// The fleet as JSON (GET /api/fleet): {"type":"fleet","broker":...,"robots":[...],"ignored":{...}}.
    /// `broker` is the subscriber's connection status (statusName()).
    [[nodiscard]] QByteArray toJson(const QString &broker) const;

Q_SIGNALS:
    /// A robot appeared or disappeared.
    void robotsChanged();
    /// Something of `name` changed (state, status, meta or event).
    void robotChanged(const QString &name);

private:
    FleetModelOptions m_options;
    const Clock *m_clock;
    QMap<QString, FleetRobot> m_robots; ///< sorted by name
    FleetStats m_stats;
};

/// The fleet view's feed: an MQTT client subscribed to omniscient/v1/# feeding a FleetModel.
class FleetSubscriber : public QObject
{
    Q_OBJECT
public:
    /// Subscribes with `client` (its broker and credentials) into a model with `model` options.
    explicit FleetSubscriber(ClientOptions client, FleetModelOptions model = {}, QObject *parent = nullptr);

    /// Connects, and keeps connecting.
    void start() { m_client->start(); }
    /// The fleet.
    [[nodiscard]] FleetModel *model() const { return m_model; }
    /// The MQTT client (its status).
    [[nodiscard]] Client *client() const { return m_client; }
    /// GET /api/fleet's body.
    [[nodiscard]] QByteArray json() const { return m_model->toJson(statusName(m_client->status())); }
    /// The subscriber's lines for /metrics (Prometheus text format).
    [[nodiscard]] QByteArray metricsText() const;

private:
    FleetModel *m_model;
    Client *m_client;
};

} // namespace omni::mqtt
