// SPDX-License-Identifier: MIT
// Writing the JSON protocol: every message is built by hand into one QByteArray (see docs/protocol.md).
#include "omni/statejson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace omni::json {

namespace {

// Appends `s` as a JSON string. Escapes what RFC 8259 requires, the way QJsonDocument does (so the output
// is byte-identical to it): `"` and `\`, \b \f \n \r \t, other control characters as \u00XX; everything
// else is UTF-8. A lone surrogate has no UTF-8 form: it becomes U+FFFD, so the output is always valid UTF-8
// (QJsonDocument would write a \udXXX escape that strict parsers refuse).
void appendString(QByteArray &out, QStringView s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::array<char, 256> buf; // bytes go out in chunks: one append per chunk, not per character
    std::size_t n = 0;
    buf[n++] = '"';
    const qsizetype size = s.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (n > buf.size() - 8) { // room for the longest escape (6) and the closing quote
            out.append(buf.data(), static_cast<qsizetype>(n));
            n = 0;
        }
        const char16_t c = s[i].unicode();
        if (c >= 0x20 && c < 0x80) {
            if (c == u'"' || c == u'\\') {
                buf[n++] = '\\';
            }
            buf[n++] = static_cast<char>(c);
        } else if (c < 0x20) {
            buf[n++] = '\\';
            switch (c) {
            case u'\b':
                buf[n++] = 'b';
                break;
            case u'\f':
                buf[n++] = 'f';
                break;
            case u'\n':
                buf[n++] = 'n';
                break;
            case u'\r':
                buf[n++] = 'r';
                break;
            case u'\t':
                buf[n++] = 't';
                break;
            default:
                buf[n++] = 'u';
                buf[n++] = '0';
                buf[n++] = '0';
                buf[n++] = kHex[c >> 4];
                buf[n++] = kHex[c & 0xf];
                break;
            }
        } else if (c < 0x800) {
            buf[n++] = static_cast<char>(0xc0 | (c >> 6));
            buf[n++] = static_cast<char>(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && i + 1 < size && s[i + 1].isLowSurrogate()) {
            const char32_t u = QChar::surrogateToUcs4(c, s[++i].unicode());
            buf[n++] = static_cast<char>(0xf0 | (u >> 18));
            buf[n++] = static_cast<char>(0x80 | ((u >> 12) & 0x3f));
            buf[n++] = static_cast<char>(0x80 | ((u >> 6) & 0x3f));
            buf[n++] = static_cast<char>(0x80 | (u & 0x3f));
        } else {
            const char32_t u = QChar::isSurrogate(c) ? char32_t{0xfffd} : char32_t{c};
            buf[n++] = static_cast<char>(0xe0 | (u >> 12));
            buf[n++] = static_cast<char>(0x80 | ((u >> 6) & 0x3f));
            buf[n++] = static_cast<char>(0x80 | (u & 0x3f));
        }
    }
    buf[n++] = '"';
    out.append(buf.data(), static_cast<qsizetype>(n));
}

QByteArray quotedString(QStringView s)
{
    QByteArray out;
    appendString(out, s);
    return out;
}

template <typename Int> void appendNumber(QByteArray &out, Int value)
{
    std::array<char, 24> buf;
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    out.append(buf.data(), r.ptr - buf.data());
}

// The words of the known codes and enums, quoted once. They come from omni::labels and omni::names (the one
// place that spells them); a code without an entry (e.g. "unknown (9)") is quoted when it occurs.
struct QuotedWords {
    std::array<QByteArray, 4> direction;    // by code
    std::array<QByteArray, 3> botMode;      // by code
    std::array<QByteArray, 2> obstacle;     // by code
    std::array<QByteArray, 2> obstacleMode; // by code
    std::array<QByteArray, 3> sensorMode;   // by code
    std::array<QByteArray, 8> action;       // by Action
    std::array<QByteArray, 4> linkStatus;   // by LinkStatus
    std::array<QByteArray, 8> reason;       // by Incompatibility
    std::array<QByteArray, 5> layout;       // by Layout
};

template <std::size_t N, typename Arg> void fill(std::array<QByteArray, N> &table, QString (*word)(Arg))
{
    for (std::size_t i = 0; i < N; ++i) {
        table[i] = quotedString(word(static_cast<Arg>(i)));
    }
}

const QuotedWords &quotedWords()
{
    static const QuotedWords words = [] {
        QuotedWords w;
        fill(w.direction, &labels::direction);
        fill(w.botMode, &labels::botMode);
        fill(w.obstacle, &labels::obstacle);
        fill(w.obstacleMode, &labels::obstacleMode);
        fill(w.sensorMode, &labels::sensorMode);
        fill<8, Action>(w.action, &labels::action);
        fill(w.linkStatus, &names::linkStatus);
        fill(w.reason, &names::incompatibility);
        fill(w.layout, &names::layout);
        return w;
    }();
    return words;
}

// Appends the quoted word for `value` from `table`, or asks `word` for one the table does not have.
template <std::size_t N, typename Arg>
void appendWord(QByteArray &out, const std::array<QByteArray, N> &table, Arg value, QString (*word)(Arg))
{
    const auto i = static_cast<std::size_t>(value);
    if (i < N) { // a negative code converts to a huge index
        out.append(table[i]);
    } else {
        appendString(out, word(value));
    }
}

void appendKey(QByteArray &out, const char *key)
{
    out.append('"').append(key).append("\":");
}

void appendIntArray(QByteArray &out, const qint32 *values, int count)
{
    out.append('[');
    for (int i = 0; i < count; ++i) {
        if (i != 0) {
            out.append(',');
        }
        appendNumber(out, values[i]);
    }
    out.append(']');
}

void appendLinkFields(QByteArray &out, const LinkInfo &link)
{
    const QuotedWords &words = quotedWords();
    appendKey(out, "link");
    appendWord(out, words.linkStatus, link.status, &names::linkStatus);
    out.append(',');
    appendKey(out, "reason");
    if (link.reason == Incompatibility::None) {
        out.append("null");
    } else {
        appendWord(out, words.reason, link.reason, &names::incompatibility);
    }
    out.append(',');
    appendKey(out, "detail");
    appendString(out, link.detail);
    out.append(',');
    appendKey(out, "layout");
    appendWord(out, words.layout, link.layout, &names::layout);
    out.append(',');
    appendKey(out, "source");
    appendString(out, link.source);
    out.append(",\"segment_abi\":");
    appendNumber(out, link.segmentAbi);
    out.append(",\"reader_abi\":");
    appendNumber(out, link.readerAbi);
}

} // namespace

QByteArray stateMessage(const RobotState &s, const LinkInfo &link, const StateExtras &extras)
{
    const QuotedWords &words = quotedWords();
    QByteArray out;
    out.reserve(768);
    out.append("{\"type\":\"state\",\"schema\":");
    appendNumber(out, kSchemaVersion);
    out.append(",\"seq\":");
    appendNumber(out, s.seq);
    out.append(",\"direction\":");
    appendNumber(out, s.direction);
    out.append(",\"motor_power\":");
    appendIntArray(out, s.motorPower.data(), 3);
    out.append(",\"bot_mode\":");
    appendNumber(out, s.botMode);
    out.append(",\"obstacle\":");
    appendNumber(out, s.obstacle);
    out.append(",\"obstacle_mode\":");
    if (s.obstacleMode) {
        appendNumber(out, *s.obstacleMode);
    } else {
        out.append("null");
    }
    out.append(",\"go_left\":");
    appendNumber(out, s.goLeft);
    out.append(",\"go_right\":");
    appendNumber(out, s.goRight);
    out.append(",\"sensor_mode\":");
    appendNumber(out, s.sensorMode);
    out.append(",\"sensors\":");
    appendIntArray(out, s.sensors.data(), std::clamp(s.sensorCount, 0, 5));
    out.append(",\"labels\":{\"direction\":");
    appendWord(out, words.direction, s.direction, &labels::direction);
    out.append(",\"bot_mode\":");
    appendWord(out, words.botMode, s.botMode, &labels::botMode);
    out.append(",\"obstacle\":");
    appendWord(out, words.obstacle, s.obstacle, &labels::obstacle);
    out.append(",\"obstacle_mode\":");
    if (s.obstacleMode) {
        appendWord(out, words.obstacleMode, *s.obstacleMode, &labels::obstacleMode);
    } else {
        out.append("null");
    }
    out.append(",\"sensor_mode\":");
    appendWord(out, words.sensorMode, s.sensorMode, &labels::sensorMode);
    out.append(",\"action\":");
    appendWord<8, Action>(out, words.action, actionOf(s), &labels::action);
    out.append("},\"t_publish_ms\":").append(QByteArray::number(static_cast<double>(s.publishUnixNs) / 1e6, 'f', 3));
    out.append(",\"age_ms\":");
    appendNumber(out, extras.ageMs);
    out.append(",\"rate_hz\":").append(QByteArray::number(extras.rateHz, 'f', 1));
    out.append(",\"writer_pid\":");
    appendNumber(out, s.writerPid);
    out.append(',');
    appendLinkFields(out, link);
    out.append('}');
    return out;
}

QByteArray linkMessage(const LinkInfo &link)
{
    QByteArray out("{\"type\":\"link\",");
    appendLinkFields(out, link);
    out.append('}');
    return out;
}

QByteArray helloMessage(const QString &serverVersion, bool soundEnabled, const QString &soundOutput)
{
    QByteArray out("{\"type\":\"hello\",\"server\":");
    appendString(out, serverVersion);
    out.append(",\"schema\":");
    appendNumber(out, kSchemaVersion);
    out.append(",\"sound\":").append(soundEnabled ? "true" : "false");
    if (!soundOutput.isEmpty()) {
        out.append(",\"sound_output\":");
        appendString(out, soundOutput);
    }
    out.append('}');
    return out;
}

QByteArray soundMessage(bool enabled, const QString &output)
{
    QByteArray out("{\"type\":\"sound\",");
    out.append(soundState(enabled, output).mid(1));
    return out;
}

QByteArray cueMessage(const QString &cue, const QString &sample)
{
    QByteArray out("{\"type\":\"cue\",\"cue\":");
    appendString(out, cue);
    out.append(",\"sample\":");
    appendString(out, sample);
    out.append('}');
    return out;
}

namespace {

void appendMs(QByteArray &out, qint64 ns)
{
    out.append(QByteArray::number(static_cast<double>(ns) / 1e6, 'f', 3));
}

void appendOptionalInt(QByteArray &out, const std::optional<qint32> &value)
{
    if (value) {
        appendNumber(out, *value);
    } else {
        out.append("null");
    }
}

} // namespace

QByteArray eventMessage(const Event &event)
{
    QByteArray out;
    out.reserve(256);
    out.append("{\"type\":\"event\",\"kind\":");
    appendString(out, names::eventKind(event.kind));
    out.append(",\"t_ms\":");
    appendMs(out, event.wallNs);
    out.append(",\"mono_ms\":");
    appendMs(out, event.monotonicNs);
    if (isLinkEvent(event.kind)) {
        out.append(",\"previous\":");
        if (event.previous) {
            appendWord(out, quotedWords().linkStatus, *event.previous, &names::linkStatus);
        } else {
            out.append("null");
        }
        out.append(',');
        appendLinkFields(out, event.link);
    } else if (event.kind != EventKind::SoundOn && event.kind != EventKind::SoundOff) {
        out.append(",\"seq\":");
        appendNumber(out, event.seq);
    }
    if (event.kind == EventKind::ObstacleDetected) {
        out.append(",\"obstacle\":");
        appendOptionalInt(out, event.to);
    } else if (isModeEvent(event.kind)) {
        out.append(",\"from\":");
        appendOptionalInt(out, event.from);
        out.append(",\"to\":");
        appendOptionalInt(out, event.to);
    } else if (isWheelEvent(event.kind)) {
        out.append(",\"wheel\":");
        appendNumber(out, event.wheel);
        out.append(",\"wheel_name\":");
        appendString(out, names::wheel(event.wheel));
        out.append(",\"power\":");
        appendNumber(out, event.power);
        out.append(",\"duration_ms\":");
        appendNumber(out, event.durationMs);
    }
    out.append('}');
    return out;
}

namespace {
QByteArray embeddedSchema(const char *name)
{
    const QString path = QStringLiteral(":/schemas/") + QLatin1String(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("the embedded JSON Schema %s is missing: a build error", qPrintable(path));
    }
    return file.readAll();
}
} // namespace

QByteArray stateJsonSchema()
{
    return embeddedSchema("robotstate.schema.json");
}

QByteArray linkJsonSchema()
{
    return embeddedSchema("robotlink.schema.json");
}

QByteArray eventJsonSchema()
{
    return embeddedSchema("robotevent.schema.json");
}

QByteArray withAge(const QByteArray &message, qint64 ageMs)
{
    // Inside a string every '"' is escaped, so the first `,"age_ms":` is the field, never string content.
    static constexpr QByteArrayView kKey = ",\"age_ms\":";
    const qsizetype at = message.indexOf(kKey);
    if (at < 0) {
        return message;
    }
    const qsizetype from = at + kKey.size();
    qsizetype to = from;
    while (to < message.size() && (message[to] == '-' || (message[to] >= '0' && message[to] <= '9'))) {
        ++to;
    }
    QByteArray age;
    appendNumber(age, ageMs);
    QByteArray out;
    out.reserve(message.size() + age.size());
    out.append(QByteArrayView(message).first(from)).append(age).append(QByteArrayView(message).sliced(to));
    return out;
}

QByteArray soundState(bool enabled, const QString &output)
{
    QByteArray out(enabled ? "{\"enabled\":true" : "{\"enabled\":false");
    if (!output.isEmpty()) {
        out.append(",\"output\":");
        appendString(out, output);
    }
    out.append('}');
    return out;
}

QByteArray quoted(QStringView text)
{
    return quotedString(text);
}

} // namespace omni::json
