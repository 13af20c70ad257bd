// SPDX-License-Identifier: MIT
#pragma once

#include "omni/foxglove.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace omni::foxglove {

/// The names of omniscient's parameters (docs/FOXGLOVE.md).
namespace parameter {
inline constexpr char kSoundEnabled[] = "omniscient.sound.enabled"; ///< bool, read/write: the chicken clucks
inline constexpr char kVersion[] = "omniscient.version";            ///< string, read-only
inline constexpr char kLayout[] = "omniscient.layout";              ///< string, read-only: the robot's layout
inline constexpr char kSource[] = "omniscient.source";              ///< string, read-only: shm:NAME or a URL
} // namespace parameter

/// What a session reads and writes parameters through; the mirror server implements it over its Hub.
class ParameterStore
{
public:
    virtual ~ParameterStore() = default;
    /// Every parameter, with its current value.
    [[nodiscard]] virtual QList<Parameter> parameters() const = 0;
    /// Sets `p` for the client of this session; nullopt when done, otherwise why not, in English (read-only, wrong
    /// type, the token is missing).
    virtual std::optional<QString> set(const Parameter &p) = 0;
};

/// How much one client may ask for.
struct SessionLimits {
    int maxSubscriptions = 32; ///< subscriptions at once; more are refused with an error status
};

/// One Foxglove client's side of the protocol, without sockets: its subscriptions and parameter subscriptions,
/// and the answers to what it sends. The server sends what handle() returns and asks the session who wants
/// each message. Every bad input is answered with an error status, never by closing.
class Session
{
public:
    /// A session with `limits`.
    explicit Session(SessionLimits limits = {});

    /// Handles one text message from the client; returns the text messages to send back (parameterValues,
    /// error statuses), in order. Parameter writes go through `store`.
    QList<QByteArray> handle(QByteArrayView text, ParameterStore &store);
    /// The error status a client binary frame gets (omniscient offers no client publishing).
    static QByteArray binaryRefused();

    /// The client's subscription ids for `channel`, in the order they were made.
    [[nodiscard]] QList<quint32> subscriptionsOf(ChannelId channel) const;
    /// Whether anything is subscribed to `channel`.
    [[nodiscard]] bool subscribedTo(ChannelId channel) const;
    /// Every current subscription.
    [[nodiscard]] const QList<Subscription> &subscriptions() const { return m_subscriptions; }
    /// Whether the client asked for updates of parameter `name`.
    [[nodiscard]] bool watches(const QString &name) const { return m_watched.contains(name); }

private:
    QList<QByteArray> subscribe(const QList<Subscription> &subscriptions);
    QList<QByteArray> unsubscribe(const QList<quint32> &ids);
    QList<QByteArray> setParameters(const ClientMessage &m, ParameterStore &store);

    SessionLimits m_limits;
    QList<Subscription> m_subscriptions;
    QSet<QString> m_watched;
};

} // namespace omni::foxglove
