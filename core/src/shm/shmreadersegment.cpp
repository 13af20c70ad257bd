// SPDX-License-Identifier: MIT
// The reader's hold on the segment: opening and inspecting it, the wake-up side segment, noticing that it was
// replaced, resized or re-initialised, and backing off while there is nothing to read.
#include "shm/shmreaderthread.h"

#include "omni/segment.h"
#include "shm/logging.h"
#include "shm/sigbusguard.h"

#include <omniscient/omni_shm.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace omni {

namespace {

using namespace std::chrono_literals;
using reader::monotonicNs;
using reader::toNs;

constexpr auto kWaitingRetry = 100ms;      // no segment yet
constexpr auto kInitialisingRetry = 5ms;   // magic 0: a writer is mid-initialisation
constexpr auto kIncompatibleRetry = 250ms; // re-inspect an incompatible segment
constexpr auto kMaxRetry = 250ms;          // longest back-off for a segment that stays empty/initialising

/// The first bytes of a segment, copied with word-sized atomic loads so they can be inspected
/// outside the SIGBUS guard (inspect() builds QStrings, which must never be abandoned by a jump).
struct HeadCopy {
    alignas(8) unsigned char bytes[sizeof(omni_shm_segment)] = {};

    void copyFrom(const void *base, std::size_t size)
    {
        const std::size_t n = std::min(size, sizeof(bytes));
        const auto *src = static_cast<const unsigned char *>(base);
        std::size_t i = 0;
        for (; i + sizeof(uint32_t) <= n; i += sizeof(uint32_t)) {
            const uint32_t w = __atomic_load_n(reinterpret_cast<const uint32_t *>(src + i), __ATOMIC_RELAXED);
            std::memcpy(bytes + i, &w, sizeof(w));
        }
        for (; i < n; ++i) {
            bytes[i] = __atomic_load_n(src + i, __ATOMIC_RELAXED);
        }
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
    }
};

} // namespace

bool ShmReaderThread::openSegment()
{
    const int fd = shm_open(m_path.constData(), O_RDONLY | O_CLOEXEC, 0);
    if (fd < 0) {
        if (errno == EACCES || errno == EPERM) {
            setLink(LinkStatus::Incompatible, Incompatibility::Unreadable,
                    QStringLiteral("no permission to read /dev/shm%1").arg(QString::fromLocal8Bit(m_path)));
            sleepFor(kIncompatibleRetry);
        } else {
            setLink(LinkStatus::Waiting, Incompatibility::None,
                    QStringLiteral("no segment %1 yet").arg(QString::fromLocal8Bit(m_path)));
            sleepFor(kWaitingRetry);
        }
        return false;
    }
    struct stat st {
    };
    if (fstat(fd, &st) != 0 || st.st_size <= 0) {
        close(fd);
        setLink(LinkStatus::Waiting, Incompatibility::None, QStringLiteral("the segment is empty"));
        backOff();
        return false;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    void *map = mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED) {
        const int err = errno;
        close(fd);
        setLink(LinkStatus::Incompatible, Incompatibility::Unreadable,
                QStringLiteral("cannot map the segment: %1").arg(QString::fromLocal8Bit(std::strerror(err))));
        sleepFor(kIncompatibleRetry);
        return false;
    }
    m_fd = fd;
    m_map = map;
    m_mapSize = size;
    m_ino = st.st_ino;
    m_dev = st.st_dev;

    HeadCopy head;
    const bool ok = detail::runGuardedAgainstSigbus([&] { head.copyFrom(m_map, m_mapSize); });
    if (!ok) {
        qCInfo(lcReader) << "segment" << m_path << "was truncated while being inspected";
        closeSegment();
        backOff();
        return false;
    }
    const segment::Inspection ins = segment::inspect(head.bytes, m_mapSize);
    if (ins.status != LinkStatus::Live) {
        closeSegment();
        setLink(ins.status, ins.reason, ins.detail, ins.segmentAbi, ins.readerAbi);
        if (ins.status == LinkStatus::Waiting) {
            backOff();
        } else {
            sleepFor(kIncompatibleRetry);
        }
        return false;
    }
    m_retryDelay = kInitialisingRetry;
    m_layout = ins.layout;
    m_writerStartNs = ins.writerStartNs;
    m_lastSeq = ~quint64{0};
    m_lastObservedSeq = ~quint64{0};
    m_stuckSeq = ~quint64{0};
    m_haveLegacyVer = false;
    m_everPublished = false;
    m_pacer.reset(); // a new writer generation may publish at another rate
    m_timedWaits = 0;
    m_nextCheckMono = monotonicNs() + toNs(m_options.checkInterval);
    if (m_layout == Layout::Current) {
        openWake(ins.writerStartNs);
    }
    qCInfo(lcReader) << "mapped" << m_path << "layout" << names::layout(m_layout) << "size" << m_mapSize
                     << (m_wake != nullptr ? "with futex wake-ups" : "polling");
    return true;
}

void ShmReaderThread::openWake(quint64 writerStartNs)
{
    const int fd = shm_open(m_wakePath.constData(), O_RDWR | O_CLOEXEC, 0);
    if (fd < 0) {
        return;
    }
    struct stat st {
    };
    void *map = MAP_FAILED;
    if (fstat(fd, &st) == 0 && static_cast<std::size_t>(st.st_size) >= sizeof(omni_shm_wake)) {
        map = mmap(nullptr, sizeof(omni_shm_wake), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    }
    close(fd);
    if (map == MAP_FAILED) {
        return;
    }
    auto *wake = static_cast<omni_shm_wake *>(map);
    bool matches = false;
    detail::runGuardedAgainstSigbus([&] {
        matches = __atomic_load_n(&wake->magic, __ATOMIC_ACQUIRE) == OMNI_SHM_WAKE_MAGIC &&
                  __atomic_load_n(&wake->writer_start_ns, __ATOMIC_RELAXED) == writerStartNs;
    });
    if (!matches) {
        munmap(map, sizeof(omni_shm_wake));
        return;
    }
    m_wake = wake;
    m_futexWord.store(&m_wake->epoch);
    m_usingWakeups.store(true);
}

void ShmReaderThread::closeSegment()
{
    if (m_wake != nullptr) {
        m_futexWord.store(nullptr);
        munmap(m_wake, sizeof(omni_shm_wake));
        m_wake = nullptr;
        m_usingWakeups.store(false);
    }
    if (m_map != nullptr) {
        munmap(m_map, m_mapSize);
        m_map = nullptr;
        m_mapSize = 0;
    }
    if (m_fd >= 0) {
        close(m_fd);
        m_fd = -1;
    }
}

ShmReaderThread::Step ShmReaderThread::checkSegmentStillOurs()
{
    struct stat st {
    };
    if (fstat(m_fd, &st) != 0 || static_cast<std::size_t>(st.st_size) != m_mapSize) {
        qCInfo(lcReader) << "segment" << m_path << "changed size; re-opening";
        return Step::Reopen;
    }
    const int fd = shm_open(m_path.constData(), O_RDONLY | O_CLOEXEC, 0);
    if (fd < 0) {
        qCInfo(lcReader) << "segment" << m_path << "was removed";
        return Step::Reopen;
    }
    struct stat now {
    };
    const bool same = fstat(fd, &now) == 0 && now.st_ino == m_ino && now.st_dev == m_dev;
    close(fd);
    if (!same) {
        qCInfo(lcReader) << "segment" << m_path << "was replaced; re-opening";
        return Step::Reopen;
    }
    if (m_layout == Layout::Current) {
        HeadCopy head;
        if (!detail::runGuardedAgainstSigbus([&] { head.copyFrom(m_map, m_mapSize); })) {
            return Step::Reopen;
        }
        const segment::Inspection ins = segment::inspect(head.bytes, m_mapSize);
        if (ins.status != LinkStatus::Live || ins.writerStartNs != m_writerStartNs) {
            return Step::Reopen; // a new writer generation, or garbage written over the header
        }
    }
    return Step::Continue;
}

void ShmReaderThread::backOff()
{
    // An empty or initialising segment normally lasts microseconds; one that stays so must not
    // cost the machine hundreds of open/map cycles a second.
    sleepFor(m_retryDelay);
    m_retryDelay = std::min<std::chrono::microseconds>(m_retryDelay * 2, kMaxRetry);
}

} // namespace omni
