// SPDX-License-Identifier: MIT
#include "omni/mqtttopics.h"

#include <QUrl>

namespace omni::mqtt {

namespace {

const char *topicName(Topic which)
{
    switch (which) {
    case Topic::Status:
        return "status";
    case Topic::Meta:
        return "meta";
    case Topic::State:
        return "state";
    case Topic::Events:
        return "events";
    case Topic::Sound:
        return "sound";
    case Topic::SoundSet:
        return "sound/set";
    }
    return "status";
}

} // namespace

QString Broker::display() const
{
    QString s = tls ? QStringLiteral("mqtts://") : QStringLiteral("mqtt://");
    if (!user.isEmpty()) {
        s += user + QLatin1Char('@');
    }
    const bool v6 = host.contains(QLatin1Char(':'));
    s += v6 ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return s + QLatin1Char(':') + QString::number(port);
}

Result<Broker, InputError> parseBrokerUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("mqtt") && scheme != QLatin1String("mqtts")) ||
        url.host().isEmpty() || (!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery()) {
        return fail(InputError::NotMqttUrl,
                    QStringLiteral("expected a broker URL such as mqtt://broker.local or mqtts://user@broker:8883, "
                                   "got \"%1\"")
                        .arg(text));
    }
    if (!url.password().isEmpty()) {
        return fail(InputError::PasswordInUrl,
                    QStringLiteral("a password in the URL is visible to every user of this machine; give it in "
                                   "OMNISCIENT_MQTT_PASSWORD or --mqtt-password-file instead"));
    }
    Broker b;
    b.host = url.host();
    b.tls = scheme == QLatin1String("mqtts");
    b.port = static_cast<quint16>(url.port(b.tls ? 8883 : 1883));
    b.user = url.userName();
    return b;
}

Result<void, InputError> checkRobotName(const QString &name)
{
    const QByteArray utf8 = name.toUtf8();
    if (utf8.isEmpty() || utf8.size() > kMaxRobotNameBytes) {
        return fail(InputError::BadName,
                    QStringLiteral("a robot name has 1 to %1 bytes, got \"%2\"").arg(kMaxRobotNameBytes).arg(name));
    }
    for (const QChar c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char('+') || c == QLatin1Char('#')) {
            return fail(InputError::BadName,
                        QStringLiteral("\"%1\" cannot be a robot name: '/', '+' and '#' have a meaning in MQTT topics; "
                                       "choose letters, digits, '-' or '_'")
                            .arg(name));
        }
        if (c.category() == QChar::Other_Control || c.isSurrogate()) {
            return fail(InputError::BadName,
                        QStringLiteral("the robot name has a control character; choose letters, digits, '-' or '_'"));
        }
    }
    return {};
}

QByteArray topic(const QString &robot, Topic which)
{
    return QByteArray(kTopicRoot) + robot.toUtf8() + '/' + topicName(which);
}

std::optional<ParsedTopic> parseTopic(const QByteArray &topic)
{
    if (!topic.startsWith(kTopicRoot)) {
        return std::nullopt;
    }
    const QByteArray rest = topic.mid(qsizetype(sizeof(kTopicRoot)) - 1);
    const qsizetype slash = rest.indexOf('/');
    if (slash <= 0) {
        return std::nullopt;
    }
    ParsedTopic p;
    const QByteArray name = rest.left(slash);
    p.robot = QString::fromUtf8(name);
    // Bytes that are not UTF-8 would become U+FFFD: two robots would share one name, and the name no topic.
    if (p.robot.toUtf8() != name || !checkRobotName(p.robot)) {
        return std::nullopt;
    }
    const QByteArray level = rest.mid(slash + 1);
    for (Topic t : {Topic::Status, Topic::Meta, Topic::State, Topic::Events, Topic::Sound, Topic::SoundSet}) {
        if (level == topicName(t)) {
            p.which = t;
            return p;
        }
    }
    return std::nullopt;
}

} // namespace omni::mqtt
