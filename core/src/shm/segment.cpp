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

// The fields both original layouts have, at their own offsets.
template <typename Shared> void fillCommonLegacy(const Shared &s, RobotState &out)
{
    out.seq = static_cast<quint32>(s.ver);
    out.direction = s.direction;
    out.motorPower = {s.motor_power[0], s.motor_power[1], s.motor_power[2]};
    out.botMode = s.bot_mode;
    out.obstacle = s.obstacle;
    out.goLeft = s.go_left;
    out.goRight = s.go_right;
    out.sensorMode = s.sensor_mode;
}

void fillFromLegacy(const omni_legacy_shared &s, RobotState &out)
{
    fillCommonLegacy(s, out);
    out.obstacleMode.reset();
    out.sensors = {s.sensors[0], s.sensors[1], s.sensors[2], s.sensors[3], 0};
    out.sensorCount = 4;
    out.layout = Layout::Legacy56;
}

void fillFromLegacy(const omni_legacy_shared64 &s, RobotState &out)
{
    fillCommonLegacy(s, out);
    out.obstacleMode = s.obstacle_mode;
    out.sensors = {s.sensors[0], s.sensors[1], s.sensors[2], s.sensors[3], s.sensors[4]};
    out.sensorCount = 5;
    out.layout = Layout::Legacy64;
}

// The original robots memcpy() without any barrier: a copy is trusted once two consecutive ones agree.
template <typename Shared> ReadOutcome readLegacyAs(const void *base, RobotState &out, int maxRetries)
{
    constexpr std::size_t kWords = sizeof(Shared) / sizeof(int32_t);
    static_assert(kWords * sizeof(int32_t) == sizeof(Shared));
    const auto *words = static_cast<const int32_t *>(base);
    std::array<int32_t, kWords> a{};
    std::array<int32_t, kWords> b{};
    copyWords(words, a);
    for (int attempt = 0; attempt < maxRetries; ++attempt) {
        copyWords(words, b);
        if (a == b) {
            Shared s;
            std::memcpy(&s, a.data(), sizeof(s));
            fillFromLegacy(s, out);
            return ReadOutcome::Ok;
        }
        a = b;
    }
    return ReadOutcome::Busy;
}

// What a person needs to recognise a segment omniscient cannot read: its size and its first word, which is
// omniscient's magic in a segment of ours and anything at all (say, an old robot's counter) in another.
QString unknownFormat(std::size_t size, const void *base)
{
    const QString found = size >= sizeof(uint32_t)
                              ? QStringLiteral("size %1 bytes, first word 0x%2")
                                    .arg(size)
                                    .arg(loadRelaxed(static_cast<const uint32_t *>(base)), 8, 16, QLatin1Char('0'))
                              : QStringLiteral("size %1 bytes").arg(size);
    return QStringLiteral("%1: neither omniscient's segment (magic 0x%2, %3 bytes for ABI %4) nor an original "
                          "robot's %5- or %6-byte struct")
        .arg(found)
        .arg(OMNI_SHM_MAGIC, 8, 16, QLatin1Char('0'))
        .arg(sizeof(omni_shm_segment))
        .arg(OMNI_SHM_ABI_VERSION)
        .arg(sizeof(omni_legacy_shared))
        .arg(sizeof(omni_legacy_shared64));
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
    // An original robot's struct has no magic: its size tells it (64 bytes is also our header's size, so a
    // segment of ours cut to its header still starts with our magic and is not taken for one).
    if (magic != OMNI_SHM_MAGIC) {
        for (const Layout legacy : {Layout::Legacy56, Layout::Legacy64}) {
            if (size == legacySize(legacy)) {
                r.layout = legacy;
                r.status = LinkStatus::Live;
                return r;
            }
        }
    }
    if (size < sizeof(omni_shm_header)) {
        r.status = LinkStatus::Incompatible;
        r.reason = Incompatibility::TooSmall;
        r.detail = magic == OMNI_SHM_MAGIC ? QStringLiteral("segment is %1 bytes, smaller than omniscient's %2-byte "
                                                            "header")
                                                 .arg(size)
                                                 .arg(sizeof(omni_shm_header))
                                           : unknownFormat(size, base);
        return r;
    }
    if (magic == 0U) {
        r.detail = QStringLiteral("the writer is initialising the segment");
        return r;
    }
    if (magic != OMNI_SHM_MAGIC) {
        r.status = LinkStatus::Incompatible;
        r.reason = Incompatibility::BadMagic;
        r.detail = unknownFormat(size, base);
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

std::size_t legacySize(Layout layout)
{
    switch (layout) {
    case Layout::Legacy56:
        return sizeof(omni_legacy_shared);
    case Layout::Legacy64:
        return sizeof(omni_legacy_shared64);
    case Layout::None:
    case Layout::Current:
    case Layout::Remote:
        break;
    }
    return 0;
}

ReadOutcome readLegacy(const void *base, Layout layout, RobotState &out, int maxRetries)
{
    return layout == Layout::Legacy64 ? readLegacyAs<omni_legacy_shared64>(base, out, maxRetries)
                                      : readLegacyAs<omni_legacy_shared>(base, out, maxRetries);
}

} // namespace omni::segment
