// SPDX-License-Identifier: MIT
#pragma once

#include "omni/event.h"
#include "omni/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace omni {

class Hub;
class MirrorServerPrivate;
class RecordingsApi;
class ReplayControl;

/// How the mirror server listens and what it allows. The defaults are the product's; tests shrink the
/// timeouts and caps.
struct MirrorServerOptions {
    QHostAddress address = QHostAddress(QHostAddress::Any); ///< --bind (Any: every interface, IPv4 and IPv6)
    quint16 port = 3001;                                    ///< --port; 0 picks a free port (see port())
    int maxClients = 64;                                    ///< --max-clients: WebSocket clients at once
    /// WebSocket clients (and handshakes) at once from one peer address; more get 503. A browser tab needs one.
    int maxClientsPerAddress = 16;
    /// Loopback peers (this machine's own programs, which could exhaust it anyway) are not held to the cap above.
    bool loopbackHasNoPerAddressCap = true;
    /// Without a token: WebSocket clients at once whose Origin is another site (a page anywhere may read the
    /// stream, but a hostile one must not take the real viewers' slots); more get 503. With a token: no quota.
    int maxCrossOriginClients = 8;
    double maxRateHz = 60.0;         ///< --max-rate: states per second per client
    QString token;                   ///< --token: required by /ws and /api/* when set
    bool tokenGuardsMetrics = false; ///< --protect-metrics: /metrics needs the token too
    /// --allowed-hosts: Host names for which /api/*, /toggle-sound and /ws answer, besides those HostAllowList
    /// always allows (localhost, IP literals) and this machine's names (HostAllowList::machineNames()).
    QStringList allowedHosts;
    QString resourceRoot = QStringLiteral(":/web");                  ///< the embedded files served over HTTP
    QString serverName = QStringLiteral("omniscient " OMNI_VERSION); ///< in hello messages and Server headers
    /// The Foxglove endpoint's serverInfo sessionId; empty: a new random one at every start (see
    /// MirrorServer::setFoxgloveReplay()).
    QString foxgloveSessionId;
    int maxFoxgloveSubscriptions = 32; ///< subscriptions at once per Foxglove client
    /// A connection must finish its request head (and body) within this, or it is closed. The same deadline
    /// applies to a peer taking its answer and to a WebSocket handshake.
    std::chrono::milliseconds requestTimeout{5000};
    /// The shorter deadline for a complete request head, from the accept (a browser sends its head in one
    /// packet): a slowloris or an idle connection holds a descriptor for at most this long. Capped by
    /// requestTimeout.
    std::chrono::milliseconds headTimeout{3000};
    /// WebSocket clients are pinged this often; one that has not answered the previous ping is dropped.
    std::chrono::milliseconds pingInterval{5000};
    qsizetype maxRequestHeadBytes = qsizetype{8} * 1024; ///< larger heads get 431
    qsizetype maxRequestBodyBytes = 1024;                ///< larger bodies (POST /api/sound) get 413
    /// POST /api/recordings answers when the file is saved; past this it answers 503 (the save goes on).
    std::chrono::milliseconds saveTimeout{60000};
    /// HTTP connections still sending a request, in all (they cost a descriptor and a socket each, about 10 KiB
    /// with a full head): room for a crowd arriving at once beside idle or hostile ones. See ConnectionAdmission.
    int maxUnfinishedConnections = 1024;
    /// Unfinished connections from one client address (an IPv6 /64 counts as one): one host cannot take the room.
    int maxUnfinishedPerAddress = 256;
    /// Whether loopback clients (127.0.0.0/8, ::1) are held to maxUnfinishedPerAddress too: off, since a reverse
    /// proxy on this machine makes every client 127.0.0.1; they still count in maxUnfinishedConnections.
    bool capLoopbackPerAddress = false;
    /// Over a cap above, a newcomer replaces the unfinished connection that has made the least progress for the
    /// longest, if that one has received nothing for this long (no real browser pauses a second inside a request
    /// head); one that just connected or just sent something is never replaced. With none, the newcomer is
    /// closed.
    std::chrono::milliseconds evictUnfinishedAfter{1000};
    qint64 maxBufferedBytesPerClient = qint64{64} * 1024; ///< past this, a client skips states until its socket drains
    /// Past this, a client is closed at once: every byte queued for it counts, whoever queued it (our states, the
    /// pongs Qt writes by itself, close frames). Checked whenever it sends or is sent anything.
    qint64 maxQueuedBytesPerClient = qint64{256} * 1024;
    /// Unsent bytes the kernel may hold per client (TCP_NOTSENT_LOWAT on Linux): beyond it bytes stay in our
    /// capped buffer, so a slow client is not megabytes of old states behind in kernel queues. 0: no limit.
    int maxKernelUnsentBytes = 16 * 1024;
    qint64 maxIncomingMessageBytes = qint64{4} * 1024; ///< a client frame or message larger than this closes the client
    int maxCommandsPerSecond = 20;                     ///< a client sending more text messages than this is closed
    int maxControlFramesPerSecond = 10; ///< a client sending more pings and pongs a second than this is closed
    qint64 maxIncomingBytesPerSecond = qint64{64} * 1024; ///< a client sending more bytes a second is closed
};

/// A sound this machine plays, offered to browsers under /sounds/NAME so that a phone can cluck along (the
/// page's "cluck here too"; the `cue` message names it).
struct ServedSound {
    QString name;    ///< the file name under /sounds/, e.g. "cluck-2.ogg" (no '/')
    QByteArray body; ///< the file's content
};

/// Counters and gauges, as /metrics reports them.
struct MirrorServerStats {
    quint64 messagesSent = 0;     ///< WebSocket text messages sent, all types
    quint64 statesSent = 0;       ///< state messages sent
    quint64 statesSkipped = 0;    ///< states a client never got because a newer one replaced it (rate cap, slow socket)
    quint64 statesSerialised = 0; ///< state messages the hub built (Hub::statesSerialised(), for all consumers)
    quint64 clientsAccepted = 0;  ///< WebSocket connections accepted
    quint64 clientsRefused = 0;   ///< WebSocket upgrades refused (max clients)
    quint64 clientsDropped = 0;   ///< clients dropped by the server (no pong, oversized or too many messages)
    quint64 clientsClosedQueueFull = 0; ///< of which: more than maxQueuedBytesPerClient waited for them
    quint64 clientsClosedRate = 0;      ///< of which: too many messages, pings/pongs or bytes per second
    quint64 clientsClosedUnmasked = 0;  ///< of which: an unmasked frame (RFC 6455 5.1)
    quint64 connectionsDropped = 0;     ///< TCP connections closed for the unfinished-connection cap or a timeout
    quint64 commandsAccepted = 0;       ///< client commands applied (sound switch, over /ws or POST)
    quint64 commandsRefused = 0;        ///< client commands refused (origin) or not understood
};

/// The one-port mirror server: the embedded web dashboard and JSON API over HTTP, and the live stream over
/// a WebSocket on /ws, both fed by a Hub. See docs/SERVER.md for routes, status codes and limits. A WebSocket on
/// `/` or `/ws` that offers the subprotocol `foxglove.sdk.v1` or `foxglove.websocket.v1` speaks the Foxglove
/// WebSocket protocol instead (docs/FOXGLOVE.md), with the same limits and one pool of clients.
///
/// Every WebSocket client gets a hello, then the latest state at once, then every new state, link change and
/// sound change; each state is serialised once and shared. Per client the latest value wins: states are
/// never queued, a slow client's buffered bytes are capped and it skips to the newest state, and a per-client
/// rate cap delays (never drops) the newest state. Lives in the thread of its Hub.
class MirrorServer : public QObject
{
    Q_OBJECT
public:
    /// Why listen() failed.
    enum class Error {
        None,                ///< no error
        AddressInUse,        ///< another program has the port
        AddressNotAvailable, ///< the --bind address is not one of this machine's
        PermissionDenied,    ///< the port needs privileges (below 1024)
        Other,               ///< anything else; see errorString()
    };
    Q_ENUM(Error)

    /// A server for `hub` (not owned; must outlive the server). Nothing listens before listen().
    explicit MirrorServer(Hub *hub, MirrorServerOptions options = {}, QObject *parent = nullptr);
    /// Closes every client (before the listening socket, which owns their TCP sockets) and stops.
    ~MirrorServer() override;

    /// Starts listening. A failure is also kept as error()/errorString() and emitted as errorOccurred().
    Result<void, Error> listen();
    /// Stops listening and closes every connection.
    void close();
    /// Whether listen() succeeded and close() was not called.
    [[nodiscard]] bool isListening() const;
    /// The port actually listened on (the chosen one when the options said 0), or 0.
    [[nodiscard]] quint16 port() const;
    /// The options in force.
    [[nodiscard]] const MirrorServerOptions &options() const;
    /// The last listen() error.
    [[nodiscard]] Error error() const;
    /// The last listen() error, in English, with the address and port.
    [[nodiscard]] QString errorString() const;

    /// WebSocket clients connected now.
    [[nodiscard]] int clientCount() const;
    /// TCP connections still sending a request, taking an answer or finishing a WebSocket handshake.
    [[nodiscard]] int unfinishedConnections() const;
    /// Bytes written to client sockets but not yet taken by the kernel, over all clients.
    [[nodiscard]] qint64 bytesBuffered() const;
    /// Counters so far.
    [[nodiscard]] MirrorServerStats stats() const;
    /// URLs a person can open: http://localhost:PORT/ plus every non-loopback address it listens on
    /// (IPv6 link-local addresses are left out: browsers cannot open them). Empty unless listening.
    [[nodiscard]] QStringList urls() const;

    /// Serves /api/recordings from `recordings` (not owned; null: 404; it must outlive the server or be unset).
    void setRecordings(omni::RecordingsApi *recordings);

public Q_SLOTS:
    /// Sends `event` as an `event` message to every /ws client and to the Foxglove clients subscribed to
    /// /robot/events (log time its wallNs); serialised once, dropped (not queued) for a client that is behind; and
    /// keeps it for GET /api/events (the last 50). Connect an EventFeed's eventOccurred here.
    void publishEvent(const omni::Event &event);

public:
    /// Serves `sounds` under /sounds/ (replacing the earlier ones): no token needed, like the page itself.
    void setSounds(const QList<ServedSound> &sounds);
    /// Answers GET and POST /api/replay with `replay` (null: 404, no replay), which must outlive the server or be
    /// cleared first. POST has the access rules of POST /api/sound.
    void setReplayControl(ReplayControl *replay);

    /// For replay (docs/FOXGLOVE.md): `replaying` announces the Foxglove `time` capability (or withdraws it), and
    /// `sessionId` (empty: a new random one) tells clients that this is another recording; every Foxglove client
    /// gets the new serverInfo at once, and later ones get it on connecting.
    void setFoxgloveReplay(bool replaying, const QString &sessionId = {});
    /// For replay: sends a Time frame (opcode 0x02) with the replay position `unixNs` (ns since the epoch) to
    /// every Foxglove client that is not behind, so the app's timeline follows. Call setFoxgloveReplay(true) first.
    void sendFoxgloveTime(qint64 unixNs);
    /// The Foxglove serverInfo sessionId in force.
    [[nodiscard]] QString foxgloveSessionId() const;
    /// Appends what `provider` returns (Prometheus text format lines) to every /metrics answer, e.g. the MQTT
    /// publisher's counters. Null removes it.
    void setExtraMetrics(std::function<QByteArray()> provider);
    /// Serves GET `path` (under /api/, e.g. "/api/fleet") with the JSON `provider` returns, under the rules of the
    /// other /api routes (token, Host). Null removes it.
    void setApiRoute(const QByteArray &path, const std::function<QByteArray()> &provider);

    /// Parses a --bind value: an IPv4/IPv6 address, "localhost", or empty / "any" / "*" for all interfaces.
    static std::optional<QHostAddress> parseBindAddress(const QString &text);

Q_SIGNALS:
    /// listen() failed.
    void errorOccurred(omni::MirrorServer::Error error);
    /// A WebSocket client connected or left.
    void clientCountChanged(int count);

private:
    friend class MirrorServerPrivate;
    std::unique_ptr<MirrorServerPrivate> d;
};

} // namespace omni
