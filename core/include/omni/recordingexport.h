// SPDX-License-Identifier: MIT
#pragma once

#include "omni/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

class QIODevice;

namespace omni {

class McapReader;

/// What `omniscient export` writes (docs/RECORDING.md, "Export").
enum class ExportFormat {
    Csv,   ///< one row per state (exportCsvHeader()'s columns); the events in a second CSV file
    Jsonl, ///< one line per message of the recording, states, links and events in time order, as recorded
};

namespace names {
/// "csv", "jsonl".
QString exportFormat(ExportFormat format);
/// Parses exportFormat() output; nullopt for anything else.
std::optional<ExportFormat> exportFormatFromName(const QString &name);
} // namespace names

/// Why an export failed.
enum class ExportError {
    Damaged,     ///< a chunk of the recording cannot be read (what came before it was written)
    WriteFailed, ///< the output refused bytes
};

/// What an export wrote.
struct ExportSummary {
    quint64 states = 0;  ///< state rows (CSV) or lines (JSONL)
    quint64 events = 0;  ///< event rows (CSV) or lines (JSONL)
    quint64 links = 0;   ///< link lines (JSONL only; CSV leaves links out: every row has the link status)
    quint64 skipped = 0; ///< messages that were not valid JSON of docs/protocol.md, left out
};

/// The header row of the states CSV: time_ns, time_s, seq, t_publish_ms, direction, motor_left, motor_right,
/// motor_bottom, bot_mode, obstacle, obstacle_mode, go_left, go_right, sensor_mode, sensor_count, sensor_0 ...
/// sensor_4, action, link, rate_hz (docs/RECORDING.md says what each holds).
QByteArray exportCsvHeader();
/// The header row of the events CSV: time_ns, time_s, kind, seq, json.
QByteArray exportEventsCsvHeader();

/// Writes every message of `reader` in file order: for Csv, the states to `states` and the events to `events` (left
/// out when null); for Jsonl, every message to `states` (`events` is not used). A recording cut short is read up to
/// its last complete chunk; a damaged chunk stops the export with Damaged, after what came before it.
Result<ExportSummary, ExportError> exportRecording(const McapReader &reader, ExportFormat format, QIODevice *states,
                                                   QIODevice *events = nullptr);

} // namespace omni
