// SPDX-License-Identifier: MIT
#include "omni/recordingstore.h"

#include "blackbox/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>

namespace omni {

namespace {
constexpr QByteArrayView kMagic("\x89MCAP0\r\n", 8);
constexpr quint8 kOpFooter = 0x02;
constexpr quint8 kOpStatistics = 0x0b;
constexpr qint64 kFooterBytes = 1 + 8 + 8 + 8 + 4; // opcode, length, summary start, summary offset start, crc
constexpr qint64 kMaxSummaryBytes = qint64{64} << 20;

quint64 u64(const char *p)
{
    return qFromLittleEndian<quint64>(p);
}

QFileInfoList recordingFiles(const QString &folder)
{
    QFileInfoList files;
    const QFileInfoList all = QDir(folder).entryInfoList({QStringLiteral("*.mcap")}, QDir::Files, QDir::Time);
    for (const QFileInfo &f : all) {
        if (RecordingsApi::validName(f.fileName())) {
            files.append(f);
        }
    }
    std::reverse(files.begin(), files.end()); // oldest first
    return files;
}
} // namespace

QString RecordingStoreOptions::defaultFolder()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base)) {
        base = QDir::homePath() + QStringLiteral("/.local/share");
    }
    return base + QStringLiteral("/omniscient/recordings");
}

RecordingStore::RecordingStore(RecordingStoreOptions options) : m_options(std::move(options)) {}

Result<void, RecordingsError> RecordingStore::ensureFolder() const
{
    if (!QDir().mkpath(m_options.folder)) {
        return fail(RecordingsError::WriteFailed,
                    QStringLiteral("cannot create the recordings folder %1 (choose another with --recordings-dir)")
                        .arg(m_options.folder));
    }
    return {};
}

QString RecordingStore::newPath(const QDateTime &when) const
{
    const QString stem = QStringLiteral("omniscient-") + when.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString path = QDir(m_options.folder).filePath(stem + QStringLiteral(".mcap"));
    for (int n = 2; QFileInfo::exists(path) || QFileInfo::exists(path + QStringLiteral(".part")); ++n) {
        path = QDir(m_options.folder).filePath(QStringLiteral("%1-%2.mcap").arg(stem).arg(n));
    }
    return path;
}

QList<RecordingInfo> RecordingStore::list() const
{
    QList<RecordingInfo> out;
    for (const QFileInfo &f : recordingFiles(m_options.folder)) {
        RecordingInfo info;
        info.name = f.fileName();
        info.bytes = f.size();
        if (const auto stats = readStatistics(f.filePath())) {
            info.messages = stats->messages;
            if (stats->messages > 0) {
                info.startNs = static_cast<qint64>(stats->startNs);
                info.endNs = static_cast<qint64>(stats->endNs);
            }
        }
        out.append(info);
    }
    return out;
}

std::optional<QString> RecordingStore::pathOf(const QString &name) const
{
    if (!RecordingsApi::validName(name)) {
        return std::nullopt;
    }
    const QString path = QDir(m_options.folder).filePath(name);
    const QFileInfo info(path);
    if (!info.isFile() || info.isSymLink()) {
        return std::nullopt;
    }
    return path;
}

bool RecordingStore::remove(const QString &name) const
{
    const auto path = pathOf(name);
    return path && QFile::remove(*path);
}

QStringList RecordingStore::enforceCap(const QString &keep) const
{
    QStringList removed;
    const QFileInfoList files = recordingFiles(m_options.folder);
    qint64 total = 0;
    for (const QFileInfo &f : files) {
        total += f.size();
    }
    for (const QFileInfo &f : files) {
        if (total <= m_options.maxBytes) {
            break;
        }
        if (f.fileName() == keep || !QFile::remove(f.filePath())) {
            continue;
        }
        total -= f.size();
        removed.append(f.fileName());
        qCInfo(lcBlackbox).noquote() << "removed the oldest recording" << f.fileName() << "(--recordings-max-mb)";
    }
    return removed;
}

std::optional<McapStatistics> RecordingStore::readStatistics(const QString &path)
{
    QFile file(path);
    const qint64 size = file.size();
    if (!file.open(QIODevice::ReadOnly) || size < 2 * kMagic.size() + kFooterBytes) {
        return std::nullopt;
    }
    file.seek(size - kMagic.size() - kFooterBytes);
    const QByteArray tail = file.read(kFooterBytes + kMagic.size());
    if (tail.size() != kFooterBytes + kMagic.size() || QByteArrayView(tail).sliced(kFooterBytes) != kMagic ||
        static_cast<quint8>(tail[0]) != kOpFooter) {
        return std::nullopt;
    }
    const quint64 summaryStart = u64(tail.constData() + 9);
    const qint64 summaryEnd = size - kMagic.size() - kFooterBytes;
    if (summaryStart == 0 || summaryStart >= static_cast<quint64>(summaryEnd) ||
        summaryEnd - static_cast<qint64>(summaryStart) > kMaxSummaryBytes) {
        return std::nullopt;
    }
    file.seek(static_cast<qint64>(summaryStart));
    const QByteArray summary = file.read(summaryEnd - static_cast<qint64>(summaryStart));
    for (qsizetype at = 0; at + 9 <= summary.size();) {
        const auto op = static_cast<quint8>(summary[at]);
        const quint64 length = u64(summary.constData() + at + 1);
        if (length > static_cast<quint64>(summary.size() - at - 9)) {
            return std::nullopt;
        }
        // Statistics: message_count u64, schema u16, channel u32, attachment u32, metadata u32, chunk u32, start, end.
        if (op == kOpStatistics && length >= 8 + 2 + 4 * 4 + 8 + 8) {
            const char *p = summary.constData() + at + 9;
            return McapStatistics{u64(p), u64(p + 26), u64(p + 34)};
        }
        at += 9 + static_cast<qsizetype>(length);
    }
    return std::nullopt;
}

} // namespace omni
