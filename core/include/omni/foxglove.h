// SPDX-License-Identifier: MIT
#pragma once

#include "omni/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

/// The messages of the Foxglove WebSocket protocol (foxglove/ws-protocol docs/spec.md; the SDK's `foxglove.sdk.v1`
/// has the same ones), as omniscient speaks them: JSON text messages and little-endian binary frames. Pure
/// functions, no sockets; see docs/FOXGLOVE.md.
namespace omni::foxglove {

/// The subprotocol of the Foxglove SDK.
inline constexpr char kSubprotocolSdk[] = "foxglove.sdk.v1";
/// The subprotocol of the older ws-protocol clients.
inline constexpr char kSubprotocolLegacy[] = "foxglove.websocket.v1";
/// Both names, in the order the server prefers them.
QStringList subprotocols();
/// Whether `name` is one of subprotocols().
bool isSubprotocol(QStringView name);
/// Whether a Sec-WebSocket-Protocol header value (comma-separated names) offers one of subprotocols().
bool offersSubprotocol(QByteArrayView headerValue);

/// The channels omniscient advertises; the ids are fixed, so a client may keep them across reconnects.
enum class ChannelId : quint32 {
    State = 1,  ///< "/robot/state": `state` messages
    Link = 2,   ///< "/robot/link": `link` messages
    Events = 3, ///< "/robot/events": `event` messages
};

/// One advertised channel.
struct Channel {
    ChannelId id = ChannelId::State; ///< its id in MessageData frames
    QString topic;                   ///< e.g. "/robot/state"
    QString schemaName;              ///< e.g. "omniscient.RobotState"
    QByteArray schema;               ///< the JSON Schema text (sent as a string, schemaEncoding "jsonschema")
};

/// The three channels, with the JSON Schemas the recordings use (resources/schemas/).
const QList<Channel> &channels();
/// Whether `id` is the id of one of channels().
bool isChannel(quint32 id);

/// Names of the protocol's capabilities that omniscient can announce.
namespace capability {
inline constexpr char kParameters[] = "parameters";                   ///< getParameters / setParameters
inline constexpr char kParametersSubscribe[] = "parametersSubscribe"; ///< parameter updates pushed
inline constexpr char kTime[] = "time";                               ///< Time frames (replay)
} // namespace capability

/// What serverInfo says.
struct ServerInfo {
    QString name;                    ///< "omniscient <version>"
    QStringList capabilities;        ///< see namespace capability
    QMap<QString, QString> metadata; ///< free-form facts (source, layout)
    QString sessionId;               ///< changes when the server restarts or replays another recording
};

/// {"op":"serverInfo",...}
QByteArray serverInfoMessage(const ServerInfo &info);
/// {"op":"advertise","channels":[...]} with `encoding` "json" and `schemaEncoding` "jsonschema".
QByteArray advertiseMessage(const QList<Channel> &list);

/// The level of a status message.
enum class StatusLevel {
    Info = 0,    ///< for information
    Warning = 1, ///< something is not right (a stale link)
    Error = 2,   ///< something is wrong (a lost link, a bad client message)
};
/// {"op":"status","level":...,"message":...,"id":...}; `id` is left out when empty.
QByteArray statusMessage(StatusLevel level, const QString &message, const QString &id = {});
/// {"op":"removeStatus","statusIds":[...]}
QByteArray removeStatusMessage(const QStringList &ids);

/// One parameter: a name and a value (bool, string, number; an invalid QVariant means "unset").
struct Parameter {
    QString name;   ///< e.g. "omniscient.sound.enabled"
    QVariant value; ///< bool, QString, integer or double
};
/// {"op":"parameterValues","parameters":[...],"id":...}; `id` is left out when empty.
QByteArray parameterValuesMessage(const QList<Parameter> &parameters, const QString &id = {});

/// The opcodes of the server's binary frames.
enum class BinaryOpcode : quint8 {
    MessageData = 0x01, ///< u32 subscription id, u64 log time (ns), payload
    Time = 0x02,        ///< u64 time (ns)
};
/// The size of a MessageData frame before its payload.
inline constexpr qsizetype kMessageDataHeaderBytes = 13;
/// A MessageData frame: 0x01, `subscriptionId` (u32 LE), `logTimeNs` (u64 LE, ns since the Unix epoch), `payload`.
QByteArray messageData(quint32 subscriptionId, quint64 logTimeNs, QByteArrayView payload);
/// A Time frame: 0x02, `timeNs` (u64 LE, ns since the Unix epoch). Sent during replay, with the `time` capability.
QByteArray timeFrame(quint64 timeNs);

/// One client subscription: the client's own id and the channel it wants.
struct Subscription {
    quint32 id = 0;        ///< chosen by the client
    quint32 channelId = 0; ///< one of ChannelId (checked by the session, not the parser)
    friend bool operator==(const Subscription &, const Subscription &) = default;
};

/// A client's JSON message, parsed.
struct ClientMessage {
    /// The operations a client may send.
    enum class Op {
        Subscribe,                   ///< subscriptions
        Unsubscribe,                 ///< subscriptionIds
        GetParameters,               ///< parameterNames (empty: all), requestId
        SetParameters,               ///< parameters, requestId
        SubscribeParameterUpdates,   ///< parameterNames
        UnsubscribeParameterUpdates, ///< parameterNames
    };
    Op op = Op::Subscribe;             ///< which one
    QList<Subscription> subscriptions; ///< for Subscribe
    QList<quint32> subscriptionIds;    ///< for Unsubscribe
    QStringList parameterNames;        ///< for the parameter operations
    QList<Parameter> parameters;       ///< for SetParameters
    QString requestId;                 ///< for GetParameters and SetParameters; empty when not given
};

/// Why parseClientMessage() refused a message.
enum class ClientError {
    NotJson,       ///< not JSON
    NotAnObject,   ///< JSON, but not an object
    MissingOp,     ///< no "op" string
    UnknownOp,     ///< an "op" the protocol does not have
    UnsupportedOp, ///< an "op" of the protocol that omniscient does not offer (client publish, services, ...)
    BadField,      ///< a field missing, of the wrong type or out of range
};

/// Parses one client text message, or says (in English, naming the field) what is wrong with it.
Result<ClientMessage, ClientError> parseClientMessage(QByteArrayView text);

} // namespace omni::foxglove
