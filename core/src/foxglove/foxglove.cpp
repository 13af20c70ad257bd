// SPDX-License-Identifier: MIT
// The Foxglove WebSocket protocol's messages: JSON built with QJsonDocument (they are rare: the frames that
// carry robot states are binary, built in messageData()), and the parser of what clients send.
#include "omni/foxglove.h"

#include "omni/statejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace omni::foxglove {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonValue toJson(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::QString:
        return v.toString();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return v.toLongLong();
    case QMetaType::Double:
        return v.toDouble();
    default:
        return QJsonValue::Undefined;
    }
}

QVariant fromJson(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool();
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return v.toDouble();
    default:
        return {};
    }
}

void putLe(char *at, quint64 value, int bytes)
{
    for (int i = 0; i < bytes; ++i) {
        at[i] = static_cast<char>((value >> (8 * i)) & 0xff);
    }
}

using Parsed = Result<ClientMessage, ClientError>;

Parsed badField(const QString &what)
{
    return fail(ClientError::BadField, what);
}

// A JSON number that is a whole number in [0, 2^32).
bool toU32(const QJsonValue &v, quint32 &out)
{
    if (!v.isDouble()) {
        return false;
    }
    const double d = v.toDouble();
    if (d < 0 || d > std::numeric_limits<quint32>::max() || d != static_cast<double>(static_cast<quint64>(d))) {
        return false;
    }
    out = static_cast<quint32>(d);
    return true;
}

// "parameterNames": an array of strings; `required`: must be there.
bool parameterNames(const QJsonObject &o, bool required, QStringList &out)
{
    const QJsonValue v = o.value(QLatin1String("parameterNames"));
    if (v.isUndefined() || v.isNull()) {
        return !required;
    }
    if (!v.isArray()) {
        return false;
    }
    for (const auto &name : v.toArray()) {
        if (!name.isString()) {
            return false;
        }
        out.append(name.toString());
    }
    return true;
}

} // namespace

QStringList subprotocols()
{
    return {QLatin1String(kSubprotocolSdk), QLatin1String(kSubprotocolLegacy)};
}

bool isSubprotocol(QStringView name)
{
    return name == QLatin1String(kSubprotocolSdk) || name == QLatin1String(kSubprotocolLegacy);
}

bool offersSubprotocol(QByteArrayView headerValue)
{
    const auto parts = headerValue.toByteArray().split(',');
    for (const QByteArray &part : parts) {
        if (isSubprotocol(QString::fromLatin1(part.trimmed()))) {
            return true;
        }
    }
    return false;
}

const QList<Channel> &channels()
{
    static const QList<Channel> all = {
        {ChannelId::State, QLatin1String(topics::kState), QLatin1String(json::kStateSchemaName),
         json::stateJsonSchema()},
        {ChannelId::Link, QLatin1String(topics::kLink), QLatin1String(json::kLinkSchemaName), json::linkJsonSchema()},
        {ChannelId::Events, QLatin1String(topics::kEvents), QLatin1String(json::kEventSchemaName),
         json::eventJsonSchema()},
    };
    return all;
}

bool isChannel(quint32 id)
{
    return id >= static_cast<quint32>(ChannelId::State) && id <= static_cast<quint32>(ChannelId::Events);
}

QByteArray serverInfoMessage(const ServerInfo &info)
{
    QJsonObject metadata;
    for (auto it = info.metadata.cbegin(); it != info.metadata.cend(); ++it) {
        metadata.insert(it.key(), it.value());
    }
    return compact({{QLatin1String("op"), QLatin1String("serverInfo")},
                    {QLatin1String("name"), info.name},
                    {QLatin1String("capabilities"), QJsonArray::fromStringList(info.capabilities)},
                    {QLatin1String("supportedEncodings"), QJsonArray()},
                    {QLatin1String("metadata"), metadata},
                    {QLatin1String("sessionId"), info.sessionId}});
}

QByteArray advertiseMessage(const QList<Channel> &list)
{
    QJsonArray array;
    for (const Channel &c : list) {
        array.append(QJsonObject{{QLatin1String("id"), static_cast<qint64>(c.id)},
                                 {QLatin1String("topic"), c.topic},
                                 {QLatin1String("encoding"), QLatin1String("json")},
                                 {QLatin1String("schemaName"), c.schemaName},
                                 {QLatin1String("schema"), QString::fromUtf8(c.schema)},
                                 {QLatin1String("schemaEncoding"), QLatin1String("jsonschema")}});
    }
    return compact({{QLatin1String("op"), QLatin1String("advertise")}, {QLatin1String("channels"), array}});
}

QByteArray statusMessage(StatusLevel level, const QString &message, const QString &id)
{
    QJsonObject o{{QLatin1String("op"), QLatin1String("status")},
                  {QLatin1String("level"), static_cast<int>(level)},
                  {QLatin1String("message"), message}};
    if (!id.isEmpty()) {
        o.insert(QLatin1String("id"), id);
    }
    return compact(o);
}

QByteArray removeStatusMessage(const QStringList &ids)
{
    return compact({{QLatin1String("op"), QLatin1String("removeStatus")},
                    {QLatin1String("statusIds"), QJsonArray::fromStringList(ids)}});
}

QByteArray parameterValuesMessage(const QList<Parameter> &parameters, const QString &id)
{
    QJsonArray array;
    for (const Parameter &p : parameters) {
        QJsonObject o{{QLatin1String("name"), p.name}};
        const QJsonValue v = toJson(p.value);
        if (!v.isUndefined()) {
            o.insert(QLatin1String("value"), v);
        }
        array.append(o);
    }
    QJsonObject o{{QLatin1String("op"), QLatin1String("parameterValues")}, {QLatin1String("parameters"), array}};
    if (!id.isEmpty()) {
        o.insert(QLatin1String("id"), id);
    }
    return compact(o);
}

QByteArray messageData(quint32 subscriptionId, quint64 logTimeNs, QByteArrayView payload)
{
    QByteArray out(kMessageDataHeaderBytes + payload.size(), Qt::Uninitialized);
    char *p = out.data();
    p[0] = static_cast<char>(BinaryOpcode::MessageData);
    putLe(p + 1, subscriptionId, 4);
    putLe(p + 5, logTimeNs, 8);
    std::copy(payload.begin(), payload.end(), p + kMessageDataHeaderBytes);
    return out;
}

QByteArray timeFrame(quint64 timeNs)
{
    QByteArray out(9, Qt::Uninitialized);
    out[0] = static_cast<char>(BinaryOpcode::Time);
    putLe(out.data() + 1, timeNs, 8);
    return out;
}

Result<ClientMessage, ClientError> parseClientMessage(QByteArrayView text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        return fail(
            ClientError::NotJson,
            QStringLiteral("the message is not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    }
    if (!doc.isObject()) {
        return fail(ClientError::NotAnObject, QStringLiteral("the message is JSON but not an object"));
    }
    const QJsonObject o = doc.object();
    const QJsonValue opValue = o.value(QLatin1String("op"));
    if (!opValue.isString()) {
        return fail(ClientError::MissingOp, QStringLiteral("the message has no \"op\" string"));
    }
    const QString op = opValue.toString();
    ClientMessage m;
    if (op == QLatin1String("subscribe")) {
        m.op = ClientMessage::Op::Subscribe;
        const QJsonValue subs = o.value(QLatin1String("subscriptions"));
        if (!subs.isArray()) {
            return badField(QStringLiteral("subscribe needs \"subscriptions\": [{\"id\":N,\"channelId\":N}, ...]"));
        }
        for (const auto &s : subs.toArray()) {
            Subscription sub;
            if (!s.isObject() || !toU32(s.toObject().value(QLatin1String("id")), sub.id) ||
                !toU32(s.toObject().value(QLatin1String("channelId")), sub.channelId)) {
                return badField(QStringLiteral(
                    "each subscription needs \"id\" and \"channelId\", whole numbers from 0 to 4294967295"));
            }
            m.subscriptions.append(sub);
        }
    } else if (op == QLatin1String("unsubscribe")) {
        m.op = ClientMessage::Op::Unsubscribe;
        const QJsonValue ids = o.value(QLatin1String("subscriptionIds"));
        if (!ids.isArray()) {
            return badField(QStringLiteral("unsubscribe needs \"subscriptionIds\": [N, ...]"));
        }
        for (const auto &v : ids.toArray()) {
            quint32 id = 0;
            if (!toU32(v, id)) {
                return badField(QStringLiteral("subscription ids are whole numbers from 0 to 4294967295"));
            }
            m.subscriptionIds.append(id);
        }
    } else if (op == QLatin1String("getParameters") || op == QLatin1String("subscribeParameterUpdates") ||
               op == QLatin1String("unsubscribeParameterUpdates")) {
        m.op = op == QLatin1String("getParameters")               ? ClientMessage::Op::GetParameters
               : op == QLatin1String("subscribeParameterUpdates") ? ClientMessage::Op::SubscribeParameterUpdates
                                                                  : ClientMessage::Op::UnsubscribeParameterUpdates;
        if (!parameterNames(o, m.op != ClientMessage::Op::GetParameters, m.parameterNames)) {
            return badField(QStringLiteral("%1 needs \"parameterNames\": an array of strings").arg(op));
        }
    } else if (op == QLatin1String("setParameters")) {
        m.op = ClientMessage::Op::SetParameters;
        const QJsonValue params = o.value(QLatin1String("parameters"));
        if (!params.isArray()) {
            return badField(QStringLiteral("setParameters needs \"parameters\": [{\"name\":...,\"value\":...}, ...]"));
        }
        for (const auto &p : params.toArray()) {
            const QJsonObject po = p.toObject();
            if (!p.isObject() || !po.value(QLatin1String("name")).isString()) {
                return badField(QStringLiteral("each parameter needs a \"name\" string"));
            }
            m.parameters.append(
                {po.value(QLatin1String("name")).toString(), fromJson(po.value(QLatin1String("value")))});
        }
    } else if (op == QLatin1String("advertise") || op == QLatin1String("unadvertise") ||
               op == QLatin1String("subscribeConnectionGraph") || op == QLatin1String("unsubscribeConnectionGraph") ||
               op == QLatin1String("fetchAsset") || op == QLatin1String("serviceCallRequest")) {
        return fail(ClientError::UnsupportedOp,
                    QStringLiteral("\"%1\" is not offered by omniscient (it only observes the robot)").arg(op));
    } else {
        return fail(ClientError::UnknownOp, QStringLiteral("unknown op \"%1\"").arg(op.left(64)));
    }
    const QJsonValue id = o.value(QLatin1String("id"));
    if (id.isString()) {
        m.requestId = id.toString();
    } else if (!id.isUndefined() && !id.isNull()) {
        return badField(QStringLiteral("\"id\" must be a string"));
    }
    return m;
}

} // namespace omni::foxglove
