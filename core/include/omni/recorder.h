// SPDX-License-Identifier: MIT
#pragma once

#include "omni/clock.h"

#include "omni/event.h"
#include "omni/mcapwriter.h"
#include "omni/result.h"
#include "omni/statejson.h" // topics::

#include <QFile>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <memory>

namespace omni {

class EventFeed;
class Hub;

/// What a Recorder writes, and how; the defaults are --record's.
struct RecorderOptions {
    QString path;                                        ///< the .mcap file (created or truncated)
    McapCompression compression = McapCompression::Zstd; ///< how chunks are compressed
    qint64 chunkBytes = qint64{1} << 20;                 ///< a chunk closes at this many uncompressed bytes ...
    qint64 maxChunkAgeMs = 1000;                         ///< ... or this old: at most this much is lost to a SIGKILL
    QMap<QString, QString> metadata; ///< more entries of the file's "omniscient" Metadata record (e.g. "source")
    /// The clocks (tests inject jumps). Log times are the wall time at start() plus the monotonic time since, so a
    /// step of the wall clock during a recording never reorders it (docs/RECORDING.md, "Times").
    const Clock *clock = &Clock::system();
};

/// Why a Recorder failed.
enum class RecorderError {
    CannotOpen,  ///< the file cannot be created or written (folder missing, permissions, ...)
    WriteFailed, ///< writing failed later (disk full, ...): the recording stopped; what was written stays readable
};

/// Records a Hub into an MCAP file (docs/RECORDING.md): every state, link change and event, from start() to
/// stop(), in chunks that close at least every maxChunkAgeMs (on a timer of its own, too, so a quiet robot's
/// last states reach the disk). stop() (or the destructor) writes the summary; without it (SIGKILL, power loss)
/// the file is readable by a streaming reader up to its last complete chunk.
class Recorder : public QObject
{
    Q_OBJECT
public:
    /// A recorder of `hub` and `events` (not owned; they must outlive it; `events` may be null: no events).
    Recorder(Hub *hub, EventFeed *events, RecorderOptions options, QObject *parent = nullptr);
    /// Stops (writes the summary) if still recording.
    ~Recorder() override;

    /// Creates the file and writes its start: header, schema, channels, metadata and the current link.
    Result<void, RecorderError> start();
    /// Writes the last chunk and the summary and closes the file. Does nothing when not recording.
    Result<void, RecorderError> stop();

    /// Whether it records.
    [[nodiscard]] bool isRecording() const { return m_writer != nullptr; }
    /// Messages written so far.
    [[nodiscard]] quint64 messageCount() const;
    /// The last failure, if any.
    [[nodiscard]] RecorderError error() const { return m_error; }
    /// The last failure in English with the facts; empty without one.
    [[nodiscard]] QString errorString() const { return m_errorString; }

Q_SIGNALS:
    /// Recording failed and stopped (see error()).
    void errorOccurred(omni::RecorderError error, const QString &message);

private:
    /// A monotonic time as the recording's log time (wall time at start() + time since).
    [[nodiscard]] qint64 logTimeNs(qint64 monoNs) const;
    void writeState();
    void writeLink();
    void writeEvent(const omni::Event &event);
    void write(quint16 channel, qint64 logTimeNs, const QByteArray &json, quint32 sequence = 0);
    Failure<RecorderError> failed(RecorderError error, const QString &message);

    Hub *m_hub;
    EventFeed *m_events;
    RecorderOptions m_options;
    QFile m_file;
    std::unique_ptr<McapWriter> m_writer;
    QTimer m_chunkTimer;
    qint64 m_anchorWallNs = 0; ///< the wall clock at start()
    qint64 m_anchorMonoNs = 0; ///< the monotonic clock at start()
    quint16 m_stateChannel = 0;
    quint16 m_linkChannel = 0;
    quint16 m_eventChannel = 0;
    quint64 m_written = 0;
    RecorderError m_error = RecorderError::CannotOpen;
    QString m_errorString;
};

} // namespace omni
