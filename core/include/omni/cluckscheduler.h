// SPDX-License-Identifier: MIT
#pragma once

#include "omni/robotstate.h"

#include <QMetaType>

#include <chrono>
#include <functional>
#include <optional>

namespace omni {

/// What the chicken says. The app maps each to a sample; core only decides when.
enum class SoundCue {
    Cluck,    ///< a random cluck while sound is on and the robot is live
    Obstacle, ///< the robot just detected an obstacle (rising edge)
    LinkLost, ///< the robot's link just stopped being live
};

/// Timing of the chicken's voice.
struct CluckTiming {
    std::chrono::milliseconds minGap{2500};       ///< shortest wait between random clucks
    std::chrono::milliseconds maxGap{10000};      ///< longest wait between random clucks
    std::chrono::milliseconds gapStep{500};       ///< waits are minGap + k * gapStep, as the original's were
    std::chrono::milliseconds eventHoldOff{3000}; ///< the same event sound plays at most once per this
    std::chrono::milliseconds maxBusy{4000};      ///< a sound never counts as playing longer than this (a stuck player)
    int cluckVariants = 3;                        ///< how many cluck samples to pick from
};

/// One decision: which sound, which variant of it, and whether it may cut a playing cluck short.
struct SoundDecision {
    SoundCue cue = SoundCue::Cluck; ///< which sound
    int variant = 0;                ///< 0..cluckVariants-1 for clucks, 0 otherwise
    bool interrupt = false;         ///< true: stop the sound that plays now (events cut clucks short)
};

/// Decides when the chicken makes a sound: random clucks every minGap..maxGap while sound is on and the
/// robot is live, an obstacle sound on a rising obstacle edge, a link-lost sound when a live link ends;
/// never two at once. A cluck is scheduled only while sound is on and the link is live (otherwise
/// msUntilNextCluck() is -1, so nothing needs to wake up). Pure logic: time and randomness are injected,
/// so tests are exact.
class CluckScheduler
{
public:
    /// Monotonic milliseconds.
    using Clock = std::function<qint64()>;
    /// Uniform in [0, 1).
    using Random = std::function<double()>;

    /// A scheduler reading time from `clock` and chance from `random`. Starts disabled and not live.
    CluckScheduler(Clock clock, Random random, CluckTiming timing = {});

    /// Sound on or off (already combined with any local mute). Turning it on while live schedules the next
    /// cluck; turning it off cancels it.
    void setEnabled(bool enabled);
    /// How many cluck samples to pick from (at least 1); a --sound-dir with N files makes it N.
    void setCluckVariants(int variants);
    /// Whether sounds may play.
    [[nodiscard]] bool enabled() const { return m_enabled; }

    /// Feeds a new robot state; returns the obstacle sound on a rising obstacle edge.
    std::optional<SoundDecision> onState(const RobotState &state);
    /// Feeds a link change; returns the link-lost sound when a live link stops being live. A link that
    /// becomes live schedules the next cluck (when enabled); one that stops being live cancels it.
    std::optional<SoundDecision> onLink(LinkStatus status);
    /// Returns a cluck when one is due (and schedules the next one).
    std::optional<SoundDecision> poll();
    /// The player finished the current sound: the next one may start.
    void finished();

    /// Whether a sound counts as playing now.
    [[nodiscard]] bool busy() const;
    /// Milliseconds until the next cluck is due (0 when overdue), or -1 when none is scheduled (sound off
    /// or the link not live).
    [[nodiscard]] qint64 msUntilNextCluck() const;
    /// The timing in force.
    [[nodiscard]] const CluckTiming &timing() const { return m_timing; }

private:
    void scheduleNext();
    std::optional<SoundDecision> event(SoundCue cue, qint64 &lastAt);

    Clock m_clock;
    Random m_random;
    CluckTiming m_timing;
    bool m_enabled = false;
    bool m_live = false;
    bool m_obstacle = false;
    qint64 m_nextCluckAt = -1;
    qint64 m_busyUntil = -1;
    bool m_busyWithEvent = false;
    qint64 m_lastObstacleAt = -1;
    qint64 m_lastLinkLostAt = -1;
    int m_lastVariant = -1;
};

} // namespace omni

Q_DECLARE_METATYPE(omni::SoundDecision)
