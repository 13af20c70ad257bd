// SPDX-License-Identifier: MIT
#pragma once

#include "omni/remotesource.h"
#include "omni/robotstate.h"

#include <QString>

#include <functional>
#include <optional>

namespace omni {

/// What RemoteSource must do with its socket, decided by RemoteConnection.
enum class RemoteAction {
    None,  ///< nothing
    Open,  ///< an attempt starts now: drop any old socket and open a new one
    Ping,  ///< the attempt is alive: ping, if the socket is open
    Abort, ///< the attempt went silent and is over (already counted as closed): abort the socket
};

/// The rules of RemoteSource's connection, without a socket or a timer: when to connect and reconnect
/// (backoff), when an attempt is silent, what the server's hello means, the network status with its detail,
/// and the robot's link as shown here (the server's word, overruled while it brings no new state).
///
/// Life of an attempt: start() or a due retry in tick() answers RemoteAction::Open; the socket's events come
/// in as onSocketOpen(), onMessage(), onPong(), onSocketError(), onSocketClosed(); the server's messages as
/// onHello(), then onLink() and onState(). A closed attempt plans the next one: msUntilRetry(). tick() is
/// "the time is now": a due retry, ping or silence and the stale watchdog; msUntilNextTick() says when it is
/// next worth calling. Time comes from the injected clocks, so tests are exact.
class RemoteConnection
{
public:
    /// Monotonic milliseconds.
    using Clock = std::function<qint64()>;
    /// Milliseconds since the Unix epoch (local wall time, for the robot's clock offset).
    using WallClock = std::function<qint64()>;

    /// A stopped connection to the server shown as `displayUrl`, timed by `options` (its url and
    /// maxMessageBytes are the shell's business).
    RemoteConnection(const RemoteSourceOptions &options, QString displayUrl, Clock clock, WallClock wallClock);

    /// Starts connecting: RemoteAction::Open, or None when already running. Network Connecting.
    RemoteAction start();
    /// Ends the attempt and plans none. Network Idle; the robot's link Stale (with a state) or Waiting.
    void stop();
    /// Another server, shown as `displayUrl`: forgets the state, rate and link of the last one (the link is
    /// a fresh Waiting one). Call while stopped.
    void reset(QString displayUrl);

    /// The socket finished its handshake.
    void onSocketOpen();
    /// A message (text or binary, valid or not) arrived: the server is not silent.
    void onMessage();
    /// A pong arrived; it proves the server alive only after its hello.
    void onPong();
    /// The socket failed with `why`; `httpStatus` is the status of a refused upgrade, or 0.
    /// HTTP 401/403 means TokenRefused (retried slowly); any other failure only explains the next close.
    void onSocketError(int httpStatus, const QString &why);
    /// The socket closed. `why`, when given, is the detail to show (it overrides the socket error's).
    /// False when this attempt was already over (stopped, or its close already counted).
    bool onSocketClosed(const QString &why = {});
    /// The server's hello. False when it speaks another schema (network Incompatible, retried slowly):
    /// close the socket. True: network Connected, waiting for the first state.
    bool onHello(int schema, const QString &serverVersion);
    /// The server's word on the robot's link (a link message). Ignored before helloSeen().
    void onLink(const LinkInfo &serverLink);
    /// A state from the server, with the link it came with, the rate and its age at the server (-1 unknown).
    /// Returns its publish time `publishUnixNs` on the local clock: the robot's clock may be far from ours.
    /// Ignored (the time returned as is) before helloSeen().
    qint64 onState(const LinkInfo &serverLink, double rateHz, qint64 ageMs, qint64 publishUnixNs);
    /// The time is now: opens a due retry, pings or gives up a silent attempt, and turns a live link that
    /// brings no new state stale.
    RemoteAction tick();

    /// Between start() and stop().
    [[nodiscard]] bool running() const { return m_running; }
    /// The server of this attempt said hello with the right schema: its other messages count.
    [[nodiscard]] bool helloSeen() const { return m_helloSeen; }
    /// The network link.
    [[nodiscard]] NetworkStatus network() const { return m_network; }
    /// Facts about the last network problem, in English, or empty.
    [[nodiscard]] const QString &networkDetail() const { return m_networkDetail; }
    /// The robot's link as shown here.
    [[nodiscard]] const LinkInfo &link() const { return m_link; }
    /// The server says live, but no new state came for staleTimeoutMs(): shown Stale (or Waiting).
    [[nodiscard]] bool stateOverdue() const { return m_stateOverdue; }
    /// How long the robot's link may read live without a new state, in ms: max(staleAfter, 3 periods).
    [[nodiscard]] qint64 staleTimeoutMs() const;
    /// Milliseconds until the next attempt (0 when due), or -1 when none is planned.
    [[nodiscard]] qint64 msUntilRetry() const;
    /// Milliseconds until tick() has something to do (0 when due), or -1 when nothing is planned.
    [[nodiscard]] qint64 msUntilNextTick() const;
    /// Connection attempts since start().
    [[nodiscard]] int attempts() const { return m_attempts; }

private:
    RemoteAction beginAttempt();
    void endAttempt();
    void scheduleRetry(bool slow);
    void takeServerLink(const LinkInfo &serverLink);
    void showServerLink();
    void linkDown(const QString &why);
    void setNetwork(NetworkStatus status, const QString &detail);
    qint64 localPublishTime(qint64 publishUnixNs, qint64 ageMs);

    RemoteSourceOptions m_options;
    QString m_displayUrl;
    Clock m_clock;
    WallClock m_wallClock;

    bool m_running = false;
    bool m_attemptActive = false; ///< from Open until the close is counted
    bool m_helloSeen = false;
    bool m_pendingFailure = false; ///< the failure's reason is already known (401, schema): retry slowly
    int m_failures = 0;            ///< attempts failed in a row, for the backoff
    int m_attempts = 0;
    qint64 m_lastActivityMs = 0;
    qint64 m_retryAt = -1;
    qint64 m_nextPingAt = -1;

    NetworkStatus m_network = NetworkStatus::Idle;
    QString m_networkDetail;

    LinkInfo m_link;       ///< the robot's link as shown
    LinkInfo m_serverLink; ///< the robot's link as the server last said (source: our display URL)
    bool m_haveState = false;
    bool m_stateOverdue = false;
    qint64 m_overdueAt = -1; ///< the stale watchdog's deadline, -1 when not armed
    double m_rateHz = 0.0;   ///< the rate of the last state, for the watchdog
    std::optional<qint64> m_clockOffsetNs;
};

} // namespace omni
