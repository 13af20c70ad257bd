// SPDX-License-Identifier: MIT
// Reading the JSON protocol (remote mode, WebSocket commands, POST /api/sound): strict about types and ranges,
// so that nothing from the network is converted with undefined behaviour.
#include "omni/statejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>
#include <optional>

namespace omni::json {

namespace {

constexpr double kTwoTo64 = 18446744073709551616.0;
constexpr double kMaxMs = 4e12; // about the year 2096 as a Unix time; 126 years as an age

std::optional<qint32> toInt32(const QJsonValue &v)
{
    if (!v.isDouble()) {
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < std::numeric_limits<qint32>::min() ||
        d > std::numeric_limits<qint32>::max()) {
        return std::nullopt;
    }
    return static_cast<qint32>(d);
}

using Checked = Result<void, ProtocolError>;

Failure<ProtocolError> badField(const QString &why)
{
    return fail(ProtocolError::BadField, why);
}

// An ABI number of the link: absent (older servers) or null reads 0; anything but a 32-bit unsigned integer fails.
Checked readAbi(const QJsonObject &o, const char *key, quint32 &out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        out = 0;
        return {};
    }
    const double d = v.toDouble(-1);
    if (!v.isDouble() || !(d >= 0) || d > 4294967295.0 || d != std::floor(d)) {
        return badField(QStringLiteral("\"%1\" must be a 32-bit unsigned integer").arg(QLatin1String(key)));
    }
    out = static_cast<quint32>(d);
    return {};
}

Checked readLink(const QJsonObject &o, LinkInfo &link)
{
    const auto status = names::linkStatusFromName(o.value(QLatin1String("link")).toString());
    if (!status) {
        return badField(QStringLiteral("\"link\" must be one of waiting, live, stale, incompatible"));
    }
    link.status = *status;
    link.reason = names::incompatibilityFromName(o.value(QLatin1String("reason")).toString());
    link.detail = o.value(QLatin1String("detail")).toString().left(512);
    link.layout = names::layoutFromName(o.value(QLatin1String("layout")).toString());
    link.source = o.value(QLatin1String("source")).toString().left(512);
    if (auto r = readAbi(o, "segment_abi", link.segmentAbi); !r) {
        return r;
    }
    return readAbi(o, "reader_abi", link.readerAbi);
}

Checked readIntArray(const QJsonObject &o, const char *key, qint32 *out, int minCount, int maxCount, int &count)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isArray()) {
        return badField(QStringLiteral("\"%1\" must be an array").arg(QLatin1String(key)));
    }
    const QJsonArray a = v.toArray();
    if (a.size() < minCount || a.size() > maxCount) {
        return badField(
            QStringLiteral("\"%1\" must have %2 to %3 entries").arg(QLatin1String(key)).arg(minCount).arg(maxCount));
    }
    for (int i = 0; i < a.size(); ++i) {
        const auto n = toInt32(a.at(i));
        if (!n) {
            return badField(QStringLiteral("\"%1\" must hold 32-bit integers").arg(QLatin1String(key)));
        }
        out[i] = *n;
    }
    count = static_cast<int>(a.size());
    return {};
}

// {"enabled":bool}: the sound switch, in a `sound` message, a WebSocket command and the POST /api/sound body.
Result<bool, ProtocolError> readSoundEnabled(const QJsonObject &o)
{
    const QJsonValue e = o.value(QLatin1String("enabled"));
    if (!e.isBool()) {
        return badField(QStringLiteral("\"enabled\" must be true or false"));
    }
    return e.toBool();
}

// Parses `bytes` as one JSON object of at most kMaxMessageBytes.
Result<QJsonObject, ProtocolError> parseObject(const QByteArray &bytes)
{
    if (bytes.size() > kMaxMessageBytes) {
        return fail(ProtocolError::TooLarge,
                    QStringLiteral("message of %1 bytes is larger than %2").arg(bytes.size()).arg(kMaxMessageBytes));
    }
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        return fail(ProtocolError::NotJson, QStringLiteral("not JSON: %1").arg(pe.errorString()));
    }
    if (!doc.isObject()) {
        return fail(ProtocolError::NotAnObject, QStringLiteral("not a JSON object"));
    }
    return doc.object();
}

// A 32-bit integer or null (absent reads null).
Checked readOptionalInt32(const QJsonObject &o, const char *key, std::optional<qint32> &out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isNull() || v.isUndefined()) {
        out.reset();
    } else if (const auto n = toInt32(v)) {
        out = *n;
    } else {
        return badField(QStringLiteral("\"%1\" must be a 32-bit integer or null").arg(QLatin1String(key)));
    }
    return {};
}

Checked readSeq(const QJsonObject &o, quint64 &out)
{
    // The range check comes before the conversion: converting a double outside the target's range is undefined.
    const QJsonValue seq = o.value(QLatin1String("seq"));
    if (!seq.isDouble() || !(seq.toDouble() >= 0) || seq.toDouble() >= kTwoTo64) {
        return badField(QStringLiteral("\"seq\" must be a non-negative number"));
    }
    out = static_cast<quint64>(seq.toDouble());
    return {};
}

// A time in ms (a number within ±kMaxMs), as ns.
Checked readMs(const QJsonObject &o, const char *key, qint64 &ns)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble() || !(std::abs(v.toDouble()) <= kMaxMs)) {
        return badField(QStringLiteral("\"%1\" must be a number within ±%2 ms").arg(QLatin1String(key)).arg(kMaxMs));
    }
    ns = std::llround(v.toDouble() * 1e6);
    return {};
}

Checked readWheelFields(const QJsonObject &o, Event &e)
{
    const auto wheel = toInt32(o.value(QLatin1String("wheel")));
    const auto power = toInt32(o.value(QLatin1String("power")));
    if (!wheel || *wheel < 0 || *wheel > 2 || !power) {
        return badField(QStringLiteral("\"wheel\" must be 0, 1 or 2 and \"power\" a 32-bit integer"));
    }
    const QJsonValue duration = o.value(QLatin1String("duration_ms"));
    if (!duration.isDouble() || !(duration.toDouble() >= 0) || duration.toDouble() > kMaxMs ||
        duration.toDouble() != std::floor(duration.toDouble())) {
        return badField(QStringLiteral("\"duration_ms\" must be a whole number of ms from 0 to %1").arg(kMaxMs));
    }
    e.wheel = *wheel;
    e.power = *power;
    e.durationMs = static_cast<qint64>(duration.toDouble());
    return {};
}

Checked readEvent(const QJsonObject &o, Event &e)
{
    const auto kind = names::eventKindFromName(o.value(QLatin1String("kind")).toString());
    if (!kind) {
        return badField(QStringLiteral("\"kind\" must be one of the event kinds of docs/protocol.md"));
    }
    e.kind = *kind;
    if (auto r = readMs(o, "t_ms", e.wallNs); !r) {
        return r;
    }
    if (auto r = readMs(o, "mono_ms", e.monotonicNs); !r) {
        return r;
    }
    if (isLinkEvent(e.kind)) {
        const QJsonValue previous = o.value(QLatin1String("previous"));
        if (!previous.isNull() && !previous.isUndefined()) {
            e.previous = names::linkStatusFromName(previous.toString());
            if (!e.previous) {
                return badField(QStringLiteral("\"previous\" must be null or a link status"));
            }
        }
        return readLink(o, e.link);
    }
    if (e.kind == EventKind::SoundOn || e.kind == EventKind::SoundOff) {
        return {};
    }
    if (auto r = readSeq(o, e.seq); !r) {
        return r;
    }
    if (e.kind == EventKind::ObstacleDetected) {
        return readOptionalInt32(o, "obstacle", e.to);
    }
    if (isModeEvent(e.kind)) {
        if (auto r = readOptionalInt32(o, "from", e.from); !r) {
            return r;
        }
        return readOptionalInt32(o, "to", e.to);
    }
    if (isWheelEvent(e.kind)) {
        return readWheelFields(o, e);
    }
    return {};
}

Checked readState(const QJsonObject &o, Message &m)
{
    RobotState &s = m.state;
    struct Field {
        const char *key;
        qint32 *target;
    };
    const Field fields[] = {{"direction", &s.direction}, {"bot_mode", &s.botMode}, {"obstacle", &s.obstacle},
                            {"go_left", &s.goLeft},      {"go_right", &s.goRight}, {"sensor_mode", &s.sensorMode}};
    for (const Field &f : fields) {
        const auto n = toInt32(o.value(QLatin1String(f.key)));
        if (!n) {
            return badField(QStringLiteral("\"%1\" must be a 32-bit integer").arg(QLatin1String(f.key)));
        }
        *f.target = *n;
    }
    if (auto r = readOptionalInt32(o, "obstacle_mode", s.obstacleMode); !r) {
        return r;
    }
    int count = 0;
    if (auto r = readIntArray(o, "motor_power", s.motorPower.data(), 3, 3, count); !r) {
        return r;
    }
    if (auto r = readIntArray(o, "sensors", s.sensors.data(), 0, 5, s.sensorCount); !r) {
        return r;
    }
    // Range checks come before the integer conversions: converting a double outside the target's range is
    // undefined behaviour. Times stay within ±kMaxMs so that sums of them (RemoteSource::rebase) fit in qint64 ns.
    if (auto r = readSeq(o, s.seq); !r) {
        return r;
    }
    const double publishMs = o.value(QLatin1String("t_publish_ms")).toDouble();
    const double ageMs = o.value(QLatin1String("age_ms")).toDouble(-1);
    if (!(std::abs(publishMs) <= kMaxMs) || !(std::abs(ageMs) <= kMaxMs)) {
        return badField(QStringLiteral("\"t_publish_ms\" and \"age_ms\" must be within ±%1 ms").arg(kMaxMs));
    }
    s.publishUnixNs = static_cast<qint64>(publishMs * 1e6);
    s.writerPid = toInt32(o.value(QLatin1String("writer_pid"))).value_or(0);
    s.layout = Layout::Remote;
    m.extras.rateHz = o.value(QLatin1String("rate_hz")).toDouble();
    m.extras.ageMs = static_cast<qint64>(ageMs);
    return readLink(o, m.link);
}

} // namespace

Result<bool, ProtocolError> parseSoundCommand(const QByteArray &bytes)
{
    const auto o = parseObject(bytes);
    if (!o) {
        return o.failure();
    }
    const QJsonValue type = o->value(QLatin1String("type"));
    if (!type.isUndefined() && type.toString() != QLatin1String("sound")) {
        return fail(ProtocolError::UnknownType,
                    QStringLiteral("not a sound command: \"type\" must be \"sound\" or absent"));
    }
    return readSoundEnabled(*o);
}

Result<Message, ProtocolError> parse(const QByteArray &bytes)
{
    const auto parsed = parseObject(bytes);
    if (!parsed) {
        return parsed.failure();
    }
    const QJsonObject &o = *parsed;
    const QString type = o.value(QLatin1String("type")).toString();
    Message m;
    if (type == QLatin1String("state")) {
        m.type = Message::Type::State;
        if (auto r = readState(o, m); !r) {
            return r.failure();
        }
    } else if (type == QLatin1String("link")) {
        m.type = Message::Type::Link;
        if (auto r = readLink(o, m.link); !r) {
            return r.failure();
        }
    } else if (type == QLatin1String("hello")) {
        m.type = Message::Type::Hello;
        m.serverVersion = o.value(QLatin1String("server")).toString().left(128);
        m.schema = o.value(QLatin1String("schema")).toInt();
        m.soundEnabled = o.value(QLatin1String("sound")).toBool(true);
        m.soundOutput = o.value(QLatin1String("sound_output")).toString().left(128);
    } else if (type == QLatin1String("sound")) {
        m.type = Message::Type::Sound;
        const auto enabled = readSoundEnabled(o);
        if (!enabled) {
            return enabled.failure();
        }
        m.soundEnabled = *enabled;
        m.soundOutput = o.value(QLatin1String("output")).toString().left(128);
    } else if (type == QLatin1String("cue")) {
        m.type = Message::Type::Cue;
        m.cue = o.value(QLatin1String("cue")).toString().left(32);
        m.sample = o.value(QLatin1String("sample")).toString().left(256);
    } else if (type == QLatin1String("event")) {
        m.type = Message::Type::Event;
        if (auto r = readEvent(o, m.event); !r) {
            return r.failure();
        }
    } else {
        return fail(ProtocolError::UnknownType, QStringLiteral("unknown message type \"%1\"").arg(type.left(32)));
    }
    return m;
}

} // namespace omni::json
