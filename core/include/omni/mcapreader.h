// SPDX-License-Identifier: MIT
#pragma once

#include "omni/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QFile;

namespace omni {

/// Why an McapReader could not read a file (or a part of it).
enum class McapReadError {
    CannotOpen,    ///< the file cannot be opened or mapped (missing, permissions, a folder)
    NotMcap,       ///< it does not start with the MCAP magic: not an MCAP file at all
    BadRecord,     ///< a record is malformed: a length that does not fit, a field that runs past its record
    BadCrc,        ///< a CRC-32 does not match: the summary or a chunk was damaged
    Unsupported,   ///< a chunk compression this build cannot read (only "", "zstd", "lz4")
    TooLarge,      ///< a chunk says it holds more than McapReaderOptions::maxChunkBytes
    Decompression, ///< the compressed bytes of a chunk do not decompress to the size the chunk says
    NoSuchChunk,   ///< readChunk() of an index out of range
};

/// What McapReader's options say when left alone.
struct McapReaderOptions {
    /// The largest uncompressed chunk read; a larger one is refused (TooLarge). omniscient writes 1 MiB chunks.
    qint64 maxChunkBytes = qint64{256} << 20;
};

/// A Schema record.
struct McapSchema {
    quint16 id = 0;   ///< 1, 2, ... (0 is "no schema")
    QString name;     ///< e.g. "omniscient.RobotState"
    QString encoding; ///< e.g. "jsonschema"
    QByteArray data;  ///< the schema itself
};

/// A Channel record.
struct McapChannel {
    quint16 id = 0;                  ///< the channel id messages name
    quint16 schemaId = 0;            ///< 0: no schema
    QString topic;                   ///< e.g. "/robot/state"
    QString messageEncoding;         ///< e.g. "json"
    QMap<QString, QString> metadata; ///< the channel's metadata
};

/// A Message record.
struct McapMessage {
    quint16 channelId = 0;    ///< its channel
    quint32 sequence = 0;     ///< its sequence number (omniscient: the robot's publish count)
    quint64 logTime = 0;      ///< ns since the Unix epoch
    quint64 publishTime = 0;  ///< ns since the Unix epoch
    QByteArray data;          ///< the message (omniscient: the JSON of docs/protocol.md)
    quint64 recordOffset = 0; ///< where its record starts in the uncompressed chunk (as in a MessageIndex)
};

/// One chunk of the data section, as the summary's ChunkIndex or the streaming scan found it.
struct McapChunkInfo {
    quint64 startTime = 0; ///< the earliest log time in it
    quint64 endTime = 0;   ///< the latest log time in it
    quint64 offset = 0;    ///< where its Chunk record starts in the file
    quint64 length = 0;    ///< the Chunk record's length, opcode and length field included
    /// Where the MessageIndex record of each channel with messages in it starts in the file.
    std::map<quint16, quint64> messageIndexOffsets;
};

/// One entry of a MessageIndex record: a message's log time and its offset in the uncompressed chunk.
struct McapIndexEntry {
    quint64 logTime = 0; ///< ns since the Unix epoch
    quint64 offset = 0;  ///< of its Message record in the uncompressed chunk
};

/// Reads an MCAP file (https://mcap.dev/spec, major version 0) with our own code. An indexed file (one that ends
/// with a Footer and the magic) is read through its summary: schemas, channels, statistics and the chunk index,
/// its CRC-32 checked. A file without a summary (a recording killed midway, or one written unindexed) is read by
/// streaming through its records up to the last complete one: every complete chunk counts, a torn record at the
/// end does not (truncated() says so). Chunks ("", "zstd", "lz4") are decompressed on demand and their CRC-32
/// checked. Every length is checked against the bytes there are: garbage gives an error, never a crash.
/// The file is mapped, not read into memory. Not thread-safe.
class McapReader
{
public:
    /// Opens and indexes `path`.
    static Result<std::unique_ptr<McapReader>, McapReadError> open(const QString &path, McapReaderOptions options = {});
    /// Indexes `bytes` (kept by value; the tests and the fuzzer read files from memory).
    static Result<std::unique_ptr<McapReader>, McapReadError> fromBytes(const QByteArray &bytes,
                                                                        McapReaderOptions options = {});
    McapReader(const McapReader &) = delete;
    McapReader &operator=(const McapReader &) = delete;
    ~McapReader();

    /// Whether the file was read through its summary (it ends with a Footer and the magic).
    [[nodiscard]] bool indexed() const { return m_indexed; }
    /// Whether the streaming scan stopped at an incomplete record (a recording killed midway); false when indexed.
    [[nodiscard]] bool truncated() const { return m_truncated; }
    /// The Header's profile and library.
    [[nodiscard]] QString profile() const { return m_profile; }
    /// The Header's library, e.g. "omniscient 0.1.0".
    [[nodiscard]] QString library() const { return m_library; }
    /// Schemas by id.
    [[nodiscard]] const std::map<quint16, McapSchema> &schemas() const { return m_schemas; }
    /// Channels by id.
    [[nodiscard]] const std::map<quint16, McapChannel> &channels() const { return m_channels; }
    /// The channel id of `topic`, or -1.
    [[nodiscard]] int channelId(const QString &topic) const;
    /// Metadata records by name (indexed: through the MetadataIndex; streaming: as found).
    [[nodiscard]] const QMap<QString, QMap<QString, QString>> &metadata() const { return m_metadata; }
    /// The chunks, in file order.
    [[nodiscard]] const std::vector<McapChunkInfo> &chunks() const { return m_chunks; }
    /// The Statistics' message count when indexed; otherwise the count of the MessageIndex entries seen.
    [[nodiscard]] quint64 messageCount() const { return m_messageCount; }
    /// The earliest log time of any chunk (0 when there is none).
    [[nodiscard]] quint64 startTime() const { return m_startTime; }
    /// The latest log time of any chunk (0 when there is none).
    [[nodiscard]] quint64 endTime() const { return m_endTime; }

    /// The uncompressed records of chunk `index`, its CRC checked (messageAt() reads one message from them).
    Result<QByteArray, McapReadError> chunkRecords(std::size_t index) const;
    /// The Message record at `offset` of a chunk's uncompressed `records` (an McapIndexEntry's offset).
    static Result<McapMessage, McapReadError> messageAt(const QByteArray &records, quint64 offset);
    /// The messages of chunk `index`, in the order they were written; its CRC is checked.
    Result<std::vector<McapMessage>, McapReadError> readChunk(std::size_t index) const;
    /// The MessageIndex entries of `channelId` in chunk `index` (none when the channel has no messages there).
    Result<std::vector<McapIndexEntry>, McapReadError> messageIndex(std::size_t index, quint16 channelId) const;
    /// Calls `visit` with every message of every chunk in file order; stops at the first damaged chunk, or when
    /// `visit` returns false.
    Result<void, McapReadError> forEachMessage(const std::function<bool(const McapMessage &)> &visit) const;

private:
    explicit McapReader(McapReaderOptions options);
    Result<void, McapReadError> index();
    Result<void, McapReadError> readSummary(quint64 summaryStart, quint64 summaryEnd, quint32 crc);
    Result<void, McapReadError> stream();
    Result<void, McapReadError> addRecord(quint8 op, QByteArrayView content, quint64 offset, quint64 length);
    void addChunkTimes(const McapChunkInfo &chunk);

    McapReaderOptions m_options;
    std::unique_ptr<QFile> m_file;
    QByteArray m_bytes;    // fromBytes()
    QByteArrayView m_data; // the mapped file or m_bytes
    bool m_indexed = false;
    bool m_truncated = false;
    QString m_profile;
    QString m_library;
    std::map<quint16, McapSchema> m_schemas;
    std::map<quint16, McapChannel> m_channels;
    QMap<QString, QMap<QString, QString>> m_metadata;
    std::vector<McapChunkInfo> m_chunks;
    quint64 m_messageCount = 0;
    quint64 m_startTime = 0;
    quint64 m_endTime = 0;
};

} // namespace omni
