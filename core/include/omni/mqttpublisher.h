// SPDX-License-Identifier: MIT
#pragma once

#include "omni/event.h"
#include "omni/mqttclient.h"

#include <QElapsedTimer>
#include <QObject>

#include <deque>

class QTimer;

namespace omni {
class EventFeed;
class Hub;
} // namespace omni

namespace omni::mqtt {

/// What a Publisher publishes, and how often.
struct PublisherOptions {
    ClientOptions client;       ///< the broker; the publisher sets the last will itself
    QString robotName;          ///< the topic level (checkRobotName())
    double maxRateHz = 10.0;    ///< --mqtt-rate: state messages per second at most; the newest wins
    QString dashboardUrl;       ///< the robot's own page, in `meta` (empty: none)
    bool homeAssistant = false; ///< --mqtt-homeassistant: publish Home Assistant discovery configs
    int maxQueuedEvents = 32;   ///< events kept while the broker is away; the oldest overflow is counted
};

/// Counters of a Publisher, for /metrics.
struct PublisherStats {
    quint64 statesPublished = 0; ///< state messages published
    quint64 statesSkipped = 0;   ///< states replaced by a newer one before they could go (rate cap, no broker)
    quint64 eventsPublished = 0; ///< event messages published
    quint64 eventsDropped = 0;   ///< events lost because the small queue was full
};

/// Publishes one robot to an MQTT broker (docs/FLEET.md): `status` (online, and offline as the last will and on a
/// clean exit), `meta`, `state` (at most maxRateHz, the newest wins) and `events`; optionally Home Assistant
/// discovery and its sound switch. Never waits for the broker: with the broker down, states are skipped (only
/// the newest is kept) and events wait in a small bounded queue. Lives in the hub's thread.
class Publisher : public QObject
{
    Q_OBJECT
public:
    /// Follows `hub` and `events` (not owned; both must outlive the publisher; `events` may be null).
    Publisher(Hub *hub, EventFeed *events, PublisherOptions options, QObject *parent = nullptr);
    /// Publishes `offline` and disconnects (bounded by ClientOptions::stopTimeout).
    ~Publisher() override;

    /// Connects, and keeps connecting.
    void start();
    /// The MQTT client (its status for the dashboard).
    [[nodiscard]] Client *client() const { return m_client; }
    /// Counters so far.
    [[nodiscard]] const PublisherStats &stats() const { return m_stats; }
    /// The publisher's lines for /metrics (Prometheus text format), connection status included.
    [[nodiscard]] QByteArray metricsText() const;
    /// Where the publisher stands, for the robot's own web page (`GET /api/mqtt`, docs/protocol.md): broker
    /// (without password), topic name, status and why, counters.
    [[nodiscard]] QByteArray statusJson() const;
    /// The `meta` message: name, version, layout, dashboard URL and the JSON Schema of the state.
    [[nodiscard]] QByteArray metaMessage() const;

private:
    void onConnected();
    void onStateOrLink();
    void publishState();
    void onEvent(const omni::Event &event);
    void flushEvents();
    void onMessage(const QByteArray &topic, const QByteArray &payload);
    void publishSound();
    void publishDiscovery();

    Hub *m_hub;
    PublisherOptions m_options;
    Client *m_client;
    QTimer *m_pace;
    QElapsedTimer m_sinceState;
    bool m_stateDirty = false;
    QString m_metaLayout; ///< the layout the last meta said
    std::deque<QByteArray> m_events;
    PublisherStats m_stats;
};

} // namespace omni::mqtt
