// SPDX-License-Identifier: MIT
#pragma once

#include "omni/hostallowlist.h"
#include "omni/mirrorserver.h"
#include "omni/recordingsapi.h"
#include "server/acceptor.h"
#include "server/admission.h"
#include "server/httprequest.h"
#include "server/httpresponse.h"
#include "server/serverclient.h"
#include "server/serverwebfiles.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QTimer>

#include <memory>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace omni {

class Hub;

/// The server's insides, split over mirrorserver.cpp (sockets, HTTP connections, hand-off),
/// serverstream.cpp (WebSocket clients and frames), serverroutes.cpp (what each HTTP route answers, access
/// rules), servermetrics.cpp and serveraddresses.cpp.
class MirrorServerPrivate : public ClientHost
{
public:
    MirrorServerPrivate(MirrorServer *server, Hub *hub, MirrorServerOptions options);

    // --- mirrorserver.cpp
    bool listen();
    /// Closes everything; `notify`: emit clientCountChanged (not from the destructor).
    void close(bool notify = true);
    /// A connection the Acceptor took: admitted (maybe replacing a stalled one) or closed at once.
    void onAccepted(qintptr fd);
    /// Out of descriptors: closes the most stalled unfinished connection; false if there is none.
    bool makeRoom();
    /// Closes an unfinished connection to make room for another.
    void evict(QTcpSocket *s);
    void onReadyRead(QTcpSocket *s);
    void onRequestTimeout(QTcpSocket *s);
    void forget(QTcpSocket *s);
    void respond(QTcpSocket *s, const http::Response &response, bool headOnly);
    void handOff(QTcpSocket *s, bool mayCommand, bool crossOrigin);
    void setError(MirrorServer::Error error, const QString &text);

    // --- serverstream.cpp
    void onWebSocketConnection();
    /// The first readyRead slot of a handed-off socket: lets its client, once there is one, read the frame headers
    /// before QWebSocket does (ServerClient::inspectIncoming()).
    void inspectIncoming(QTcpSocket *tcp);
    void removeClient(ServerClient *client);
    void pingClients();

    // ClientHost
    QString stateFrame() override;
    QString linkFrame() override;
    QString soundFrame() override;
    void clientCommand(ServerClient *client, const QString &message) override;
    MirrorServerStats &stats() override { return m_stats; }
    QList<QString> foxgloveGreeting() override;
    QByteArray foxgloveStateFrame(quint32 subscriptionId) override;
    QByteArray foxgloveLink(quint64 &logTimeNs) override;
    QString foxgloveLinkStatus() override;
    QString foxgloveParameters(const QStringList &names) override;

    // --- serverfoxglove.cpp
    /// A text message from a Foxglove client: its session answers; a new subscription gets the latest value.
    void foxgloveCommand(ServerClient *client, const QString &message);
    /// The hub's link changed: the status message and the /robot/link payload are made again.
    void foxgloveLinkChanged();
    /// The serverInfo message, with the current capabilities, metadata and session id.
    QString foxgloveServerInfo() const;
    /// Every parameter with its current value (ParameterStore::parameters()).
    QList<foxglove::Parameter> foxgloveParameterValues() const;

    // --- serverroutes.cpp
    /// What to do with one complete request.
    struct Routed {
        http::Response response; ///< when not upgrading
        bool headOnly = false;   ///< HEAD: send the headers only
        bool upgrade = false;    ///< hand the socket to the WebSocket server
        bool mayCommand = false; ///< for an upgrade: accept the client's sound commands
        bool deferSave = false;  ///< POST /api/recordings passed its checks: save, and answer when saved
        double saveSeconds = 0;  ///< for deferSave: the seconds asked for (0: everything)
    };
    Routed route(const http::Request &request, QByteArrayView body);
    http::Response serveFile(const http::Request &request);
    http::Response apiState();
    http::Response apiSound(const http::Request &request, QByteArrayView body);
    http::Response apiReplay(const http::Request &request, QByteArrayView body);
    /// The refusal of a command (POST /api/sound, /api/replay) that may not run: another origin without the
    /// token, a body that is not JSON, no Content-Length; nullopt when it may.
    std::optional<http::Response> refuseCommand(const http::Request &request, QByteArrayView what);
    /// GET /toggle-sound, the original observer's route: flips the sound, answers {"status":"on"|"off"}.
    http::Response toggleSound(const http::Request &request);
    http::Response metrics();
    Routed upgradeOrRefuse(const http::Request &request);

    // --- serverrecordings.cpp
    /// Keeps an event message for GET /api/events (the last 50).
    void rememberEvent(const QByteArray &json);
    http::Response apiEvents(const http::Request &request);
    Routed apiRecordings(const http::Request &request, QByteArrayView body);
    /// Checks a POST /api/recordings; a response with status 0 means "save `seconds`".
    http::Response saveRequest(const http::Request &request, QByteArrayView body, double &seconds);
    static http::Response download(const QString &name, const QString &path);
    /// Starts the save of a checked POST on `s`; the answer goes out when it is done.
    void startSave(QTcpSocket *s, double seconds);
    /// For an upgrade that passed upgradeOrRefuse(): the per-address cap and the quota of other sites' pages; a
    /// refusal to send, or nullopt. `crossOrigin`: whether the client counts against that quota.
    std::optional<http::Response> admit(QTcpSocket *s, const http::Request &request, bool &crossOrigin);
    /// --token given and this request carries it (?token= or Authorization: Bearer), compared in constant time.
    bool tokenValid(const http::Request &request) const;
    /// The request has no Origin header, or one naming this server (compared with the Host header).
    static bool originIsSelf(const http::Request &request);
    /// May this request change things (POST /api/sound, WebSocket commands)? Token if configured, else origin.
    bool mayWrite(const http::Request &request) const;
    /// Applies a sound switch from a client; false if refused.
    bool applySound(bool enabled, bool allowed);

    // One accepted TCP connection that has not finished its request (or whose response is being written).
    struct Connection {
        QTimer *timer = nullptr;
        QMetaObject::Connection readConnection;
        QMetaObject::Connection closeConnection;
        bool responding = false;
        bool handedOff = false;
        bool mayCommand = false;
        bool crossOrigin = false; ///< handed off: an upgrade from another site's page (its own quota)
        bool headDone = false;    ///< the request head is complete (its own shorter deadline is over)
        bool saving = false;      ///< waits for a recording to be saved (POST /api/recordings)
        QElapsedTimer open;       ///< since the connection was accepted
    };
    /// The bytes of an answer, with the headers every response carries.
    QByteArray serialized(const http::Response &response, bool headOnly) const;

    MirrorServer *q;
    Hub *m_hub;
    ReplayControl *m_replay = nullptr; // GET/POST /api/replay (serverreplay.cpp)
    MirrorServerOptions m_options;
    WebFiles m_files;
    QByteArray m_tokenHash;
    HostAllowList m_allowedHosts; ///< for /api/*, /toggle-sound and /ws
    QTcpServer *m_tcp = nullptr;
    QWebSocketServer *m_wss = nullptr;
    QHash<QTcpSocket *, Connection> m_connections;
    ConnectionAdmission m_admission;      ///< which of m_connections stay when there is no room
    std::unique_ptr<Acceptor> m_acceptor; ///< accepts on m_tcp's socket in place of QTcpServer (see Acceptor)
    QList<ServerClient *> m_clients;
    int m_handoffs = 0;
    QString m_stateCache; // Hub::stateJson() as the QString QWebSocket's text API takes, once per state
    bool m_stateCacheValid = false;
    QString m_linkCache;
    QString m_soundCache;
    // Foxglove (serverfoxglove.cpp)
    QString m_foxSessionId;     ///< serverInfo's sessionId: new at every start, or set for a replay
    bool m_foxTime = false;     ///< announce the `time` capability (replay)
    bool m_linkWasLive = false; ///< the link was live or stale once: waiting now means lost
    QString m_foxLinkStatus;    ///< the status or removeStatus message of the current link
    QByteArray m_foxLinkJson;   ///< the `link` message of the current link
    /// MessageData frames of the latest state by subscription id (clients mostly number theirs alike), dropped on
    /// every state and link change (m_foxStateFramesValid false), as m_stateCache is.
    QHash<quint32, QByteArray> m_foxStateFrames;
    bool m_foxStateFramesValid = false;
    quint64 m_foxLinkTimeNs = 0; ///< when the link last changed, ns since the epoch
    MirrorServerStats m_stats;
    RecordingsApi *m_recordings = nullptr;                      ///< /api/recordings; null: 404
    QList<QByteArray> m_recentEvents;                           ///< the last event messages, for GET /api/events
    QMap<int, quint64> m_responses;                             // HTTP responses by status
    std::function<QByteArray()> m_extraMetrics;                 // setExtraMetrics()
    QHash<QByteArray, std::function<QByteArray()>> m_apiRoutes; // setApiRoute()
    QTimer m_pingTimer;
    QElapsedTimer m_uptime;
    MirrorServer::Error m_error = MirrorServer::Error::None;
    QString m_errorString;
};

} // namespace omni
