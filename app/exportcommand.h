// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace omni::app {

/// Whether `args` (args[0] is the program) ask for `omniscient export ...`.
bool isExportCommand(const QStringList &args);

/// Runs `omniscient export FILE.mcap --format csv|jsonl [-o OUT]` (docs/RECORDING.md, "Export"): reads the
/// recording (up to its last complete chunk when it was cut short) and writes the CSV (plus OUT's ".events.csv")
/// or the JSON Lines. Messages for a person go to stderr. Returns the exit code: 0 done, 1 the recording or the
/// output failed, 2 a usage error.
int runExport(const QStringList &args);

} // namespace omni::app
