// SPDX-License-Identifier: MIT
// Everything the robot side can do wrong, at any moment: the reader survives and says what happened.
#include "shmfixture.h"

#include <cstring>
#include <sys/wait.h>
#include <unistd.h>

using namespace omni;
using namespace omni::test;
using namespace std::chrono_literals;

TEST_F(ShmSourceTest, ReportsIncompatibleWhenAbiIsNewerAndRecoversWhenAGoodWriterReplacesIt)
{
    omni_shm_segment seg{};
    seg.header.magic = OMNI_SHM_MAGIC;
    seg.header.abi_version = OMNI_SHM_ABI_VERSION + 1;
    seg.header.header_size = sizeof(omni_shm_header);
    seg.header.payload_size = sizeof(omni_state);
    writeRawSegment(name, &seg, sizeof(seg));
    startSource();
    ASSERT_TRUE(waitForLink(LinkStatus::Incompatible));
    EXPECT_EQ(links.back().reason, Incompatibility::AbiNewer);
    EXPECT_TRUE(links.back().detail.contains(QStringLiteral("ABI 2")));
    EXPECT_EQ(links.back().segmentAbi, OMNI_SHM_ABI_VERSION + 1);
    EXPECT_EQ(links.back().readerAbi, OMNI_SHM_ABI_VERSION);

    unlinkSegments(name);
    writer = omni_writer_open(name.toLocal8Bit().constData());
    const omni_state s = counterState(11);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForLink(LinkStatus::Live));
    ASSERT_TRUE(waitUntil([&] { return !states.empty() && states.back().direction == 11; }));
    EXPECT_EQ(links.back().segmentAbi, 0u);
    EXPECT_EQ(links.back().readerAbi, 0u);
}

TEST_F(ShmSourceTest, ReportsBadMagicForGarbageAndNeverDeliversAState)
{
    std::vector<unsigned char> garbage(4096);
    for (size_t i = 0; i < garbage.size(); ++i) {
        garbage[i] = static_cast<unsigned char>((i * 131) ^ 0x5a);
    }
    writeRawSegment(name, garbage.data(), garbage.size());
    startSource();
    ASSERT_TRUE(waitForLink(LinkStatus::Incompatible));
    EXPECT_EQ(links.back().reason, Incompatibility::BadMagic);
    QThread::msleep(300);
    QCoreApplication::processEvents();
    EXPECT_TRUE(states.empty());
    // No log flood: the status is reported once, not on every retry.
    EXPECT_EQ(std::count_if(links.begin(), links.end(),
                            [](const LinkInfo &l) { return l.status == LinkStatus::Incompatible; }),
              1);
}

TEST_F(ShmSourceTest, SurvivesTheSegmentBeingTruncatedToZeroWhileMapped)
{
    startSource();
    writer = omni_writer_open(name.toLocal8Bit().constData());
    omni_state s = counterState(1);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForLink(LinkStatus::Live));
    // Truncate under the reader's mapping (its next access would SIGBUS), then let it touch it.
    truncateSegment(name, 0);
    ASSERT_TRUE(waitForLink(LinkStatus::Waiting));
    EXPECT_TRUE(links.back().detail.contains(QStringLiteral("empty"))) << links.back().detail.toStdString();
    // The writer's own mapping is beyond its end too (touching it would SIGBUS the robot):
    // the robot restarts, and the new writer brings the link back.
    abandonWriter(writer);
    writer = omni_writer_open(name.toLocal8Bit().constData());
    s = counterState(2);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForLink(LinkStatus::Live));
}

TEST_F(ShmSourceTest, ReportsTooSmallWhenTruncatedIntoTheHeader)
{
    startSource();
    writer = omni_writer_open(name.toLocal8Bit().constData());
    const omni_state s = counterState(1);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForLink(LinkStatus::Live));
    truncateSegment(name, 40);
    ASSERT_TRUE(waitForLink(LinkStatus::Incompatible));
    EXPECT_EQ(links.back().reason, Incompatibility::TooSmall);
}

TEST_F(ShmSourceTest, ReopensWhenTheSegmentIsReplacedByOneWithAnotherSize)
{
    startSource();
    writer = omni_writer_open(name.toLocal8Bit().constData());
    omni_state s = counterState(1);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitForLink(LinkStatus::Live));
    // Unlink + create anew, as a restarted robot with the original 56-byte layout would.
    omni_writer_close(writer);
    writer = nullptr;
    omni_legacy_shared legacy{};
    legacy.ver = 1;
    legacy.direction = 3;
    writeRawSegment(name, &legacy, sizeof(legacy));
    ASSERT_TRUE(waitUntil([&] { return !states.empty() && states.back().layout == Layout::Legacy56; }));
    EXPECT_EQ(states.back().direction, 3);
    EXPECT_EQ(links.back().layout, Layout::Legacy56);
}

TEST_F(ShmSourceTest, AWriterKilledMidPublishIsStaleNotTornAndANewWriterTakesOverAtOnce)
{
    startSource(200ms);
    // The robot is a child process: it publishes, then (told through the pipe) starts a publish and dies
    // between "odd" and "even", still holding its writer lock until the kernel drops it.
    int go[2];
    ASSERT_EQ(pipe(go), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(go[1]);
        omni_writer *w = omni_writer_open(name.toLocal8Bit().constData());
        if (w == nullptr) {
            _exit(3);
        }
        omni_state s = counterState(5);
        omni_writer_publish(w, &s);
        char c = 0;
        if (read(go[0], &c, 1) != 1) {
            _exit(4);
        }
        omni_state half = counterState(100);
        omni_writer_publish(w, &half);
        __atomic_store_n(&w->seg->header.sequence, w->sequence + 1, __ATOMIC_RELEASE);
        w->seg->state.direction = 999; // half-written
        raise(SIGKILL);
    }
    close(go[0]);
    ASSERT_TRUE(waitForLinkSeen(LinkStatus::Live));
    ASSERT_EQ(write(go[1], "x", 1), 1);
    close(go[1]);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    ASSERT_TRUE(waitForLink(LinkStatus::Stale, 3s));
    for (const auto &st : states) {
        EXPECT_TRUE(isCounterConsistent(st)) << "torn state with direction " << st.direction;
    }
    // The next writer takes the dead robot's segment over at once (its lock died with it) and the link
    // comes back.
    const size_t mark = links.size();
    writer = omni_writer_open(name.toLocal8Bit().constData());
    ASSERT_NE(writer, nullptr) << std::strerror(errno);
    omni_state s = counterState(6);
    omni_writer_publish(writer, &s);
    ASSERT_TRUE(waitUntil([&] { return !states.empty() && states.back().direction == 6; }));
    EXPECT_TRUE(waitForLinkSeen(LinkStatus::Live, mark));
}
