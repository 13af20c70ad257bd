// SPDX-License-Identifier: MIT
#include "blackbox/mcapdecode.h"

#include <lz4frame.h>
#include <zstd.h>

#include <memory>

namespace omni::mcap {

quint64 Cursor::le(int bytes)
{
    if (!m_ok || remaining() < bytes) {
        m_ok = false;
        return 0;
    }
    quint64 v = 0;
    for (int i = bytes - 1; i >= 0; --i) {
        v = (v << 8U) | static_cast<quint8>(m_data[m_at + i]);
    }
    m_at += bytes;
    return v;
}

QByteArrayView Cursor::take(quint64 size)
{
    if (!m_ok || size > static_cast<quint64>(remaining())) {
        m_ok = false;
        return {};
    }
    const QByteArrayView v = m_data.sliced(m_at, static_cast<qsizetype>(size));
    m_at += static_cast<qsizetype>(size);
    return v;
}

QMap<QString, QString> Cursor::stringMap()
{
    Cursor entries(bytes());
    QMap<QString, QString> map;
    while (ok() && entries.ok() && entries.remaining() > 0) {
        const QString key = entries.string();
        const QString value = entries.string();
        map.insert(key, value);
    }
    if (!entries.ok()) {
        m_ok = false;
    }
    return map;
}

namespace {

Failure<McapReadError> broken(const QString &compression, const QString &why)
{
    return fail(McapReadError::Decompression,
                QStringLiteral("a %1 chunk does not decompress: %2").arg(compression, why));
}

Result<QByteArray, McapReadError> lz4(QByteArrayView data, QByteArray out)
{
    LZ4F_dctx *raw = nullptr;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&raw, LZ4F_VERSION)) != 0U) {
        return broken(QStringLiteral("lz4"), QStringLiteral("no decompression context"));
    }
    const std::unique_ptr<LZ4F_dctx, decltype(&LZ4F_freeDecompressionContext)> ctx(raw, LZ4F_freeDecompressionContext);
    std::size_t in = 0;
    std::size_t produced = 0;
    const auto inSize = static_cast<std::size_t>(data.size());
    const auto outSize = static_cast<std::size_t>(out.size());
    while (true) {
        std::size_t srcLeft = inSize - in;
        std::size_t dstLeft = outSize - produced;
        const std::size_t hint =
            LZ4F_decompress(ctx.get(), out.data() + produced, &dstLeft, data.data() + in, &srcLeft, nullptr);
        if (LZ4F_isError(hint) != 0U) {
            return broken(QStringLiteral("lz4"), QString::fromUtf8(LZ4F_getErrorName(hint)));
        }
        in += srcLeft;
        produced += dstLeft;
        if (hint == 0) {
            break; // the frame is complete
        }
        if (srcLeft == 0 && dstLeft == 0) {
            return broken(QStringLiteral("lz4"), QStringLiteral("the frame ends early or holds more than it says"));
        }
    }
    if (produced != outSize) {
        return broken(QStringLiteral("lz4"), QStringLiteral("%1 bytes instead of %2").arg(produced).arg(outSize));
    }
    return out;
}

} // namespace

Result<QByteArray, McapReadError> decompress(const QString &compression, QByteArrayView data, quint64 size,
                                             qint64 maxBytes)
{
    if (compression != QLatin1String("") && compression != QLatin1String("zstd") &&
        compression != QLatin1String("lz4")) {
        return fail(McapReadError::Unsupported,
                    QStringLiteral("a chunk is compressed with \"%1\", which omniscient cannot read (only zstd, lz4 "
                                   "or none)")
                        .arg(compression));
    }
    if (size > static_cast<quint64>(maxBytes)) {
        return fail(
            McapReadError::TooLarge,
            QStringLiteral("a chunk says it holds %1 bytes, more than the %2 read at most").arg(size).arg(maxBytes));
    }
    if (compression.isEmpty()) {
        if (static_cast<quint64>(data.size()) != size) {
            return fail(McapReadError::BadRecord,
                        QStringLiteral("an uncompressed chunk holds %1 bytes but says %2").arg(data.size()).arg(size));
        }
        return data.toByteArray();
    }
    QByteArray out(static_cast<qsizetype>(size), Qt::Uninitialized);
    if (compression == QLatin1String("lz4")) {
        return lz4(data, std::move(out));
    }
    const std::size_t n = ZSTD_decompress(out.data(), static_cast<std::size_t>(out.size()), data.data(),
                                          static_cast<std::size_t>(data.size()));
    if (ZSTD_isError(n) != 0U) {
        return broken(QStringLiteral("zstd"), QString::fromUtf8(ZSTD_getErrorName(n)));
    }
    if (n != size) {
        return broken(QStringLiteral("zstd"), QStringLiteral("%1 bytes instead of %2").arg(n).arg(size));
    }
    return out;
}

} // namespace omni::mcap
