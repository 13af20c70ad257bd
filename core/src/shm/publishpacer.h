// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace omni {

/// Decides how the reader waits for the robot's next state. It learns the writer's period and jitter from
/// each delivered state's publish time and publish count, and answers when a plain timer may replace the
/// futex: for a steady robot, just after its next publish is due (the writer then finds nobody waiting and
/// makes no syscall); for a robot faster than the delivery interval, once per interval (latest wins).
/// Pure arithmetic on CLOCK_MONOTONIC nanoseconds, so it is tested with synthetic clocks.
class PublishPacer
{
public:
    struct Options {
        std::uint64_t marginNs = 100'000;        ///< after a predicted publish; 0: never predict
        std::uint64_t minIntervalNs = 1'000'000; ///< deliver at most one state per interval; 0: every state
    };

    explicit PublishPacer(Options options) : m_options(options) {}

    /// Forgets the period: a new writer generation may publish at another rate.
    void reset();
    /// A fresh state was delivered: published at `publishMono`, the writer's `publishCount`th publish.
    void learn(std::uint64_t publishMono, std::uint64_t publishCount);
    /// When a timed wait after the last delivered state should end, or 0 when the reader should sleep on
    /// the futex instead (nothing learnt yet, an irregular robot that is not fast, or predicting disabled).
    std::uint64_t timedWaitDeadline() const;
    /// True when timedWaitDeadline() predicts publishes (a steady robot) rather than only coalescing.
    bool predicting() const;
    /// How long after the predicted publish the timer ends: three times the jitter, within [20 us, marginNs].
    std::uint64_t margin() const;

    std::uint64_t periodNs() const { return m_periodNs; }
    std::uint64_t jitterNs() const { return m_jitterNs; }

private:
    Options m_options;
    std::uint64_t m_lastMono = 0;
    std::uint64_t m_lastCount = 0;
    std::uint64_t m_periodNs = 0; ///< smoothed period per publish (0: unknown)
    std::uint64_t m_jitterNs = 0; ///< smoothed |gap - period|
    unsigned m_gaps = 0;          ///< gaps learnt since the period was (re)started, up to kSettled
    unsigned m_longGaps = 0;      ///< pauses in a row
};

} // namespace omni
