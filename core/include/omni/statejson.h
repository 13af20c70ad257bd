// SPDX-License-Identifier: MIT
#pragma once

#include "omni/event.h"
#include "omni/result.h"
#include "omni/robotstate.h"

#include <QByteArray>
#include <QString>

/// The JSON messages of docs/protocol.md: JSON Lines on stdout, the WebSocket stream, /api/state.
namespace omni::json {

/// Version of the message schema; bumped on incompatible changes.
constexpr int kSchemaVersion = 1;

/// The largest message parse() accepts, in bytes; RemoteSource lets Qt buffer no larger one.
constexpr qsizetype kMaxMessageBytes = qsizetype{64} * 1024;

/// Derived figures that travel with a state.
struct StateExtras {
    double rateHz = 0.0; ///< publish rate at the source
    qint64 ageMs = -1;   ///< age of the state when serialised, -1 unknown
};

/// {"type":"state", ...}: one compact line, no trailing newline.
QByteArray stateMessage(const RobotState &state, const LinkInfo &link, const StateExtras &extras = {});
/// {"type":"link", ...}
QByteArray linkMessage(const LinkInfo &link);
/// {"type":"hello", ...}: what a WebSocket client gets first; `soundOutput` (Hub::soundOutput()) is left out
/// when empty.
QByteArray helloMessage(const QString &serverVersion, bool soundEnabled, const QString &soundOutput = {});
/// {"type":"sound","enabled":...,"output":...}: `output` is left out when empty (a client's command has none).
QByteArray soundMessage(bool enabled, const QString &output = {});
/// {"enabled":...,"output":...}: the body of GET /api/sound and of its POST answer; `output` left out when empty.
QByteArray soundState(bool enabled, const QString &output = {});
/// {"type":"cue","cue":...,"sample":...}: this machine plays a sound now (Hub::announceSound()).
QByteArray cueMessage(const QString &cue, const QString &sample);

/// {"type":"event","kind":...}: a derived event (EventDeriver) with the fields of its kind (docs/protocol.md).
QByteArray eventMessage(const Event &event);

/// The JSON Schema (draft 2020-12) of stateMessage(), named kStateSchemaName: every field with its title, the
/// known values of each code and the enums (resources/schemas/robotstate.schema.json, embedded).
QByteArray stateJsonSchema();
/// The name of stateJsonSchema() in recordings and schema registries.
inline constexpr char kStateSchemaName[] = "omniscient.RobotState";
/// The JSON Schema of linkMessage(), named kLinkSchemaName (resources/schemas/robotlink.schema.json, embedded).
QByteArray linkJsonSchema();
/// The name of linkJsonSchema() in recordings and the Foxglove advertisement.
inline constexpr char kLinkSchemaName[] = "omniscient.Link";
/// The JSON Schema of eventMessage(), named kEventSchemaName (resources/schemas/robotevent.schema.json, embedded).
QByteArray eventJsonSchema();
/// The name of eventJsonSchema() in recordings and the Foxglove advertisement.
inline constexpr char kEventSchemaName[] = "omniscient.Event";

/// `message` (a stateMessage()) with its age_ms replaced by `ageMs`; cheap, nothing is serialised again.
/// Returns `message` unchanged if it has no age_ms.
QByteArray withAge(const QByteArray &message, qint64 ageMs);

/// `text` as a quoted JSON string, escaped like every string of these messages: `"`, `\` and control
/// characters (< U+0020) escaped, the rest UTF-8; a lone surrogate becomes U+FFFD, so the result is valid UTF-8.
QByteArray quoted(QStringView text);

/// A parsed message (remote mode reads the stream with it).
struct Message {
    enum class Type { State, Link, Hello, Sound, Cue, Event };
    Type type = Type::State;  ///< which message
    RobotState state;         ///< for State
    LinkInfo link;            ///< for State and Link
    StateExtras extras;       ///< for State
    bool soundEnabled = true; ///< for Hello and Sound
    QString soundOutput;      ///< for Hello and Sound: where the server plays sounds; empty when not said
    QString cue;              ///< for Cue: "cluck", "obstacle", "link_lost"
    QString sample;           ///< for Cue: the served path of the sound
    QString serverVersion;    ///< for Hello
    int schema = 0;           ///< for Hello
    omni::Event event;        ///< for Event
};

/// Why parse() or parseSoundCommand() refused a message.
enum class ProtocolError {
    TooLarge,    ///< larger than kMaxMessageBytes
    NotJson,     ///< not JSON at all
    NotAnObject, ///< JSON, but not an object
    UnknownType, ///< an object whose "type" is none of the expected ones
    BadField,    ///< a field missing, of the wrong type or out of range
};

/// Parses one message, or says what is wrong with it.
/// Never trusts its input: wrong types, missing fields, huge arrays and numbers out of range are errors.
Result<Message, ProtocolError> parse(const QByteArray &bytes);

/// Parses a sound switch, the one command a client may give: {"enabled":true|false}, with "type":"sound" or
/// no "type" (the WebSocket command and the POST /api/sound body alike). Returns the switch, or a failure for
/// anything else (not JSON, not an object, another type, "enabled" missing or not a boolean).
Result<bool, ProtocolError> parseSoundCommand(const QByteArray &bytes);

} // namespace omni::json

/// The topics of a recording (docs/RECORDING.md) and the channels of the Foxglove endpoint (docs/FOXGLOVE.md).
namespace omni::topics {
inline constexpr char kState[] = "/robot/state";   ///< `state` messages, schema omniscient.RobotState
inline constexpr char kLink[] = "/robot/link";     ///< `link` messages, schema omniscient.Link
inline constexpr char kEvents[] = "/robot/events"; ///< `event` messages, schema omniscient.Event
} // namespace omni::topics
