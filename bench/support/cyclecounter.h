// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <time.h>
#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#endif

/// A per-call timer cheap enough for a ~20 ns function: the TSC where there is one, else CLOCK_MONOTONIC.
namespace omni::bench {

/// Reads the counter, fenced so the timed code cannot move across it.
inline std::uint64_t cycleNow()
{
#if defined(__x86_64__) || defined(__i386__)
    _mm_lfence();
    const std::uint64_t t = __rdtsc();
    _mm_lfence();
    return t;
#else
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000'000ULL + static_cast<std::uint64_t>(ts.tv_nsec);
#endif
}

/// Converts counter ticks to nanoseconds; measures the counter's rate and its own overhead once.
class CycleClock
{
public:
    /// Calibrates against CLOCK_MONOTONIC (~50 ms).
    CycleClock();
    /// Nanoseconds per tick.
    [[nodiscard]] double nsPerTick() const { return m_nsPerTick; }
    /// Median ticks between two back-to-back cycleNow() calls: subtract it from every sample.
    [[nodiscard]] std::uint64_t overheadTicks() const { return m_overhead; }
    /// The name of the counter ("rdtsc" or "clock_gettime").
    [[nodiscard]] static const char *name();

private:
    double m_nsPerTick = 1.0;
    std::uint64_t m_overhead = 0;
};

} // namespace omni::bench
