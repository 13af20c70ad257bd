// SPDX-License-Identifier: MIT
// The Foxglove WebSocket protocol without sockets: the binary frames byte by byte, the JSON messages, the client
// message parser, and one client's session (subscriptions, parameters, error statuses).
#include "omni/foxglove.h"
#include "omni/foxglovesession.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace omni;
using namespace omni::foxglove;

namespace {

QJsonObject object(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << json.constData();
    return doc.object();
}

/// The hub's parameters, in memory; sound writes allowed or not.
class FakeStore : public ParameterStore
{
public:
    bool allowed = true;
    bool sound = true;
    QList<Parameter> parameters() const override
    {
        return {{QLatin1String(parameter::kSoundEnabled), sound},
                {QLatin1String(parameter::kVersion), QStringLiteral("1.2.3")}};
    }
    std::optional<QString> set(const Parameter &p) override
    {
        if (p.name == QLatin1String(parameter::kVersion)) {
            return QStringLiteral("it is read-only");
        }
        if (p.value.typeId() != QMetaType::Bool) {
            return QStringLiteral("it is a boolean");
        }
        if (!allowed) {
            return QStringLiteral("the token is missing");
        }
        sound = p.value.toBool();
        return std::nullopt;
    }
};

QJsonObject only(const QList<QByteArray> &replies)
{
    EXPECT_EQ(replies.size(), 1);
    return replies.isEmpty() ? QJsonObject() : object(replies.first());
}

bool isError(const QJsonObject &o)
{
    return o.value(QLatin1String("op")).toString() == QLatin1String("status") &&
           o.value(QLatin1String("level")).toInt() == static_cast<int>(StatusLevel::Error);
}

} // namespace

TEST(FoxgloveFrames, MessageDataIsOpcodeSubscriptionLogTimeAndPayloadLittleEndian)
{
    const QByteArray frame = messageData(0x01020304u, 0x1122334455667788ull, "{}");
    const QByteArray expected = QByteArray::fromHex("01"
                                                    "04030201"
                                                    "8877665544332211") +
                                "{}";
    EXPECT_EQ(frame.toHex(), expected.toHex());
    EXPECT_EQ(frame.size(), kMessageDataHeaderBytes + 2);
}

TEST(FoxgloveFrames, TimeFrameIsOpcodeTwoAndNanosecondsLittleEndian)
{
    // The replay hook (MirrorServer::sendFoxgloveTime) sends this: 2026-01-01T00:00:00Z in ns.
    const quint64 ns = 1767225600000000000ull;
    const QByteArray frame = timeFrame(ns);
    ASSERT_EQ(frame.size(), 9);
    EXPECT_EQ(static_cast<quint8>(frame[0]), 0x02);
    quint64 decoded = 0;
    for (int i = 0; i < 8; ++i) {
        decoded |= static_cast<quint64>(static_cast<quint8>(frame[1 + i])) << (8 * i);
    }
    EXPECT_EQ(decoded, ns);
}

TEST(FoxgloveMessages, ServerInfoCarriesNameCapabilitiesMetadataAndSession)
{
    ServerInfo info;
    info.name = QStringLiteral("omniscient 1.0");
    info.capabilities = {QLatin1String(capability::kParameters), QLatin1String(capability::kTime)};
    info.metadata.insert(QStringLiteral("source"), QStringLiteral("shm:omnigod"));
    info.sessionId = QStringLiteral("abc");
    const QJsonObject o = object(serverInfoMessage(info));
    EXPECT_EQ(o.value(QLatin1String("op")).toString(), QLatin1String("serverInfo"));
    EXPECT_EQ(o.value(QLatin1String("name")).toString(), info.name);
    EXPECT_EQ(o.value(QLatin1String("capabilities")).toArray().toVariantList(),
              QVariantList({QStringLiteral("parameters"), QStringLiteral("time")}));
    EXPECT_EQ(o.value(QLatin1String("metadata")).toObject().value(QLatin1String("source")).toString(),
              QLatin1String("shm:omnigod"));
    EXPECT_EQ(o.value(QLatin1String("sessionId")).toString(), QLatin1String("abc"));
}

TEST(FoxgloveMessages, AdvertiseHasTheThreeChannelsWithTheirJsonSchemasAsStrings)
{
    const QJsonObject o = object(advertiseMessage(channels()));
    const QJsonArray list = o.value(QLatin1String("channels")).toArray();
    ASSERT_EQ(list.size(), 3);
    QStringList topics;
    for (const auto &v : list) {
        const QJsonObject c = v.toObject();
        topics.append(c.value(QLatin1String("topic")).toString());
        EXPECT_EQ(c.value(QLatin1String("encoding")).toString(), QLatin1String("json"));
        EXPECT_EQ(c.value(QLatin1String("schemaEncoding")).toString(), QLatin1String("jsonschema"));
        const QJsonObject schema = object(c.value(QLatin1String("schema")).toString().toUtf8());
        EXPECT_EQ(schema.value(QLatin1String("title")).toString(), c.value(QLatin1String("schemaName")).toString());
    }
    EXPECT_EQ(topics, QStringList({QStringLiteral("/robot/state"), QStringLiteral("/robot/link"),
                                   QStringLiteral("/robot/events")}));
}

TEST(FoxgloveMessages, StatusAndRemoveStatusCarryTheirIds)
{
    const QJsonObject s = object(statusMessage(StatusLevel::Warning, QStringLiteral("stale"), QStringLiteral("l")));
    EXPECT_EQ(s.value(QLatin1String("level")).toInt(), 1);
    EXPECT_EQ(s.value(QLatin1String("id")).toString(), QLatin1String("l"));
    EXPECT_FALSE(object(statusMessage(StatusLevel::Error, QStringLiteral("x"))).contains(QLatin1String("id")));
    const QJsonObject r = object(removeStatusMessage({QStringLiteral("l")}));
    EXPECT_EQ(r.value(QLatin1String("statusIds")).toArray().first().toString(), QLatin1String("l"));
}

TEST(FoxgloveSubprotocols, BothNamesAreRecognisedInAnOfferedList)
{
    EXPECT_TRUE(offersSubprotocol("foxglove.sdk.v1"));
    EXPECT_TRUE(offersSubprotocol("chat, foxglove.websocket.v1"));
    EXPECT_FALSE(offersSubprotocol("foxglove.websocket.v2"));
    EXPECT_FALSE(offersSubprotocol(""));
}

TEST(FoxgloveParser, RefusesWhatIsNotAValidClientMessageAndSaysWhy)
{
    EXPECT_EQ(parseClientMessage("{nope").error(), ClientError::NotJson);
    EXPECT_EQ(parseClientMessage("[1]").error(), ClientError::NotAnObject);
    EXPECT_EQ(parseClientMessage("{\"op\":3}").error(), ClientError::MissingOp);
    EXPECT_EQ(parseClientMessage("{\"op\":\"fly\"}").error(), ClientError::UnknownOp);
    EXPECT_EQ(parseClientMessage("{\"op\":\"advertise\",\"channels\":[]}").error(), ClientError::UnsupportedOp);
    EXPECT_EQ(parseClientMessage("{\"op\":\"subscribe\"}").error(), ClientError::BadField);
    EXPECT_EQ(parseClientMessage("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":1.5,\"channelId\":1}]}").error(),
              ClientError::BadField);
    EXPECT_EQ(
        parseClientMessage("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":4294967296,\"channelId\":1}]}").error(),
        ClientError::BadField);
    EXPECT_EQ(parseClientMessage("{\"op\":\"setParameters\",\"parameters\":[{\"value\":1}]}").error(),
              ClientError::BadField);
    EXPECT_EQ(parseClientMessage("{\"op\":\"getParameters\",\"id\":5}").error(), ClientError::BadField);
}

TEST(FoxgloveParser, ReadsSubscribeAndParameterRequests)
{
    const auto sub = parseClientMessage("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":7,\"channelId\":1}]}");
    ASSERT_TRUE(sub);
    EXPECT_EQ(sub->op, ClientMessage::Op::Subscribe);
    EXPECT_EQ(sub->subscriptions, QList<Subscription>({{7, 1}}));
    const auto get = parseClientMessage("{\"op\":\"getParameters\",\"parameterNames\":[\"a\"],\"id\":\"r\"}");
    ASSERT_TRUE(get);
    EXPECT_EQ(get->parameterNames, QStringList({QStringLiteral("a")}));
    EXPECT_EQ(get->requestId, QLatin1String("r"));
}

TEST(FoxgloveSession, SubscriptionsAreKeptByTheClientsIdsAndChannel)
{
    Session session;
    FakeStore store;
    EXPECT_TRUE(session
                    .handle("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":5,\"channelId\":1},"
                            "{\"id\":6,\"channelId\":1},{\"id\":9,\"channelId\":3}]}",
                            store)
                    .isEmpty());
    EXPECT_EQ(session.subscriptionsOf(ChannelId::State), QList<quint32>({5, 6}));
    EXPECT_EQ(session.subscriptionsOf(ChannelId::Events), QList<quint32>({9}));
    EXPECT_FALSE(session.subscribedTo(ChannelId::Link));
    EXPECT_TRUE(session.handle("{\"op\":\"unsubscribe\",\"subscriptionIds\":[5]}", store).isEmpty());
    EXPECT_EQ(session.subscriptionsOf(ChannelId::State), QList<quint32>({6}));
}

TEST(FoxgloveSession, UnknownChannelsDuplicateIdsAndUnknownSubscriptionsGetErrorStatuses)
{
    Session session;
    FakeStore store;
    EXPECT_TRUE(
        isError(only(session.handle("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":1,\"channelId\":4}]}", store))));
    EXPECT_TRUE(session.subscriptions().isEmpty());
    EXPECT_TRUE(
        session.handle("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":1,\"channelId\":2}]}", store).isEmpty());
    EXPECT_TRUE(
        isError(only(session.handle("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":1,\"channelId\":1}]}", store))));
    EXPECT_TRUE(isError(only(session.handle("{\"op\":\"unsubscribe\",\"subscriptionIds\":[2]}", store))));
    EXPECT_TRUE(isError(only(session.handle("not json", store))));
    EXPECT_TRUE(isError(object(Session::binaryRefused())));
    EXPECT_EQ(session.subscriptions().size(), 1);
}

TEST(FoxgloveSession, SubscriptionsAreCapped)
{
    SessionLimits limits;
    limits.maxSubscriptions = 2;
    Session session(limits);
    FakeStore store;
    const auto replies = session.handle("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":1,\"channelId\":1},"
                                        "{\"id\":2,\"channelId\":1},{\"id\":3,\"channelId\":1}]}",
                                        store);
    EXPECT_TRUE(isError(only(replies)));
    EXPECT_EQ(session.subscriptions().size(), 2);
}

TEST(FoxgloveSession, GetAndSetParametersAnswerWithTheRequestId)
{
    Session session;
    FakeStore store;
    const QJsonObject all =
        only(session.handle("{\"op\":\"getParameters\",\"parameterNames\":[],\"id\":\"a\"}", store));
    EXPECT_EQ(all.value(QLatin1String("id")).toString(), QLatin1String("a"));
    EXPECT_EQ(all.value(QLatin1String("parameters")).toArray().size(), 2);

    const QJsonObject set = only(session.handle(
        "{\"op\":\"setParameters\",\"parameters\":[{\"name\":\"omniscient.sound.enabled\",\"value\":false}],"
        "\"id\":\"s\"}",
        store));
    EXPECT_FALSE(store.sound);
    const QJsonObject p = set.value(QLatin1String("parameters")).toArray().first().toObject();
    EXPECT_EQ(p.value(QLatin1String("name")).toString(), QLatin1String("omniscient.sound.enabled"));
    EXPECT_EQ(p.value(QLatin1String("value")), QJsonValue(false));
}

TEST(FoxgloveSession, RefusedParameterWritesGetAnErrorStatusAndTheUnchangedValue)
{
    Session session;
    FakeStore store;
    store.allowed = false;
    const auto replies = session.handle(
        "{\"op\":\"setParameters\",\"parameters\":[{\"name\":\"omniscient.sound.enabled\",\"value\":false}],"
        "\"id\":\"s\"}",
        store);
    ASSERT_EQ(replies.size(), 2);
    EXPECT_TRUE(isError(object(replies[0])));
    EXPECT_TRUE(object(replies[0]).value(QLatin1String("message")).toString().contains(QLatin1String("token")));
    EXPECT_EQ(object(replies[1])
                  .value(QLatin1String("parameters"))
                  .toArray()
                  .first()
                  .toObject()
                  .value(QLatin1String("value")),
              QJsonValue(true));
    EXPECT_TRUE(store.sound);
}

TEST(FoxgloveSession, ParameterUpdatesAreWatchedByName)
{
    Session session;
    FakeStore store;
    EXPECT_TRUE(
        session
            .handle("{\"op\":\"subscribeParameterUpdates\",\"parameterNames\":[\"omniscient.sound.enabled\"]}", store)
            .isEmpty());
    EXPECT_TRUE(session.watches(QStringLiteral("omniscient.sound.enabled")));
    const QJsonObject warning =
        only(session.handle("{\"op\":\"subscribeParameterUpdates\",\"parameterNames\":[\"nope\"]}", store));
    EXPECT_EQ(warning.value(QLatin1String("level")).toInt(), static_cast<int>(StatusLevel::Warning));
    EXPECT_FALSE(session.watches(QStringLiteral("nope")));
    session.handle("{\"op\":\"unsubscribeParameterUpdates\",\"parameterNames\":[\"omniscient.sound.enabled\"]}", store);
    EXPECT_FALSE(session.watches(QStringLiteral("omniscient.sound.enabled")));
}
