// SPDX-License-Identifier: MIT
#include "omni/statejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace omni::json {

namespace {

constexpr double kTwoTo64 = 18446744073709551616.0;
constexpr double kMaxMs = 4e12; // about the year 2096 as a Unix time; 126 years as an age

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
    std::array<QByteArray, 4> layout;       // by Layout
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

bool fail(QString *error, const QString &why)
{
    if (error != nullptr) {
        *error = why;
    }
    return false;
}

// An ABI number of the link: absent (older servers) or null reads 0; anything but a 32-bit unsigned integer fails.
bool readAbi(const QJsonObject &o, const char *key, quint32 &out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        out = 0;
        return true;
    }
    const double d = v.toDouble(-1);
    if (!v.isDouble() || !(d >= 0) || d > 4294967295.0 || d != std::floor(d)) {
        return fail(error, QStringLiteral("\"%1\" must be a 32-bit unsigned integer").arg(QLatin1String(key)));
    }
    out = static_cast<quint32>(d);
    return true;
}

bool readLink(const QJsonObject &o, LinkInfo &link, QString *error)
{
    const auto status = names::linkStatusFromName(o.value(QLatin1String("link")).toString());
    if (!status) {
        return fail(error, QStringLiteral("\"link\" must be one of waiting, live, stale, incompatible"));
    }
    link.status = *status;
    link.reason = names::incompatibilityFromName(o.value(QLatin1String("reason")).toString());
    link.detail = o.value(QLatin1String("detail")).toString().left(512);
    link.layout = names::layoutFromName(o.value(QLatin1String("layout")).toString());
    link.source = o.value(QLatin1String("source")).toString().left(512);
    return readAbi(o, "segment_abi", link.segmentAbi, error) && readAbi(o, "reader_abi", link.readerAbi, error);
}

bool readIntArray(const QJsonObject &o, const char *key, qint32 *out, int minCount, int maxCount, int &count,
                  QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isArray()) {
        return fail(error, QStringLiteral("\"%1\" must be an array").arg(QLatin1String(key)));
    }
    const QJsonArray a = v.toArray();
    if (a.size() < minCount || a.size() > maxCount) {
        return fail(
            error,
            QStringLiteral("\"%1\" must have %2 to %3 entries").arg(QLatin1String(key)).arg(minCount).arg(maxCount));
    }
    for (int i = 0; i < a.size(); ++i) {
        const auto n = toInt32(a.at(i));
        if (!n) {
            return fail(error, QStringLiteral("\"%1\" must hold 32-bit integers").arg(QLatin1String(key)));
        }
        out[i] = *n;
    }
    count = static_cast<int>(a.size());
    return true;
}

// {"enabled":bool}: the sound switch, in a `sound` message, a WebSocket command and the POST /api/sound body.
std::optional<bool> readSoundEnabled(const QJsonObject &o, QString *error)
{
    const QJsonValue e = o.value(QLatin1String("enabled"));
    if (!e.isBool()) {
        fail(error, QStringLiteral("\"enabled\" must be true or false"));
        return std::nullopt;
    }
    return e.toBool();
}

// Parses `bytes` as one JSON object of at most kMaxMessageBytes.
std::optional<QJsonObject> parseObject(const QByteArray &bytes, QString *error)
{
    if (bytes.size() > kMaxMessageBytes) {
        fail(error, QStringLiteral("message of %1 bytes is larger than %2").arg(bytes.size()).arg(kMaxMessageBytes));
        return std::nullopt;
    }
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        fail(error, pe.error != QJsonParseError::NoError ? QStringLiteral("not JSON: %1").arg(pe.errorString())
                                                         : QStringLiteral("not a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

bool readState(const QJsonObject &o, Message &m, QString *error)
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
            return fail(error, QStringLiteral("\"%1\" must be a 32-bit integer").arg(QLatin1String(f.key)));
        }
        *f.target = *n;
    }
    const QJsonValue om = o.value(QLatin1String("obstacle_mode"));
    if (om.isNull() || om.isUndefined()) {
        s.obstacleMode.reset();
    } else if (const auto n = toInt32(om)) {
        s.obstacleMode = *n;
    } else {
        return fail(error, QStringLiteral("\"obstacle_mode\" must be a 32-bit integer or null"));
    }
    int count = 0;
    if (!readIntArray(o, "motor_power", s.motorPower.data(), 3, 3, count, error) ||
        !readIntArray(o, "sensors", s.sensors.data(), 0, 5, s.sensorCount, error)) {
        return false;
    }
    // Range checks come before the integer conversions: converting a double outside the target's range is
    // undefined behaviour. Times stay within ±kMaxMs so that sums of them (RemoteSource::rebase) fit in qint64 ns.
    const QJsonValue seq = o.value(QLatin1String("seq"));
    if (!seq.isDouble() || !(seq.toDouble() >= 0) || seq.toDouble() >= kTwoTo64) {
        return fail(error, QStringLiteral("\"seq\" must be a non-negative number"));
    }
    const double publishMs = o.value(QLatin1String("t_publish_ms")).toDouble();
    const double ageMs = o.value(QLatin1String("age_ms")).toDouble(-1);
    if (!(std::abs(publishMs) <= kMaxMs) || !(std::abs(ageMs) <= kMaxMs)) {
        return fail(error, QStringLiteral("\"t_publish_ms\" and \"age_ms\" must be within ±%1 ms").arg(kMaxMs));
    }
    s.seq = static_cast<quint64>(seq.toDouble());
    s.publishUnixNs = static_cast<qint64>(publishMs * 1e6);
    s.writerPid = toInt32(o.value(QLatin1String("writer_pid"))).value_or(0);
    s.layout = Layout::Remote;
    m.extras.rateHz = o.value(QLatin1String("rate_hz")).toDouble();
    m.extras.ageMs = static_cast<qint64>(ageMs);
    return readLink(o, m.link, error);
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

QByteArray helloMessage(const QString &serverVersion, bool soundEnabled)
{
    QByteArray out("{\"type\":\"hello\",\"server\":");
    appendString(out, serverVersion);
    out.append(",\"schema\":");
    appendNumber(out, kSchemaVersion);
    out.append(",\"sound\":").append(soundEnabled ? "true" : "false");
    out.append('}');
    return out;
}

QByteArray soundMessage(bool enabled)
{
    return enabled ? QByteArrayLiteral("{\"type\":\"sound\",\"enabled\":true}")
                   : QByteArrayLiteral("{\"type\":\"sound\",\"enabled\":false}");
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

QByteArray soundState(bool enabled)
{
    return enabled ? QByteArrayLiteral("{\"enabled\":true}") : QByteArrayLiteral("{\"enabled\":false}");
}

std::optional<bool> parseSoundCommand(const QByteArray &bytes, QString *error)
{
    const auto o = parseObject(bytes, error);
    if (!o) {
        return std::nullopt;
    }
    const QJsonValue type = o->value(QLatin1String("type"));
    if (!type.isUndefined() && type.toString() != QLatin1String("sound")) {
        fail(error, QStringLiteral("not a sound command: \"type\" must be \"sound\" or absent"));
        return std::nullopt;
    }
    return readSoundEnabled(*o, error);
}

QByteArray quoted(QStringView text)
{
    return quotedString(text);
}

std::optional<Message> parse(const QByteArray &bytes, QString *error)
{
    const auto parsed = parseObject(bytes, error);
    if (!parsed) {
        return std::nullopt;
    }
    const QJsonObject &o = *parsed;
    const QString type = o.value(QLatin1String("type")).toString();
    Message m;
    if (type == QLatin1String("state")) {
        m.type = Message::Type::State;
        if (!readState(o, m, error)) {
            return std::nullopt;
        }
    } else if (type == QLatin1String("link")) {
        m.type = Message::Type::Link;
        if (!readLink(o, m.link, error)) {
            return std::nullopt;
        }
    } else if (type == QLatin1String("hello")) {
        m.type = Message::Type::Hello;
        m.serverVersion = o.value(QLatin1String("server")).toString().left(128);
        m.schema = o.value(QLatin1String("schema")).toInt();
        m.soundEnabled = o.value(QLatin1String("sound")).toBool(true);
    } else if (type == QLatin1String("sound")) {
        m.type = Message::Type::Sound;
        const auto enabled = readSoundEnabled(o, error);
        if (!enabled) {
            return std::nullopt;
        }
        m.soundEnabled = *enabled;
    } else {
        fail(error, QStringLiteral("unknown message type \"%1\"").arg(type.left(32)));
        return std::nullopt;
    }
    return m;
}

} // namespace omni::json
