// SPDX-License-Identifier: MIT
#include <omni/segment.h>
#include <omniscient/omni_shm.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstring>
#include <sys/time.h>
#include <vector>

using namespace omni;

namespace {

omni_shm_segment validSegment()
{
    omni_shm_segment seg{};
    seg.header.magic = OMNI_SHM_MAGIC;
    seg.header.abi_version = OMNI_SHM_ABI_VERSION;
    seg.header.header_size = sizeof(omni_shm_header);
    seg.header.payload_size = sizeof(omni_state);
    seg.header.writer_pid = 42;
    seg.header.writer_start_ns = 7;
    seg.header.sequence = 10;
    seg.header.publish_ns = 123456789;
    seg.state.direction = 2;
    seg.state.motor_power[0] = 10;
    seg.state.motor_power[1] = -20;
    seg.state.motor_power[2] = 30;
    seg.state.bot_mode = 1;
    seg.state.obstacle = 1;
    seg.state.obstacle_mode = 1;
    seg.state.go_left = 1;
    seg.state.sensor_mode = 2;
    seg.state.sensors[4] = 1;
    return seg;
}

} // namespace

TEST(Segment, EmptySegmentIsWaiting)
{
    const auto r = segment::inspect(nullptr, 0);
    EXPECT_EQ(r.status, LinkStatus::Waiting);
    EXPECT_EQ(r.reason, Incompatibility::None);
}

TEST(Segment, ValidSegmentIsLiveCurrentLayout)
{
    const auto seg = validSegment();
    const auto r = segment::inspect(&seg, sizeof(seg));
    EXPECT_EQ(r.status, LinkStatus::Live);
    EXPECT_EQ(r.layout, Layout::Current);
    EXPECT_EQ(r.writerPid, 42);
    EXPECT_EQ(r.writerStartNs, 7u);
}

TEST(Segment, MagicZeroMeansInitialising)
{
    auto seg = validSegment();
    seg.header.magic = 0;
    const auto r = segment::inspect(&seg, sizeof(seg));
    EXPECT_EQ(r.status, LinkStatus::Waiting);
    EXPECT_TRUE(r.detail.contains(QStringLiteral("initialising")));
}

TEST(Segment, ReportsBadMagicForGarbage)
{
    std::vector<unsigned char> garbage(sizeof(omni_shm_segment));
    for (size_t i = 0; i < garbage.size(); ++i) {
        garbage[i] = static_cast<unsigned char>(i * 37 + 11);
    }
    const auto r = segment::inspect(garbage.data(), garbage.size());
    EXPECT_EQ(r.status, LinkStatus::Incompatible);
    EXPECT_EQ(r.reason, Incompatibility::BadMagic);
}

TEST(Segment, ReportsIncompatibleWhenAbiIsNewer)
{
    auto seg = validSegment();
    seg.header.abi_version = OMNI_SHM_ABI_VERSION + 1;
    const auto r = segment::inspect(&seg, sizeof(seg));
    EXPECT_EQ(r.status, LinkStatus::Incompatible);
    EXPECT_EQ(r.reason, Incompatibility::AbiNewer);
    EXPECT_TRUE(r.detail.contains(QStringLiteral("ABI 2"))) << r.detail.toStdString();
}

TEST(Segment, ReportsIncompatibleWhenAbiIsOlder)
{
    auto seg = validSegment();
    seg.header.abi_version = 0;
    EXPECT_EQ(segment::inspect(&seg, sizeof(seg)).reason, Incompatibility::AbiOlder);
}

TEST(Segment, ReportsBothAbiVersionsAsNumbers)
{
    auto seg = validSegment();
    seg.header.abi_version = OMNI_SHM_ABI_VERSION + 5;
    const auto newer = segment::inspect(&seg, sizeof(seg));
    EXPECT_EQ(newer.reason, Incompatibility::AbiNewer);
    EXPECT_EQ(newer.segmentAbi, OMNI_SHM_ABI_VERSION + 5);
    EXPECT_EQ(newer.readerAbi, OMNI_SHM_ABI_VERSION);
    seg.header.abi_version = 0;
    const auto older = segment::inspect(&seg, sizeof(seg));
    EXPECT_EQ(older.reason, Incompatibility::AbiOlder);
    EXPECT_EQ(older.segmentAbi, 0u);
    EXPECT_EQ(older.readerAbi, OMNI_SHM_ABI_VERSION);
    seg.header.abi_version = OMNI_SHM_ABI_VERSION;
    const auto fine = segment::inspect(&seg, sizeof(seg));
    EXPECT_EQ(fine.status, LinkStatus::Live);
    EXPECT_EQ(fine.segmentAbi, 0u) << "only an ABI mismatch says versions";
    EXPECT_EQ(fine.readerAbi, 0u);
}

TEST(Segment, ReportsHeaderAndPayloadSizeMismatches)
{
    auto seg = validSegment();
    seg.header.header_size = 72;
    EXPECT_EQ(segment::inspect(&seg, sizeof(seg)).reason, Incompatibility::HeaderSize);
    seg = validSegment();
    seg.header.payload_size = 56;
    EXPECT_EQ(segment::inspect(&seg, sizeof(seg)).reason, Incompatibility::PayloadSize);
}

TEST(Segment, ReportsTooSmallWhenHeaderPromisesMoreThanTheSegmentHolds)
{
    const auto seg = validSegment();
    const auto r = segment::inspect(&seg, sizeof(omni_shm_header) + 8);
    EXPECT_EQ(r.status, LinkStatus::Incompatible);
    EXPECT_EQ(r.reason, Incompatibility::TooSmall);
}

TEST(Segment, ReportsTooSmallForTinySegmentsThatAreNotLegacy)
{
    const unsigned char bytes[20] = {1, 2, 3};
    const auto r = segment::inspect(bytes, sizeof(bytes));
    EXPECT_EQ(r.reason, Incompatibility::TooSmall);
    EXPECT_TRUE(r.detail.contains(QStringLiteral("20 bytes"))) << r.detail.toStdString();
}

TEST(Segment, AnUnknownSegmentIsDescribedByItsSizeAndFirstWordNeverAsABadMagic)
{
    // A struct of 12 ints whose first one is an old robot's counter (42): no layout omniscient knows.
    std::array<int32_t, 12> words{};
    words[0] = 42;
    const auto small = segment::inspect(words.data(), sizeof(words));
    EXPECT_EQ(small.status, LinkStatus::Incompatible);
    EXPECT_EQ(small.detail, QStringLiteral("size 48 bytes, first word 0x0000002a: neither omniscient's segment "
                                           "(magic 0x%1, 128 bytes for ABI %2) nor an original robot's 56- or "
                                           "64-byte struct")
                                .arg(OMNI_SHM_MAGIC, 8, 16, QLatin1Char('0'))
                                .arg(OMNI_SHM_ABI_VERSION));
    // The same at a size from which a header could be read: bad_magic, but the text still says what was found.
    std::array<int32_t, 20> more{};
    more[0] = 42;
    const auto large = segment::inspect(more.data(), sizeof(more));
    EXPECT_EQ(large.reason, Incompatibility::BadMagic);
    EXPECT_TRUE(large.detail.startsWith(QStringLiteral("size 80 bytes, first word 0x0000002a: neither")))
        << large.detail.toStdString();
    for (const auto &r : {small, large}) {
        EXPECT_FALSE(r.detail.contains(QStringLiteral("magic 0x0000002a"))) << "a counter is not a magic";
    }
    const unsigned char two[2] = {7, 7};
    EXPECT_TRUE(segment::inspect(two, sizeof(two)).detail.startsWith(QStringLiteral("size 2 bytes: neither")));
}

TEST(Segment, OurSegmentCutShortIsTooSmallNotAnOriginalRobot)
{
    // 64 bytes is the size of the original's last struct and of our header: our magic decides.
    const auto seg = validSegment();
    const auto header = segment::inspect(&seg, sizeof(omni_shm_header));
    EXPECT_EQ(header.reason, Incompatibility::TooSmall);
    EXPECT_EQ(header.layout, Layout::None);
    const auto cut = segment::inspect(&seg, 56);
    EXPECT_EQ(cut.reason, Incompatibility::TooSmall);
    EXPECT_EQ(cut.detail, QStringLiteral("segment is 56 bytes, smaller than omniscient's 64-byte header"));
}

TEST(Segment, DetectsLegacyLayoutBySize)
{
    omni_legacy_shared legacy{};
    legacy.ver = 5;
    const auto r = segment::inspect(&legacy, sizeof(legacy));
    EXPECT_EQ(r.status, LinkStatus::Live);
    EXPECT_EQ(r.layout, Layout::Legacy56);
    EXPECT_EQ(segment::legacySize(Layout::Legacy56), 56u);
}

TEST(Segment, DetectsTheOriginalsLast64ByteLayoutBySizeWhateverItsCounterSays)
{
    omni_legacy_shared64 legacy{};
    for (const int32_t ver : {0, 5, -1, static_cast<int32_t>(0x4f4d4e00)}) {
        legacy.ver = ver;
        const auto r = segment::inspect(&legacy, sizeof(legacy));
        EXPECT_EQ(r.status, LinkStatus::Live) << ver;
        EXPECT_EQ(r.layout, Layout::Legacy64) << ver;
        EXPECT_EQ(r.reason, Incompatibility::None) << ver;
    }
    EXPECT_EQ(segment::legacySize(Layout::Legacy64), 64u);
    EXPECT_EQ(segment::legacySize(Layout::Current), 0u);
}

TEST(Segment, ReadsCurrentLayoutFields)
{
    const auto seg = validSegment();
    RobotState s;
    quint64 published = 0;
    ASSERT_EQ(segment::readCurrent(&seg, s, published), segment::ReadOutcome::Ok);
    EXPECT_EQ(s.seq, 5u); // sequence 10 = 5 publishes
    EXPECT_EQ(published, 123456789u);
    EXPECT_EQ(s.direction, 2);
    EXPECT_EQ(s.motorPower, (std::array<qint32, 3>{10, -20, 30}));
    EXPECT_EQ(s.obstacleMode, 1);
    EXPECT_EQ(s.sensorMode, 2);
    EXPECT_EQ(s.sensors[4], 1);
    EXPECT_EQ(s.sensorCount, 5);
    EXPECT_EQ(s.layout, Layout::Current);
    EXPECT_EQ(s.writerPid, 42);
}

TEST(Segment, OddSequenceMeansBusyNotTorn)
{
    auto seg = validSegment();
    seg.header.sequence = 11;
    RobotState s;
    quint64 published = 0;
    EXPECT_EQ(segment::readCurrent(&seg, s, published, 8), segment::ReadOutcome::Busy);
}

TEST(Segment, ReadsLegacyLayoutWithoutObstacleModeAndWithFourSensors)
{
    omni_legacy_shared legacy{};
    legacy.ver = 77;
    legacy.direction = 1;
    legacy.motor_power[2] = -100;
    legacy.sensor_mode = 0;
    legacy.sensors[3] = 1;
    RobotState s;
    ASSERT_EQ(segment::readLegacy(&legacy, Layout::Legacy56, s), segment::ReadOutcome::Ok);
    EXPECT_EQ(s.seq, 77u);
    EXPECT_EQ(s.direction, 1);
    EXPECT_EQ(s.motorPower[2], -100);
    EXPECT_FALSE(s.obstacleMode.has_value());
    EXPECT_EQ(s.sensorCount, 4);
    EXPECT_EQ(s.sensors[3], 1);
    EXPECT_EQ(s.layout, Layout::Legacy56);
}

TEST(Segment, ReadsEveryFieldOfThe64ByteLayoutFromItsOwnOffset)
{
    // Every word different, so a field read from a neighbour's offset shows.
    omni_legacy_shared64 legacy{};
    legacy.ver = 1001;
    legacy.direction = 3;
    legacy.motor_power[0] = -11;
    legacy.motor_power[1] = 12;
    legacy.motor_power[2] = -13;
    legacy.bot_mode = 2;
    legacy.obstacle = 14;
    legacy.obstacle_mode = 1;
    legacy.go_left = 15;
    legacy.go_right = 16;
    legacy.sensor_mode = 17;
    legacy.sensors[0] = 18;
    legacy.sensors[1] = 19;
    legacy.sensors[2] = 20;
    legacy.sensors[3] = 21;
    legacy.sensors[4] = 22;
    EXPECT_EQ(segment::legacyVersion(&legacy), 1001);
    RobotState s;
    ASSERT_EQ(segment::readLegacy(&legacy, Layout::Legacy64, s), segment::ReadOutcome::Ok);
    EXPECT_EQ(s.seq, 1001u);
    EXPECT_EQ(s.direction, 3);
    EXPECT_EQ(s.motorPower, (std::array<qint32, 3>{-11, 12, -13}));
    EXPECT_EQ(s.botMode, 2);
    EXPECT_EQ(s.obstacle, 14);
    EXPECT_EQ(s.obstacleMode, std::optional<qint32>(1));
    EXPECT_EQ(s.goLeft, 15);
    EXPECT_EQ(s.goRight, 16);
    EXPECT_EQ(s.sensorMode, 17);
    EXPECT_EQ(s.sensors, (std::array<qint32, 5>{18, 19, 20, 21, 22}));
    EXPECT_EQ(s.sensorCount, 5);
    EXPECT_EQ(s.layout, Layout::Legacy64);
}

namespace {

// A stand-in for an original robot on another core that is never descheduled in the middle of its memcpy():
// a signal handler that rewrites the whole struct between any two instructions of the reader. Every word of
// update k is k, so a mix of two updates shows.
omni_legacy_shared64 g_robot{};
volatile sig_atomic_t g_updates = 0;

void rewriteRobot(int)
{
    const int32_t k = g_updates + 1;
    g_updates = k;
    auto *words = reinterpret_cast<int32_t *>(&g_robot);
    for (std::size_t i = 0; i < sizeof(g_robot) / sizeof(int32_t); ++i) {
        __atomic_store_n(&words[i], k, __ATOMIC_RELAXED);
    }
}

bool allFieldsAre(const RobotState &s, qint32 k)
{
    const std::array<qint32, 15> fields{s.direction,
                                        s.motorPower[0],
                                        s.motorPower[1],
                                        s.motorPower[2],
                                        s.botMode,
                                        s.obstacle,
                                        s.obstacleMode.value_or(k + 1),
                                        s.goLeft,
                                        s.goRight,
                                        s.sensorMode,
                                        s.sensors[0],
                                        s.sensors[1],
                                        s.sensors[2],
                                        s.sensors[3],
                                        s.sensors[4]};
    return std::all_of(fields.begin(), fields.end(), [k](qint32 v) { return v == k; });
}

} // namespace

TEST(Segment, ALegacyCopyTornByAnUpdateIsReadAgainNeverReturned)
{
    struct sigaction sa {
    };
    struct sigaction previous {
    };
    sa.sa_handler = rewriteRobot;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    ASSERT_EQ(sigaction(SIGALRM, &sa, &previous), 0);
    const itimerval every50us{{0, 50}, {0, 50}};
    ASSERT_EQ(setitimer(ITIMER_REAL, &every50us, nullptr), 0);

    int ok = 0;
    int torn = 0;
    int tornPlainCopies = 0; // one memcpy() without the re-read: proves the updates land inside copies
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(400);
    while (std::chrono::steady_clock::now() < end || tornPlainCopies == 0) {
        std::array<int32_t, 16> plain{};
        for (std::size_t i = 0; i < plain.size(); ++i) {
            plain[i] = __atomic_load_n(reinterpret_cast<const int32_t *>(&g_robot) + i, __ATOMIC_RELAXED);
        }
        tornPlainCopies += std::all_of(plain.begin(), plain.end(), [&](int32_t v) { return v == plain[0]; }) ? 0 : 1;
        RobotState s;
        if (segment::readLegacy(&g_robot, Layout::Legacy64, s) == segment::ReadOutcome::Ok) {
            ++ok;
            torn += allFieldsAre(s, static_cast<qint32>(s.seq)) ? 0 : 1;
        }
        if (std::chrono::steady_clock::now() > end + std::chrono::seconds(20)) {
            break;
        }
    }
    const itimerval off{};
    setitimer(ITIMER_REAL, &off, nullptr);
    sigaction(SIGALRM, &previous, nullptr);

    EXPECT_GT(tornPlainCopies, 0) << "no update landed inside a copy: this run proves nothing";
    EXPECT_EQ(torn, 0) << "of " << ok << " reads, during " << g_updates << " updates";
    EXPECT_GT(ok, 1000);
}
