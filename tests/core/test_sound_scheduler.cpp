// SPDX-License-Identifier: MIT
// When the chicken clucks: CluckScheduler with an injected clock and chance, and SoundDirector on a Hub.
#include <omni/cluckscheduler.h>
#include <omni/hub.h>
#include <omni/sounddirector.h>

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include <deque>
#include <set>

using namespace omni;

namespace {

struct Fake {
    qint64 now = 1000;
    std::deque<double> randoms;
    double fallback = 0.5;
    CluckScheduler::Clock clock()
    {
        return [this] { return now; };
    }
    CluckScheduler::Random random()
    {
        return [this] {
            if (randoms.empty()) {
                return fallback;
            }
            const double r = randoms.front();
            randoms.pop_front();
            return r;
        };
    }
};

RobotState withObstacle(int obstacle)
{
    RobotState s;
    s.obstacle = obstacle;
    return s;
}

} // namespace

TEST(CluckScheduler, ClucksOnlyWhileEnabledAndLive)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    f.now += 20000;
    EXPECT_FALSE(s.poll()) << "disabled: never";
    s.setEnabled(true);
    f.now += 20000;
    EXPECT_FALSE(s.poll()) << "not live: the robot is not there to cluck";
    s.onLink(LinkStatus::Live);
    f.now += 10000;
    const auto d = s.poll();
    ASSERT_TRUE(d);
    EXPECT_EQ(d->cue, SoundCue::Cluck);
}

TEST(CluckScheduler, NothingIsScheduledWhileTheLinkIsNotLive)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.setEnabled(true);
    EXPECT_EQ(s.msUntilNextCluck(), -1) << "sound on, but no robot to cluck";
    s.onLink(LinkStatus::Live);
    EXPECT_GE(s.msUntilNextCluck(), 2500);
    s.onLink(LinkStatus::Stale);
    EXPECT_EQ(s.msUntilNextCluck(), -1) << "the link is lost: the cluck is cancelled";
    f.now += 20000;
    EXPECT_FALSE(s.poll());
    s.onLink(LinkStatus::Live);
    EXPECT_GE(s.msUntilNextCluck(), 2500) << "back: a fresh wait, not an overdue cluck";
    s.setEnabled(false);
    EXPECT_EQ(s.msUntilNextCluck(), -1);
}

TEST(CluckScheduler, NextCluckComesBetweenTwoAndAHalfAndTenSeconds)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    f.randoms = {0.0};
    s.setEnabled(true);
    EXPECT_EQ(s.msUntilNextCluck(), 2500);
    s.setEnabled(false);
    EXPECT_EQ(s.msUntilNextCluck(), -1);
    f.randoms = {0.999999};
    s.setEnabled(true);
    EXPECT_EQ(s.msUntilNextCluck(), 10000) << "the last step is 10 s itself";
    f.now += 9999;
    EXPECT_FALSE(s.poll()) << "not yet due";
    f.now += 1;
    EXPECT_TRUE(s.poll());
}

TEST(CluckScheduler, IntervalsStayWithinBoundsOverManyClucks)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    s.setEnabled(true);
    for (int i = 0; i < 200; ++i) {
        f.fallback = (i * 37 % 100) / 100.0;
        const qint64 wait = s.msUntilNextCluck();
        ASSERT_GE(wait, 2500);
        ASSERT_LE(wait, 10000);
        f.now += wait;
        ASSERT_TRUE(s.poll()) << "cluck " << i;
        s.finished();
    }
}

TEST(CluckScheduler, WaitsComeInHalfSecondStepsAsTheOriginalsDid)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    std::set<qint64> seen;
    for (int i = 0; i < 1000; ++i) {
        f.randoms = {i / 1000.0};
        s.setEnabled(true);
        const qint64 wait = s.msUntilNextCluck();
        ASSERT_EQ((wait - 2500) % 500, 0) << wait;
        seen.insert(wait);
        s.setEnabled(false);
    }
    EXPECT_EQ(seen.size(), 16U) << "2.5, 3.0, ..., 10.0 s: every step can come";
    EXPECT_EQ(*seen.begin(), 2500);
    EXPECT_EQ(*seen.rbegin(), 10000);
}

TEST(CluckScheduler, PicksAmongAsManyClucksAsThePlayerHas)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    s.setEnabled(true);
    s.setCluckVariants(7); // a --sound-dir with seven files
    std::set<int> variants;
    for (int i = 0; i < 70; ++i) {
        f.fallback = (i % 7) / 7.0 + 0.01;
        f.now += 10000;
        const auto d = s.poll();
        ASSERT_TRUE(d);
        variants.insert(d->variant);
        s.finished();
    }
    EXPECT_EQ(variants.size(), 7U);
    EXPECT_EQ(*variants.rbegin(), 6);
    s.setCluckVariants(1);
    f.now += 10000;
    const auto d = s.poll();
    ASSERT_TRUE(d);
    EXPECT_EQ(d->variant, 0) << "one file: always that one (not \"never twice in a row\")";
}

TEST(CluckScheduler, NeverTheSameCluckTwiceInARow)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    s.setEnabled(true);
    f.fallback = 0.1; // always variant 0 if nothing stopped it
    int last = -1;
    for (int i = 0; i < 10; ++i) {
        f.now += 10000;
        const auto d = s.poll();
        ASSERT_TRUE(d);
        EXPECT_NE(d->variant, last);
        EXPECT_GE(d->variant, 0);
        EXPECT_LT(d->variant, 3);
        last = d->variant;
        s.finished();
    }
}

TEST(CluckScheduler, ObstacleSoundsOnTheRisingEdgeOnly)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    s.setEnabled(true);
    EXPECT_FALSE(s.onState(withObstacle(0)));
    const auto d = s.onState(withObstacle(1));
    ASSERT_TRUE(d);
    EXPECT_EQ(d->cue, SoundCue::Obstacle);
    s.finished();
    f.now += 5000;
    EXPECT_FALSE(s.onState(withObstacle(1))) << "still the same obstacle";
    EXPECT_FALSE(s.onState(withObstacle(0)));
    EXPECT_TRUE(s.onState(withObstacle(7))) << "a new obstacle, any non-zero code";
}

TEST(CluckScheduler, ObstacleDoesNotChatter)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    s.setEnabled(true);
    ASSERT_TRUE(s.onState(withObstacle(1)));
    s.finished();
    f.now += 500;
    s.onState(withObstacle(0));
    EXPECT_FALSE(s.onState(withObstacle(1))) << "within the hold-off";
    f.now += 3000;
    s.onState(withObstacle(0));
    EXPECT_TRUE(s.onState(withObstacle(1)));
}

TEST(CluckScheduler, LinkLostSoundsWhenALiveLinkEnds)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.setEnabled(true);
    EXPECT_FALSE(s.onLink(LinkStatus::Waiting)) << "never live: nothing was lost";
    EXPECT_FALSE(s.onLink(LinkStatus::Live));
    const auto d = s.onLink(LinkStatus::Stale);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->cue, SoundCue::LinkLost);
    EXPECT_FALSE(s.onLink(LinkStatus::Waiting)) << "already lost";
}

TEST(CluckScheduler, SilentWhenDisabled)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    EXPECT_FALSE(s.onState(withObstacle(1)));
    EXPECT_FALSE(s.onLink(LinkStatus::Stale));
}

TEST(CluckScheduler, NeverTwoAtOnce)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    s.setEnabled(true);
    f.now += 10000;
    ASSERT_TRUE(s.poll()); // a cluck starts
    EXPECT_TRUE(s.busy());
    f.now += 100;
    const auto event = s.onState(withObstacle(1));
    ASSERT_TRUE(event);
    EXPECT_TRUE(event->interrupt) << "an event cuts a cluck short (the player stops it first)";
    f.now += 100;
    EXPECT_FALSE(s.onLink(LinkStatus::Stale)) << "an event never cuts another event short";
    s.finished();
    EXPECT_FALSE(s.busy());
}

TEST(CluckScheduler, DueCluckWhileBusyIsSkipped)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    f.fallback = 0.0; // the next cluck in 2.5 s, while the 4 s event budget still runs
    s.setEnabled(true);
    ASSERT_TRUE(s.onState(withObstacle(1))); // busy with an event
    f.now += s.msUntilNextCluck();
    ASSERT_TRUE(s.busy());
    EXPECT_FALSE(s.poll());
    EXPECT_GE(s.msUntilNextCluck(), 2500) << "rescheduled at its own random time";
}

TEST(CluckScheduler, AStuckPlayerDoesNotSilenceTheChickenForever)
{
    Fake f;
    CluckScheduler s(f.clock(), f.random());
    s.onLink(LinkStatus::Live);
    s.setEnabled(true);
    f.now += 10000;
    ASSERT_TRUE(s.poll()); // the player never reports finished()
    f.now += 4000;
    EXPECT_FALSE(s.busy());
}

TEST(SoundDirector, FollowsTheHubsSwitchAndLocalMute)
{
    Hub hub;
    Fake f;
    CluckTiming timing;
    timing.minGap = std::chrono::milliseconds(10);
    timing.maxGap = std::chrono::milliseconds(10);
    SoundDirector director(&hub, f.clock(), f.random(), timing);
    QSignalSpy cues(&director, &SoundDirector::cue);
    LinkInfo live;
    live.status = LinkStatus::Live;
    hub.acceptLink(live);
    EXPECT_TRUE(director.scheduler().enabled()) << "the hub starts with sound on";

    hub.acceptState(withObstacle(1));
    ASSERT_EQ(cues.size(), 1);
    EXPECT_EQ(cues.at(0).at(0).value<SoundDecision>().cue, SoundCue::Obstacle);
    director.finished();

    director.setLocalMute(true);
    EXPECT_FALSE(director.scheduler().enabled());
    director.setLocalMute(false);
    hub.setSoundEnabled(false);
    EXPECT_FALSE(director.scheduler().enabled());
    hub.setSoundEnabled(true);

    f.now += 20;
    EXPECT_TRUE(QTest::qWaitFor([&] { return cues.size() == 2; }, 3000)) << "the timer polls the scheduler";
    EXPECT_EQ(cues.at(1).at(0).value<SoundDecision>().cue, SoundCue::Cluck);
}

TEST(SoundDirector, SleepsUntilTheNextCluckAndWhileThereIsNone)
{
    Hub hub;
    Fake f;
    f.fallback = 0.5; // clucks 2.5 s + 8 steps of 0.5 s = 6.5 s apart (16 steps from 2.5 s to 10 s)
    SoundDirector director(&hub, f.clock(), f.random());
    EXPECT_TRUE(director.scheduler().enabled());
    EXPECT_EQ(director.msUntilWake(), -1) << "sound on, but no robot: no timer at all";

    LinkInfo live;
    live.status = LinkStatus::Live;
    hub.acceptLink(live);
    EXPECT_GT(director.msUntilWake(), 5000) << "one wake-up when the cluck is due (a coarse timer), not one per second";
    EXPECT_LE(director.msUntilWake(), 6850) << "6.5 s, give or take a coarse timer's 5 %";

    LinkInfo stale = live;
    stale.status = LinkStatus::Stale;
    hub.acceptLink(stale);
    EXPECT_EQ(director.msUntilWake(), -1) << "the robot went away: sleep";
    hub.acceptLink(live);
    EXPECT_GT(director.msUntilWake(), 5000);
    hub.setSoundEnabled(false);
    EXPECT_EQ(director.msUntilWake(), -1) << "sound off: sleep";
}
