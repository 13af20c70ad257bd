// SPDX-License-Identifier: MIT
#include "omni/statejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace omni::json {

namespace {

constexpr qsizetype kMaxMessageBytes = 64 * 1024;
constexpr double kTwoTo64 = 18446744073709551616.0;
constexpr double kMaxMs = 4e12; // about the year 2096 as a Unix time; 126 years as an age

void appendString(QByteArray &out, const QString &s)
{
    // QJsonDocument escapes correctly; strings here are short and rare (labels, details).
    const QByteArray quoted = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    out.append(quoted.constData() + 1, quoted.size() - 2);
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
        out.append(QByteArray::number(values[i]));
    }
    out.append(']');
}

void appendLinkFields(QByteArray &out, const LinkInfo &link)
{
    appendKey(out, "link");
    appendString(out, names::linkStatus(link.status));
    out.append(',');
    appendKey(out, "reason");
    if (link.reason == Incompatibility::None) {
        out.append("null");
    } else {
        appendString(out, names::incompatibility(link.reason));
    }
    out.append(',');
    appendKey(out, "detail");
    appendString(out, link.detail);
    out.append(',');
    appendKey(out, "layout");
    appendString(out, names::layout(link.layout));
    out.append(',');
    appendKey(out, "source");
    appendString(out, link.source);
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
    return true;
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
    QByteArray out;
    out.reserve(640);
    out.append("{\"type\":\"state\",\"schema\":").append(QByteArray::number(kSchemaVersion));
    out.append(",\"seq\":").append(QByteArray::number(s.seq));
    out.append(",\"direction\":").append(QByteArray::number(s.direction));
    out.append(",\"motor_power\":");
    appendIntArray(out, s.motorPower.data(), 3);
    out.append(",\"bot_mode\":").append(QByteArray::number(s.botMode));
    out.append(",\"obstacle\":").append(QByteArray::number(s.obstacle));
    out.append(",\"obstacle_mode\":");
    out.append(s.obstacleMode ? QByteArray::number(*s.obstacleMode) : QByteArray("null"));
    out.append(",\"go_left\":").append(QByteArray::number(s.goLeft));
    out.append(",\"go_right\":").append(QByteArray::number(s.goRight));
    out.append(",\"sensor_mode\":").append(QByteArray::number(s.sensorMode));
    out.append(",\"sensors\":");
    appendIntArray(out, s.sensors.data(), std::clamp(s.sensorCount, 0, 5));
    out.append(",\"labels\":{\"direction\":");
    appendString(out, labels::direction(s.direction));
    out.append(",\"bot_mode\":");
    appendString(out, labels::botMode(s.botMode));
    out.append(",\"obstacle\":");
    appendString(out, labels::obstacle(s.obstacle));
    out.append(",\"obstacle_mode\":");
    if (s.obstacleMode) {
        appendString(out, labels::obstacleMode(*s.obstacleMode));
    } else {
        out.append("null");
    }
    out.append(",\"sensor_mode\":");
    appendString(out, labels::sensorMode(s.sensorMode));
    out.append(",\"action\":");
    appendString(out, labels::action(s));
    out.append("},\"t_publish_ms\":").append(QByteArray::number(static_cast<double>(s.publishUnixNs) / 1e6, 'f', 3));
    out.append(",\"age_ms\":").append(QByteArray::number(extras.ageMs));
    out.append(",\"rate_hz\":").append(QByteArray::number(extras.rateHz, 'f', 1));
    out.append(",\"writer_pid\":").append(QByteArray::number(s.writerPid));
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
    out.append(",\"schema\":").append(QByteArray::number(kSchemaVersion));
    out.append(",\"sound\":").append(soundEnabled ? "true" : "false");
    out.append('}');
    return out;
}

QByteArray soundMessage(bool enabled)
{
    return enabled ? QByteArrayLiteral("{\"type\":\"sound\",\"enabled\":true}")
                   : QByteArrayLiteral("{\"type\":\"sound\",\"enabled\":false}");
}

std::optional<Message> parse(const QByteArray &bytes, QString *error)
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
    const QJsonObject o = doc.object();
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
        const QJsonValue e = o.value(QLatin1String("enabled"));
        if (!e.isBool()) {
            fail(error, QStringLiteral("\"enabled\" must be true or false"));
            return std::nullopt;
        }
        m.soundEnabled = e.toBool();
    } else {
        fail(error, QStringLiteral("unknown message type \"%1\"").arg(type.left(32)));
        return std::nullopt;
    }
    return m;
}

} // namespace omni::json
