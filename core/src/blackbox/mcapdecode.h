// SPDX-License-Identifier: MIT
#pragma once

#include "omni/mcapreader.h"
#include "omni/mcapwriter.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QMap>
#include <QString>

#include <optional>

/// Reading the bytes of MCAP records (the reverse of blackbox/mcapencoding.h): a bounds-checked cursor over
/// little-endian integers, strings, byte arrays and maps, and chunk decompression.
namespace omni::mcap {

/// Reads fields front to back from a view; every read checks that the bytes are there. After the first failed
/// read, ok() is false and every further read fails too (so a parser can check once, at the end).
class Cursor
{
public:
    /// A cursor at the start of `data`.
    explicit Cursor(QByteArrayView data) : m_data(data) {}
    /// A little-endian unsigned integer of `bytes` bytes (1 to 8); 0 when it is not there.
    quint64 le(int bytes);
    /// A u8.
    quint8 u8() { return static_cast<quint8>(le(1)); }
    /// A u16.
    quint16 u16() { return static_cast<quint16>(le(2)); }
    /// A u32.
    quint32 u32() { return static_cast<quint32>(le(4)); }
    /// A u64.
    quint64 u64() { return le(8); }
    /// `size` bytes, as a view into the data.
    QByteArrayView take(quint64 size);
    /// A u32 length, then that many bytes.
    QByteArrayView bytes() { return take(u32()); }
    /// A u32 length, then UTF-8.
    QString string() { return QString::fromUtf8(bytes()); }
    /// A map<string, string>: a u32 byte length, then key, value, ...
    QMap<QString, QString> stringMap();
    /// The bytes not read yet.
    [[nodiscard]] QByteArrayView rest() const { return m_data.sliced(m_at); }
    /// How many bytes are left.
    [[nodiscard]] qsizetype remaining() const { return m_data.size() - m_at; }
    /// Whether every read so far found its bytes.
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    QByteArrayView m_data;
    qsizetype m_at = 0;
    bool m_ok = true;
};

/// `data` decompressed as the Chunk record's `compression` field says ("", "zstd", "lz4"), which must give exactly
/// `size` bytes; Unsupported, TooLarge (more than `maxBytes`) or Decompression otherwise.
Result<QByteArray, McapReadError> decompress(const QString &compression, QByteArrayView data, quint64 size,
                                             qint64 maxBytes);

} // namespace omni::mcap
