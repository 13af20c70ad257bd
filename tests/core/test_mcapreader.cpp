// SPDX-License-Identifier: MIT
// McapReader over files our McapWriter makes, in every compression: read through the summary; truncated at every
// few bytes (streamed up to the last complete chunk); damaged (CRCs, lengths, compression); and garbage.
#include <omni/mcapreader.h>
#include <omni/mcapwriter.h>

#include "blackbox/mcapencoding.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <vector>

using namespace omni;

namespace {

constexpr int kMessages = 320; // eight chunks of 40
constexpr quint64 kT0 = 1'700'000'000'000'000'000ULL;

struct Written {
    QByteArray bytes;
    std::vector<qint64> chunkEnds; // file size after each chunk and its indexes
};

QByteArray payload(int i)
{
    return QByteArray(R"({"type":"state","seq":)") + QByteArray::number(i) + "}";
}

// 320 messages on two channels, a chunk every 40 messages, closed (indexed) or not.
Written writeFile(McapCompression compression, bool close = true)
{
    Written w;
    QBuffer buffer(&w.bytes);
    buffer.open(QIODevice::WriteOnly);
    McapWriterOptions o;
    o.compression = compression;
    o.chunkBytes = qint64{1} << 30;
    o.monotonicMs = [] { return 0; };
    McapWriter writer(&buffer, o);
    EXPECT_TRUE(writer.open());
    const auto schema = writer.addSchema(QStringLiteral("omniscient.RobotState"), QStringLiteral("jsonschema"), "{}");
    EXPECT_TRUE(schema);
    EXPECT_TRUE(writer.addChannel(*schema, QStringLiteral("/robot/state"), QStringLiteral("json")));
    EXPECT_TRUE(writer.addChannel(0, QStringLiteral("/robot/events"), QStringLiteral("json")));
    EXPECT_TRUE(writer.addMetadata(QStringLiteral("omniscient"), {{QStringLiteral("version"), QStringLiteral("9")}}));
    for (int i = 0; i < kMessages; ++i) {
        const quint64 t = kT0 + static_cast<quint64>(i) * 1'000'000;
        EXPECT_TRUE(writer.write(i % 10 == 9 ? 1 : 0, t, t, payload(i), static_cast<quint32>(i)));
        if (i % 40 == 39) {
            EXPECT_TRUE(writer.flushChunk());
            w.chunkEnds.push_back(w.bytes.size());
        }
    }
    if (close) {
        EXPECT_TRUE(writer.close());
    }
    return w;
}

std::vector<McapMessage> allMessages(const McapReader &reader)
{
    std::vector<McapMessage> out;
    const auto r = reader.forEachMessage([&](const McapMessage &m) {
        out.push_back(m);
        return true;
    });
    EXPECT_TRUE(r) << r.errorString().toStdString();
    return out;
}

class McapReaderTest : public ::testing::TestWithParam<McapCompression>
{
};

} // namespace

TEST_P(McapReaderTest, ReadsAClosedFileThroughItsSummary)
{
    const Written w = writeFile(GetParam());
    const auto reader = McapReader::fromBytes(w.bytes);
    ASSERT_TRUE(reader) << reader.errorString().toStdString();
    const McapReader &r = **reader;
    EXPECT_TRUE(r.indexed());
    EXPECT_FALSE(r.truncated());
    EXPECT_EQ(r.library(), QStringLiteral("omniscient " OMNI_VERSION));
    ASSERT_EQ(r.schemas().size(), 1U);
    EXPECT_EQ(r.schemas().at(1).name, QStringLiteral("omniscient.RobotState"));
    EXPECT_EQ(r.channelId(QStringLiteral("/robot/state")), 0);
    EXPECT_EQ(r.channelId(QStringLiteral("/robot/events")), 1);
    EXPECT_EQ(r.channelId(QStringLiteral("/nope")), -1);
    EXPECT_EQ(r.metadata().value(QStringLiteral("omniscient")).value(QStringLiteral("version")), QStringLiteral("9"));
    EXPECT_EQ(r.messageCount(), quint64{kMessages});
    EXPECT_EQ(r.chunks().size(), w.chunkEnds.size());
    EXPECT_EQ(r.startTime(), kT0);
    EXPECT_EQ(r.endTime(), kT0 + (kMessages - 1) * 1'000'000ULL);
    const auto messages = allMessages(r);
    ASSERT_EQ(messages.size(), std::size_t{kMessages});
    for (int i = 0; i < kMessages; ++i) {
        const McapMessage &m = messages[static_cast<std::size_t>(i)];
        EXPECT_EQ(m.sequence, quint32(i));
        EXPECT_EQ(m.logTime, kT0 + static_cast<quint64>(i) * 1'000'000);
        EXPECT_EQ(m.channelId, i % 10 == 9 ? 1 : 0);
        EXPECT_EQ(m.data, payload(i));
    }
}

TEST_P(McapReaderTest, MessageIndexesGiveEveryEventTimeWithoutDecompressing)
{
    const Written w = writeFile(GetParam());
    const auto reader = McapReader::fromBytes(w.bytes);
    ASSERT_TRUE(reader);
    std::vector<quint64> times;
    for (std::size_t i = 0; i < (*reader)->chunks().size(); ++i) {
        const auto entries = (*reader)->messageIndex(i, 1);
        ASSERT_TRUE(entries) << entries.errorString().toStdString();
        for (const McapIndexEntry &e : *entries) {
            times.push_back(e.logTime);
        }
    }
    ASSERT_EQ(times.size(), std::size_t{kMessages / 10});
    EXPECT_EQ(times.front(), kT0 + 9'000'000);
}

TEST_P(McapReaderTest, AFileKilledMidwayIsStreamedUpToItsLastCompleteChunk)
{
    const Written w = writeFile(GetParam(), false);
    // Cut every 7 bytes (and at every chunk end): never a crash, and exactly the complete chunks' messages.
    for (qsizetype cut = 0; cut <= w.bytes.size(); cut += 7) {
        const auto reader = McapReader::fromBytes(w.bytes.left(cut));
        if (cut < 8 + 9 + 4) { // not even a Header: an error that says so
            if (!reader) {
                EXPECT_FALSE(reader.errorString().isEmpty());
            }
            continue;
        }
        ASSERT_TRUE(reader) << "cut at " << cut << ": " << reader.errorString().toStdString();
        EXPECT_FALSE((*reader)->indexed());
        std::size_t complete = 0;
        for (const qint64 end : w.chunkEnds) {
            // A chunk counts once its record is whole (its indexes may be cut off).
            complete += end <= cut ? 1 : 0;
        }
        const auto messages = allMessages(**reader);
        EXPECT_GE((*reader)->chunks().size(), complete) << "cut at " << cut;
        EXPECT_LE((*reader)->chunks().size(), complete + 1) << "cut at " << cut;
        EXPECT_EQ(messages.size(), (*reader)->chunks().size() * 40) << "cut at " << cut;
    }
}

TEST_P(McapReaderTest, AClosedFileTruncatedAnywhereStillReadsWhatIsWhole)
{
    const Written w = writeFile(GetParam());
    for (qsizetype cut = w.chunkEnds.back(); cut < w.bytes.size(); cut += 3) {
        const auto reader = McapReader::fromBytes(w.bytes.left(cut));
        ASSERT_TRUE(reader) << "cut at " << cut << ": " << reader.errorString().toStdString();
        EXPECT_FALSE((*reader)->indexed());
        EXPECT_EQ(allMessages(**reader).size(), std::size_t{kMessages}) << "cut at " << cut;
    }
}

TEST_P(McapReaderTest, ADamagedChunkIsAnErrorThatSaysWhere)
{
    Written w = writeFile(GetParam());
    // A byte near the end of the first chunk's compressed records.
    const auto intact = McapReader::fromBytes(w.bytes);
    ASSERT_TRUE(intact);
    const McapChunkInfo first = (*intact)->chunks().front();
    const auto at = static_cast<qsizetype>(first.offset + first.length - 12);
    w.bytes[at] = static_cast<char>(w.bytes[at] ^ 0x5a);
    const auto reader = McapReader::fromBytes(w.bytes);
    ASSERT_TRUE(reader); // the summary is intact
    const auto chunk = (*reader)->readChunk(0);
    ASSERT_FALSE(chunk);
    EXPECT_TRUE(chunk.error() == McapReadError::BadCrc || chunk.error() == McapReadError::Decompression ||
                chunk.error() == McapReadError::BadRecord);
    EXPECT_TRUE(chunk.errorString().contains(QStringLiteral("byte"))) << chunk.errorString().toStdString();
    EXPECT_TRUE((*reader)->readChunk(1)); // the others still read
}

INSTANTIATE_TEST_SUITE_P(AllCompressions, McapReaderTest,
                         ::testing::Values(McapCompression::None, McapCompression::Zstd, McapCompression::Lz4),
                         [](const auto &p) { return names::mcapCompression(p.param).toStdString(); });

TEST(McapReader, ADamagedSummaryIsRefusedByItsCrc)
{
    Written w = writeFile(McapCompression::Zstd);
    const qsizetype at = w.bytes.size() - 8 - 29 - 40; // inside the summary offsets
    w.bytes[at] = static_cast<char>(w.bytes[at] ^ 0x01);
    const auto reader = McapReader::fromBytes(w.bytes);
    ASSERT_FALSE(reader);
    EXPECT_EQ(reader.error(), McapReadError::BadCrc);
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("summary")));
}

TEST(McapReader, GarbageIsRefusedWithAReason)
{
    for (const QByteArray &bytes : {QByteArray(), QByteArray("hello world, not a recording"),
                                    QByteArray("\x89MCAP0\r\n", 8) + QByteArray(40, '\xff'),
                                    QByteArray("\x89MCAP0\r\n", 8) + QByteArray(1, '\x05') + QByteArray(8, '\0')}) {
        const auto reader = McapReader::fromBytes(bytes);
        ASSERT_FALSE(reader) << bytes.toHex().toStdString();
        EXPECT_FALSE(reader.errorString().isEmpty());
    }
    EXPECT_EQ(McapReader::fromBytes("PK\x03\x04 a zip").error(), McapReadError::NotMcap);
}

TEST(McapReader, AnUnknownCompressionIsUnsupported)
{
    Written w = writeFile(McapCompression::Zstd);
    const qsizetype at = w.bytes.indexOf("zstd");
    ASSERT_GT(at, 0);
    w.bytes.replace(at, 4, "brot");
    const auto reader = McapReader::fromBytes(w.bytes);
    ASSERT_TRUE(reader);
    const auto chunk = (*reader)->readChunk(0);
    ASSERT_FALSE(chunk);
    EXPECT_EQ(chunk.error(), McapReadError::Unsupported);
    EXPECT_TRUE(chunk.errorString().contains(QStringLiteral("brot")));
}

TEST(McapReader, AChunkLargerThanTheLimitIsRefused)
{
    const Written w = writeFile(McapCompression::Lz4);
    McapReaderOptions o;
    o.maxChunkBytes = 100;
    const auto reader = McapReader::fromBytes(w.bytes, o);
    ASSERT_TRUE(reader);
    EXPECT_EQ((*reader)->readChunk(0).error(), McapReadError::TooLarge);
    EXPECT_EQ((*reader)->readChunk(99).error(), McapReadError::NoSuchChunk);
}

TEST(McapReader, OpensFilesAndSaysWhichOneIsMissing)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.mcap"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(writeFile(McapCompression::Zstd).bytes);
    f.close();
    const auto reader = McapReader::open(path);
    ASSERT_TRUE(reader) << reader.errorString().toStdString();
    EXPECT_EQ(allMessages(**reader).size(), std::size_t{kMessages});
    const auto missing = McapReader::open(dir.filePath(QStringLiteral("nope.mcap")));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error(), McapReadError::CannotOpen);
    EXPECT_TRUE(missing.errorString().contains(QStringLiteral("nope.mcap")));
    EXPECT_EQ(McapReader::open(dir.path()).error(), McapReadError::CannotOpen);
}
