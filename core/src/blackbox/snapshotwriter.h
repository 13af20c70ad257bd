// SPDX-License-Identifier: MIT
#pragma once

#include "omni/blackboxring.h"
#include "omni/mcapwriter.h"
#include "omni/recordingsapi.h"
#include "omni/result.h"

#include <QMap>
#include <QString>

namespace omni {

/// Where and how writeSnapshot() writes.
struct SnapshotFile {
    QString path;                                        ///< the .mcap to create (it must not exist)
    McapCompression compression = McapCompression::Zstd; ///< chunk compression
    QMap<QString, QString> metadata;                     ///< more entries of the "omniscient" metadata record
    qint64 anchorWallNs = 0; ///< log time = anchorWallNs + (monotonic time - anchorMonoNs), as the Recorder's
    qint64 anchorMonoNs = 0; ///< see anchorWallNs
};

/// Writes `snapshot` as a recording (the same file as --record's: docs/RECORDING.md), in log-time order, the link
/// in force first. Writes PATH.part, fsyncs it, renames it to PATH and fsyncs the folder: a crash leaves either
/// no file or the whole one. Runs in any thread (it touches no QObject). Returns the file's facts.
Result<RecordingInfo, RecordingsError> writeSnapshot(const BlackboxSnapshot &snapshot, const SnapshotFile &file);

} // namespace omni
