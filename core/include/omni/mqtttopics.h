// SPDX-License-Identifier: MIT
#pragma once

#include "omni/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

/// The MQTT side of omniscient (docs/FLEET.md): broker URLs, robot names and the topics under omniscient/v1/.
namespace omni::mqtt {

/// An MQTT broker, from mqtt://[user@]HOST[:PORT] or mqtts://[user@]HOST[:PORT].
struct Broker {
    QString host;     ///< a host name or an IP address
    quint16 port = 0; ///< 1883 for mqtt://, 8883 for mqtts:// when the URL gives none
    bool tls = false; ///< mqtts://
    QString user;     ///< empty: anonymous
    /// The URL back, without a password (for logs and the dashboard).
    [[nodiscard]] QString display() const;
};

/// Why parseBrokerUrl() or checkRobotName() refused its input.
enum class InputError {
    NotMqttUrl,    ///< not mqtt:// or mqtts:// with a host
    PasswordInUrl, ///< a password in the URL (it would show in `ps`): use the environment or a file
    BadName,       ///< a robot name that is empty, too long, or has '/', '+', '#' or control characters
};

/// Parses a broker URL; the failure's message says what a person should write instead.
Result<Broker, InputError> parseBrokerUrl(const QString &text);

/// The longest robot name, in UTF-8 bytes.
constexpr qsizetype kMaxRobotNameBytes = 64;

/// Checks a robot name for use as one topic level: 1 to kMaxRobotNameBytes bytes of UTF-8, no '/', '+', '#',
/// no control characters. The failure's message says which rule it broke.
Result<void, InputError> checkRobotName(const QString &name);

/// "omniscient/v1/"
inline constexpr char kTopicRoot[] = "omniscient/v1/";

/// The topics of one robot.
enum class Topic {
    Status,   ///< "status": online / offline, retained, the last will
    Meta,     ///< "meta": retained JSON, who the robot is
    State,    ///< "state": the protocol's state message, at most --mqtt-rate a second
    Events,   ///< "events": the derived events, QoS 1
    Sound,    ///< "sound": ON / OFF, retained (Home Assistant's switch state)
    SoundSet, ///< "sound/set": ON / OFF from Home Assistant's switch
};

/// omniscient/v1/<robot>/<topic>.
QByteArray topic(const QString &robot, Topic which);

/// A robot's topic, split into the robot's name and which topic.
struct ParsedTopic {
    QString robot;               ///< the robot's name
    Topic which = Topic::Status; ///< which of its topics
};
/// Splits `topic`; nullopt when it is not one of a robot's topics (another level, another name, a bad name).
std::optional<ParsedTopic> parseTopic(const QByteArray &topic);

} // namespace omni::mqtt
