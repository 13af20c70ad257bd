// SPDX-License-Identifier: MIT
#pragma once

#include "omni/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <functional>
#include <map>
#include <optional>
#include <vector>

class QIODevice;

namespace omni {

/// How an MCAP chunk is compressed.
enum class McapCompression {
    None, ///< stored as is (compression "")
    Zstd, ///< Zstandard (libzstd), compression "zstd"
    Lz4,  ///< LZ4 frame format (liblz4), compression "lz4"
};

namespace names {
/// "none", "zstd", "lz4": the names of --record-compression.
QString mcapCompression(McapCompression compression);
/// Parses mcapCompression() output; nullopt for anything else.
std::optional<McapCompression> mcapCompressionFromName(const QString &name);
} // namespace names

/// What McapWriter's options say when left alone.
struct McapWriterOptions {
    McapCompression compression = McapCompression::Zstd; ///< how chunks are compressed
    qint64 chunkBytes = qint64{1} << 20; ///< a chunk closes once its uncompressed records reach this size
    qint64 maxChunkAgeMs = 1000;         ///< ... or once its first message is this old (see closeChunkIfOld())
    QString profile;                     ///< the Header's profile ("" : none of the well-known ones)
    QString library = QStringLiteral("omniscient " OMNI_VERSION); ///< the Header's library
    /// The monotonic clock in ms that ages chunks; empty: a steady clock.
    std::function<qint64()> monotonicMs;
};

/// Why an McapWriter call failed.
enum class McapError {
    NotOpen,           ///< open() was not called, or did not succeed, or close() was
    UnknownId,         ///< a channel or schema id that was not added
    WriteFailed,       ///< the device refused bytes (disk full, closed, ...)
    CompressionFailed, ///< the compressor reported an error
};

/// Writes an MCAP file (https://mcap.dev/spec, major version 0) to a device, with our own code: a Header, Schema
/// and Channel records in the data section, messages in chunks (each followed by its MessageIndex records), and
/// on close() DataEnd (with the data section's CRC-32), a Summary (Schema, Channel, Statistics, ChunkIndex and,
/// when written, MetadataIndex groups), SummaryOffset records, the Footer (with the summary's CRC-32) and the
/// closing magic. Every chunk is written to the device (and flushed, for a file) as soon as it closes, so a
/// process killed without close() leaves a file that a streaming reader reads up to its last complete chunk.
///
/// A chunk closes when its records reach chunkBytes, when a write() finds its first message maxChunkAgeMs old,
/// when closeChunkIfOld() (which the owner calls from a timer) finds that, on flushChunk() and on close().
/// Not thread-safe; the device must stay open until close().
class McapWriter
{
public:
    /// A writer for `device` (opened for writing, not owned); nothing is written before open().
    explicit McapWriter(QIODevice *device, McapWriterOptions options = {});
    McapWriter(const McapWriter &) = delete;
    McapWriter &operator=(const McapWriter &) = delete;
    /// Does not close: a writer destroyed without close() leaves a truncated file, as a crash would.
    ~McapWriter();

    /// Writes the magic and the Header record.
    Result<void, McapError> open();
    /// Adds a schema (Schema record, written at once); returns its id (1, 2, ...).
    Result<quint16, McapError> addSchema(const QString &name, const QString &encoding, const QByteArray &data);
    /// Adds a channel on `schemaId` (0: no schema) (Channel record, written at once); returns its id (0, 1, ...).
    Result<quint16, McapError> addChannel(quint16 schemaId, const QString &topic, const QString &messageEncoding,
                                          const QMap<QString, QString> &metadata = {});
    /// Writes a Metadata record (outside chunks; the summary indexes it).
    Result<void, McapError> addMetadata(const QString &name, const QMap<QString, QString> &metadata);
    /// Adds a message to the open chunk (opening one if needed); the chunk closes if it is full or old.
    /// The message's sequence number is `sequence` (the robot's publish count, modulo 2^32).
    Result<void, McapError> write(quint16 channelId, quint64 logTimeNs, quint64 publishTimeNs, const QByteArray &data,
                                  quint32 sequence = 0);
    /// Closes the open chunk if its first message is maxChunkAgeMs old; the owner calls it from a timer.
    Result<void, McapError> closeChunkIfOld();
    /// Writes the open chunk (if any) and its message indexes now.
    Result<void, McapError> flushChunk();
    /// Writes the last chunk, DataEnd, the summary, the footer and the closing magic. The writer is then closed.
    Result<void, McapError> close();

    /// Messages written so far.
    [[nodiscard]] quint64 messageCount() const { return m_messageCount; }
    /// How chunks are compressed (the options given).
    [[nodiscard]] McapCompression compression() const { return m_options.compression; }
    /// Chunks written so far.
    [[nodiscard]] quint32 chunkCount() const { return static_cast<quint32>(m_chunkIndexes.size()); }
    /// Bytes written to the device so far.
    [[nodiscard]] quint64 bytesWritten() const { return m_pos; }

private:
    struct IndexEntry {
        quint64 logTime;
        quint64 offset;
    };
    struct Chunk {
        QByteArray records;
        quint64 startTime = 0;
        quint64 endTime = 0;
        qint64 openedMs = 0;
        std::map<quint16, std::vector<IndexEntry>> index; // by channel, in write order
    };

    Result<void, McapError> put(const QByteArray &bytes);
    Result<void, McapError> writeChunk();
    [[nodiscard]] QByteArray statisticsRecord() const;
    [[nodiscard]] bool knownChannel(quint16 id) const;
    qint64 nowMs() const;

    QIODevice *m_device;
    McapWriterOptions m_options;
    bool m_open = false;
    bool m_inData = true; // bytes still count towards the data section's CRC
    quint64 m_pos = 0;
    quint32 m_dataCrc = 0;
    std::vector<QByteArray> m_schemaRecords;  // whole records, for the summary
    std::vector<QByteArray> m_channelRecords; // whole records, for the summary
    std::vector<quint16> m_channelIds;
    std::vector<QByteArray> m_chunkIndexes;    // whole ChunkIndex records
    std::vector<QByteArray> m_metadataIndexes; // whole MetadataIndex records
    std::optional<Chunk> m_chunk;
    quint64 m_messageCount = 0;
    quint64 m_startTime = 0;
    quint64 m_endTime = 0;
    std::map<quint16, quint64> m_channelCounts;
};

} // namespace omni
