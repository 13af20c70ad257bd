// SPDX-License-Identifier: MIT
#pragma once

#include "omni/recordingsapi.h"
#include "omni/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace omni {

/// The recordings folder; the defaults are --recordings-dir's and --recordings-max-mb's.
struct RecordingStoreOptions {
    QString folder = defaultFolder();     ///< where saved recordings go (created on the first save)
    qint64 maxBytes = qint64{1024} << 20; ///< past this total, the oldest recordings are removed (1 GiB)

    /// $XDG_DATA_HOME/omniscient/recordings (~/.local/share/omniscient/recordings without XDG_DATA_HOME).
    static QString defaultFolder();
};

/// The facts of an MCAP file's Statistics record (its summary), as readStatistics() finds them.
struct McapStatistics {
    quint64 messages = 0; ///< message_count
    quint64 startNs = 0;  ///< message_start_time
    quint64 endNs = 0;    ///< message_end_time
};

/// The saved recordings in one folder: names for new ones, the list, removal and the size cap. Only names that
/// RecordingsApi::validName() accepts are ever listed, found or removed, so nothing outside the folder is touched.
class RecordingStore
{
public:
    /// A store of `options.folder` (nothing is created yet).
    explicit RecordingStore(RecordingStoreOptions options = {});

    /// Creates the folder if needed; a failure says why in English.
    Result<void, RecordingsError> ensureFolder() const;
    /// A new file's full path: omniscient-YYYYMMDD-HHMMSS.mcap (UTC) for `when`, "-2", "-3", ... if taken.
    [[nodiscard]] QString newPath(const QDateTime &when) const;
    /// The recordings, oldest (by modification time) first.
    [[nodiscard]] QList<RecordingInfo> list() const;
    /// The full path of `name`, if it is a valid name of an existing recording.
    [[nodiscard]] std::optional<QString> pathOf(const QString &name) const;
    /// Removes `name`; false when it is not a valid name, does not exist or cannot be removed.
    bool remove(const QString &name) const;
    /// Removes the oldest recordings (never `keep`) until the folder holds at most maxBytes; returns their names.
    QStringList enforceCap(const QString &keep = {}) const;
    /// The options in force.
    [[nodiscard]] const RecordingStoreOptions &options() const { return m_options; }

    /// Reads the Statistics record from the summary of the MCAP file at `path`; nullopt when it has none (a file
    /// being written, or cut short) or is not MCAP.
    static std::optional<McapStatistics> readStatistics(const QString &path);

private:
    RecordingStoreOptions m_options;
};

} // namespace omni
