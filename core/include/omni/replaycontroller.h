// SPDX-License-Identifier: MIT
#pragma once

#include "omni/clock.h"

#include <QtGlobal>

#include <vector>

namespace omni {

/// What a ReplayController's options say when left alone.
struct ReplayControllerOptions {
    double minSpeed = 0.25; ///< the slowest speed setSpeed() accepts (slower is clamped)
    double maxSpeed = 8.0;  ///< the fastest speed setSpeed() accepts (faster is clamped)
    bool loop = false;      ///< whether playing past the end starts again at the start
};

/// Where a replay is in its recording and how it moves: play, pause, seek, speed, step one state, previous/next
/// event, loop. A pure state machine on an injected clock (no timer, no Qt object): ReplaySource asks position()
/// when it wants to show something. Times are the recording's log times in ns (since the Unix epoch).
/// At speed 1 a state recorded 12.3 s after the first is reached 12.3 s after play() at the start.
class ReplayController
{
public:
    /// A paused controller at the first state. `stateTimes` and `eventTimes` must be sorted; `stateTimes` must not
    /// be empty (a recording without states cannot be replayed). The clock must outlive the controller.
    ReplayController(const Clock &clock, std::vector<qint64> stateTimes, std::vector<qint64> eventTimes,
                     ReplayControllerOptions options = {});

    /// The first state's time.
    [[nodiscard]] qint64 startNs() const { return m_states.front(); }
    /// The last state's time.
    [[nodiscard]] qint64 endNs() const { return m_states.back(); }
    /// The position now (moves while playing; wraps when looping, stops at the end otherwise).
    [[nodiscard]] qint64 positionNs() const;
    /// The index in stateTimes of the state to show now: the last one at or before positionNs().
    [[nodiscard]] std::size_t stateIndex() const;
    /// Whether it is playing (it pauses by itself at the end when not looping).
    [[nodiscard]] bool playing() const;
    /// The speed (1.0: the recorded pace).
    [[nodiscard]] double speed() const { return m_speed; }
    /// Whether it loops.
    [[nodiscard]] bool loop() const { return m_options.loop; }
    /// The events' times, sorted.
    [[nodiscard]] const std::vector<qint64> &eventTimes() const { return m_events; }
    /// The states' times, sorted.
    [[nodiscard]] const std::vector<qint64> &stateTimes() const { return m_states; }

    /// Plays from the position (from the start when it is at the end).
    void play();
    /// Pauses at the position.
    void pause();
    /// Plays when paused, pauses when playing.
    void togglePlay();
    /// Moves to `ns`, clamped to [startNs(), endNs()]; keeps playing or paused.
    void seek(qint64 ns);
    /// Sets the speed, clamped to the options' [minSpeed, maxSpeed]; the position does not jump.
    void setSpeed(double speed);
    /// Loops (or not) when playing past the end.
    void setLoop(bool loop);
    /// Pauses and moves `count` states forward (negative: back), clamped to the first and last state.
    void step(int count);
    /// Moves to the first event after the position; false (and nothing moves) when there is none.
    bool nextEvent();
    /// Moves to the last event before the position; false (and nothing moves) when there is none.
    bool previousEvent();

private:
    [[nodiscard]] qint64 nowNs() const { return m_clock->monotonicNs(); }
    /// Freezes the moving position into m_anchorPos at now.
    void reanchor();

    const Clock *m_clock;
    std::vector<qint64> m_states;
    std::vector<qint64> m_events;
    ReplayControllerOptions m_options;
    double m_speed = 1.0;
    bool m_playing = false;
    qint64 m_anchorPos = 0;  // the position at m_anchorMono
    qint64 m_anchorMono = 0; // when the position was m_anchorPos
};

} // namespace omni
