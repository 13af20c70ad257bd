// SPDX-License-Identifier: MIT
#include "shmfixture.h"

#include "omni_sim_model.h"

#include <QProcess>

#include <atomic>
#include <chrono>
#include <thread>
#include <time.h>

using namespace omni;
using namespace omni::test;
using namespace std::chrono_literals;

TEST_F(ShmSourceTest, ReportsWaitingWhileNoSegmentExists)
{
    startSource();
    ASSERT_TRUE(waitForLink(LinkStatus::Waiting));
    EXPECT_TRUE(links.back().detail.contains(name)) << links.back().detail.toStdString();
    EXPECT_TRUE(states.empty());
}

TEST_F(ShmSourceTest, GoesLiveAndDeliversTheStateTheWriterPublished)
{
    startSource();
    writer = omni_writer_open(name.toLocal8Bit().constData());
    ASSERT_NE(writer, nullptr);
    const omni_state s = counterState(7);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForStates(1));
    ASSERT_TRUE(waitForLink(LinkStatus::Live));
    EXPECT_TRUE(isCounterConsistent(states.back()));
    EXPECT_EQ(states.back().direction, 7);
    EXPECT_EQ(states.back().layout, Layout::Current);
    EXPECT_EQ(states.back().writerPid, getpid());
    EXPECT_EQ(links.back().layout, Layout::Current);
    // Published a moment ago, by the source's clock.
    const qint64 ageMs = (static_cast<qint64>(omni_realtime_ns()) - states.back().publishUnixNs) / 1'000'000;
    EXPECT_GE(ageMs, 0);
    EXPECT_LT(ageMs, 2000);
}

TEST_F(ShmSourceTest, SleepsOnTheWritersFutexInsteadOfPolling)
{
    // Every other reason to wake (stale deadline, capped wait, segment check) is 30 s away:
    // only the writer's FUTEX_WAKE can deliver these states within the 2 s allowed for each.
    startSource(30s, 30s, 30s);
    writer = omni_writer_open(name.toLocal8Bit().constData());
    ASSERT_NE(writer, nullptr);
    const omni_state s = counterState(1);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForStates(1));
    EXPECT_TRUE(source->usingWakeups());
    // Each publish is seen, though the reader sleeps between them.
    for (int i = 2; i < 20; ++i) {
        const omni_state next = counterState(i);
        omni_writer_publish(writer, &next);
        ASSERT_TRUE(waitUntil([&] { return states.back().direction == i; }, 2s)) << "publish " << i;
    }
}

namespace {

/// Publishes `count` states at a steady `period` (absolute deadlines, as a robot loop does) and returns how
/// many FUTEX_WAKE calls the writer made over the second half (only the writer bumps the wake epoch).
uint32_t publishSteadily(omni_writer *w, int count, std::chrono::nanoseconds period)
{
    uint32_t epochAtHalf = 0;
    timespec next{};
    clock_gettime(CLOCK_MONOTONIC, &next);
    for (int i = 1; i <= count; ++i) {
        next.tv_nsec += static_cast<long>(period.count());
        while (next.tv_nsec >= 1'000'000'000L) {
            next.tv_nsec -= 1'000'000'000L;
            ++next.tv_sec;
        }
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr) == EINTR) {
        }
        const omni_state s = counterState(i);
        omni_writer_publish(w, &s);
        if (i == count / 2) {
            epochAtHalf = __atomic_load_n(&w->wake->epoch, __ATOMIC_SEQ_CST);
        }
    }
    return __atomic_load_n(&w->wake->epoch, __ATOMIC_SEQ_CST) - epochAtHalf;
}

} // namespace

TEST_F(ShmSourceTest, ASteadyWriterIsFollowedOnATimerAndSeldomWakesTheReader)
{
    // 100 Hz for 2 s. The margin is generous (3 ms) so that a loaded machine's scheduling jitter still
    // counts as steady; with prediction off, the same run makes the writer wake the reader at every publish.
    for (const auto margin : {3000us, 0us}) {
        SCOPED_TRACE(margin.count());
        states.clear();
        ShmSourceOptions o;
        o.predictMargin = margin;
        startSource(o);
        writer = omni_writer_open(name.toLocal8Bit().constData());
        ASSERT_NE(writer, nullptr);
        ASSERT_NE(writer->wake, nullptr);
        ASSERT_TRUE(waitUntil([&] { return source->usingWakeups(); })) << "the reader never opened the wake segment";
        constexpr int kCount = 200;
        std::atomic<uint32_t> wakes{~0U};
        std::thread robot([&] { wakes = publishSteadily(writer, kCount, 10ms); });
        ASSERT_TRUE(waitUntil([&] { return wakes.load() != ~0U; }, 20s));
        robot.join();
        RecordProperty(margin.count() > 0 ? "wakes_predicted" : "wakes_futex", static_cast<int>(wakes.load()));
        ASSERT_TRUE(waitUntil([&] { return !states.empty() && states.back().direction == kCount; }));
        // A 100 Hz robot is slower than the delivery interval, so nearly every state arrives either way (latest-wins
        // delivery may merge a few when this machine is busy): 90 % asserted.
        EXPECT_GE(states.size(), static_cast<size_t>(kCount * 9 / 10));
        if (margin.count() > 0) {
            EXPECT_LE(wakes.load(), static_cast<uint32_t>(kCount / 2 / 10)) << "the writer woke the reader too often";
        } else {
            EXPECT_GE(wakes.load(), static_cast<uint32_t>(kCount / 2 * 8 / 10)) << "the futex path was not used";
        }
        source.reset();
        omni_writer_close(writer);
        writer = nullptr;
        unlinkSegments(name);
    }
}

TEST_F(ShmSourceTest, BecomesStaleWhenTheWriterStopsPublishingAndLiveAgainWhenItResumes)
{
    startSource(150ms);
    writer = omni_writer_open(name.toLocal8Bit().constData());
    ASSERT_NE(writer, nullptr);
    omni_state s = counterState(1);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForLinkSeen(LinkStatus::Live));
    ASSERT_TRUE(waitForLink(LinkStatus::Stale, 3s));
    const size_t mark = links.size();
    s = counterState(2);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForLinkSeen(LinkStatus::Live, mark));
    ASSERT_TRUE(waitUntil([&] { return states.back().direction == 2; }));
}

TEST_F(ShmSourceTest, ReportsWaitingWhenTheWriterClosesAndRecoversWhenOneReturns)
{
    startSource();
    writer = omni_writer_open(name.toLocal8Bit().constData());
    omni_state s = counterState(3);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForLink(LinkStatus::Live));
    omni_writer_close(writer);
    writer = nullptr;
    ASSERT_TRUE(waitForLink(LinkStatus::Waiting));
    writer = omni_writer_open(name.toLocal8Bit().constData());
    s = counterState(4);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForLink(LinkStatus::Live));
    ASSERT_TRUE(waitUntil([&] { return states.back().direction == 4; }));
}

TEST_F(ShmSourceTest, AnOldSegmentLeftBehindIsShownStaleNeverLive)
{
    writer = omni_writer_open(name.toLocal8Bit().constData());
    omni_state s = counterState(5);
    omni_writer_publish(writer, &s);
    QThread::msleep(400);
    startSource(200ms);
    ASSERT_TRUE(waitForStates(1));
    for (const auto &l : links) {
        EXPECT_NE(l.status, LinkStatus::Live);
    }
    EXPECT_EQ(source->link().status, LinkStatus::Stale);
}

TEST_F(ShmSourceTest, BurstsCoalesceToTheLatestStateWithoutQueueing)
{
    startSource();
    writer = omni_writer_open(name.toLocal8Bit().constData());
    omni_state s = counterState(0);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForStates(1));
    // Publish at least 200000 states without letting the event loop run, and go on until the reader has posted a
    // state over one still pending (on a loaded machine its thread may not run during the first 200000): nothing
    // may pile up.
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    int i = 0;
    while ((i < 200000 || source->coalescedCount() == 0) && std::chrono::steady_clock::now() < deadline) {
        s = counterState(++i);
        omni_writer_publish(writer, &s);
    }
    const int last = i;
    ASSERT_TRUE(waitUntil([&] { return states.back().direction == last; }));
    EXPECT_LT(states.size(), 1000u);
    EXPECT_GT(source->coalescedCount(), 0u);
    for (const auto &st : states) {
        EXPECT_TRUE(isCounterConsistent(st));
    }
}

namespace {
/// Starts omni-legacy-robot at 200 Hz for at most 5 s on `name`, with `more` arguments.
void startLegacyRobot(QProcess &robot, const QString &name, const QStringList &more = {})
{
    const QString exe = QStringLiteral(OMNI_LEGACY_ROBOT);
    ASSERT_TRUE(QFile::exists(exe)) << "legacy writer not built: " << exe.toStdString();
    startProgram(robot, exe,
                 QStringList{QStringLiteral("--shm"), name, QStringLiteral("--rate"), QStringLiteral("200"),
                             QStringLiteral("--duration"), QStringLiteral("5")} +
                     more);
    ASSERT_TRUE(robot.waitForStarted());
}
} // namespace

TEST_F(ShmSourceTest, ReadsTheOriginalRobotsLayoutFromARealLegacyWriterProcess)
{
    startSource();
    QProcess robot;
    ASSERT_NO_FATAL_FAILURE(startLegacyRobot(robot, name));
    ASSERT_TRUE(waitForStates(5, 5s));
    EXPECT_EQ(links.back().status, LinkStatus::Live);
    EXPECT_EQ(links.back().layout, Layout::Legacy56);
    const RobotState &last = states.back();
    EXPECT_EQ(last.layout, Layout::Legacy56);
    EXPECT_FALSE(last.obstacleMode.has_value());
    EXPECT_EQ(last.sensorCount, 4);
    EXPECT_GT(last.seq, states.front().seq);
    robot.kill();
    robot.waitForFinished();
}

TEST_F(ShmSourceTest, ReadsTheOriginalsLast64ByteLayoutFromARealWriterWithEveryValueRight)
{
    startSource();
    QProcess robot;
    ASSERT_NO_FATAL_FAILURE(startLegacyRobot(
        robot, name,
        {QStringLiteral("--layout"), QStringLiteral("64"), QStringLiteral("--seed"), QStringLiteral("7")}));
    ASSERT_TRUE(waitForStates(20, 5s));
    robot.kill();
    robot.waitForFinished();
    EXPECT_EQ(links.back().layout, Layout::Legacy64);

    // Update n carries the simulated robot (seed 7) after n steps of 1/200 s: recompute each state read.
    omni_sim sim;
    omni_sim_init(&sim, 7);
    omni_state want{};
    quint64 stepped = 0;
    int checked = 0;
    for (const RobotState &got : states) {
        ASSERT_EQ(got.layout, Layout::Legacy64);
        ASSERT_GT(got.seq, stepped) << "ver only grows";
        EXPECT_GT(got.publishUnixNs, 0) << "a new ver is stamped when it is seen: the age and rate come from it";
        for (; stepped < got.seq; ++stepped) {
            omni_sim_step(&sim, 1.0 / 200.0, &want);
        }
        SCOPED_TRACE(got.seq);
        EXPECT_EQ(got.direction, want.direction);
        EXPECT_EQ(got.motorPower,
                  (std::array<qint32, 3>{want.motor_power[0], want.motor_power[1], want.motor_power[2]}));
        EXPECT_EQ(got.botMode, want.bot_mode);
        EXPECT_EQ(got.obstacle, want.obstacle);
        EXPECT_EQ(got.obstacleMode, std::optional<qint32>(want.obstacle_mode));
        EXPECT_EQ(got.goLeft, want.go_left);
        EXPECT_EQ(got.goRight, want.go_right);
        EXPECT_EQ(got.sensorMode, want.sensor_mode);
        EXPECT_EQ(got.sensors, (std::array<qint32, 5>{want.sensors[0], want.sensors[1], want.sensors[2],
                                                      want.sensors[3], want.sensors[4]}));
        EXPECT_EQ(got.sensorCount, 5);
        ++checked;
    }
    EXPECT_GE(checked, 20);
}
