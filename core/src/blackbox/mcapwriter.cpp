// SPDX-License-Identifier: MIT
// The MCAP writer: records as https://mcap.dev/spec lays them out (see blackbox/mcapencoding.h for the bytes).
#include "omni/mcapwriter.h"

#include "blackbox/mcapencoding.h"

#include <QFileDevice>
#include <QIODevice>

#include <algorithm>
#include <chrono>

namespace omni {

using namespace mcap;

namespace names {

QString mcapCompression(McapCompression compression)
{
    switch (compression) {
    case McapCompression::Zstd:
        return QStringLiteral("zstd");
    case McapCompression::Lz4:
        return QStringLiteral("lz4");
    case McapCompression::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<McapCompression> mcapCompressionFromName(const QString &name)
{
    for (auto c : {McapCompression::None, McapCompression::Zstd, McapCompression::Lz4}) {
        if (name == mcapCompression(c)) {
            return c;
        }
    }
    return std::nullopt;
}

} // namespace names

namespace {

Failure<McapError> notOpen()
{
    return fail(McapError::NotOpen, QStringLiteral("the MCAP writer is not open"));
}

} // namespace

McapWriter::McapWriter(QIODevice *device, McapWriterOptions options) : m_device(device), m_options(std::move(options))
{
}

McapWriter::~McapWriter() = default;

qint64 McapWriter::nowMs() const
{
    if (m_options.monotonicMs) {
        return m_options.monotonicMs();
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Result<void, McapError> McapWriter::put(const QByteArray &bytes)
{
    if (m_device == nullptr || m_device->write(bytes) != bytes.size()) {
        m_open = false; // a file with a hole in it cannot be continued
        return fail(McapError::WriteFailed,
                    QStringLiteral("cannot write: %1")
                        .arg(m_device != nullptr ? m_device->errorString() : QStringLiteral("no device")));
    }
    if (m_inData) {
        m_dataCrc = crc32(m_dataCrc, bytes.constData(), bytes.size());
    }
    m_pos += static_cast<quint64>(bytes.size());
    return {};
}

Result<void, McapError> McapWriter::open()
{
    if (m_device == nullptr || !m_device->isWritable()) {
        return fail(McapError::WriteFailed, QStringLiteral("the device is not open for writing"));
    }
    QByteArray header;
    appendString(header, m_options.profile);
    appendString(header, m_options.library);
    QByteArray bytes = magic();
    bytes.append(record(Op::Header, header));
    m_open = true;
    return put(bytes);
}

Result<quint16, McapError> McapWriter::addSchema(const QString &name, const QString &encoding, const QByteArray &data)
{
    if (!m_open) {
        return notOpen();
    }
    const auto id = static_cast<quint16>(m_schemaRecords.size() + 1); // 0 means "no schema"
    QByteArray content;
    appendU16(content, id);
    appendString(content, name);
    appendString(content, encoding);
    appendBytes(content, data);
    m_schemaRecords.push_back(record(Op::Schema, content));
    if (auto r = put(m_schemaRecords.back()); !r) {
        return r.failure();
    }
    return id;
}

Result<quint16, McapError> McapWriter::addChannel(quint16 schemaId, const QString &topic,
                                                  const QString &messageEncoding,
                                                  const QMap<QString, QString> &metadata)
{
    if (!m_open) {
        return notOpen();
    }
    if (schemaId > m_schemaRecords.size()) {
        return fail(McapError::UnknownId, QStringLiteral("schema %1 was not added").arg(schemaId));
    }
    const auto id = static_cast<quint16>(m_channelIds.size());
    QByteArray content;
    appendU16(content, id);
    appendU16(content, schemaId);
    appendString(content, topic);
    appendString(content, messageEncoding);
    appendStringMap(content, metadata);
    m_channelRecords.push_back(record(Op::Channel, content));
    m_channelIds.push_back(id);
    if (auto r = put(m_channelRecords.back()); !r) {
        return r.failure();
    }
    return id;
}

Result<void, McapError> McapWriter::addMetadata(const QString &name, const QMap<QString, QString> &metadata)
{
    if (!m_open) {
        return notOpen();
    }
    QByteArray content;
    appendString(content, name);
    appendStringMap(content, metadata);
    const QByteArray bytes = record(Op::Metadata, content);
    QByteArray index;
    appendU64(index, m_pos);
    appendU64(index, static_cast<quint64>(bytes.size()));
    appendString(index, name);
    m_metadataIndexes.push_back(record(Op::MetadataIndex, index));
    return put(bytes);
}

bool McapWriter::knownChannel(quint16 id) const
{
    return id < m_channelIds.size();
}

Result<void, McapError> McapWriter::write(quint16 channelId, quint64 logTimeNs, quint64 publishTimeNs,
                                          const QByteArray &data, quint32 sequence)
{
    if (!m_open) {
        return notOpen();
    }
    if (!knownChannel(channelId)) {
        return fail(McapError::UnknownId, QStringLiteral("channel %1 was not added").arg(channelId));
    }
    if (m_chunk && nowMs() - m_chunk->openedMs >= m_options.maxChunkAgeMs) {
        if (auto r = writeChunk(); !r) {
            return r;
        }
    }
    if (!m_chunk) {
        // Not emplace(): clang 14 takes Chunk for not default-constructible (its member initialisers).
        m_chunk = Chunk{};
        m_chunk->openedMs = nowMs();
        m_chunk->startTime = logTimeNs;
        m_chunk->endTime = logTimeNs;
    }
    Chunk &c = *m_chunk;
    c.index[channelId].push_back({logTimeNs, static_cast<quint64>(c.records.size())});
    QByteArray content;
    content.reserve(22 + data.size());
    appendU16(content, channelId);
    appendU32(content, sequence);
    appendU64(content, logTimeNs);
    appendU64(content, publishTimeNs);
    content.append(data);
    c.records.append(record(Op::Message, content));
    c.startTime = std::min(c.startTime, logTimeNs);
    c.endTime = std::max(c.endTime, logTimeNs);

    m_startTime = m_messageCount == 0 ? logTimeNs : std::min(m_startTime, logTimeNs);
    m_endTime = m_messageCount == 0 ? logTimeNs : std::max(m_endTime, logTimeNs);
    ++m_messageCount;
    ++m_channelCounts[channelId];

    if (c.records.size() >= m_options.chunkBytes) {
        return writeChunk();
    }
    return {};
}

Result<void, McapError> McapWriter::closeChunkIfOld()
{
    if (!m_open) {
        return notOpen();
    }
    if (m_chunk && nowMs() - m_chunk->openedMs >= m_options.maxChunkAgeMs) {
        return writeChunk();
    }
    return {};
}

Result<void, McapError> McapWriter::flushChunk()
{
    if (!m_open) {
        return notOpen();
    }
    return m_chunk ? writeChunk() : Result<void, McapError>();
}

Result<void, McapError> McapWriter::writeChunk()
{
    const Chunk c = std::move(*m_chunk);
    m_chunk.reset();
    const auto compressed = compress(m_options.compression, c.records);
    if (!compressed) {
        return compressed.failure();
    }
    const QString compression = compressionField(m_options.compression);
    QByteArray content;
    appendU64(content, c.startTime);
    appendU64(content, c.endTime);
    appendU64(content, static_cast<quint64>(c.records.size()));
    appendU32(content, crc32(0, c.records.constData(), c.records.size()));
    appendString(content, compression);
    appendU64(content, static_cast<quint64>(compressed->size()));
    content.append(*compressed);
    const QByteArray chunk = record(Op::Chunk, content);

    // One MessageIndex per channel with messages in the chunk, right after it: offsets into the records.
    const quint64 chunkStart = m_pos;
    const quint64 indexStart = chunkStart + static_cast<quint64>(chunk.size());
    QByteArray indexes;
    QByteArray indexOffsets; // the ChunkIndex's map<channel id, offset of its MessageIndex>
    for (const auto &[channel, entries] : c.index) {
        appendU16(indexOffsets, channel);
        appendU64(indexOffsets, indexStart + static_cast<quint64>(indexes.size()));
        QByteArray tuples;
        for (const IndexEntry &e : entries) {
            appendU64(tuples, e.logTime);
            appendU64(tuples, e.offset);
        }
        QByteArray mi;
        appendU16(mi, channel);
        appendBytes(mi, tuples);
        indexes.append(record(Op::MessageIndex, mi));
    }

    QByteArray ci;
    appendU64(ci, c.startTime);
    appendU64(ci, c.endTime);
    appendU64(ci, chunkStart);
    appendU64(ci, static_cast<quint64>(chunk.size()));
    appendBytes(ci, indexOffsets);
    appendU64(ci, static_cast<quint64>(indexes.size()));
    appendString(ci, compression);
    appendU64(ci, static_cast<quint64>(compressed->size()));
    appendU64(ci, static_cast<quint64>(c.records.size()));
    m_chunkIndexes.push_back(record(Op::ChunkIndex, ci));

    if (auto r = put(chunk + indexes); !r) {
        return r;
    }
    // Into the kernel at once: a SIGKILL then loses at most the chunk being filled.
    if (auto *file = qobject_cast<QFileDevice *>(m_device); file != nullptr && !file->flush()) {
        m_open = false;
        return fail(McapError::WriteFailed, QStringLiteral("cannot write: %1").arg(file->errorString()));
    }
    return {};
}

QByteArray McapWriter::statisticsRecord() const
{
    QByteArray counts;
    for (const auto &[channel, count] : m_channelCounts) {
        appendU16(counts, channel);
        appendU64(counts, count);
    }
    QByteArray s;
    appendU64(s, m_messageCount);
    appendU16(s, static_cast<quint16>(m_schemaRecords.size()));
    appendU32(s, static_cast<quint32>(m_channelRecords.size()));
    appendU32(s, 0); // attachments
    appendU32(s, static_cast<quint32>(m_metadataIndexes.size()));
    appendU32(s, static_cast<quint32>(m_chunkIndexes.size()));
    appendU64(s, m_startTime);
    appendU64(s, m_endTime);
    appendBytes(s, counts);
    return record(Op::Statistics, s);
}

Result<void, McapError> McapWriter::close()
{
    if (!m_open) {
        return notOpen();
    }
    if (auto r = flushChunk(); !r) {
        return r;
    }
    // DataEnd closes the data section and carries its CRC: every byte from the leading magic up to DataEnd.
    QByteArray dataEnd;
    appendU32(dataEnd, m_dataCrc);
    m_inData = false;
    if (auto r = put(record(Op::DataEnd, dataEnd)); !r) {
        return r;
    }

    // The summary: one group per record type, each found again through a SummaryOffset record.
    const quint64 summaryStart = m_pos;
    QByteArray summary;
    QByteArray offsets;
    const auto group = [&](Op op, const std::vector<QByteArray> &records) {
        if (records.empty()) {
            return;
        }
        const quint64 start = summaryStart + static_cast<quint64>(summary.size());
        for (const QByteArray &r : records) {
            summary.append(r);
        }
        QByteArray so;
        appendU8(so, static_cast<quint8>(op));
        appendU64(so, start);
        appendU64(so, summaryStart + static_cast<quint64>(summary.size()) - start);
        offsets.append(record(Op::SummaryOffset, so));
    };
    group(Op::Schema, m_schemaRecords);
    group(Op::Channel, m_channelRecords);
    group(Op::Statistics, {statisticsRecord()});
    group(Op::ChunkIndex, m_chunkIndexes);
    group(Op::MetadataIndex, m_metadataIndexes);
    const quint64 summaryOffsetStart = summaryStart + static_cast<quint64>(summary.size());

    // The footer's CRC covers the summary, the summary offsets and the footer up to its own crc field (its opcode
    // and length included: the length counts the crc's 4 bytes).
    QByteArray tail = summary + offsets;
    appendU8(tail, static_cast<quint8>(Op::Footer));
    appendU64(tail, 8 + 8 + 4);
    appendU64(tail, summaryStart);
    appendU64(tail, summaryOffsetStart);
    appendU32(tail, crc32(0, tail.constData(), tail.size()));
    tail.append(magic());
    auto r = put(tail);
    if (r) {
        if (auto *file = qobject_cast<QFileDevice *>(m_device); file != nullptr) {
            file->flush();
        }
    }
    m_open = false;
    return r;
}

} // namespace omni
