// SPDX-License-Identifier: MIT
#include "omni/segment.h"

#include <omniscient/omni_shm.h>

#include <array>
#include <cstring>

namespace omni::segment {

namespace {

template <typename T> T loadRelaxed(const T *p)
{
    return __atomic_load_n(p, __ATOMIC_RELAXED);
}

template <std::size_t N> void copyWords(const int32_t *src, std::array<int32_t, N> &dst)
{
    for (std::size_t i = 0; i < N; ++i) {
        dst[i] = loadRelaxed(&src[i]);
    }
}

constexpr std::size_t kStateWords = sizeof(omni_state) / sizeof(int32_t);
constexpr std::size_t kLegacyWords = sizeof(omni_legacy_shared) / sizeof(int32_t);

void fillFromCurrent(const std::array<int32_t, kStateWords> &w, RobotState &out)
{
    omni_state s;
    static_assert(sizeof(s) == sizeof(w));
    std::memcpy(&s, w.data(), sizeof(s));
    out.direction = s.direction;
    out.motorPower = {s.motor_power[0], s.motor_power[1], s.motor_power[2]};
    out.botMode = s.bot_mode;
    out.obstacle = s.obstacle;
    out.obstacleMode = s.obstacle_mode;
    out.goLeft = s.go_left;
    out.goRight = s.go_right;
    out.sensorMode = s.sensor_mode;
    out.sensors = {s.sensors[0], s.sensors[1], s.sensors[2], s.sensors[3], s.sensors[4]};
    out.sensorCount = OMNI_SENSOR_COUNT;
    out.layout = Layout::Current;
}

void fillFromLegacy(const std::array<int32_t, kLegacyWords> &w, RobotState &out)
{
    omni_legacy_shared s;
    static_assert(sizeof(s) == sizeof(w));
    std::memcpy(&s, w.data(), sizeof(s));
    out.seq = static_cast<quint32>(s.ver);
    out.direction = s.direction;
    out.motorPower = {s.motor_power[0], s.motor_power[1], s.motor_power[2]};
    out.botMode = s.bot_mode;
    out.obstacle = s.obstacle;
    out.obstacleMode.reset();
    out.goLeft = s.go_left;
    out.goRight = s.go_right;
    out.sensorMode = s.sensor_mode;
    out.sensors = {s.sensors[0], s.sensors[1], s.sensors[2], s.sensors[3], 0};
    out.sensorCount = 4;
    out.layout = Layout::Legacy;
}

} // namespace

Inspection inspect(const void *base, std::size_t size)
{
    Inspection r;
    if (size == 0 || base == nullptr) {
        r.detail = QStringLiteral("the segment is empty");
        return r;
    }
    const auto *h = static_cast<const omni_shm_header *>(base);
    const bool hasMagicWord = size >= sizeof(uint32_t);
    const uint32_t magic = hasMagicWord ? loadRelaxed(&h->magic) : 0U;
    if (size == sizeof(omni_legacy_shared) && magic != OMNI_SHM_MAGIC) {
        r.layout = Layout::Legacy;
        r.status = LinkStatus::Live;
        return r;
    }
    if (size < sizeof(omni_shm_header)) {
        r.status = LinkStatus::Incompatible;
        r.reason = Incompatibility::TooSmall;
        r.detail = QStringLiteral("segment is %1 bytes; expected %2 (omniscient ABI %3) or %4 (original layout)")
                       .arg(size)
                       .arg(sizeof(omni_shm_segment))
                       .arg(OMNI_SHM_ABI_VERSION)
                       .arg(sizeof(omni_legacy_shared));
        return r;
    }
    if (magic == 0U) {
        r.detail = QStringLiteral("the writer is initialising the segment");
        return r;
    }
    if (magic != OMNI_SHM_MAGIC) {
        r.status = LinkStatus::Incompatible;
        r.reason = Incompatibility::BadMagic;
        r.detail =
            QStringLiteral("magic 0x%1, expected 0x%2").arg(magic, 8, 16, QLatin1Char('0')).arg(OMNI_SHM_MAGIC, 8, 16);
        return r;
    }
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    const uint32_t abi = loadRelaxed(&h->abi_version);
    const uint32_t headerSize = loadRelaxed(&h->header_size);
    const uint32_t payloadSize = loadRelaxed(&h->payload_size);
    r.writerPid = loadRelaxed(&h->writer_pid);
    r.writerStartNs = loadRelaxed(&h->writer_start_ns);
    r.status = LinkStatus::Incompatible;
    if (abi > OMNI_SHM_ABI_VERSION) {
        r.reason = Incompatibility::AbiNewer;
        r.detail = QStringLiteral("segment ABI %1, this build reads ABI %2").arg(abi).arg(OMNI_SHM_ABI_VERSION);
        r.segmentAbi = abi;
        r.readerAbi = OMNI_SHM_ABI_VERSION;
    } else if (abi < OMNI_SHM_ABI_VERSION) {
        r.reason = Incompatibility::AbiOlder;
        r.detail = QStringLiteral("segment ABI %1, this build reads ABI %2").arg(abi).arg(OMNI_SHM_ABI_VERSION);
        r.segmentAbi = abi;
        r.readerAbi = OMNI_SHM_ABI_VERSION;
    } else if (headerSize != sizeof(omni_shm_header)) {
        r.reason = Incompatibility::HeaderSize;
        r.detail =
            QStringLiteral("header_size %1, ABI %2 has %3").arg(headerSize).arg(abi).arg(sizeof(omni_shm_header));
    } else if (payloadSize != sizeof(omni_state)) {
        r.reason = Incompatibility::PayloadSize;
        r.detail = QStringLiteral("payload_size %1, ABI %2 has %3").arg(payloadSize).arg(abi).arg(sizeof(omni_state));
    } else if (size < sizeof(omni_shm_header) + sizeof(omni_state)) {
        r.reason = Incompatibility::TooSmall;
        r.detail = QStringLiteral("segment is %1 bytes, ABI %2 needs %3")
                       .arg(size)
                       .arg(abi)
                       .arg(sizeof(omni_shm_header) + sizeof(omni_state));
    } else {
        r.status = LinkStatus::Live;
        r.layout = Layout::Current;
    }
    return r;
}

quint64 currentSequence(const void *base)
{
    const auto *h = static_cast<const omni_shm_header *>(base);
    return __atomic_load_n(&h->sequence, __ATOMIC_ACQUIRE);
}

ReadOutcome readCurrent(const void *base, RobotState &out, quint64 &publishMonoNs, int maxRetries)
{
    const auto *seg = static_cast<const omni_shm_segment *>(base);
    const auto *words = reinterpret_cast<const int32_t *>(&seg->state);
    std::array<int32_t, kStateWords> copy{};
    for (int attempt = 0; attempt < maxRetries; ++attempt) {
        if (loadRelaxed(&seg->header.magic) == 0U) {
            return ReadOutcome::Initialising;
        }
        const uint64_t s1 = __atomic_load_n(&seg->header.sequence, __ATOMIC_ACQUIRE);
        if ((s1 & 1U) != 0U) {
            continue;
        }
        copyWords(words, copy);
        const uint64_t published = loadRelaxed(&seg->header.publish_ns);
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        const uint64_t s2 = loadRelaxed(&seg->header.sequence);
        if (s1 == s2) {
            fillFromCurrent(copy, out);
            out.seq = s1 / 2U;
            out.writerPid = loadRelaxed(&seg->header.writer_pid);
            publishMonoNs = published;
            return ReadOutcome::Ok;
        }
    }
    return ReadOutcome::Busy;
}

qint32 legacyVersion(const void *base)
{
    return loadRelaxed(static_cast<const int32_t *>(base));
}

ReadOutcome readLegacy(const void *base, RobotState &out, int maxRetries)
{
    const auto *words = static_cast<const int32_t *>(base);
    std::array<int32_t, kLegacyWords> a{};
    std::array<int32_t, kLegacyWords> b{};
    copyWords(words, a);
    for (int attempt = 0; attempt < maxRetries; ++attempt) {
        copyWords(words, b);
        if (a == b) {
            fillFromLegacy(a, out);
            return ReadOutcome::Ok;
        }
        a = b;
    }
    return ReadOutcome::Busy;
}

} // namespace omni::segment
