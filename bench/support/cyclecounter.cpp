// SPDX-License-Identifier: MIT
#include "cyclecounter.h"

#include "benchstats.h"

#include <algorithm>
#include <array>

namespace omni::bench {

CycleClock::CycleClock()
{
#if defined(__x86_64__) || defined(__i386__)
    const std::int64_t m0 = monotonicNs();
    const std::uint64_t t0 = cycleNow();
    timespec pause{0, 50'000'000L};
    nanosleep(&pause, nullptr);
    const std::int64_t m1 = monotonicNs();
    const std::uint64_t t1 = cycleNow();
    m_nsPerTick = static_cast<double>(m1 - m0) / static_cast<double>(t1 - t0);
#endif
    std::array<std::uint64_t, 1001> d{};
    for (auto &v : d) {
        const std::uint64_t a = cycleNow();
        const std::uint64_t b = cycleNow();
        v = b - a;
    }
    std::nth_element(d.begin(), d.begin() + 500, d.end());
    m_overhead = d[500];
}

const char *CycleClock::name()
{
#if defined(__x86_64__) || defined(__i386__)
    return "rdtsc";
#else
    return "clock_gettime";
#endif
}

} // namespace omni::bench
