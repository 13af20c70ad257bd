// SPDX-License-Identifier: MIT
#include "servicenotifier.h"

#include "systemdnotify.h"

#include <omni/hub.h>
#include <omni/mirrorserver.h>
#include <omni/statesource.h>

#include <QTimer>

#include <algorithm>

namespace omni::app {

namespace {
using namespace std::chrono_literals;
// Without a watchdog, the status line is refreshed this often.
constexpr auto kStatusInterval = 5s;
} // namespace

ServiceNotifier::ServiceNotifier(Hub *hub, MirrorServer *server, QObject *parent)
    : QObject(parent), m_hub(hub), m_server(server), m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &ServiceNotifier::check);
}

ServiceNotifier::~ServiceNotifier()
{
    stopping();
}

void ServiceNotifier::ready()
{
    if (m_ready || !systemd::listening()) {
        return;
    }
    m_ready = true;
    m_lastStatus = status();
    systemd::notify("READY=1\nSTATUS=" + m_lastStatus);
    // systemd wants a ping at least every period; checking four times a period leaves room for one check that
    // finds no progress of the reader (it turns at least every 250 ms) and for a busy main loop.
    if (const auto period = systemd::watchdogPeriod()) {
        m_checkInterval = std::max<std::chrono::milliseconds>(
            std::chrono::duration_cast<std::chrono::milliseconds>(*period / 4), 50ms);
        m_timer->start(*m_checkInterval);
    } else {
        m_timer->start(kStatusInterval);
    }
}

void ServiceNotifier::stopping()
{
    if (!m_ready || m_stopping) {
        return;
    }
    m_stopping = true;
    m_timer->stop();
    systemd::notify("STOPPING=1\nSTATUS=stopping");
}

void ServiceNotifier::check()
{
    // This runs on the main loop: that it runs at all is the main loop's progress. The reader thread's own
    // heartbeat must have moved since the last check as well.
    QByteArray message;
    if (m_checkInterval) {
        const StateSource *source = m_hub ? m_hub->source() : nullptr;
        const std::optional<quint64> heartbeat = source ? source->workerHeartbeat() : std::nullopt;
        const bool readerMoved = !heartbeat || heartbeat != m_lastHeartbeat;
        m_lastHeartbeat = heartbeat;
        if (readerMoved) {
            message = "WATCHDOG=1";
        }
    }
    const QByteArray now = status();
    if (now != m_lastStatus) {
        m_lastStatus = now;
        message += (message.isEmpty() ? "STATUS=" : "\nSTATUS=") + now;
    }
    if (!message.isEmpty()) {
        systemd::notify(message);
    }
}

QByteArray ServiceNotifier::status() const
{
    if (!m_hub) {
        return "starting";
    }
    QByteArray text = "robot " + names::linkStatus(m_hub->link().status).toUtf8();
    if (m_hub->link().status == LinkStatus::Live) {
        text += ", " + QByteArray::number(m_hub->rateHz(), 'f', 0) + " Hz";
    }
    if (m_server) {
        const int clients = m_server->clientCount();
        text += ", " + QByteArray::number(clients) + (clients == 1 ? " client" : " clients");
    }
    return text;
}

} // namespace omni::app
