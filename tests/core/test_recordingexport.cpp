// SPDX-License-Identifier: MIT
// exportRecording(): the CSV columns (one row per state, the events in their own CSV), the JSON Lines (every
// message as recorded), and a recording cut short (exported up to its last complete chunk).
#include "replayfixture.h"

#include <omni/mcapreader.h>
#include <omni/mcapwriter.h>
#include <omni/recorder.h>
#include <omni/recordingexport.h>
#include <omni/statejson.h>

#include <QBuffer>

#include <gtest/gtest.h>

using namespace omni;

namespace {

constexpr quint64 kT0 = 1'700'000'000'000'000'000ULL; // the first state's time
constexpr int kStates = 100;

RobotState stateAt(int i)
{
    RobotState s;
    s.seq = static_cast<quint64>(1000 + i);
    s.direction = i % 4;
    s.motorPower = {i, -i, 50};
    s.botMode = 1;
    s.obstacle = i >= 50 ? 1 : 0;
    s.obstacleMode = i % 2 == 0 ? std::optional<qint32>(0) : std::nullopt;
    s.sensorCount = i % 2 == 0 ? 5 : 4;
    s.sensors = {1, 0, 1, 0, 1};
    s.publishUnixNs = static_cast<qint64>(kT0) + i * 10'000'000LL;
    s.layout = Layout::Current;
    return s;
}

// 100 states at 100 Hz, one link message and one event, a chunk every 20 states; closed or cut off after
// `cutAfterChunks` chunks.
QByteArray recording(bool close, int cutAfterChunks = -1)
{
    qsizetype cut = -1;
    const QByteArray bytes = test::recording(
        [&](McapWriter &w) {
            LinkInfo link;
            link.status = LinkStatus::Live;
            link.source = QStringLiteral("shm:a,b");
            EXPECT_TRUE(w.write(1, kT0, kT0, json::linkMessage(link)));
            for (int i = 0; i < kStates; ++i) {
                const RobotState s = stateAt(i);
                const auto t = static_cast<quint64>(s.publishUnixNs);
                EXPECT_TRUE(w.write(0, t, t, json::stateMessage(s, link, {100.0, 0}), static_cast<quint32>(s.seq)));
                if (i == 50) {
                    EXPECT_TRUE(w.write(2, t, t, json::eventMessage(test::obstacleDetected(s.publishUnixNs, s.seq))));
                }
                if (i % 20 == 19) {
                    EXPECT_TRUE(w.flushChunk());
                    if (--cutAfterChunks == 0) {
                        cut = w.bytesWritten();
                    }
                }
            }
        },
        close);
    return cut > 0 ? bytes.left(cut + 5) : bytes; // + a few bytes of the next record: cut off mid-way
}

QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> out = text.split('\n');
    EXPECT_TRUE(out.last().isEmpty()); // every line ends with a newline
    out.removeLast();
    return out;
}

} // namespace

TEST(RecordingExport, CsvHasOneRowPerStateWithEveryColumnAndEventsInTheirOwnFile)
{
    const auto reader = McapReader::fromBytes(recording(true));
    ASSERT_TRUE(reader);
    QByteArray states;
    QByteArray events;
    QBuffer s(&states);
    QBuffer e(&events);
    s.open(QIODevice::WriteOnly);
    e.open(QIODevice::WriteOnly);
    const auto done = exportRecording(**reader, ExportFormat::Csv, &s, &e);
    ASSERT_TRUE(done) << done.errorString().toStdString();
    EXPECT_EQ(done->states, quint64{kStates});
    EXPECT_EQ(done->events, 1U);

    const auto rows = lines(states);
    ASSERT_EQ(rows.size(), kStates + 1);
    EXPECT_EQ(rows[0] + '\n', exportCsvHeader());
    const qsizetype columns = rows[0].count(',') + 1;
    EXPECT_EQ(columns, 23);
    const QList<QByteArray> header = rows[0].split(',');
    for (int i = 1; i <= kStates; ++i) {
        ASSERT_EQ(rows[i].count(',') + 1, columns) << rows[i].toStdString(); // no field holds a comma here
        const QList<QByteArray> f = rows[i].split(',');
        const auto col = [&](const char *name) { return f[header.indexOf(name)]; };
        const RobotState st = stateAt(i - 1);
        EXPECT_EQ(col("time_ns").toULongLong(), static_cast<quint64>(st.publishUnixNs));
        EXPECT_EQ(col("seq").toULongLong(), st.seq);
        EXPECT_EQ(col("motor_right").toInt(), -(i - 1));
        EXPECT_EQ(col("obstacle_mode"), st.obstacleMode ? QByteArray("0") : QByteArray()); // empty: absent
        EXPECT_EQ(col("sensor_4"), st.sensorCount == 5 ? QByteArray("1") : QByteArray());
        EXPECT_EQ(col("link"), QByteArray("live"));
        EXPECT_DOUBLE_EQ(col("time_s").toDouble(), (i - 1) * 0.01);
    }
    const auto eventRows = lines(events);
    ASSERT_EQ(eventRows.size(), 2);
    EXPECT_EQ(eventRows[0] + '\n', exportEventsCsvHeader());
    EXPECT_TRUE(eventRows[1].contains(",obstacle_detected,1050,\"{\"\"type\"\":\"\"event\"\""))
        << eventRows[1].toStdString();
}

TEST(RecordingExport, JsonLinesHoldEveryMessageAsRecorded)
{
    const auto reader = McapReader::fromBytes(recording(true));
    ASSERT_TRUE(reader);
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    const auto done = exportRecording(**reader, ExportFormat::Jsonl, &b);
    ASSERT_TRUE(done);
    const auto all = lines(out);
    ASSERT_EQ(all.size(), kStates + 2);
    EXPECT_TRUE(json::parse(all[0]) && json::parse(all[0])->type == json::Message::Type::Link);
    int states = 0;
    for (const QByteArray &line : all) {
        const auto m = json::parse(line);
        ASSERT_TRUE(m) << line.toStdString();
        states += m->type == json::Message::Type::State ? 1 : 0;
    }
    EXPECT_EQ(states, kStates);
}

TEST(RecordingExport, ARecordingCutShortExportsItsCompleteChunks)
{
    const auto reader = McapReader::fromBytes(recording(false, 3));
    ASSERT_TRUE(reader) << reader.errorString().toStdString();
    EXPECT_TRUE((*reader)->truncated());
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    const auto done = exportRecording(**reader, ExportFormat::Csv, &b);
    ASSERT_TRUE(done);
    EXPECT_EQ(done->states, 60U);
    EXPECT_EQ(lines(out).size(), 61);
}

TEST(RecordingExport, FormatNamesRoundTrip)
{
    EXPECT_EQ(names::exportFormatFromName(QStringLiteral("jsonl")), ExportFormat::Jsonl);
    EXPECT_EQ(names::exportFormatFromName(QStringLiteral("csv")), ExportFormat::Csv);
    EXPECT_FALSE(names::exportFormatFromName(QStringLiteral("xlsx")));
}
