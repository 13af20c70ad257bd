// SPDX-License-Identifier: MIT
#pragma once

#include "omni/clock.h"
#include "omni/mcapreader.h"
#include "omni/replaycontrol.h"
#include "omni/replaycontroller.h"
#include "omni/result.h"
#include "omni/statesource.h"

#include <QByteArray>
#include <QTimer>

#include <memory>
#include <vector>

namespace omni {

/// What a ReplaySource's options say when left alone.
struct ReplaySourceOptions {
    QString path;                          ///< the recording (.mcap)
    const Clock *clock = &Clock::system(); ///< the clock the replay's pace follows (tests inject one)
    int tickMs = 5;                        ///< how often a playing replay looks for the next state to show
    bool playAtStart = true;               ///< whether start() plays (false: paused at the first state)
    ReplayControllerOptions controller;    ///< speed limits, loop
};

/// Why a replay cannot start.
enum class ReplayError {
    CannotRead, ///< the file is missing, not MCAP, or its index is damaged (errorString() says which)
    NoStates,   ///< the recording holds no /robot/state message
    Damaged,    ///< a chunk holding the state to show cannot be read
    BadCommand, ///< a command() that is not JSON, names no known action, or lacks its value
};

/// One event of the recording, for the timeline's marks.
struct ReplayEvent {
    qint64 timeNs = 0; ///< its log time
    QString kind;      ///< e.g. "obstacle_detected" (docs/protocol.md), empty when unread
};

/// A recording played as a source (`omniscient --replay FILE.mcap`): the states of the file's /robot/state channel
/// reach the hub at the recorded pace (or faster, slower, paused, looped: controller()), so the dashboard, the web
/// page, /api/state, --print-json and the mirror server show it as they show a robot. Its link is always
/// LinkStatus::Replay with the file name as `source` and the position in `detail` ("12.300/600.000 s"), never
/// live. Each state gets this machine's monotonic time when it is shown (so it is never "stale") and keeps its
/// recorded publish time (t_publish_ms). Opening reads only the file's indexes; a seek decompresses one chunk.
class ReplaySource : public StateSource, public ReplayControl
{
    Q_OBJECT
public:
    /// A source for `options.path`; nothing is read before open().
    explicit ReplaySource(ReplaySourceOptions options, QObject *parent = nullptr);
    ~ReplaySource() override;

    /// Reads the recording's index (its state and event times, from the message indexes: no decompression).
    Result<void, ReplayError> open();
    /// Shows the first state and plays (or stays paused, see ReplaySourceOptions::playAtStart). Idempotent.
    void start() override;
    /// Replay, the file name, the position.
    [[nodiscard]] LinkInfo link() const override;

    /// The play head; after changing it, call update() (the command slots below do).
    [[nodiscard]] ReplayController &controller() { return *m_controller; }
    /// The play head.
    [[nodiscard]] const ReplayController &controller() const { return *m_controller; }
    /// The recording's events (times and kinds), sorted by time.
    [[nodiscard]] const std::vector<ReplayEvent> &events() const { return m_events; }
    /// The file's name, without its folder.
    [[nodiscard]] QString fileName() const;
    /// The last error (after open() or while playing).
    [[nodiscard]] ReplayError error() const { return m_error; }
    /// The last error, in English with the facts.
    [[nodiscard]] QString errorString() const { return m_errorString; }
    /// How long the last state change took, from the command (or tick) to stateReceived, in µs.
    [[nodiscard]] qint64 lastShowUs() const { return m_lastShowUs; }

    /// `{"file":..., "position_s":..., "duration_s":..., "playing":..., "speed":..., "loop":..., "events":[...]}`:
    /// what GET /api/replay answers and the web page's timeline shows (docs/protocol.md, "Replay").
    [[nodiscard]] QByteArray statusJson() const;
    /// Applies a command of POST /api/replay: {"action":"play"|"pause"|"seek","position_s":S|"speed","speed":X|
    /// "step","count":N|"next_event"|"previous_event"|"loop","loop":B}. Returns the status, or why it was refused.
    Result<QByteArray, ReplayError> command(const QByteArray &body);
    /// statusJson(), for the mirror server.
    [[nodiscard]] QByteArray replayStatus() const override { return statusJson(); }
    /// command(), for the mirror server.
    Result<QByteArray, ReplayCommandError> replayCommand(const QByteArray &body) override;

public Q_SLOTS:
    /// Shows the state at the controller's position now (if it changed), restarts or stops the timer, and tells
    /// everyone (statusChanged). Call after any change to controller().
    void update();

Q_SIGNALS:
    /// Playing, paused, moved, speed or loop changed.
    void statusChanged();

private:
    struct StateRef {
        qint64 timeNs;
        std::uint32_t chunk;
        quint64 offset;
    };
    Result<void, ReplayError> show(std::size_t index);
    void setLink();

    ReplaySourceOptions m_options;
    std::unique_ptr<McapReader> m_reader;
    std::unique_ptr<ReplayController> m_controller;
    std::vector<StateRef> m_states;
    std::vector<ReplayEvent> m_events;
    QTimer m_timer;
    LinkInfo m_link;
    std::size_t m_shown = SIZE_MAX;
    std::uint32_t m_cachedChunk = UINT32_MAX;
    QByteArray m_cachedRecords;
    qint64 m_lastShowUs = 0;
    qint64 m_linkPositionMs = -1;
    bool m_started = false;
    ReplayError m_error = ReplayError::CannotRead;
    QString m_errorString;
};

} // namespace omni
