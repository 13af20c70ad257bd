// SPDX-License-Identifier: MIT
// The MCAP reader: the summary when there is one, otherwise a streaming scan up to the last complete record.
#include "omni/mcapreader.h"

#include "blackbox/mcapdecode.h"
#include "blackbox/mcapencoding.h"

#include <QFile>

#include <algorithm>

namespace omni {

using namespace mcap;

namespace {

constexpr qsizetype kRecordHead = 9;               // opcode + u64 length
constexpr qsizetype kFooterRecord = 9 + 8 + 8 + 4; // the Footer: head, summary start, offsets start, crc

Failure<McapReadError> badRecord(const QString &what, quint64 offset)
{
    return fail(McapReadError::BadRecord, QStringLiteral("%1 (at byte %2)").arg(what).arg(offset));
}

} // namespace

McapReader::McapReader(McapReaderOptions options) : m_options(options) {}

McapReader::~McapReader() = default;

Result<std::unique_ptr<McapReader>, McapReadError> McapReader::open(const QString &path, McapReaderOptions options)
{
    std::unique_ptr<McapReader> r(new McapReader(options));
    r->m_file = std::make_unique<QFile>(path);
    if (!r->m_file->open(QIODevice::ReadOnly)) {
        return fail(McapReadError::CannotOpen,
                    QStringLiteral("cannot open %1: %2").arg(path, r->m_file->errorString()));
    }
    const qint64 size = r->m_file->size();
    if (size > 0) {
        uchar *mapped = r->m_file->map(0, size);
        if (mapped == nullptr) {
            return fail(McapReadError::CannotOpen,
                        QStringLiteral("cannot read %1: %2").arg(path, r->m_file->errorString()));
        }
        r->m_data = QByteArrayView(reinterpret_cast<const char *>(mapped), static_cast<qsizetype>(size));
    }
    if (auto indexed = r->index(); !indexed) {
        return fail(indexed.error(), QStringLiteral("%1: %2").arg(path, indexed.errorString()));
    }
    return r;
}

Result<std::unique_ptr<McapReader>, McapReadError> McapReader::fromBytes(const QByteArray &bytes,
                                                                         McapReaderOptions options)
{
    std::unique_ptr<McapReader> r(new McapReader(options));
    r->m_bytes = bytes;
    r->m_data = QByteArrayView(r->m_bytes);
    if (auto indexed = r->index(); !indexed) {
        return indexed.failure();
    }
    return r;
}

int McapReader::channelId(const QString &topic) const
{
    for (const auto &[id, channel] : m_channels) {
        if (channel.topic == topic) {
            return id;
        }
    }
    return -1;
}

Result<void, McapReadError> McapReader::index()
{
    if (m_data.size() < magic().size() || m_data.first(magic().size()) != QByteArrayView(magic())) {
        return fail(McapReadError::NotMcap, m_data.isEmpty()
                                                ? QStringLiteral("the file is empty, not an MCAP recording")
                                                : QStringLiteral("not an MCAP file (it does not start "
                                                                 "with the MCAP magic bytes)"));
    }
    // The Header comes first, whatever else follows.
    Cursor head(m_data.sliced(magic().size()));
    const quint8 op = head.u8();
    const quint64 length = head.u64();
    if (head.ok() && op != static_cast<quint8>(Op::Header)) {
        return badRecord(QStringLiteral("the first record is not a Header: not an MCAP file omniscient can read"), 8);
    }
    if (head.ok() && length <= static_cast<quint64>(head.remaining())) {
        Cursor header(head.take(length));
        m_profile = header.string();
        m_library = header.string();
    }

    // Indexed: the file ends with a Footer (its summary start not 0) and the magic.
    const qsizetype size = m_data.size();
    const qsizetype footerAt = size - magic().size() - kFooterRecord;
    if (footerAt >= magic().size() && m_data.last(magic().size()) == QByteArrayView(magic()) &&
        static_cast<quint8>(m_data[footerAt]) == static_cast<quint8>(Op::Footer)) {
        Cursor footer(m_data.sliced(footerAt + 1, kFooterRecord - 1));
        const quint64 footerLength = footer.u64();
        const quint64 summaryStart = footer.u64();
        const quint64 offsetsStart = footer.u64();
        const quint32 crc = footer.u32();
        if (footerLength != kFooterRecord - kRecordHead) {
            return badRecord(QStringLiteral("the Footer has length %1 instead of 20").arg(footerLength),
                             static_cast<quint64>(footerAt));
        }
        if (summaryStart != 0) {
            const quint64 summaryEnd = offsetsStart != 0 ? offsetsStart : static_cast<quint64>(footerAt);
            if (summaryStart < 8 || summaryEnd < summaryStart || summaryEnd > static_cast<quint64>(footerAt)) {
                return badRecord(QStringLiteral("the Footer points outside the file"), static_cast<quint64>(footerAt));
            }
            m_indexed = true;
            return readSummary(summaryStart, summaryEnd, crc);
        }
    }
    return stream();
}

Result<void, McapReadError> McapReader::readSummary(quint64 summaryStart, quint64 summaryEnd, quint32 crc)
{
    const auto footerAt = static_cast<quint64>(m_data.size() - magic().size() - kFooterRecord);
    if (crc != 0) {
        // Everything from the summary up to the Footer's crc field.
        const QByteArrayView covered = m_data.sliced(
            static_cast<qsizetype>(summaryStart), static_cast<qsizetype>(footerAt + kFooterRecord - 4 - summaryStart));
        if (crc32(0, covered.data(), covered.size()) != crc) {
            return fail(McapReadError::BadCrc, QStringLiteral("the summary's CRC-32 does not match: the end of the "
                                                              "file is damaged"));
        }
    }
    Cursor records(
        m_data.sliced(static_cast<qsizetype>(summaryStart), static_cast<qsizetype>(summaryEnd - summaryStart)));
    bool statistics = false;
    while (records.remaining() > 0) {
        const quint64 at = summaryEnd - static_cast<quint64>(records.remaining());
        const quint8 op = records.u8();
        const QByteArrayView content = records.take(records.u64());
        if (!records.ok()) {
            return badRecord(QStringLiteral("a summary record runs past the summary"), at);
        }
        Cursor c(content);
        switch (static_cast<Op>(op)) {
        case Op::Statistics: {
            m_messageCount = c.u64();
            statistics = true;
            break;
        }
        case Op::ChunkIndex: {
            McapChunkInfo chunk;
            chunk.startTime = c.u64();
            chunk.endTime = c.u64();
            chunk.offset = c.u64();
            chunk.length = c.u64();
            Cursor offsets(c.bytes());
            while (offsets.ok() && offsets.remaining() > 0) {
                const quint16 channel = offsets.u16();
                chunk.messageIndexOffsets[channel] = offsets.u64();
            }
            if (!c.ok() || !offsets.ok() || chunk.offset > static_cast<quint64>(m_data.size()) ||
                chunk.length > static_cast<quint64>(m_data.size()) - chunk.offset) {
                return badRecord(QStringLiteral("a ChunkIndex is malformed or points outside the file"), at);
            }
            addChunkTimes(chunk);
            m_chunks.push_back(std::move(chunk));
            break;
        }
        case Op::MetadataIndex: {
            const quint64 offset = c.u64();
            const quint64 length = c.u64();
            if (!c.ok() || offset > static_cast<quint64>(m_data.size()) ||
                length > static_cast<quint64>(m_data.size()) - offset || length < kRecordHead) {
                return badRecord(QStringLiteral("a MetadataIndex points outside the file"), at);
            }
            Cursor rec(m_data.sliced(static_cast<qsizetype>(offset), static_cast<qsizetype>(length)));
            const quint8 mop = rec.u8();
            const quint64 mlength = rec.u64();
            if (mop != static_cast<quint8>(Op::Metadata) || mlength != length - kRecordHead) {
                return badRecord(QStringLiteral("a MetadataIndex does not point at a Metadata record"), at);
            }
            if (auto r = addRecord(mop, rec.rest(), offset, length); !r) {
                return r;
            }
            break;
        }
        default:
            if (auto r = addRecord(op, content, at, kRecordHead + static_cast<quint64>(content.size())); !r) {
                return r;
            }
            break;
        }
    }
    std::sort(m_chunks.begin(), m_chunks.end(),
              [](const McapChunkInfo &a, const McapChunkInfo &b) { return a.offset < b.offset; });
    if (!statistics) {
        for (std::size_t i = 0; i < m_chunks.size(); ++i) {
            for (const auto &[channel, offset] : m_chunks[i].messageIndexOffsets) {
                if (const auto entries = messageIndex(i, channel); entries) {
                    m_messageCount += entries->size();
                }
            }
        }
    }
    return {};
}

Result<void, McapReadError> McapReader::stream()
{
    auto at = static_cast<quint64>(magic().size());
    const auto size = static_cast<quint64>(m_data.size());
    while (at < size) {
        if (size - at < kRecordHead) {
            m_truncated = true;
            break;
        }
        Cursor head(m_data.sliced(static_cast<qsizetype>(at), kRecordHead));
        const quint8 op = head.u8();
        const quint64 length = head.u64();
        if (length > size - at - kRecordHead) {
            // A record cut off by the end of the file (or a length that is garbage): what came before stands.
            m_truncated = true;
            break;
        }
        if (op == static_cast<quint8>(Op::DataEnd) || op == static_cast<quint8>(Op::Footer)) {
            break; // the data section is over; without a Footer and magic, the summary is not trusted
        }
        const QByteArrayView content =
            m_data.sliced(static_cast<qsizetype>(at + kRecordHead), static_cast<qsizetype>(length));
        if (op == static_cast<quint8>(Op::Chunk)) {
            Cursor c(content);
            McapChunkInfo chunk;
            chunk.startTime = c.u64();
            chunk.endTime = c.u64();
            chunk.offset = at;
            chunk.length = kRecordHead + length;
            if (!c.ok()) {
                return badRecord(QStringLiteral("a Chunk record is too short"), at);
            }
            addChunkTimes(chunk);
            m_chunks.push_back(std::move(chunk));
        } else if (op == static_cast<quint8>(Op::MessageIndex) && !m_chunks.empty()) {
            Cursor c(content);
            const quint16 channel = c.u16();
            const quint32 bytes = c.u32();
            if (c.ok()) {
                m_chunks.back().messageIndexOffsets[channel] = at;
                m_messageCount += bytes / 16;
            }
        } else if (auto r = addRecord(op, content, at, kRecordHead + length); !r) {
            return r;
        }
        at += kRecordHead + length;
    }
    return {};
}

Result<void, McapReadError> McapReader::addRecord(quint8 op, QByteArrayView content, quint64 offset, quint64 length)
{
    Q_UNUSED(length)
    Cursor c(content);
    switch (static_cast<Op>(op)) {
    case Op::Schema: {
        McapSchema s;
        s.id = c.u16();
        s.name = c.string();
        s.encoding = c.string();
        s.data = c.bytes().toByteArray();
        if (!c.ok()) {
            return badRecord(QStringLiteral("a Schema record is malformed"), offset);
        }
        m_schemas[s.id] = std::move(s);
        break;
    }
    case Op::Channel: {
        McapChannel ch;
        ch.id = c.u16();
        ch.schemaId = c.u16();
        ch.topic = c.string();
        ch.messageEncoding = c.string();
        ch.metadata = c.stringMap();
        if (!c.ok()) {
            return badRecord(QStringLiteral("a Channel record is malformed"), offset);
        }
        m_channels[ch.id] = std::move(ch);
        break;
    }
    case Op::Metadata: {
        const QString name = c.string();
        const QMap<QString, QString> values = c.stringMap();
        if (!c.ok()) {
            return badRecord(QStringLiteral("a Metadata record is malformed"), offset);
        }
        m_metadata.insert(name, values);
        break;
    }
    default:
        break; // records this reader does not need, and unknown opcodes, are skipped as the spec asks
    }
    return {};
}

void McapReader::addChunkTimes(const McapChunkInfo &chunk)
{
    m_startTime = m_chunks.empty() ? chunk.startTime : std::min(m_startTime, chunk.startTime);
    m_endTime = m_chunks.empty() ? chunk.endTime : std::max(m_endTime, chunk.endTime);
}

} // namespace omni
