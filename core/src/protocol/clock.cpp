// SPDX-License-Identifier: MIT
#include "omni/clock.h"

#include <cstdlib>
#include <ctime>

namespace omni {

namespace {

qint64 readClock(clockid_t id)
{
    struct timespec ts {
    };
    clock_gettime(id, &ts);
    return static_cast<qint64>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

class SystemClock final : public Clock
{
public:
    [[nodiscard]] qint64 monotonicNs() const override { return readClock(CLOCK_MONOTONIC); }
    [[nodiscard]] qint64 wallNs() const override { return readClock(CLOCK_REALTIME); }
};

} // namespace

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

WallClockMapping::WallClockMapping(const Clock &clock, WallClockMappingOptions options)
    : m_clock(&clock), m_options(options)
{
}

qint64 WallClockMapping::toWallNs(qint64 monoNs)
{
    // Read monotonic, wall, monotonic and take the middle: a preemption between the reads cannot fake a step.
    const qint64 before = m_clock->monotonicNs();
    const qint64 wall = m_clock->wallNs();
    const qint64 after = m_clock->monotonicNs();
    const qint64 observed = wall - (before + (after - before) / 2);
    if (!m_anchored) {
        m_anchored = true;
        m_offsetNs = observed;
    } else if (std::llabs(observed - m_offsetNs) > m_options.stepThreshold.count()) {
        m_offsetNs = observed;
        ++m_reanchors;
    }
    return monoNs + m_offsetNs;
}

} // namespace omni
