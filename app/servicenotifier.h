// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

#include <chrono>
#include <optional>

class QTimer;

namespace omni {
class Hub;
class MirrorServer;
} // namespace omni

namespace omni::app {

/// Tells systemd how omniscient is doing (docs/PACKAGING.md, "The watchdog"): READY=1 once it serves and
/// reads, WATCHDOG=1 while its main loop and the source's reader thread both make progress, STATUS= lines,
/// STOPPING=1 on the way out. Does nothing unless a service manager listens (NOTIFY_SOCKET).
class ServiceNotifier : public QObject
{
    Q_OBJECT
public:
    /// Reports on `hub` (its source's reader thread, its link and rate) and `server` (may be null).
    explicit ServiceNotifier(Hub *hub, MirrorServer *server, QObject *parent = nullptr);
    /// Sends STOPPING=1 if ready() was sent.
    ~ServiceNotifier() override;

    /// Sends READY=1 with a first status and starts the watchdog pings (if systemd asks for them).
    void ready();
    /// Sends STOPPING=1 (once).
    void stopping();
    /// The interval of the checks that send WATCHDOG=1, if the watchdog is on.
    [[nodiscard]] std::optional<std::chrono::milliseconds> checkInterval() const { return m_checkInterval; }

private:
    void check();
    [[nodiscard]] QByteArray status() const;

    QPointer<Hub> m_hub;
    QPointer<MirrorServer> m_server;
    QTimer *m_timer;
    std::optional<std::chrono::milliseconds> m_checkInterval;
    std::optional<quint64> m_lastHeartbeat;
    QByteArray m_lastStatus;
    bool m_ready = false;
    bool m_stopping = false;
};

} // namespace omni::app
