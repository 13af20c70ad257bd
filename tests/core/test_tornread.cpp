// SPDX-License-Identifier: MIT
// The seqlock under stress: a writer publishes states whose fields all derive from one counter as
// fast as it can; every state the reader reports must be self-consistent.
#include "shmfixture.h"

#include <omni/segment.h>

#include <QProcess>

#include <atomic>
#include <thread>

using namespace omni;
using namespace omni::test;
using namespace std::chrono_literals;

TEST_F(ShmSourceTest, SegmentReadsAreNeverTornAcrossThreads)
{
    writer = omni_writer_open(name.toLocal8Bit().constData());
    ASSERT_NE(writer, nullptr);
    std::atomic<bool> stop{false};
    std::thread w([&] {
        for (int32_t c = 0; !stop.load(std::memory_order_relaxed); ++c) {
            const omni_state s = counterState(c);
            omni_writer_publish(writer, &s);
        }
    });
    int ok = 0;
    int busy = 0;
    int torn = 0;
    const auto end = std::chrono::steady_clock::now() + 700ms;
    while (std::chrono::steady_clock::now() < end) {
        RobotState s;
        quint64 published = 0;
        switch (segment::readCurrent(writer->seg, s, published)) {
        case segment::ReadOutcome::Ok:
            if (published == 0) {
                break; // the zeroed segment before the writer thread's first publish
            }
            ++ok;
            torn += isCounterConsistent(s) ? 0 : 1;
            break;
        case segment::ReadOutcome::Busy:
            ++busy;
            break;
        case segment::ReadOutcome::Initialising:
            break;
        }
    }
    stop = true;
    w.join();
    EXPECT_EQ(torn, 0) << "of " << ok << " reads";
    EXPECT_GT(ok, 1000);
}

TEST_F(ShmSourceTest, SourceNeverReportsATornStateAcrossThreads)
{
    startSource();
    writer = omni_writer_open(name.toLocal8Bit().constData());
    ASSERT_NE(writer, nullptr);
    std::atomic<bool> stop{false};
    std::atomic<int32_t> last{0};
    std::thread w([&] {
        int32_t c = 1;
        for (; !stop.load(std::memory_order_relaxed); ++c) {
            const omni_state s = counterState(c);
            omni_writer_publish(writer, &s);
        }
        last = c - 1;
    });
    waitUntil([&] { return states.size() >= 2000; }, 1500ms);
    stop = true;
    w.join();
    ASSERT_TRUE(waitUntil([&] { return !states.empty() && states.back().direction == last.load(); }));
    int torn = 0;
    for (const auto &s : states) {
        torn += isCounterConsistent(s) ? 0 : 1;
    }
    EXPECT_EQ(torn, 0) << "of " << states.size() << " states";
    EXPECT_GT(states.size(), 50u);
    // Strictly increasing counters: never an older state after a newer one.
    for (size_t i = 1; i < states.size(); ++i) {
        ASSERT_GT(states[i].seq, states[i - 1].seq);
    }
}

TEST_F(ShmSourceTest, SourceNeverReportsATornStateAcrossProcesses)
{
    startSource();
    QProcess proc;
    startProgram(proc, QStringLiteral(OMNI_COUNTER_WRITER), {name, QStringLiteral("1.5")});
    ASSERT_TRUE(proc.waitForStarted());
    ASSERT_TRUE(waitUntil([&] { return proc.state() == QProcess::NotRunning; }, 10s));
    ASSERT_EQ(proc.exitCode(), 0) << proc.readAllStandardError().toStdString();
    const int published = proc.readAllStandardOutput().trimmed().toInt();
    ASSERT_GT(published, 10000);
    // The last state published is the last one reported: latest value wins, nothing is lost at the end.
    ASSERT_TRUE(waitUntil([&] { return !states.empty() && states.back().direction == published - 1; }));
    int torn = 0;
    for (const auto &s : states) {
        torn += isCounterConsistent(s) ? 0 : 1;
    }
    EXPECT_EQ(torn, 0) << "of " << states.size() << " states";
    EXPECT_GT(states.size(), 50u);
}

TEST_F(ShmSourceTest, AReopeningWriterNeverLeavesAnEarlierWritersHalfPublishedStateReadable)
{
    writer = omni_writer_open(name.toLocal8Bit().constData());
    ASSERT_NE(writer, nullptr);
    const omni_state s = counterState(41);
    omni_writer_publish(writer, &s);
    // The writer dies between "odd" and "even", its payload half-written.
    const quint64 oddSeq = writer->sequence + 1;
    __atomic_store_n(&writer->seg->header.sequence, oddSeq, __ATOMIC_RELEASE);
    writer->seg->state.direction = 999;
    abandonWriter(writer);

    writer = omni_writer_open(name.toLocal8Bit().constData());
    ASSERT_NE(writer, nullptr);
    EXPECT_EQ(writer->seg->header.sequence % 2, 0u);
    EXPECT_GT(writer->seg->header.sequence, oddSeq);
    RobotState r;
    quint64 published = 1;
    ASSERT_EQ(segment::readCurrent(writer->seg, r, published), segment::ReadOutcome::Ok);
    EXPECT_EQ(published, 0u) << "nothing is published by the new writer yet";
    EXPECT_EQ(r.direction, 0) << "the dead writer's half-written word must be gone";
    EXPECT_EQ(r.motorPower, (std::array<qint32, 3>{0, 0, 0}));
}
