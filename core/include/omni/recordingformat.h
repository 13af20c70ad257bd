// SPDX-License-Identifier: MIT
#pragma once

#include "omni/mcapwriter.h"
#include "omni/result.h"

#include <QMap>
#include <QString>

namespace omni {

/// The channel ids of a recording that beginRecording() started (docs/RECORDING.md).
struct RecordingChannels {
    quint16 state = 0;  ///< /robot/state, schema omniscient.RobotState
    quint16 link = 0;   ///< /robot/link, schema omniscient.RobotLink
    quint16 events = 0; ///< /robot/events, schema omniscient.RobotEvent
};

/// Opens `writer` and adds what every omniscient recording starts with: the three JSON Schemas (resources/schemas/,
/// the ones the Foxglove endpoint advertises), the channels /robot/state, /robot/link and /robot/events (message
/// encoding json) and the "omniscient" metadata record (`metadata` plus the version and the writer's compression).
/// Shared by the continuous Recorder, the black box's saves and tools that write recordings of their own (the
/// replay bench, the screenshots, tests), so that all of them write the same file.
Result<RecordingChannels, McapError> beginRecording(McapWriter &writer, QMap<QString, QString> metadata = {});

} // namespace omni
