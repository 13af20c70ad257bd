// SPDX-License-Identifier: MIT
// The Foxglove WebSocket protocol on the mirror server's port: what a Foxglove client is greeted with, the shared
// payloads of its channels, its link status, its parameters (the hub's sound switch), and the public hooks for
// events and replay. The protocol's messages and the per-client session are in core/src/foxglove.
#include "server/mirrorserver_p.h"

#include "omni/foxglove.h"
#include "omni/foxglovesession.h"
#include "omni/hub.h"
#include "omni/statejson.h"
#include "server/logging.h"

#include <QUuid>

#include <algorithm>
#include <chrono>

namespace omni {

namespace {
quint64 wallNowNs()
{
    return static_cast<quint64>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
}

/// What the app says about a link that is not live, and at which level; nullopt for a live link.
std::optional<std::pair<foxglove::StatusLevel, QString>> linkStatus(const LinkInfo &link, bool wasLive)
{
    const QString detail = link.detail.isEmpty() ? QString() : QStringLiteral(": ") + link.detail;
    switch (link.status) {
    case LinkStatus::Live:
    case LinkStatus::Replay: // a recording plays: nothing is wrong with it
        return std::nullopt;
    case LinkStatus::Stale:
        return std::pair{foxglove::StatusLevel::Warning, QStringLiteral("the robot's link is stale") + detail};
    case LinkStatus::Incompatible:
        return std::pair{foxglove::StatusLevel::Error,
                         QStringLiteral("the robot's shared memory is incompatible (%1)%2")
                             .arg(names::incompatibility(link.reason), detail)};
    case LinkStatus::Waiting:
        break;
    }
    if (wasLive) {
        return std::pair{foxglove::StatusLevel::Error, QStringLiteral("the robot's link is lost") + detail};
    }
    return std::pair{foxglove::StatusLevel::Warning, QStringLiteral("waiting for the robot") + detail};
}

/// The id of the link's status message (removeStatus names it when the link is live again).
const QString kLinkStatusId = QStringLiteral("omniscient.link");

/// Parameter writes of one client, through the hub's sound switch with the token rule of /api/sound.
class ClientParameters : public foxglove::ParameterStore
{
public:
    ClientParameters(MirrorServerPrivate &server, bool mayCommand) : m_server(server), m_mayCommand(mayCommand) {}
    QList<foxglove::Parameter> parameters() const override { return m_server.foxgloveParameterValues(); }
    std::optional<QString> set(const foxglove::Parameter &p) override
    {
        if (p.name != QLatin1String(foxglove::parameter::kSoundEnabled)) {
            const auto all = parameters();
            const bool known = std::any_of(all.cbegin(), all.cend(), [&](const auto &q) { return q.name == p.name; });
            return known ? QStringLiteral("it is read-only") : QStringLiteral("there is no such parameter");
        }
        if (p.value.typeId() != QMetaType::Bool) {
            return QStringLiteral("it is a boolean (true or false)");
        }
        if (!m_server.applySound(p.value.toBool(), m_mayCommand)) {
            return m_server.m_options.token.isEmpty()
                       ? QStringLiteral("a page of another site may not switch the sound: start omniscient with "
                                        "--token and connect with ?token=TOKEN")
                       : QStringLiteral("this omniscient needs its access token for that: connect to "
                                        "ws://HOST:PORT/?token=TOKEN");
        }
        return std::nullopt;
    }

private:
    MirrorServerPrivate &m_server;
    bool m_mayCommand;
};
} // namespace

QString MirrorServerPrivate::foxgloveServerInfo() const
{
    foxglove::ServerInfo info;
    info.name = m_options.serverName;
    info.capabilities = {QLatin1String(foxglove::capability::kParameters),
                         QLatin1String(foxglove::capability::kParametersSubscribe)};
    if (m_foxTime) {
        info.capabilities.append(QLatin1String(foxglove::capability::kTime));
    }
    const LinkInfo &link = m_hub->link();
    info.metadata.insert(QStringLiteral("source"), link.source);
    info.metadata.insert(QStringLiteral("layout"), names::layout(link.layout));
    info.metadata.insert(QStringLiteral("foxgloveLayout"), QStringLiteral("resources/foxglove/omniscient-layout.json"));
    info.sessionId = m_foxSessionId;
    return QString::fromUtf8(foxglove::serverInfoMessage(info));
}

QList<QString> MirrorServerPrivate::foxgloveGreeting()
{
    static const QString advertise = QString::fromUtf8(foxglove::advertiseMessage(foxglove::channels()));
    QList<QString> frames{foxgloveServerInfo(), advertise};
    if (m_hub->link().status != LinkStatus::Live) {
        frames.append(foxgloveLinkStatus());
    }
    return frames;
}

QByteArray MirrorServerPrivate::foxgloveStateFrame(quint32 subscriptionId)
{
    const auto &latest = m_hub->latest();
    if (!latest) {
        return {};
    }
    if (!m_foxStateFramesValid) {
        m_foxStateFramesValid = true;
        m_foxStateFrames.clear();
    }
    if (const auto it = m_foxStateFrames.constFind(subscriptionId); it != m_foxStateFrames.cend()) {
        return *it;
    }
    constexpr qsizetype kMaxCachedFrames = 64; // bounds the cache whatever ids clients choose
    if (m_foxStateFrames.size() >= kMaxCachedFrames) {
        m_foxStateFrames.clear();
    }
    const auto logTimeNs = static_cast<quint64>(std::max<qint64>(0, latest->publishUnixNs));
    // The payload is the hub's state JSON, shared with /ws and /api/state: serialised once per state.
    return *m_foxStateFrames.insert(subscriptionId,
                                    foxglove::messageData(subscriptionId, logTimeNs, m_hub->stateJson()));
}

QByteArray MirrorServerPrivate::foxgloveLink(quint64 &logTimeNs)
{
    if (m_foxLinkJson.isEmpty()) {
        foxgloveLinkChanged();
    }
    logTimeNs = m_foxLinkTimeNs;
    return m_foxLinkJson;
}

QString MirrorServerPrivate::foxgloveLinkStatus()
{
    if (m_foxLinkStatus.isEmpty()) {
        foxgloveLinkChanged();
    }
    return m_foxLinkStatus;
}

void MirrorServerPrivate::foxgloveLinkChanged()
{
    const LinkInfo &link = m_hub->link();
    const auto status = linkStatus(link, m_linkWasLive);
    m_foxLinkStatus = QString::fromUtf8(status ? foxglove::statusMessage(status->first, status->second, kLinkStatusId)
                                               : foxglove::removeStatusMessage({kLinkStatusId}));
    m_linkWasLive = m_linkWasLive || link.status == LinkStatus::Live || link.status == LinkStatus::Stale;
    if (link.status == LinkStatus::Incompatible) {
        m_linkWasLive = false;
    }
    m_foxLinkJson = json::linkMessage(link);
    m_foxLinkTimeNs = wallNowNs();
}

QList<foxglove::Parameter> MirrorServerPrivate::foxgloveParameterValues() const
{
    const LinkInfo &link = m_hub->link();
    return {{QLatin1String(foxglove::parameter::kSoundEnabled), m_hub->soundEnabled()},
            {QLatin1String(foxglove::parameter::kVersion), QStringLiteral(OMNI_VERSION)},
            {QLatin1String(foxglove::parameter::kLayout), names::layout(link.layout)},
            {QLatin1String(foxglove::parameter::kSource), link.source}};
}

QString MirrorServerPrivate::foxgloveParameters(const QStringList &names)
{
    QList<foxglove::Parameter> chosen;
    const auto all = foxgloveParameterValues();
    for (const auto &p : all) {
        if (names.contains(p.name)) {
            chosen.append(p);
        }
    }
    return QString::fromUtf8(foxglove::parameterValuesMessage(chosen));
}

void MirrorServerPrivate::foxgloveCommand(ServerClient *client, const QString &message)
{
    foxglove::Session *session = client->foxgloveSession();
    const bool hadState = session->subscribedTo(foxglove::ChannelId::State);
    const bool hadLink = session->subscribedTo(foxglove::ChannelId::Link);
    ClientParameters store(*this, client->mayCommand());
    const auto replies = session->handle(message.toUtf8(), store);
    for (const QByteArray &reply : replies) {
        client->sendText(QString::fromUtf8(reply));
    }
    // A new subscriber gets the latest value at once, as a /ws client does on connecting.
    if (!hadState && session->subscribedTo(foxglove::ChannelId::State)) {
        client->notifyState();
    }
    if (!hadLink && session->subscribedTo(foxglove::ChannelId::Link)) {
        client->notifyLink();
    }
}

// ---------------------------------------------------------------------------------------------------------

void MirrorServer::setFoxgloveReplay(bool replaying, const QString &sessionId)
{
    d->m_foxTime = replaying;
    d->m_foxSessionId = sessionId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : sessionId;
    const QString info = d->foxgloveServerInfo();
    const auto clients = d->m_clients;
    for (ServerClient *c : clients) {
        if (c->foxgloveSession() != nullptr) {
            c->sendText(info);
        }
    }
}

void MirrorServer::sendFoxgloveTime(qint64 unixNs)
{
    const QByteArray frame = foxglove::timeFrame(static_cast<quint64>(std::max<qint64>(0, unixNs)));
    const auto clients = d->m_clients;
    for (ServerClient *c : clients) {
        c->sendTransientBinary(frame);
    }
}

QString MirrorServer::foxgloveSessionId() const
{
    return d->m_foxSessionId;
}

} // namespace omni
