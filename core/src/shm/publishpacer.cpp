// SPDX-License-Identifier: MIT
#include "shm/publishpacer.h"

#include <algorithm>

namespace omni {

namespace {
constexpr std::uint64_t kPauseFactor = 4;      ///< a gap this many periods long is a pause, not a period
constexpr std::uint64_t kSmoothing = 8;        ///< exponential smoothing over about this many states
constexpr unsigned kSettled = 8;               ///< gaps seen before a long one counts as a pause
constexpr std::uint64_t kMinMarginNs = 20'000; ///< the least margin after a predicted publish
constexpr unsigned kProven = 3;                ///< gaps seen before a robot may be predicted
constexpr unsigned kNewRate = 3;               ///< long gaps in a row that mean the robot has slowed down
} // namespace

void PublishPacer::reset()
{
    m_lastMono = 0;
    m_lastCount = 0;
    m_periodNs = 0;
    m_jitterNs = 0;
    m_gaps = 0;
    m_longGaps = 0;
}

void PublishPacer::learn(std::uint64_t publishMono, std::uint64_t publishCount)
{
    const std::uint64_t previousMono = m_lastMono;
    const std::uint64_t previousCount = m_lastCount;
    m_lastMono = publishMono;
    m_lastCount = publishCount;
    if (previousMono == 0 || publishMono <= previousMono || publishCount <= previousCount) {
        return;
    }
    // Per publish: states skipped by the delivery interval still count in the writer's sequence.
    const std::uint64_t gap = (publishMono - previousMono) / (publishCount - previousCount);
    if (m_periodNs == 0) {
        m_periodNs = gap;
        m_jitterNs = 0;
        m_gaps = 1;
        m_longGaps = 0;
        return;
    }
    if (m_gaps >= kSettled && gap >= kPauseFactor * m_periodNs) {
        if (++m_longGaps < kNewRate) {
            return; // a pause is not a period (the next deadline counts from the state after it anyway)
        }
        m_periodNs = gap; // several in a row: the robot now publishes more slowly; learn it afresh
        m_jitterNs = 0;
        m_gaps = 1;
        m_longGaps = 0;
        return;
    }
    m_longGaps = 0;
    const std::uint64_t deviation = gap > m_periodNs ? gap - m_periodNs : m_periodNs - gap;
    if (m_gaps < kSettled) {
        // While learning: the period is the plain mean so far, the jitter the worst deviation seen, so one
        // early stray gap keeps the futex until the smoothed jitter has forgotten it.
        ++m_gaps;
        m_periodNs += (gap > m_periodNs ? gap - m_periodNs : 0) / m_gaps;
        m_periodNs -= (gap < m_periodNs ? m_periodNs - gap : 0) / m_gaps;
        m_jitterNs = std::max(m_jitterNs, deviation);
        return;
    }
    m_jitterNs = (m_jitterNs * (kSmoothing - 1) + deviation) / kSmoothing;
    m_periodNs = (m_periodNs * (kSmoothing - 1) + gap) / kSmoothing;
}

std::uint64_t PublishPacer::margin() const
{
    // Three times the mean deviation covers nearly every publish of a steady robot; the floor covers the
    // timer's own lateness on the writer's side, the option caps the latency it may cost.
    return std::min(m_options.marginNs, std::max(kMinMarginNs, 3 * m_jitterNs));
}

bool PublishPacer::predicting() const
{
    return m_gaps >= kProven && m_options.marginNs > 0 && m_jitterNs <= m_options.marginNs;
}

std::uint64_t PublishPacer::timedWaitDeadline() const
{
    if (m_periodNs == 0) {
        return 0;
    }
    // The first publish that may be delivered next: a quarter of the interval early, so that a period
    // measured a hair shorter than the interval does not skip every other state.
    const std::uint64_t earliest = m_lastMono + m_options.minIntervalNs - m_options.minIntervalNs / 4;
    if (predicting()) {
        std::uint64_t due = m_lastMono + m_periodNs;
        if (due < earliest) {
            due += (earliest - due + m_periodNs - 1) / m_periodNs * m_periodNs;
        }
        return due + margin();
    }
    if (m_periodNs < m_options.minIntervalNs) {
        return earliest; // let a fast robot's states pile up (latest wins) until then
    }
    return 0;
}

} // namespace omni
