// SPDX-License-Identifier: MIT
// GET /metrics: Prometheus text exposition format 0.0.4.
#include "server/mirrorserver_p.h"

#include "omni/hub.h"

#include <QTcpServer>

#include <algorithm>
#include <cmath>

namespace omni {

namespace {

class Exposition
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        m_out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
    void sample(const char *name, double value, QByteArrayView labels = {})
    {
        m_out.append(name);
        if (!labels.isEmpty()) {
            m_out.append('{').append(labels).append('}');
        }
        m_out.append(' ');
        if (std::isnan(value)) {
            m_out.append("NaN");
        } else if (value == std::floor(value) && std::abs(value) < 1e15) {
            m_out.append(QByteArray::number(static_cast<qint64>(value)));
        } else {
            m_out.append(QByteArray::number(value, 'g', 12));
        }
        m_out.append('\n');
    }
    void one(const char *name, const char *type, const char *help, double value)
    {
        family(name, type, help);
        sample(name, value);
    }
    [[nodiscard]] const QByteArray &text() const { return m_out; }

private:
    QByteArray m_out;
};

double toDouble(quint64 v)
{
    return static_cast<double>(v);
}

} // namespace

http::Response MirrorServerPrivate::metrics()
{
    Exposition e;
    const MirrorServerStats &s = m_stats;
    e.family("omniscient_info", "gauge", "Version of this omniscient.");
    e.sample("omniscient_info", 1, "version=\"" OMNI_VERSION "\"");
    e.one("omniscient_uptime_seconds", "gauge", "Seconds since the server started listening.",
          m_uptime.isValid() ? static_cast<double>(m_uptime.elapsed()) / 1000.0 : 0.0);
    e.one("omniscient_clients", "gauge", "WebSocket clients connected now.", static_cast<double>(m_clients.size()));
    const auto foxglove = std::count_if(m_clients.cbegin(), m_clients.cend(),
                                        [](const ServerClient *c) { return c->foxgloveSession() != nullptr; });
    e.one("omniscient_foxglove_clients", "gauge", "Of which: Foxglove WebSocket protocol clients.",
          static_cast<double>(foxglove));
    e.one("omniscient_clients_max", "gauge", "Most WebSocket clients served at once (--max-clients).",
          m_options.maxClients);
    e.one("omniscient_clients_accepted_total", "counter", "WebSocket clients accepted.", toDouble(s.clientsAccepted));
    e.one("omniscient_clients_refused_total", "counter", "WebSocket upgrades refused because of --max-clients.",
          toDouble(s.clientsRefused));
    e.one("omniscient_clients_dropped_total", "counter",
          "WebSocket clients dropped: no pong, an oversized frame or too many messages.", toDouble(s.clientsDropped));
    e.family("omniscient_clients_closed_total", "counter",
             "WebSocket clients the server closed, by reason: queue (too many bytes waiting for a client that does "
             "not read), rate (too many messages, pings or bytes a second), unmasked (a frame without a mask).");
    e.sample("omniscient_clients_closed_total", toDouble(s.clientsClosedQueueFull), "reason=\"queue\"");
    e.sample("omniscient_clients_closed_total", toDouble(s.clientsClosedRate), "reason=\"rate\"");
    e.sample("omniscient_clients_closed_total", toDouble(s.clientsClosedUnmasked), "reason=\"unmasked\"");
    e.one("omniscient_http_connections", "gauge", "TCP connections still sending a request or taking an answer.",
          static_cast<double>(m_connections.size()));
    e.one("omniscient_connections_dropped_total", "counter",
          "TCP connections closed for the request timeout or the cap on unfinished connections.",
          toDouble(s.connectionsDropped));
    e.family("omniscient_http_responses_total", "counter", "HTTP responses sent, by status code.");
    for (auto it = m_responses.cbegin(); it != m_responses.cend(); ++it) {
        e.sample("omniscient_http_responses_total", toDouble(it.value()),
                 "code=\"" + QByteArray::number(it.key()) + '"');
    }
    e.one("omniscient_messages_sent_total", "counter", "WebSocket messages sent, all types.", toDouble(s.messagesSent));
    e.one("omniscient_states_sent_total", "counter", "State messages sent to WebSocket clients.",
          toDouble(s.statesSent));
    e.one("omniscient_states_received_total", "counter", "States the hub received from the source.",
          toDouble(m_hub->statesReceived()));
    e.one("omniscient_states_coalesced_total", "counter",
          "States the source skipped because a newer one superseded them.", toDouble(m_hub->statesCoalesced()));
    e.one("omniscient_states_skipped_total", "counter",
          "States a client never got because a newer one replaced it (rate cap or slow client).",
          toDouble(s.statesSkipped));
    e.one("omniscient_states_serialised_total", "counter",
          "State messages built (at most once per state and link change, shared by every consumer).",
          toDouble(m_hub->statesSerialised()));
    e.family("omniscient_commands_total", "counter", "Sound switches asked by clients, by result.");
    e.sample("omniscient_commands_total", toDouble(s.commandsAccepted), "result=\"accepted\"");
    e.sample("omniscient_commands_total", toDouble(s.commandsRefused), "result=\"refused\"");
    e.family("omniscient_link_status", "gauge", "The robot link: 1 for the current status, 0 for the others.");
    const LinkStatus current = m_hub->link().status;
    for (LinkStatus st :
         {LinkStatus::Waiting, LinkStatus::Live, LinkStatus::Stale, LinkStatus::Incompatible, LinkStatus::Replay}) {
        e.sample("omniscient_link_status", st == current ? 1 : 0, "status=\"" + names::linkStatus(st).toLatin1() + '"');
    }
    e.family("omniscient_link_layout", "gauge",
             "The robot's shared-memory layout (none while waiting or incompatible): 1 for the current one.");
    const Layout layout = m_hub->link().layout;
    for (Layout l : {Layout::None, Layout::Current, Layout::Legacy56, Layout::Legacy64, Layout::Remote}) {
        e.sample("omniscient_link_layout", l == layout ? 1 : 0, "layout=\"" + names::layout(l).toLatin1() + '"');
    }
    e.one("omniscient_publish_rate_hz", "gauge", "States per second published at the source.", m_hub->rateHz());
    const qint64 age = m_hub->ageMs();
    e.one("omniscient_state_age_seconds", "gauge", "Age of the latest state; NaN before the first.",
          age < 0 ? std::nan("") : static_cast<double>(age) / 1000.0);
    e.one("omniscient_sound_enabled", "gauge", "1 when the robot clucks.", m_hub->soundEnabled() ? 1 : 0);
    qint64 buffered = 0;
    for (const ServerClient *c : m_clients) {
        buffered += c->bytesBuffered();
    }
    e.one("omniscient_bytes_buffered", "gauge", "Bytes waiting in WebSocket client sockets.",
          static_cast<double>(buffered));
    http::Response r;
    r.with("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    r.body = e.text();
    if (m_extraMetrics) {
        r.body += m_extraMetrics();
    }
    return r;
}

} // namespace omni
