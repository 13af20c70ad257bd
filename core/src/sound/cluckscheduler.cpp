// SPDX-License-Identifier: MIT
#include "omni/cluckscheduler.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace omni {

CluckScheduler::CluckScheduler(Clock clock, Random random, CluckTiming timing)
    : m_clock(std::move(clock)), m_random(std::move(random)), m_timing(timing)
{
    m_timing.minGap = std::max(m_timing.minGap, std::chrono::milliseconds(1));
    m_timing.maxGap = std::max(m_timing.maxGap, m_timing.minGap);
    m_timing.gapStep = std::max(m_timing.gapStep, std::chrono::milliseconds(1));
    m_timing.cluckVariants = std::max(m_timing.cluckVariants, 1);
}

void CluckScheduler::setCluckVariants(int variants)
{
    m_timing.cluckVariants = std::max(variants, 1);
    if (m_lastVariant >= m_timing.cluckVariants) {
        m_lastVariant = -1;
    }
}

void CluckScheduler::setEnabled(bool enabled)
{
    if (enabled == m_enabled) {
        return;
    }
    m_enabled = enabled;
    if (enabled && m_live) {
        scheduleNext();
    } else {
        m_nextCluckAt = -1;
    }
}

void CluckScheduler::scheduleNext()
{
    // One of the steps minGap, minGap + step, ..., maxGap, each as likely (2.5 s to 10 s in 0.5 s steps).
    const double r = std::clamp(m_random(), 0.0, 0.999999);
    const qint64 steps = (m_timing.maxGap - m_timing.minGap).count() / m_timing.gapStep.count() + 1;
    const auto k = static_cast<qint64>(std::floor(r * static_cast<double>(steps)));
    m_nextCluckAt = m_clock() + m_timing.minGap.count() + k * m_timing.gapStep.count();
}

bool CluckScheduler::busy() const
{
    return m_busyUntil >= 0 && m_clock() < m_busyUntil;
}

void CluckScheduler::finished()
{
    m_busyUntil = -1;
    m_busyWithEvent = false;
}

qint64 CluckScheduler::msUntilNextCluck() const
{
    if (m_nextCluckAt < 0) {
        return -1;
    }
    return std::max<qint64>(0, m_nextCluckAt - m_clock());
}

std::optional<SoundDecision> CluckScheduler::event(SoundCue cue, qint64 &lastAt)
{
    const qint64 now = m_clock();
    if (!m_enabled) {
        return std::nullopt;
    }
    // An event never cuts another event short, and the same event does not chatter.
    if ((busy() && m_busyWithEvent) || (lastAt >= 0 && now - lastAt < m_timing.eventHoldOff.count())) {
        return std::nullopt;
    }
    const bool interrupt = busy();
    lastAt = now;
    m_busyUntil = now + m_timing.maxBusy.count();
    m_busyWithEvent = true;
    return SoundDecision{cue, 0, interrupt};
}

std::optional<SoundDecision> CluckScheduler::onState(const RobotState &state)
{
    const bool obstacle = state.obstacle != 0;
    const bool rising = obstacle && !m_obstacle;
    m_obstacle = obstacle;
    if (!rising || !m_live) {
        return std::nullopt;
    }
    return event(SoundCue::Obstacle, m_lastObstacleAt);
}

std::optional<SoundDecision> CluckScheduler::onLink(LinkStatus status)
{
    const bool live = status == LinkStatus::Live;
    const bool lost = m_live && !live;
    if (live && !m_live && m_enabled) {
        scheduleNext(); // a robot that (re)appears does not cluck at once
    }
    m_live = live;
    if (!live) {
        m_obstacle = false; // the next live obstacle is a new one
        m_nextCluckAt = -1; // no robot to cluck: nothing to wake up for
    }
    if (!lost) {
        return std::nullopt;
    }
    return event(SoundCue::LinkLost, m_lastLinkLostAt);
}

std::optional<SoundDecision> CluckScheduler::poll()
{
    if (!m_enabled || !m_live || m_nextCluckAt < 0 || m_clock() < m_nextCluckAt) {
        return std::nullopt;
    }
    scheduleNext();
    if (busy()) {
        return std::nullopt; // skipped, not queued: the next one comes at its own random time
    }
    int variant = static_cast<int>(std::floor(std::clamp(m_random(), 0.0, 0.999999) * m_timing.cluckVariants));
    if (m_timing.cluckVariants > 1 && variant == m_lastVariant) {
        variant = (variant + 1) % m_timing.cluckVariants; // never the same cluck twice in a row
    }
    m_lastVariant = variant;
    m_busyUntil = m_clock() + m_timing.maxBusy.count();
    m_busyWithEvent = false;
    return SoundDecision{SoundCue::Cluck, variant, false};
}

} // namespace omni
