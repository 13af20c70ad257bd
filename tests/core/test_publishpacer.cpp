// SPDX-License-Identifier: MIT
// The reader's choice between a timer and the futex, on synthetic clocks.
#include "shm/publishpacer.h"

#include <gtest/gtest.h>

#include <cstdint>

using omni::PublishPacer;

namespace {

constexpr std::uint64_t kMs = 1'000'000;
constexpr std::uint64_t kUs = 1'000;
constexpr std::uint64_t kStart = 1'000 * kMs;

/// Feeds `n` publishes, one every `periodNs` (every `stride`th delivered), the k-th `jitter(k)` late.
template <typename Jitter>
std::uint64_t feed(PublishPacer &p, int n, std::uint64_t periodNs, Jitter jitter, std::uint64_t stride = 1,
                   std::uint64_t firstCount = 1)
{
    std::uint64_t t = 0;
    for (int k = 0; k < n; ++k) {
        const std::uint64_t count = firstCount + static_cast<std::uint64_t>(k) * stride;
        t = kStart + (count - 1) * periodNs + jitter(k);
        p.learn(t, count);
    }
    return t;
}

auto none = [](int) { return std::uint64_t{0}; };

} // namespace

TEST(PublishPacer, SleepsOnTheFutexUntilItHasSeenTheRobotsPeriod)
{
    PublishPacer p({});
    EXPECT_EQ(p.timedWaitDeadline(), 0U);
    p.learn(kStart, 1);
    EXPECT_EQ(p.timedWaitDeadline(), 0U) << "one state says nothing about a period";
    p.learn(kStart + 20 * kMs, 2);
    EXPECT_EQ(p.periodNs(), 20 * kMs);
    EXPECT_FALSE(p.predicting()) << "a robot must prove it is steady first";
    EXPECT_EQ(p.timedWaitDeadline(), 0U);
    p.learn(kStart + 40 * kMs, 3);
    EXPECT_FALSE(p.predicting());
    p.learn(kStart + 60 * kMs + 30 * kUs, 4);
    EXPECT_TRUE(p.predicting()) << "three steady gaps prove it";
    EXPECT_EQ(p.timedWaitDeadline(), kStart + 60 * kMs + 30 * kUs + p.periodNs() + 90 * kUs);
}

TEST(PublishPacer, OneStrayGapWhileLearningKeepsTheFutexUntilItIsForgotten)
{
    PublishPacer p({});
    feed(p, 3, 20 * kMs, none);
    p.learn(kStart + 60 * kMs + 2 * kMs, 4); // 2 ms late
    int futexStates = 0;
    for (std::uint64_t c = 5; c < 100 && !p.predicting(); ++c) {
        p.learn(kStart + (c - 1) * 20 * kMs, c);
        ++futexStates;
    }
    EXPECT_TRUE(p.predicting());
    EXPECT_GE(futexStates, 8) << "the stray gap was forgotten too soon";
}

TEST(PublishPacer, WakesJustAfterTheNextPublishOfASteadyRobot)
{
    PublishPacer p({});
    const std::uint64_t last = feed(p, 60, 20 * kMs, none); // 50 Hz
    ASSERT_TRUE(p.predicting()) << "jitter " << p.jitterNs();
    EXPECT_EQ(p.periodNs(), 20 * kMs);
    EXPECT_EQ(p.timedWaitDeadline(), last + 20 * kMs + 20 * kUs) << "no jitter: the least margin";
}

TEST(PublishPacer, TheMarginFollowsTheJitterUpToTheLimit)
{
    PublishPacer p({});
    const std::uint64_t last = feed(p, 300, kMs, [](int k) { return k % 2 == 0 ? 20 * kUs : 0; });
    ASSERT_TRUE(p.predicting());
    EXPECT_NEAR(static_cast<double>(p.jitterNs()), 20e3, 2.5e3);
    EXPECT_NEAR(static_cast<double>(p.margin()), 60e3, 7.5e3);
    EXPECT_EQ(p.timedWaitDeadline(), last + p.periodNs() + p.margin());

    PublishPacer q({});
    feed(q, 300, kMs, [](int k) { return k % 2 == 0 ? 80 * kUs : 0; });
    ASSERT_TRUE(q.predicting()) << "jitter " << q.jitterNs();
    EXPECT_EQ(q.margin(), 100 * kUs) << "capped by the option";
}

TEST(PublishPacer, ToleratesJitterWithinTheMarginButNotBeyondIt)
{
    // 1 kHz with +-40 us of jitter: steady.
    PublishPacer small({});
    feed(small, 200, kMs, [](int k) { return k % 2 == 0 ? 40 * kUs : 0; });
    EXPECT_TRUE(small.predicting()) << "jitter " << small.jitterNs();

    // 200 Hz with +-2 ms: predicting would add up to 2 ms of latency, so the futex it is.
    PublishPacer large({});
    feed(large, 200, 5 * kMs, [](int k) { return k % 2 == 0 ? 2 * kMs : 0; });
    EXPECT_FALSE(large.predicting()) << "jitter " << large.jitterNs();
    EXPECT_EQ(large.timedWaitDeadline(), 0U);
}

TEST(PublishPacer, AFastRobotIsReadOncePerDeliveryIntervalWhateverItsJitter)
{
    // 10 kHz, straying 90 us from its period (more than a 50 us margin): not predicted, but its states pile up
    // for 3/4 of the interval (latest wins).
    PublishPacer p({.marginNs = 50 * kUs, .minIntervalNs = kMs});
    const std::uint64_t last = feed(p, 500, 100 * kUs, [](int k) { return k % 2 == 0 ? 90 * kUs : 0; });
    EXPECT_FALSE(p.predicting());
    EXPECT_EQ(p.timedWaitDeadline(), last + 750 * kUs);

    // The same robot steady: the first publish due after that point, plus the margin.
    PublishPacer steady({});
    const std::uint64_t t = feed(steady, 500, 100 * kUs, none);
    ASSERT_TRUE(steady.predicting());
    EXPECT_EQ(steady.timedWaitDeadline(), t + 800 * kUs + 20 * kUs);
}

TEST(PublishPacer, LearnsThePeriodPerPublishWhenStatesWereSkipped)
{
    // 10 kHz robot, read once per millisecond: each delivered state is ten publishes on.
    PublishPacer p({});
    feed(p, 100, 100 * kUs, none, 10);
    EXPECT_EQ(p.periodNs(), 100 * kUs);
}

TEST(PublishPacer, APauseIsNotAPeriodAndAFasterRobotIsFollowed)
{
    PublishPacer p({});
    std::uint64_t t = feed(p, 50, 20 * kMs, none);
    ASSERT_TRUE(p.predicting());
    // The robot pauses for two seconds, then goes on: the period stays.
    t += 2000 * kMs;
    p.learn(t, 51);
    EXPECT_EQ(p.periodNs(), 20 * kMs);
    // It switches to 1 kHz: first irregular (futex), then steady again at the new period.
    for (std::uint64_t c = 52; c < 52 + 200; ++c) {
        t += kMs;
        p.learn(t, c);
        if (c == 53) {
            EXPECT_FALSE(p.predicting()) << "a change of rate must not be predicted with the old period";
        }
    }
    EXPECT_TRUE(p.predicting());
    EXPECT_NEAR(static_cast<double>(p.periodNs()), 1e6, 1e4);
    EXPECT_EQ(p.timedWaitDeadline(), t + p.periodNs() + p.margin());
}

TEST(PublishPacer, ARobotThatSlowsDownForGoodIsLearntAfresh)
{
    PublishPacer p({});
    std::uint64_t t = feed(p, 50, kMs, none);
    ASSERT_EQ(p.periodNs(), kMs);
    for (std::uint64_t c = 51; c < 51 + 100; ++c) {
        t += 20 * kMs;
        p.learn(t, c);
    }
    EXPECT_EQ(p.periodNs(), 20 * kMs);
    EXPECT_TRUE(p.predicting());
}

TEST(PublishPacer, ZeroMarginNeverPredictsAndZeroIntervalNeverCoalesces)
{
    PublishPacer noPredict({.marginNs = 0, .minIntervalNs = kMs});
    feed(noPredict, 100, 20 * kMs, none);
    EXPECT_FALSE(noPredict.predicting());
    EXPECT_EQ(noPredict.timedWaitDeadline(), 0U) << "slow and unpredicted: the futex";
    PublishPacer fast({.marginNs = 0, .minIntervalNs = kMs});
    const std::uint64_t f = feed(fast, 100, 100 * kUs, none);
    EXPECT_EQ(fast.timedWaitDeadline(), f + 750 * kUs) << "fast: coalesced even without prediction";

    PublishPacer everyState({.marginNs = 0, .minIntervalNs = 0});
    feed(everyState, 100, 100 * kUs, none);
    EXPECT_EQ(everyState.timedWaitDeadline(), 0U);
}

TEST(PublishPacer, ResetForgetsTheOldWriter)
{
    PublishPacer p({});
    feed(p, 50, 20 * kMs, none);
    ASSERT_TRUE(p.predicting());
    p.reset();
    EXPECT_EQ(p.periodNs(), 0U);
    EXPECT_EQ(p.timedWaitDeadline(), 0U);
    // A new writer restarts its publish count at 1: learning starts over instead of dividing by a wrapped count.
    p.learn(kStart + 5000 * kMs, 1);
    p.learn(kStart + 5001 * kMs, 2);
    EXPECT_EQ(p.periodNs(), kMs);
}
