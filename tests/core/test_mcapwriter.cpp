// SPDX-License-Identifier: MIT
// McapWriter byte by byte: the magic, the record framing, the CRCs (recomputed here with a bitwise CRC-32, not the
// writer's table), and when chunks close (by size, by age on write and on closeChunkIfOld()). npm's @mcap/core
// reads the real binary's files in tests/e2e/mcap.test.mjs.
#include "blackbox/mcapencoding.h"

#include <omni/clock.h>
#include <omni/hub.h>
#include <omni/mcapwriter.h>
#include <omni/recorder.h>

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <vector>

using namespace omni;

namespace {

const QByteArray kMagic("\x89MCAP0\r\n", 8);

quint32 bitwiseCrc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFU;
    for (const char ch : bytes) {
        crc ^= static_cast<quint8>(ch);
        for (int k = 0; k < 8; ++k) {
            crc = (crc >> 1U) ^ ((crc & 1U) != 0 ? 0xEDB88320U : 0U);
        }
    }
    return ~crc;
}

quint64 le(const QByteArray &b, qsizetype at, int bytes)
{
    quint64 v = 0;
    for (int i = bytes - 1; i >= 0; --i) {
        v = (v << 8U) | static_cast<quint8>(b[at + i]);
    }
    return v;
}

struct Record {
    quint8 op;
    qsizetype offset; // of the opcode
    QByteArray content;
};

// Splits the bytes between the magics into records; fails the test on bad framing.
std::vector<Record> records(const QByteArray &file, bool complete = true)
{
    std::vector<Record> out;
    EXPECT_EQ(file.left(8), kMagic);
    const qsizetype end = complete ? file.size() - 8 : file.size();
    qsizetype at = 8;
    while (at + 9 <= end) {
        const auto length = static_cast<qsizetype>(le(file, at + 1, 8));
        EXPECT_LE(at + 9 + length, end) << "a record runs past the end at " << at;
        out.push_back({static_cast<quint8>(file[at]), at, file.mid(at + 9, length)});
        at += 9 + length;
    }
    EXPECT_EQ(at, end) << "records end exactly at the closing magic";
    if (complete) {
        EXPECT_EQ(file.right(8), kMagic);
    }
    return out;
}

std::vector<quint8> ops(const std::vector<Record> &rs)
{
    std::vector<quint8> out;
    for (const Record &r : rs) {
        out.push_back(r.op);
    }
    return out;
}

class McapWriterTest : public ::testing::Test
{
protected:
    QBuffer m_buffer;
    qint64 m_nowMs = 0;

    void SetUp() override { ASSERT_TRUE(m_buffer.open(QIODevice::WriteOnly)); }

    McapWriterOptions options(McapCompression c = McapCompression::None, qint64 chunkBytes = 1 << 20)
    {
        McapWriterOptions o;
        o.compression = c;
        o.chunkBytes = chunkBytes;
        o.maxChunkAgeMs = 1000;
        o.monotonicMs = [this] { return m_nowMs; };
        return o;
    }
};

TEST_F(McapWriterTest, AClosedFileHasMagicFramingAndEveryRecordOfTheSpecInOrder)
{
    McapWriter w(&m_buffer, options());
    ASSERT_TRUE(w.open());
    const auto schema = w.addSchema(QStringLiteral("omniscient.RobotState"), QStringLiteral("jsonschema"), "{}");
    ASSERT_TRUE(schema);
    EXPECT_EQ(*schema, 1);
    const auto channel = w.addChannel(*schema, QStringLiteral("/robot/state"), QStringLiteral("json"));
    ASSERT_TRUE(channel);
    ASSERT_TRUE(w.addMetadata(QStringLiteral("omniscient"), {{QStringLiteral("version"), QStringLiteral("1")}}));
    ASSERT_TRUE(w.write(*channel, 100, 90, "{\"a\":1}", 7));
    ASSERT_TRUE(w.write(*channel, 200, 190, "{\"a\":2}", 8));
    ASSERT_TRUE(w.close());

    const QByteArray file = m_buffer.data();
    const auto rs = records(file);
    EXPECT_EQ(ops(rs), (std::vector<quint8>{0x01, 0x03, 0x04, 0x0C, 0x06, 0x07, 0x0F, // data section
                                            0x03, 0x04, 0x0B, 0x08, 0x0D,             // summary
                                            0x0E, 0x0E, 0x0E, 0x0E, 0x0E,             // summary offsets
                                            0x02}));
    // Header: profile "", library "omniscient …".
    EXPECT_EQ(le(rs[0].content, 0, 4), 0U);
    EXPECT_TRUE(rs[0].content.mid(8).startsWith("omniscient "));

    // The chunk: times, sizes and the CRC of its (uncompressed) records.
    const QByteArray &chunk = rs[4].content;
    EXPECT_EQ(le(chunk, 0, 8), 100U);
    EXPECT_EQ(le(chunk, 8, 8), 200U);
    const auto uncompressedSize = static_cast<qsizetype>(le(chunk, 16, 8));
    EXPECT_EQ(le(chunk, 28, 4), 0U) << "compression \"\"";
    const auto recordsSize = static_cast<qsizetype>(le(chunk, 32, 8));
    ASSERT_EQ(recordsSize, uncompressedSize);
    const QByteArray inner = chunk.mid(40);
    ASSERT_EQ(inner.size(), recordsSize);
    EXPECT_EQ(le(chunk, 24, 4), bitwiseCrc32(inner));
    // Inside: two Message records with channel, sequence, log and publish time, data.
    ASSERT_EQ(static_cast<quint8>(inner[0]), 0x05);
    const QByteArray m1 = inner.mid(9, static_cast<qsizetype>(le(inner, 1, 8)));
    EXPECT_EQ(le(m1, 0, 2), *channel);
    EXPECT_EQ(le(m1, 2, 4), 7U);
    EXPECT_EQ(le(m1, 6, 8), 100U);
    EXPECT_EQ(le(m1, 14, 8), 90U);
    EXPECT_EQ(m1.mid(22), "{\"a\":1}");
    const qsizetype second = 9 + m1.size();

    // MessageIndex: channel, then (log time, offset into the records) tuples.
    const QByteArray &mi = rs[5].content;
    EXPECT_EQ(le(mi, 0, 2), *channel);
    EXPECT_EQ(le(mi, 2, 4), 32U);
    EXPECT_EQ(le(mi, 6, 8), 100U);
    EXPECT_EQ(le(mi, 14, 8), 0U);
    EXPECT_EQ(le(mi, 22, 8), 200U);
    EXPECT_EQ(le(mi, 30, 8), static_cast<quint64>(second));

    // DataEnd: the CRC of everything before it.
    EXPECT_EQ(le(rs[6].content, 0, 4), bitwiseCrc32(file.left(rs[6].offset)));

    // Statistics: 2 messages, 1 schema, 1 channel, 0 attachments, 1 metadata, 1 chunk, times, per-channel counts.
    const QByteArray &st = rs[9].content;
    EXPECT_EQ(le(st, 0, 8), 2U);
    EXPECT_EQ(le(st, 8, 2), 1U);
    EXPECT_EQ(le(st, 10, 4), 1U);
    EXPECT_EQ(le(st, 14, 4), 0U);
    EXPECT_EQ(le(st, 18, 4), 1U);
    EXPECT_EQ(le(st, 22, 4), 1U);
    EXPECT_EQ(le(st, 26, 8), 100U);
    EXPECT_EQ(le(st, 34, 8), 200U);
    EXPECT_EQ(le(st, 42, 4), 10U);
    EXPECT_EQ(le(st, 46, 2), *channel);
    EXPECT_EQ(le(st, 48, 8), 2U);

    // ChunkIndex points at the chunk and its message index.
    const QByteArray &ci = rs[10].content;
    EXPECT_EQ(le(ci, 16, 8), static_cast<quint64>(rs[4].offset));
    EXPECT_EQ(le(ci, 24, 8), static_cast<quint64>(9 + rs[4].content.size()));
    EXPECT_EQ(le(ci, 32, 4), 10U);
    EXPECT_EQ(le(ci, 38, 8), static_cast<quint64>(rs[5].offset));
    EXPECT_EQ(le(ci, 46, 8), static_cast<quint64>(9 + rs[5].content.size()));

    // Summary offsets: Schema, Channel, Statistics, ChunkIndex, MetadataIndex groups.
    const quint8 groups[] = {0x03, 0x04, 0x0B, 0x08, 0x0D};
    for (std::size_t i = 0; i < 5; ++i) {
        const QByteArray &so = rs[12 + i].content;
        EXPECT_EQ(static_cast<quint8>(so[0]), groups[i]);
        EXPECT_EQ(le(so, 1, 8), static_cast<quint64>(rs[7 + i].offset));
        EXPECT_EQ(le(so, 9, 8), static_cast<quint64>(9 + rs[7 + i].content.size()));
    }

    // Footer: where the summary and its offsets start, and the CRC of all from there to the footer's crc field.
    const Record &footer = rs.back();
    ASSERT_EQ(footer.content.size(), 20);
    const auto summaryStart = static_cast<qsizetype>(le(footer.content, 0, 8));
    EXPECT_EQ(summaryStart, rs[7].offset);
    EXPECT_EQ(le(footer.content, 8, 8), static_cast<quint64>(rs[12].offset));
    const qsizetype crcAt = footer.offset + 9 + 16;
    EXPECT_EQ(le(footer.content, 16, 4), bitwiseCrc32(file.mid(summaryStart, crcAt - summaryStart)));
}

TEST_F(McapWriterTest, AChunkClosesWhenItsRecordsReachTheSizeLimit)
{
    McapWriter w(&m_buffer, options(McapCompression::None, 100));
    ASSERT_TRUE(w.open());
    const auto channel = w.addChannel(0, QStringLiteral("/t"), QStringLiteral("json"));
    ASSERT_TRUE(channel);
    const QByteArray data(40, 'x'); // a 71-byte Message record
    ASSERT_TRUE(w.write(*channel, 1, 1, data));
    EXPECT_EQ(w.chunkCount(), 0U);
    ASSERT_TRUE(w.write(*channel, 2, 2, data));
    EXPECT_EQ(w.chunkCount(), 1U) << "142 bytes >= 100";
    ASSERT_TRUE(w.write(*channel, 3, 3, data));
    EXPECT_EQ(w.chunkCount(), 1U);
}

TEST_F(McapWriterTest, AChunkClosesAtTheAgeLimitOnWriteAndOnTheOwnersTimer)
{
    McapWriter w(&m_buffer, options());
    ASSERT_TRUE(w.open());
    const auto channel = w.addChannel(0, QStringLiteral("/t"), QStringLiteral("json"));
    ASSERT_TRUE(channel);
    ASSERT_TRUE(w.write(*channel, 1, 1, "{}"));
    const quint64 before = w.bytesWritten();
    m_nowMs = 999;
    ASSERT_TRUE(w.closeChunkIfOld());
    ASSERT_TRUE(w.write(*channel, 2, 2, "{}"));
    EXPECT_EQ(w.chunkCount(), 0U) << "0.999 s is not old";
    EXPECT_EQ(w.bytesWritten(), before) << "nothing reaches the device before the chunk closes";
    m_nowMs = 1000;
    ASSERT_TRUE(w.closeChunkIfOld());
    EXPECT_EQ(w.chunkCount(), 1U) << "the timer closes a chunk whose first message is 1 s old";
    EXPECT_GT(w.bytesWritten(), before);

    ASSERT_TRUE(w.write(*channel, 3, 3, "{}")); // a new chunk opens at 1000
    m_nowMs = 2000;
    ASSERT_TRUE(w.write(*channel, 4, 4, "{}"));
    EXPECT_EQ(w.chunkCount(), 2U) << "a write finds the open chunk 1 s old and closes it first";

    // Without close(): a truncated file whose complete chunks are all there.
    const auto rs = records(m_buffer.data(), false);
    EXPECT_EQ(ops(rs), (std::vector<quint8>{0x01, 0x04, 0x06, 0x07, 0x06, 0x07}));
}

TEST_F(McapWriterTest, CompressedChunksNameTheirCompressionAndKeepTheUncompressedCrc)
{
    for (const auto c : {McapCompression::Zstd, McapCompression::Lz4}) {
        QBuffer buffer;
        ASSERT_TRUE(buffer.open(QIODevice::WriteOnly));
        McapWriter w(&buffer, options(c));
        ASSERT_TRUE(w.open());
        const auto channel = w.addChannel(0, QStringLiteral("/t"), QStringLiteral("json"));
        ASSERT_TRUE(channel);
        for (quint64 i = 0; i < 100; ++i) {
            ASSERT_TRUE(w.write(*channel, i, i, QByteArray(200, 'a')));
        }
        ASSERT_TRUE(w.close());
        const auto rs = records(buffer.data());
        ASSERT_EQ(rs[2].op, 0x06);
        const QByteArray &chunk = rs[2].content;
        const auto nameLength = static_cast<qsizetype>(le(chunk, 28, 4));
        EXPECT_EQ(chunk.mid(32, nameLength), names::mcapCompression(c).toUtf8());
        const quint64 uncompressed = le(chunk, 16, 8);
        const quint64 compressed = le(chunk, 32 + nameLength, 8);
        EXPECT_EQ(uncompressed, 100U * (9 + 22 + 200));
        EXPECT_LT(compressed, uncompressed / 10) << "repetitive data compresses";
        if (c == McapCompression::Lz4) {
            EXPECT_EQ(le(chunk, 32 + nameLength + 8, 4), 0x184D2204U) << "the LZ4 frame magic";
        } else {
            EXPECT_EQ(le(chunk, 32 + nameLength + 8, 4), 0xFD2FB528U) << "the Zstandard frame magic";
        }
    }
}

TEST_F(McapWriterTest, MisuseFailsWithAReason)
{
    McapWriter w(&m_buffer, options());
    EXPECT_EQ(w.write(0, 1, 1, "{}").error(), McapError::NotOpen);
    ASSERT_TRUE(w.open());
    const auto unknown = w.write(3, 1, 1, "{}");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error(), McapError::UnknownId);
    EXPECT_FALSE(unknown.errorString().isEmpty());
    EXPECT_EQ(w.addChannel(9, QStringLiteral("/t"), QStringLiteral("json")).error(), McapError::UnknownId);
    ASSERT_TRUE(w.close());
    EXPECT_EQ(w.close().error(), McapError::NotOpen);
}

TEST_F(McapWriterTest, AReadOnlyDeviceIsRefused)
{
    QBuffer readOnly;
    ASSERT_TRUE(readOnly.open(QIODevice::ReadOnly));
    McapWriter w(&readOnly, options());
    EXPECT_EQ(w.open().error(), McapError::WriteFailed);
}

TEST(McapCompressionNames, RoundTripAndRefuseOthers)
{
    for (const auto c : {McapCompression::None, McapCompression::Zstd, McapCompression::Lz4}) {
        EXPECT_EQ(names::mcapCompressionFromName(names::mcapCompression(c)), c);
    }
    EXPECT_EQ(names::mcapCompressionFromName(QStringLiteral("gzip")), std::nullopt);
    EXPECT_EQ(names::mcapCompressionFromName(QString()), std::nullopt);
}

} // namespace

namespace {

/// Clocks a test moves by hand.
struct HandClock : Clock {
    qint64 mono = 5'000'000'000;
    qint64 wall = qint64{1'700'000'000} * 1'000'000'000;
    [[nodiscard]] qint64 monotonicNs() const override { return mono; }
    [[nodiscard]] qint64 wallNs() const override { return wall; }
};

/// The log times of the messages with a sequence number (the states), in file order, from uncompressed chunks.
std::vector<qint64> stateLogTimes(const QByteArray &file)
{
    std::vector<qint64> times;
    for (const Record &chunk : records(file)) {
        if (chunk.op != 0x06) {
            continue;
        }
        const QByteArray &c = chunk.content;
        const auto compressionLength = static_cast<qsizetype>(le(c, 28, 4));
        EXPECT_EQ(compressionLength, 0) << "the test records without compression";
        qsizetype at = 32 + compressionLength + 8;
        while (at + 9 <= c.size()) {
            const auto length = static_cast<qsizetype>(le(c, at + 1, 8));
            if (static_cast<quint8>(c[at]) == 0x05 && le(c, at + 9 + 2, 4) > 0) {
                times.push_back(static_cast<qint64>(le(c, at + 9 + 6, 8)));
            }
            at += 9 + length;
        }
    }
    return times;
}

} // namespace

TEST(Recorder, AWallClockStepMidwayNeverReordersTheRecording)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    HandClock clock;
    Hub hub;
    RecorderOptions o;
    o.path = dir.filePath(QStringLiteral("jump.mcap"));
    o.compression = McapCompression::None;
    o.clock = &clock;
    Recorder recorder(&hub, nullptr, o);
    ASSERT_TRUE(recorder.start());
    const qint64 startWall = clock.wall;
    LinkInfo live;
    live.status = LinkStatus::Live;
    hub.acceptLink(live);
    for (int i = 1; i <= 6; ++i) {
        clock.mono += 100'000'000; // a state every 100 ms
        if (i == 4) {
            clock.wall -= qint64{90} * 86'400 * 1'000'000'000; // NTP steps the clock back by three months
        }
        RobotState s;
        s.seq = static_cast<quint64>(i);
        s.publishMonoNs = clock.mono;
        s.publishUnixNs = clock.wall; // what the message says may jump; the file's order must not
        hub.acceptState(s);
    }
    ASSERT_TRUE(recorder.stop());
    QFile f(o.path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const std::vector<qint64> times = stateLogTimes(f.readAll());
    ASSERT_EQ(times.size(), 6U);
    for (size_t i = 0; i < times.size(); ++i) {
        EXPECT_EQ(times[i], startWall + static_cast<qint64>(i + 1) * 100'000'000) << "state " << i + 1;
    }
}

TEST(McapEncoding, TheFastCrc32MatchesTheBitwiseOneAtEveryLengthAndOffset)
{
    // mcap::crc32 takes eight bytes a step; checked against the definition, bit by bit, on odd lengths and offsets.
    QByteArray bytes;
    for (int i = 0; i < 100; ++i) {
        bytes.append(static_cast<char>((i * 37 + 11) & 0xff));
    }
    for (qsizetype offset = 0; offset < 8; ++offset) {
        for (qsizetype size = 0; offset + size <= bytes.size(); size += 3) {
            ASSERT_EQ(mcap::crc32(0, bytes.constData() + offset, size), bitwiseCrc32(bytes.mid(offset, size)))
                << offset << " " << size;
        }
    }
    EXPECT_EQ(mcap::crc32(0, "123456789", 9), 0xCBF43926U); // the check value of CRC-32/ISO-HDLC
    const quint32 half = mcap::crc32(0, bytes.constData(), 41);
    EXPECT_EQ(mcap::crc32(half, bytes.constData() + 41, 59), mcap::crc32(0, bytes.constData(), 100));
}
