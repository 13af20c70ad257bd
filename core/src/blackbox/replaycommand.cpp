// SPDX-License-Identifier: MIT
// ReplaySource's JSON: the status GET /api/replay answers, and the commands POST /api/replay takes.
#include "omni/replaysource.h"

#include <omni/statejson.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace omni {

namespace {

double seconds(qint64 ns)
{
    return static_cast<double>(ns) / 1e9;
}

Failure<ReplayError> refuse(const QString &why)
{
    return fail(ReplayError::BadCommand, why);
}

} // namespace

QByteArray ReplaySource::statusJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("file"), fileName());
    if (!m_controller) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    const ReplayController &c = *m_controller;
    o.insert(QStringLiteral("position_s"), std::round(seconds(c.positionNs() - c.startNs()) * 1000.0) / 1000.0);
    o.insert(QStringLiteral("duration_s"), seconds(c.endNs() - c.startNs()));
    o.insert(QStringLiteral("start_ms"), std::floor(static_cast<double>(c.startNs()) / 1e6));
    o.insert(QStringLiteral("playing"), c.playing());
    o.insert(QStringLiteral("speed"), c.speed());
    o.insert(QStringLiteral("loop"), c.loop());
    o.insert(QStringLiteral("states"), static_cast<double>(c.stateTimes().size()));
    o.insert(QStringLiteral("state_index"), static_cast<double>(c.stateIndex()));
    QJsonArray events;
    for (const ReplayEvent &e : m_events) {
        events.append(
            QJsonObject{{QStringLiteral("t_s"), seconds(e.timeNs - c.startNs())}, {QStringLiteral("kind"), e.kind}});
    }
    o.insert(QStringLiteral("events"), events);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<QByteArray, ReplayError> ReplaySource::command(const QByteArray &body)
{
    if (!m_controller) {
        return refuse(QStringLiteral("no recording is open"));
    }
    if (body.size() > json::kMaxMessageBytes) {
        return refuse(QStringLiteral("the command is too large"));
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return refuse(QStringLiteral("the body must be a JSON object such as {\"action\":\"play\"}"));
    }
    const QJsonObject o = doc.object();
    const QString action = o.value(QStringLiteral("action")).toString();
    const auto number = [&o](const char *key) -> std::optional<double> {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() && std::isfinite(v.toDouble()) ? std::optional<double>(v.toDouble()) : std::nullopt;
    };
    ReplayController &c = *m_controller;
    if (action == QLatin1String("play")) {
        c.play();
    } else if (action == QLatin1String("pause")) {
        c.pause();
    } else if (action == QLatin1String("seek")) {
        const auto at = number("position_s");
        if (!at) {
            return refuse(QStringLiteral("seek needs \"position_s\": seconds from the start of the recording"));
        }
        c.seek(c.startNs() + static_cast<qint64>(std::clamp(*at, -1e9, 1e9) * 1e9));
    } else if (action == QLatin1String("speed")) {
        const auto speed = number("speed");
        if (!speed || *speed <= 0) {
            return refuse(QStringLiteral("speed needs \"speed\": a number from 0.25 to 8"));
        }
        c.setSpeed(*speed);
    } else if (action == QLatin1String("step")) {
        const auto count = number("count");
        c.step(count ? static_cast<int>(std::clamp(*count, -1e6, 1e6)) : 1);
    } else if (action == QLatin1String("next_event")) {
        c.nextEvent();
    } else if (action == QLatin1String("previous_event")) {
        c.previousEvent();
    } else if (action == QLatin1String("loop")) {
        const QJsonValue loop = o.value(QStringLiteral("loop"));
        if (!loop.isBool()) {
            return refuse(QStringLiteral("loop needs \"loop\": true or false"));
        }
        c.setLoop(loop.toBool());
    } else {
        return refuse(QStringLiteral("unknown action \"%1\": expected play, pause, seek, speed, step, next_event, "
                                     "previous_event or loop")
                          .arg(action.left(40)));
    }
    update();
    Q_EMIT statusChanged();
    return statusJson();
}

Result<QByteArray, ReplayCommandError> ReplaySource::replayCommand(const QByteArray &body)
{
    auto status = command(body);
    if (!status) {
        return fail(ReplayCommandError::Refused, status.errorString());
    }
    return std::move(*status);
}

} // namespace omni
