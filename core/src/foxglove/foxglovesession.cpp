// SPDX-License-Identifier: MIT
#include "omni/foxglovesession.h"

#include "foxglove/logging.h"

#include <algorithm>

namespace omni::foxglove {

namespace {
QByteArray error(const QString &message)
{
    return statusMessage(StatusLevel::Error, message);
}

QList<Parameter> named(const QList<Parameter> &all, const QStringList &names)
{
    if (names.isEmpty()) {
        return all;
    }
    QList<Parameter> out;
    for (const Parameter &p : all) {
        if (names.contains(p.name)) {
            out.append(p);
        }
    }
    return out;
}

QStringList unknownNames(const QList<Parameter> &all, const QStringList &names)
{
    QStringList unknown;
    for (const QString &name : names) {
        if (std::none_of(all.cbegin(), all.cend(), [&](const Parameter &p) { return p.name == name; })) {
            unknown.append(name);
        }
    }
    return unknown;
}
} // namespace

Session::Session(SessionLimits limits) : m_limits(limits) {}

QByteArray Session::binaryRefused()
{
    return error(QStringLiteral("binary client messages (client publishing) are not supported: omniscient only "
                                "observes the robot"));
}

QList<QByteArray> Session::handle(QByteArrayView text, ParameterStore &store)
{
    const auto parsed = parseClientMessage(text);
    if (!parsed) {
        qCDebug(lcFoxglove).noquote() << "refused a client message:" << parsed.errorString();
        return {error(parsed.errorString())};
    }
    const ClientMessage &m = *parsed;
    const QList<Parameter> all = store.parameters();
    QList<QByteArray> out;
    const QStringList unknown = unknownNames(all, m.parameterNames);
    switch (m.op) {
    case ClientMessage::Op::Subscribe:
        return subscribe(m.subscriptions);
    case ClientMessage::Op::Unsubscribe:
        return unsubscribe(m.subscriptionIds);
    case ClientMessage::Op::GetParameters:
        out.append(parameterValuesMessage(named(all, m.parameterNames), m.requestId));
        break;
    case ClientMessage::Op::SetParameters:
        return setParameters(m, store);
    case ClientMessage::Op::SubscribeParameterUpdates:
        for (const QString &name : m.parameterNames) {
            if (!unknown.contains(name)) {
                m_watched.insert(name);
            }
        }
        break;
    case ClientMessage::Op::UnsubscribeParameterUpdates:
        for (const QString &name : m.parameterNames) {
            m_watched.remove(name);
        }
        break;
    }
    if (!unknown.isEmpty()) {
        out.append(statusMessage(StatusLevel::Warning,
                                 QStringLiteral("unknown parameters: %1").arg(unknown.join(QStringLiteral(", ")))));
    }
    return out;
}

QList<QByteArray> Session::subscribe(const QList<Subscription> &subscriptions)
{
    QList<QByteArray> out;
    for (const Subscription &s : subscriptions) {
        if (!isChannel(s.channelId)) {
            out.append(error(QStringLiteral("cannot subscribe to channel %1: there is no such channel (see the "
                                            "advertise message)")
                                 .arg(s.channelId)));
        } else if (std::any_of(m_subscriptions.cbegin(), m_subscriptions.cend(),
                               [&](const Subscription &e) { return e.id == s.id; })) {
            out.append(error(QStringLiteral("subscription id %1 is already in use").arg(s.id)));
        } else if (m_subscriptions.size() >= m_limits.maxSubscriptions) {
            out.append(error(QStringLiteral("too many subscriptions (at most %1)").arg(m_limits.maxSubscriptions)));
        } else {
            m_subscriptions.append(s);
        }
    }
    return out;
}

QList<QByteArray> Session::unsubscribe(const QList<quint32> &ids)
{
    QList<QByteArray> out;
    for (const quint32 id : ids) {
        const auto removed = m_subscriptions.removeIf([id](const Subscription &s) { return s.id == id; });
        if (removed == 0) {
            out.append(error(QStringLiteral("cannot unsubscribe %1: there is no such subscription").arg(id)));
        }
    }
    return out;
}

QList<QByteArray> Session::setParameters(const ClientMessage &m, ParameterStore &store)
{
    QList<QByteArray> out;
    QStringList names;
    for (const Parameter &p : m.parameters) {
        names.append(p.name);
        if (const auto refused = store.set(p)) {
            out.append(error(QStringLiteral("cannot set %1: %2").arg(p.name, *refused)));
        }
    }
    if (!m.requestId.isEmpty()) {
        // The spec: with an id, the answer is the new values of the parameters the request named.
        out.append(parameterValuesMessage(named(store.parameters(), names), m.requestId));
    }
    return out;
}

QList<quint32> Session::subscriptionsOf(ChannelId channel) const
{
    QList<quint32> ids;
    for (const Subscription &s : m_subscriptions) {
        if (s.channelId == static_cast<quint32>(channel)) {
            ids.append(s.id);
        }
    }
    return ids;
}

bool Session::subscribedTo(ChannelId channel) const
{
    return std::any_of(m_subscriptions.cbegin(), m_subscriptions.cend(),
                       [channel](const Subscription &s) { return s.channelId == static_cast<quint32>(channel); });
}

} // namespace omni::foxglove
