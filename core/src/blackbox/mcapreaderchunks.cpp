// SPDX-License-Identifier: MIT
// McapReader's chunks: decompressing one, checking its CRC, splitting its messages, and its message indexes.
#include "omni/mcapreader.h"

#include "blackbox/mcapdecode.h"
#include "blackbox/mcapencoding.h"

namespace omni {

using namespace mcap;

namespace {

constexpr quint64 kRecordHead = 9;   // opcode + u64 length
constexpr quint64 kMessageHead = 22; // channel id, sequence, log time, publish time

Failure<McapReadError> badChunk(const QString &what, quint64 offset)
{
    return fail(McapReadError::BadRecord, QStringLiteral("%1 (the chunk at byte %2)").arg(what).arg(offset));
}

} // namespace

Result<QByteArray, McapReadError> McapReader::chunkRecords(std::size_t index) const
{
    if (index >= m_chunks.size()) {
        return fail(McapReadError::NoSuchChunk, QStringLiteral("there is no chunk %1").arg(index));
    }
    const McapChunkInfo &info = m_chunks[index];
    Cursor rec(m_data.sliced(static_cast<qsizetype>(info.offset), static_cast<qsizetype>(info.length)));
    const quint8 op = rec.u8();
    const quint64 length = rec.u64();
    if (op != static_cast<quint8>(Op::Chunk) || length != info.length - kRecordHead) {
        return badChunk(QStringLiteral("the index points at no Chunk record"), info.offset);
    }
    rec.u64(); // start and end time: the index has them
    rec.u64();
    const quint64 size = rec.u64();
    const quint32 crc = rec.u32();
    const QString compression = rec.string();
    const QByteArrayView compressed = rec.take(rec.u64());
    if (!rec.ok()) {
        return badChunk(QStringLiteral("a Chunk record is malformed"), info.offset);
    }
    auto records = decompress(compression, compressed, size, m_options.maxChunkBytes);
    if (!records) {
        return fail(records.error(),
                    QStringLiteral("%1 (the chunk at byte %2)").arg(records.errorString()).arg(info.offset));
    }
    if (crc != 0 && crc32(0, records->constData(), records->size()) != crc) {
        return fail(McapReadError::BadCrc,
                    QStringLiteral("the CRC-32 of the chunk at byte %1 does not match: the file is damaged there")
                        .arg(info.offset));
    }
    return records;
}

namespace {

/// The Message record whose content is `content`.
Result<McapMessage, McapReadError> message(QByteArrayView content)
{
    if (static_cast<quint64>(content.size()) < kMessageHead) {
        return fail(McapReadError::BadRecord, QStringLiteral("a Message record is too short"));
    }
    Cursor m(content);
    McapMessage msg;
    msg.channelId = m.u16();
    msg.sequence = m.u32();
    msg.logTime = m.u64();
    msg.publishTime = m.u64();
    msg.data = m.rest().toByteArray();
    return msg;
}

} // namespace

Result<McapMessage, McapReadError> McapReader::messageAt(const QByteArray &records, quint64 offset)
{
    if (offset >= static_cast<quint64>(records.size())) {
        return fail(McapReadError::BadRecord, QStringLiteral("a message index points past its chunk"));
    }
    Cursor c(QByteArrayView(records).sliced(static_cast<qsizetype>(offset)));
    const quint8 op = c.u8();
    const QByteArrayView content = c.take(c.u64());
    if (!c.ok() || op != static_cast<quint8>(Op::Message)) {
        return fail(McapReadError::BadRecord, QStringLiteral("a message index points at no Message record"));
    }
    auto msg = message(content);
    if (msg) {
        msg->recordOffset = offset;
    }
    return msg;
}

Result<std::vector<McapMessage>, McapReadError> McapReader::readChunk(std::size_t index) const
{
    const auto records = chunkRecords(index);
    if (!records) {
        return records.failure();
    }
    std::vector<McapMessage> out;
    Cursor c{QByteArrayView(*records)};
    while (c.remaining() > 0) {
        const auto at = static_cast<quint64>(records->size() - c.remaining());
        const quint8 op = c.u8();
        const QByteArrayView content = c.take(c.u64());
        if (!c.ok()) {
            return badChunk(QStringLiteral("a record inside a chunk runs past its end"), m_chunks[index].offset);
        }
        if (op != static_cast<quint8>(Op::Message)) {
            continue; // schemas and channels inside chunks: omniscient writes them before the chunks
        }
        auto msg = message(content);
        if (!msg) {
            return badChunk(msg.errorString(), m_chunks[index].offset);
        }
        msg->recordOffset = at;
        out.push_back(std::move(*msg));
    }
    return out;
}

Result<std::vector<McapIndexEntry>, McapReadError> McapReader::messageIndex(std::size_t index, quint16 channelId) const
{
    if (index >= m_chunks.size()) {
        return fail(McapReadError::NoSuchChunk, QStringLiteral("there is no chunk %1").arg(index));
    }
    const McapChunkInfo &info = m_chunks[index];
    const auto it = info.messageIndexOffsets.find(channelId);
    if (it == info.messageIndexOffsets.end()) {
        return std::vector<McapIndexEntry>{};
    }
    const quint64 at = it->second;
    if (at >= static_cast<quint64>(m_data.size())) {
        return badChunk(QStringLiteral("a message index lies outside the file"), info.offset);
    }
    Cursor rec(m_data.sliced(static_cast<qsizetype>(at)));
    const quint8 op = rec.u8();
    Cursor c(rec.take(rec.u64()));
    const quint16 channel = c.u16();
    Cursor tuples(c.bytes());
    if (!rec.ok() || !c.ok() || op != static_cast<quint8>(Op::MessageIndex) || channel != channelId ||
        tuples.remaining() % 16 != 0) {
        return badChunk(QStringLiteral("a MessageIndex record is malformed"), info.offset);
    }
    std::vector<McapIndexEntry> out;
    out.reserve(static_cast<std::size_t>(tuples.remaining() / 16));
    while (tuples.remaining() > 0) {
        McapIndexEntry e;
        e.logTime = tuples.u64();
        e.offset = tuples.u64();
        out.push_back(e);
    }
    return out;
}

Result<void, McapReadError> McapReader::forEachMessage(const std::function<bool(const McapMessage &)> &visit) const
{
    for (std::size_t i = 0; i < m_chunks.size(); ++i) {
        auto messages = readChunk(i);
        if (!messages) {
            return messages.failure();
        }
        for (const McapMessage &m : *messages) {
            if (!visit(m)) {
                return {};
            }
        }
    }
    return {};
}

} // namespace omni
