// SPDX-License-Identifier: MIT
#pragma once

#include "omni/mcapwriter.h"

#include <QMap>
#include <QString>

namespace omni {

/// The channel ids of a recording's three topics (omni/recorder.h, topics).
struct RecordingChannels {
    quint16 state = 0;  ///< /robot/state
    quint16 link = 0;   ///< /robot/link
    quint16 events = 0; ///< /robot/events
};

/// Starts a recording on an opened-for-writing `writer`: the header, the state schema, the three channels and the
/// "omniscient" metadata record (`metadata` plus the version and the compression). Shared by the continuous
/// Recorder and the black box's saves, so that both write the same file.
Result<RecordingChannels, McapError> beginRecording(McapWriter &writer, QMap<QString, QString> metadata,
                                                    McapCompression compression);

} // namespace omni
