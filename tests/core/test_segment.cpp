// SPDX-License-Identifier: MIT
#include <omni/segment.h>
#include <omniscient/omni_shm.h>

#include <gtest/gtest.h>

#include <cstring>
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

TEST(Segment, DetectsLegacyLayoutBySize)
{
    omni_legacy_shared legacy{};
    legacy.ver = 5;
    const auto r = segment::inspect(&legacy, sizeof(legacy));
    EXPECT_EQ(r.status, LinkStatus::Live);
    EXPECT_EQ(r.layout, Layout::Legacy);
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
    ASSERT_EQ(segment::readLegacy(&legacy, s), segment::ReadOutcome::Ok);
    EXPECT_EQ(s.seq, 77u);
    EXPECT_EQ(s.direction, 1);
    EXPECT_EQ(s.motorPower[2], -100);
    EXPECT_FALSE(s.obstacleMode.has_value());
    EXPECT_EQ(s.sensorCount, 4);
    EXPECT_EQ(s.sensors[3], 1);
    EXPECT_EQ(s.layout, Layout::Legacy);
}
