// SPDX-License-Identifier: MIT
#pragma once

#include "omni/result.h"

#include <QByteArray>

namespace omni {

/// Why a replay command was refused.
enum class ReplayCommandError {
    Refused, ///< not a command the replay understands (the message says what is expected)
};

/// What the mirror server needs of a replay (GET and POST /api/replay), without knowing the black box: the app
/// hands it the ReplaySource (docs/protocol.md, "Replay").
class ReplayControl
{
public:
    virtual ~ReplayControl() = default;
    /// The replay's status as JSON (file, position_s, duration_s, playing, speed, loop, events).
    [[nodiscard]] virtual QByteArray replayStatus() const = 0;
    /// Applies a command ({"action":"play"|"pause"|"seek"|"speed"|...}); the new status, or why not.
    virtual Result<QByteArray, ReplayCommandError> replayCommand(const QByteArray &body) = 0;
};

} // namespace omni
