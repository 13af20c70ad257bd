// SPDX-License-Identifier: MIT
#include "omni/recordingexport.h"

#include <omni/mcapreader.h>
#include <omni/recorder.h>
#include <omni/statejson.h>

#include <QIODevice>

namespace omni {

namespace names {

QString exportFormat(ExportFormat format)
{
    return format == ExportFormat::Jsonl ? QStringLiteral("jsonl") : QStringLiteral("csv");
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    for (auto f : {ExportFormat::Csv, ExportFormat::Jsonl}) {
        if (name == exportFormat(f)) {
            return f;
        }
    }
    return std::nullopt;
}

} // namespace names

QByteArray exportCsvHeader()
{
    return "time_ns,time_s,seq,t_publish_ms,direction,motor_left,motor_right,motor_bottom,bot_mode,obstacle,"
           "obstacle_mode,go_left,go_right,sensor_mode,sensor_count,sensor_0,sensor_1,sensor_2,sensor_3,sensor_4,"
           "action,link,rate_hz\n";
}

QByteArray exportEventsCsvHeader()
{
    return "time_ns,time_s,kind,seq,json\n";
}

namespace {

/// `text` as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, quote or line break.
QByteArray csvField(const QByteArray &text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n') && !text.contains('\r')) {
        return text;
    }
    QByteArray q = text;
    q.replace("\"", "\"\"");
    return '"' + q + '"';
}

QByteArray seconds(quint64 t, quint64 start)
{
    return QByteArray::number(static_cast<double>(t - std::min(t, start)) / 1e9, 'f', 6);
}

QByteArray stateRow(const McapMessage &m, const json::Message &msg, quint64 start)
{
    const RobotState &s = msg.state;
    QByteArray row;
    row.reserve(160);
    const auto num = [&row](qint64 v) { row.append(QByteArray::number(v)).append(','); };
    row.append(QByteArray::number(m.logTime)).append(',').append(seconds(m.logTime, start)).append(',');
    row.append(QByteArray::number(s.seq)).append(',');
    row.append(QByteArray::number(static_cast<double>(s.publishUnixNs) / 1e6, 'f', 3)).append(',');
    num(s.direction);
    for (const qint32 p : s.motorPower) {
        num(p);
    }
    num(s.botMode);
    num(s.obstacle);
    row.append(s.obstacleMode ? QByteArray::number(*s.obstacleMode) : QByteArray()).append(','); // empty: absent
    num(s.goLeft);
    num(s.goRight);
    num(s.sensorMode);
    num(s.sensorCount);
    for (int i = 0; i < 5; ++i) {
        row.append(i < s.sensorCount ? QByteArray::number(s.sensors[static_cast<std::size_t>(i)]) : QByteArray())
            .append(',');
    }
    row.append(csvField(labels::action(s).toUtf8())).append(',');
    row.append(names::linkStatus(msg.link.status).toUtf8()).append(',');
    row.append(QByteArray::number(msg.extras.rateHz, 'f', 1)).append('\n');
    return row;
}

QByteArray eventRow(const McapMessage &m, const json::Message &msg, quint64 start)
{
    QByteArray row = QByteArray::number(m.logTime) + ',' + seconds(m.logTime, start) + ',' +
                     names::eventKind(msg.event.kind).toUtf8() + ',';
    if (msg.event.seq != 0) {
        row.append(QByteArray::number(msg.event.seq));
    }
    return row + ',' + csvField(m.data) + '\n';
}

bool put(QIODevice *device, const QByteArray &bytes)
{
    return device == nullptr || device->write(bytes) == bytes.size();
}

} // namespace

Result<ExportSummary, ExportError> exportRecording(const McapReader &reader, ExportFormat format, QIODevice *states,
                                                   QIODevice *events)
{
    ExportSummary summary;
    const int stateChannel = reader.channelId(QLatin1String(topics::kState));
    const int eventChannel = reader.channelId(QLatin1String(topics::kEvents));
    const int linkChannel = reader.channelId(QLatin1String(topics::kLink));
    const bool csv = format == ExportFormat::Csv;
    if (csv && (!put(states, exportCsvHeader()) || !put(events, exportEventsCsvHeader()))) {
        return fail(ExportError::WriteFailed, QStringLiteral("cannot write: %1").arg(states->errorString()));
    }
    bool writeFailed = false;
    const auto visited = reader.forEachMessage([&](const McapMessage &m) {
        const int channel = m.channelId;
        if (channel != stateChannel && channel != eventChannel && channel != linkChannel) {
            return true; // a channel omniscient did not write
        }
        const auto msg = json::parse(m.data);
        if (!msg) {
            ++summary.skipped;
            return true;
        }
        bool ok = true;
        if (channel == stateChannel && msg->type == json::Message::Type::State) {
            ok = put(states, csv ? stateRow(m, *msg, reader.startTime()) : m.data + '\n');
            ++summary.states;
        } else if (channel == eventChannel && msg->type == json::Message::Type::Event) {
            ok = csv ? put(events, eventRow(m, *msg, reader.startTime())) : put(states, m.data + '\n');
            ++summary.events;
        } else if (channel == linkChannel && msg->type == json::Message::Type::Link) {
            if (!csv) {
                ok = put(states, m.data + '\n');
                ++summary.links;
            }
        } else {
            ++summary.skipped;
        }
        writeFailed = !ok;
        return ok;
    });
    if (writeFailed) {
        return fail(ExportError::WriteFailed, QStringLiteral("cannot write the export: the disk may be full"));
    }
    if (!visited) {
        return fail(ExportError::Damaged, visited.errorString());
    }
    return summary;
}

} // namespace omni
