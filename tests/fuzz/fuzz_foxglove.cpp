// SPDX-License-Identifier: MIT
// What a Foxglove client sends to the Foxglove WebSocket endpoint, without sockets: the input is split at 0xFF
// bytes (never in UTF-8 text) into up to 64 client messages, all handled by one Session in order, as one client's
// connection would be. A message whose first byte is 0x00 stands for a binary frame (the server answers it with
// Session::binaryRefused()); any other is a text message, given to parseClientMessage() and to the Session.
// Properties besides "no crash, no UB, no leak, no hang": a refusal says why; every reply is a JSON object with an
// "op" and stays proportional to the message; the session never holds more subscriptions than its limit, never
// two with the same id, never one to a channel that does not exist; a subscribed channel is reported as such;
// only known parameters are watched, and a write goes through the store only with a value of the right type.
#include "fuzzcheck.h"

#include "omni/foxglove.h"
#include "omni/foxglovesession.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace omni;
using namespace omni::foxglove;

namespace {

constexpr int kMaxMessages = 64;
constexpr int kMaxSubscriptions = 8; // small, so the limit is reached by small inputs

/// omniscient's parameters as the mirror server has them: one bool to write, three read-only strings.
class Store final : public ParameterStore
{
public:
    [[nodiscard]] QList<Parameter> parameters() const override
    {
        return {{QString::fromLatin1(parameter::kSoundEnabled), m_sound},
                {QString::fromLatin1(parameter::kVersion), QStringLiteral("0.0.0-fuzz")},
                {QString::fromLatin1(parameter::kLayout), QStringLiteral("current")},
                {QString::fromLatin1(parameter::kSource), QStringLiteral("shm:fuzz")}};
    }
    std::optional<QString> set(const Parameter &p) override
    {
        if (p.name != QLatin1String(parameter::kSoundEnabled)) {
            return QStringLiteral("read-only");
        }
        if (p.value.typeId() != QMetaType::Bool) {
            return QStringLiteral("not a bool");
        }
        m_sound = p.value.toBool();
        return std::nullopt;
    }

private:
    bool m_sound = false;
};

bool isReply(const QByteArray &reply)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(reply, &error);
    return error.error == QJsonParseError::NoError && doc.isObject() && doc.object().value("op").isString();
}

void checkSession(const Session &session)
{
    const QList<Subscription> &subs = session.subscriptions();
    FUZZ_CHECK(subs.size() <= kMaxSubscriptions);
    QSet<quint32> ids;
    for (const Subscription &s : subs) {
        FUZZ_CHECK(isChannel(s.channelId));
        FUZZ_CHECK(!ids.contains(s.id));
        ids.insert(s.id);
        FUZZ_CHECK(session.subscribedTo(static_cast<ChannelId>(s.channelId)));
        FUZZ_CHECK(session.subscriptionsOf(static_cast<ChannelId>(s.channelId)).contains(s.id));
    }
    qsizetype perChannel = 0;
    for (const Channel &c : channels()) {
        perChannel += session.subscriptionsOf(c.id).size();
    }
    FUZZ_CHECK(perChannel == subs.size());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QList<QByteArray> messages = bytes.split('\xFF');
    Session session(SessionLimits{kMaxSubscriptions});
    Store store;
    FUZZ_CHECK(isReply(Session::binaryRefused()));
    int handled = 0;
    for (const QByteArray &message : messages) {
        if (++handled > kMaxMessages) {
            break;
        }
        if (message.startsWith('\0')) {
            continue; // a binary frame: the server answers binaryRefused() and the session does not change
        }
        const auto parsed = parseClientMessage(message);
        if (!parsed) {
            FUZZ_CHECK(!parsed.errorString().isEmpty());
        }
        const QList<QByteArray> replies = session.handle(message, store);
        if (!parsed) {
            FUZZ_CHECK(replies.size() == 1); // exactly one error status
        }
        qsizetype replyBytes = 0;
        for (const QByteArray &reply : replies) {
            FUZZ_CHECK(isReply(reply));
            replyBytes += reply.size();
        }
        // Answers grow with what was asked (names are echoed, escaped), never beyond.
        FUZZ_CHECK(replyBytes <= 16 * 1024 + 16 * message.size());
        checkSession(session);
        for (const char *name : {parameter::kSoundEnabled, parameter::kVersion, parameter::kLayout, parameter::kSource,
                                 "omniscient.unknown"}) {
            if (session.watches(QString::fromLatin1(name))) {
                FUZZ_CHECK(qstrcmp(name, "omniscient.unknown") != 0);
            }
        }
    }
    return 0;
}
