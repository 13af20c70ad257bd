// SPDX-License-Identifier: MIT
// segment::inspect / readCurrent / readLegacy over arbitrary bytes and sizes, as the reader thread calls
// them: the input is the whole mapped segment, in a heap block of exactly its size (so AddressSanitizer
// flags any read past the end), and a read is only attempted when inspect() says the layout is readable.
#include "fuzzcheck.h"

#include "omni/segment.h"

#include <omniscient/omni_shm.h>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace omni;

namespace {

template <typename T> T wordAt(const unsigned char *base, std::size_t offset)
{
    T v;
    std::memcpy(&v, base + offset, sizeof(v));
    return v;
}

void checkCurrent(const unsigned char *seg, std::size_t size, const segment::Inspection &ins)
{
    FUZZ_CHECK(size >= sizeof(omni_shm_header) + sizeof(omni_state));
    FUZZ_CHECK(wordAt<uint32_t>(seg, offsetof(omni_shm_header, magic)) == OMNI_SHM_MAGIC);
    FUZZ_CHECK(wordAt<uint32_t>(seg, offsetof(omni_shm_header, abi_version)) == OMNI_SHM_ABI_VERSION);
    FUZZ_CHECK(ins.writerStartNs == wordAt<uint64_t>(seg, offsetof(omni_shm_header, writer_start_ns)));

    const uint64_t sequence = wordAt<uint64_t>(seg, offsetof(omni_shm_header, sequence));
    FUZZ_CHECK(segment::currentSequence(seg) == sequence);
    RobotState state;
    quint64 publishNs = 0;
    for (const int retries : {0, 1, 64}) {
        const segment::ReadOutcome r = segment::readCurrent(seg, state, publishNs, retries);
        if (retries == 0) {
            FUZZ_CHECK(r == segment::ReadOutcome::Busy); // no attempt, no copy
            continue;
        }
        // Nobody writes concurrently here: an even sequence must read at once, an odd one never.
        FUZZ_CHECK((r == segment::ReadOutcome::Ok) == ((sequence & 1U) == 0U));
        if (r != segment::ReadOutcome::Ok) {
            continue;
        }
        omni_state raw;
        std::memcpy(&raw, seg + offsetof(omni_shm_segment, state), sizeof(raw));
        FUZZ_CHECK(state.seq == sequence / 2U);
        FUZZ_CHECK(publishNs == wordAt<uint64_t>(seg, offsetof(omni_shm_header, publish_ns)));
        FUZZ_CHECK(state.direction == raw.direction);
        FUZZ_CHECK(state.motorPower[2] == raw.motor_power[2]);
        FUZZ_CHECK(state.obstacleMode == raw.obstacle_mode);
        FUZZ_CHECK(state.sensors[4] == raw.sensors[4]);
        FUZZ_CHECK(state.sensorCount == OMNI_SENSOR_COUNT);
        FUZZ_CHECK(state.layout == Layout::Current);
    }
}

void checkLegacy(const unsigned char *seg, std::size_t size, Layout layout)
{
    FUZZ_CHECK(size == segment::legacySize(layout));
    RobotState state;
    FUZZ_CHECK(segment::readLegacy(seg, layout, state) == segment::ReadOutcome::Ok);
    FUZZ_CHECK(state.layout == layout);
    if (layout == Layout::Legacy56) {
        omni_legacy_shared raw;
        std::memcpy(&raw, seg, sizeof(raw));
        FUZZ_CHECK(segment::legacyVersion(seg) == raw.ver);
        FUZZ_CHECK(state.seq == static_cast<quint32>(raw.ver));
        FUZZ_CHECK(state.direction == raw.direction);
        FUZZ_CHECK(state.sensors[3] == raw.sensors[3]);
        FUZZ_CHECK(state.sensorCount == 4);
        FUZZ_CHECK(!state.obstacleMode.has_value());
    } else {
        omni_legacy_shared64 raw;
        std::memcpy(&raw, seg, sizeof(raw));
        FUZZ_CHECK(segment::legacyVersion(seg) == raw.ver);
        FUZZ_CHECK(state.seq == static_cast<quint32>(raw.ver));
        FUZZ_CHECK(state.direction == raw.direction);
        FUZZ_CHECK(state.obstacleMode == raw.obstacle_mode);
        FUZZ_CHECK(state.sensors[4] == raw.sensors[4]);
        FUZZ_CHECK(state.sensorCount == 5);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // operator new aligns to 16 bytes, like a mapping; the block ends exactly at `size`.
    std::unique_ptr<unsigned char[]> seg(new unsigned char[size == 0 ? 1 : size]);
    if (size != 0) {
        std::memcpy(seg.get(), data, size);
    }
    const segment::Inspection ins = segment::inspect(size == 0 ? nullptr : seg.get(), size);

    // The reader inspects a copy of the segment's first sizeof(omni_shm_segment) bytes, passing the mapping's
    // real size: inspect() must read the header only, and judge the copy as it judges the whole.
    if (size != 0) {
        const std::size_t headSize = std::min(size, sizeof(omni_shm_segment));
        std::unique_ptr<unsigned char[]> head(new unsigned char[headSize]);
        std::memcpy(head.get(), data, headSize);
        const segment::Inspection fromHead = segment::inspect(head.get(), size);
        FUZZ_CHECK(fromHead.status == ins.status && fromHead.reason == ins.reason && fromHead.layout == ins.layout);
        FUZZ_CHECK(fromHead.writerStartNs == ins.writerStartNs && fromHead.detail == ins.detail);
    }

    switch (ins.status) {
    case LinkStatus::Live:
        FUZZ_CHECK(ins.reason == Incompatibility::None);
        FUZZ_CHECK(ins.layout == Layout::Current || ins.layout == Layout::Legacy56 || ins.layout == Layout::Legacy64);
        if (ins.layout == Layout::Current) {
            checkCurrent(seg.get(), size, ins);
        } else {
            checkLegacy(seg.get(), size, ins.layout);
        }
        break;
    case LinkStatus::Waiting:
        // Empty, or a writer (re)initialising: magic 0 in a segment big enough for the header.
        FUZZ_CHECK(ins.layout == Layout::None);
        FUZZ_CHECK(size == 0 || (size >= sizeof(omni_shm_header) && wordAt<uint32_t>(seg.get(), 0) == 0U));
        break;
    case LinkStatus::Incompatible:
        FUZZ_CHECK(ins.layout == Layout::None);
        FUZZ_CHECK(ins.reason != Incompatibility::None);
        FUZZ_CHECK(!ins.detail.isEmpty());
        break;
    case LinkStatus::Stale:
        FUZZ_CHECK(false); // inspect() never says stale: that is the reader's judgement over time
        break;
    case LinkStatus::Replay:
        FUZZ_CHECK(false); // only a recording's source says replay
        break;
    }
    return 0;
}
