// SPDX-License-Identifier: MIT
#pragma once

#include "omni/blackboxring.h"
#include "omni/clock.h"
#include "omni/mcapwriter.h"
#include "omni/recordingsapi.h"
#include "omni/recordingstore.h"

#include <QMap>
#include <QObject>

#include <memory>

class QThread;

namespace omni {

class EventFeed;
class Hub;

/// What the black box keeps and where it saves; the defaults are the command line's (docs/RECORDING.md).
struct BlackboxOptions {
    int minutes = 10;                                    ///< --blackbox-minutes: the window kept in memory; 0: off
    RecordingStoreOptions store;                         ///< --recordings-dir, --recordings-max-mb
    McapCompression compression = McapCompression::Zstd; ///< --record-compression, for saves too
    QMap<QString, QString> metadata;       ///< more entries of each file's "omniscient" metadata (the source)
    const Clock *clock = &Clock::system(); ///< anchors log times (tests inject one)

    static constexpr int kMaxMinutes = 60; ///< the largest window: 60 x 6.1 MB (docs/RECORDING.md)
};

/// The always-on flight recorder (docs/RECORDING.md, "The black box"): keeps the last `minutes` of a Hub's states,
/// link changes and events in a BlackboxRing, and saves any part of it as an MCAP file in the recordings folder,
/// in a worker thread (one save at a time), removing the oldest files past the folder's cap. It is the
/// RecordingsApi the mirror server serves /api/recordings from. Lives in the hub's thread.
class Blackbox : public QObject, public RecordingsApi
{
    Q_OBJECT
public:
    /// Follows `hub` and `events` (not owned; they must outlive it; `events` may be null) from now on.
    Blackbox(Hub *hub, EventFeed *events, BlackboxOptions options, QObject *parent = nullptr);
    /// Waits for a save in progress to finish.
    ~Blackbox() override;

    /// Saves the last `seconds` (0 or less: everything kept); `done` runs in this object's thread when the file
    /// is written (or at once, with the error, when there is nothing to save or a save is running).
    void save(double seconds, std::function<void(const Saved &)> done) override;
    /// The saved recordings, oldest first.
    [[nodiscard]] QList<RecordingInfo> list() const override;
    /// The path of a saved recording.
    [[nodiscard]] std::optional<QString> pathOf(const QString &name) const override;
    /// Removes a saved recording.
    bool remove(const QString &name) override;

    /// Whether it keeps anything (minutes > 0).
    [[nodiscard]] bool isOn() const { return m_options.minutes > 0; }
    /// Whether a save is running.
    [[nodiscard]] bool isSaving() const { return m_worker != nullptr; }
    /// What it keeps now.
    [[nodiscard]] const BlackboxRing &ring() const { return m_ring; }
    /// The options in force.
    [[nodiscard]] const BlackboxOptions &options() const { return m_options; }
    /// Its lines for /metrics (Prometheus text format): what it holds, its bound, and the saves so far.
    [[nodiscard]] QByteArray metricsText() const;

Q_SIGNALS:
    /// A save started (true) or ended (false).
    void savingChanged(bool saving);
    /// A save ended: `ok`, with the file's name, or not, with why in English.
    void saveFinished(bool ok, const QString &nameOrError);

private:
    Hub *m_hub;
    BlackboxOptions m_options;
    BlackboxRing m_ring;
    RecordingStore m_store;
    QThread *m_worker = nullptr;
    quint64 m_savesOk = 0;
    quint64 m_savesFailed = 0;
};

} // namespace omni
