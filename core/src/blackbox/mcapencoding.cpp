// SPDX-License-Identifier: MIT
#include "blackbox/mcapencoding.h"

#include <QtEndian>

#include <lz4frame.h>
#include <zstd.h>

#include <array>

namespace omni::mcap {

namespace {

// Zstandard's fastest regular level: a recorder that is always on must stay cheap (docs/RECORDING.md).
constexpr int kZstdLevel = 1;

using CrcTables = std::array<std::array<quint32, 256>, 8>;

/// The byte table of the reflected CRC-32 polynomial, and the seven tables derived from it that let crc32() take
/// eight bytes a step ("slicing by 8"): table k is the CRC of a byte followed by k zero bytes.
CrcTables makeCrcTables()
{
    CrcTables t{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k) {
            c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
        }
        t[0][i] = c;
    }
    for (std::size_t k = 1; k < t.size(); ++k) {
        for (std::size_t i = 0; i < 256; ++i) {
            t[k][i] = (t[k - 1][i] >> 8U) ^ t[0][t[k - 1][i] & 0xffU];
        }
    }
    return t;
}

} // namespace

void appendLe(QByteArray &out, quint64 value, int bytes)
{
    std::array<char, 8> buf{};
    for (int i = 0; i < bytes; ++i) {
        buf[static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xffU);
    }
    out.append(buf.data(), bytes);
}

void appendString(QByteArray &out, const QString &s)
{
    appendBytes(out, s.toUtf8());
}

void appendBytes(QByteArray &out, const QByteArray &bytes)
{
    appendU32(out, static_cast<quint32>(bytes.size()));
    out.append(bytes);
}

void appendStringMap(QByteArray &out, const QMap<QString, QString> &map)
{
    QByteArray entries;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        appendString(entries, it.key());
        appendString(entries, it.value());
    }
    appendBytes(out, entries);
}

QByteArray record(Op op, const QByteArray &content)
{
    QByteArray out;
    out.reserve(9 + content.size());
    appendU8(out, static_cast<quint8>(op));
    appendU64(out, static_cast<quint64>(content.size()));
    out.append(content);
    return out;
}

quint32 crc32(quint32 crc, const char *data, qsizetype size)
{
    // Eight bytes a step: the byte-at-a-time loop took half the time of saving a recording.
    static const CrcTables t = makeCrcTables();
    quint32 c = crc ^ 0xFFFFFFFFU;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        const quint32 one = c ^ qFromLittleEndian<quint32>(data + i);
        const quint32 two = qFromLittleEndian<quint32>(data + i + 4);
        c = t[7][one & 0xffU] ^ t[6][(one >> 8U) & 0xffU] ^ t[5][(one >> 16U) & 0xffU] ^ t[4][one >> 24U] ^
            t[3][two & 0xffU] ^ t[2][(two >> 8U) & 0xffU] ^ t[1][(two >> 16U) & 0xffU] ^ t[0][two >> 24U];
    }
    for (; i < size; ++i) {
        c = t[0][(c ^ static_cast<quint8>(data[i])) & 0xffU] ^ (c >> 8U);
    }
    return c ^ 0xFFFFFFFFU;
}

QString compressionField(McapCompression compression)
{
    return compression == McapCompression::None ? QString() : names::mcapCompression(compression);
}

Result<QByteArray, McapError> compress(McapCompression compression, const QByteArray &data)
{
    const auto size = static_cast<std::size_t>(data.size());
    QByteArray out;
    switch (compression) {
    case McapCompression::None:
        return data;
    case McapCompression::Zstd: {
        out.resize(static_cast<qsizetype>(ZSTD_compressBound(size)));
        const std::size_t n =
            ZSTD_compress(out.data(), static_cast<std::size_t>(out.size()), data.constData(), size, kZstdLevel);
        if (ZSTD_isError(n) != 0U) {
            return fail(McapError::CompressionFailed,
                        QStringLiteral("zstd: %1").arg(QString::fromUtf8(ZSTD_getErrorName(n))));
        }
        out.resize(static_cast<qsizetype>(n));
        return out;
    }
    case McapCompression::Lz4: {
        out.resize(static_cast<qsizetype>(LZ4F_compressFrameBound(size, nullptr)));
        const std::size_t n =
            LZ4F_compressFrame(out.data(), static_cast<std::size_t>(out.size()), data.constData(), size, nullptr);
        if (LZ4F_isError(n) != 0U) {
            return fail(McapError::CompressionFailed,
                        QStringLiteral("lz4: %1").arg(QString::fromUtf8(LZ4F_getErrorName(n))));
        }
        out.resize(static_cast<qsizetype>(n));
        return out;
    }
    }
    return fail(McapError::CompressionFailed, QStringLiteral("unknown compression"));
}

} // namespace omni::mcap
