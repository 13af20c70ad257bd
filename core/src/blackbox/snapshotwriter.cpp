// SPDX-License-Identifier: MIT
#include "blackbox/snapshotwriter.h"

#include "omni/recordingformat.h"
#include "omni/statejson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <limits>
#include <unistd.h>

namespace omni {

namespace {

bool syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

/// Writes the messages of `s` in time order.
Result<void, McapError> writeMessages(McapWriter &writer, const RecordingChannels &ch, const BlackboxSnapshot &s,
                                      const SnapshotFile &f, quint64 &first, quint64 &last)
{
    const auto logTime = [&f](qint64 mono) {
        return static_cast<quint64>(std::max<qint64>(f.anchorWallNs + (mono - f.anchorMonoNs), 0));
    };
    const auto put = [&](quint16 channel, qint64 mono, const QByteArray &json, quint32 seq) {
        const quint64 t = logTime(mono);
        first = std::min(first, t);
        last = std::max(last, t);
        return writer.write(channel, t, t, json, seq);
    };
    constexpr qint64 kNever = std::numeric_limits<qint64>::max();
    std::size_t si = 0;
    std::size_t li = 0;
    std::size_t ei = 0;
    LinkInfo link = s.linkBefore;
    if (s.hasLinkBefore) {
        qint64 start = kNever;
        start = !s.states.empty() ? std::min(start, s.states.front().monoNs) : start;
        start = !s.links.empty() ? std::min(start, s.links.front().first) : start;
        start = !s.events.empty() ? std::min(start, s.events.front().monotonicNs) : start;
        if (start != kNever) {
            if (auto r = put(ch.link, start, json::linkMessage(link), 0); !r) {
                return r;
            }
        }
    }
    while (si < s.states.size() || li < s.links.size() || ei < s.events.size()) {
        const qint64 ts = si < s.states.size() ? s.states[si].monoNs : kNever;
        const qint64 tl = li < s.links.size() ? s.links[li].first : kNever;
        const qint64 te = ei < s.events.size() ? s.events[ei].monotonicNs : kNever;
        Result<void, McapError> r{};
        if (tl <= ts && tl <= te) {
            link = s.links[li++].second;
            r = put(ch.link, tl, json::linkMessage(link), 0);
        } else if (te <= ts) {
            r = put(ch.events, te, json::eventMessage(s.events[ei++]), 0);
        } else {
            const PackedState &p = s.states[si++];
            const QByteArray json = json::stateMessage(p.unpack(), link, {p.rateHz, p.age()});
            r = put(ch.state, ts, json, static_cast<quint32>(p.seq));
        }
        if (!r) {
            return r;
        }
    }
    return {};
}

} // namespace

Result<RecordingInfo, RecordingsError> writeSnapshot(const BlackboxSnapshot &snapshot, const SnapshotFile &f)
{
    const QString part = f.path + QStringLiteral(".part");
    QFile file(part);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        return fail(RecordingsError::WriteFailed, QStringLiteral("cannot create %1: %2").arg(part, file.errorString()));
    }
    McapWriterOptions wo;
    wo.compression = f.compression;
    wo.maxChunkAgeMs = std::numeric_limits<qint64>::max() / 2; // by size only: the data is all here
    McapWriter writer(&file, wo);
    quint64 first = std::numeric_limits<quint64>::max();
    quint64 last = 0;
    QString error;
    if (const auto ch = beginRecording(writer, f.metadata); !ch) {
        error = ch.errorString();
    } else if (auto w = writeMessages(writer, *ch, snapshot, f, first, last); !w) {
        error = w.errorString();
    } else if (auto c = writer.close(); !c) {
        error = c.errorString();
    } else if (!file.flush() || ::fsync(file.handle()) != 0) {
        error = QStringLiteral("cannot write it to the disk: %1").arg(file.errorString());
    }
    file.close();
    if (error.isEmpty() && !QFile::rename(part, f.path)) {
        error = QStringLiteral("cannot rename it to %1").arg(f.path);
    }
    if (!error.isEmpty()) {
        QFile::remove(part);
        return fail(RecordingsError::WriteFailed, QStringLiteral("%1: %2").arg(f.path, error));
    }
    syncFolder(QFileInfo(f.path).absolutePath());
    RecordingInfo info;
    info.name = QFileInfo(f.path).fileName();
    info.bytes = static_cast<qint64>(writer.bytesWritten());
    info.messages = writer.messageCount();
    if (writer.messageCount() > 0) {
        info.startNs = static_cast<qint64>(first);
        info.endNs = static_cast<qint64>(last);
    }
    return info;
}

} // namespace omni
