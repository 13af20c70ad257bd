// SPDX-License-Identifier: MIT
#pragma once

#include "omni/mcapwriter.h"
#include "omni/result.h"

namespace omni {

/// The channel ids of a recording that beginRecording() started (docs/RECORDING.md).
struct RecordingChannels {
    quint16 state = 0;  ///< /robot/state, schema omniscient.RobotState
    quint16 link = 1;   ///< /robot/link
    quint16 events = 2; ///< /robot/events
};

/// Opens `writer` and adds what every omniscient recording starts with: the state's JSON Schema and the channels
/// /robot/state, /robot/link and /robot/events (message encoding json). For tools that write recordings of their
/// own (the replay bench, the screenshots, tests) in the layout `--record` uses.
Result<RecordingChannels, McapError> beginRecording(McapWriter &writer);

} // namespace omni
