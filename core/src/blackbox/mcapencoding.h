// SPDX-License-Identifier: MIT
#pragma once

#include "omni/mcapwriter.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <cstdint>

/// The bytes of MCAP records (https://mcap.dev/spec): little-endian integers, u32-length-prefixed strings and
/// byte arrays, u32-byte-length-prefixed maps; a record is opcode (u8), content length (u64), content.
namespace omni::mcap {

/// Record opcodes.
enum class Op : quint8 {
    Header = 0x01,
    Footer = 0x02,
    Schema = 0x03,
    Channel = 0x04,
    Message = 0x05,
    Chunk = 0x06,
    MessageIndex = 0x07,
    ChunkIndex = 0x08,
    Statistics = 0x0B,
    Metadata = 0x0C,
    MetadataIndex = 0x0D,
    SummaryOffset = 0x0E,
    DataEnd = 0x0F,
};

/// The 8 bytes at the start and the end of every MCAP file: 0x89 "MCAP" '0' "\r\n".
inline const QByteArray &magic()
{
    static const QByteArray m("\x89MCAP0\r\n", 8);
    return m;
}

/// Appends `value` as `bytes` little-endian bytes.
void appendLe(QByteArray &out, quint64 value, int bytes);
inline void appendU8(QByteArray &out, quint8 v)
{
    appendLe(out, v, 1);
}
inline void appendU16(QByteArray &out, quint16 v)
{
    appendLe(out, v, 2);
}
inline void appendU32(QByteArray &out, quint32 v)
{
    appendLe(out, v, 4);
}
inline void appendU64(QByteArray &out, quint64 v)
{
    appendLe(out, v, 8);
}
/// A u32 length, then the UTF-8 bytes.
void appendString(QByteArray &out, const QString &s);
/// A u32 length, then the bytes.
void appendBytes(QByteArray &out, const QByteArray &bytes);
/// A map<string, string>: a u32 byte length, then key, value, key, value ... as strings.
void appendStringMap(QByteArray &out, const QMap<QString, QString> &map);
/// A whole record: opcode, u64 length, content.
QByteArray record(Op op, const QByteArray &content);

/// CRC-32 (ISO-HDLC, as zlib's crc32()), continuing from `crc` (0 to start).
quint32 crc32(quint32 crc, const char *data, qsizetype size);

/// The compression field of a Chunk record: "", "zstd", "lz4".
QString compressionField(McapCompression compression);
/// `data` compressed as the Chunk record's compression says (LZ4: the frame format), or CompressionFailed.
Result<QByteArray, McapError> compress(McapCompression compression, const QByteArray &data);

} // namespace omni::mcap
