// SPDX-License-Identifier: MIT
#include "shm/shmreaderthread.h"

#include "omni/segment.h"
#include "shm/logging.h"
#include "shm/sigbusguard.h"

#include <omniscient/omni_shm.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace omni {

namespace {

using namespace std::chrono_literals;
using reader::monotonicNs;
using reader::toNs;

constexpr auto kStalePoll = 100ms; // polling period while a polled robot is not live

} // namespace

quint64 reader::monotonicNs()
{
    return omni_monotonic_ns();
}

ShmReaderThread::ShmReaderThread(ShmSource *host, ShmSourceOptions options)
    : m_host(host), m_options(std::move(options)),
      m_pacer(PublishPacer::Options{toNs(m_options.predictMargin), toNs(m_options.minDeliveryInterval)}),
      m_wallClock(*m_options.clock)
{
    setObjectName(QStringLiteral("omni-shm-reader"));
    char path[OMNI_SHM_NAME_MAX + 16];
    const QByteArray name = m_options.name.toLocal8Bit();
    if (omni_shm_path(name.constData(), 0, path, sizeof(path)) == 0) {
        m_path = path;
        omni_shm_path(name.constData(), 1, path, sizeof(path));
        m_wakePath = path;
    }
    m_link.source = QStringLiteral("shm:") + m_options.name;
}

ShmReaderThread::~ShmReaderThread()
{
    requestStop();
    wait();
    closeSegment();
}

void ShmReaderThread::requestStop()
{
    m_stop.store(true);
    m_stopWord.store(1U);
    syscall(SYS_futex, stopWord(), FUTEX_WAKE_PRIVATE, INT_MAX, nullptr, nullptr, 0);
    if (uint32_t *word = m_futexWord.load()) {
        // Only a wake, never a write: the word is the robot's, and the reader thread may unmap it
        // concurrently (then the kernel answers EFAULT, harmlessly). Other waiters merely re-check;
        // a wake lost to that race costs at most one capped wait.
        syscall(SYS_futex, word, FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
    }
}

void ShmReaderThread::run()
{
    if (m_path.isEmpty()) {
        setLink(LinkStatus::Incompatible, Incompatibility::Unreadable,
                QStringLiteral("invalid segment name \"%1\"").arg(m_options.name));
        return;
    }
    // Timed waits (coalescing a fast robot, or a predicted publish) should end within ~10 us of their deadline.
    prctl(PR_SET_TIMERSLACK, 10'000UL, 0UL, 0UL, 0UL);
    while (!m_stop.load(std::memory_order_relaxed)) {
        m_heartbeat.fetch_add(1, std::memory_order_relaxed);
        if (m_map == nullptr && !openSegment()) {
            continue;
        }
        if (readOnce() == Step::Reopen) {
            closeSegment();
            continue;
        }
        const quint64 now = monotonicNs();
        if (now >= m_nextCheckMono) {
            m_nextCheckMono = now + toNs(m_options.checkInterval);
            if (checkSegmentStillOurs() == Step::Reopen) {
                closeSegment();
                continue;
            }
        }
        updateStaleness(now);
        waitForChange();
    }
    closeSegment();
}

ShmReaderThread::Step ShmReaderThread::readOnce()
{
    RobotState state;
    bool fresh = false;
    bool reopen = false;
    quint64 publishMono = 0;
    const bool survived = detail::runGuardedAgainstSigbus([&] {
        if (m_layout == Layout::Current) {
            const quint64 seq = segment::currentSequence(m_map);
            m_lastObservedSeq = seq;
            if (seq == m_lastSeq) {
                return;
            }
            switch (segment::readCurrent(m_map, state, publishMono)) {
            case segment::ReadOutcome::Ok:
                m_lastSeq = state.seq * 2U;
                m_lastObservedSeq = m_lastSeq;
                m_stuckSeq = ~quint64{0};
                // A freshly initialised segment has published nothing yet.
                fresh = publishMono != 0;
                break;
            case segment::ReadOutcome::Initialising:
                reopen = true;
                break;
            case segment::ReadOutcome::Busy:
                // Still odd after every retry: a writer mid-publish, or one that died there.
                if (m_stuckSeq != seq) {
                    m_stuckSeq = seq;
                    m_stuckSinceMono = monotonicNs();
                }
                break;
            }
        } else {
            const qint32 ver = segment::legacyVersion(m_map);
            if (m_haveLegacyVer && ver == m_lastLegacyVer) {
                return;
            }
            if (segment::readLegacy(m_map, m_layout, state) == segment::ReadOutcome::Ok) {
                m_lastLegacyVer = static_cast<qint32>(state.seq);
                m_haveLegacyVer = true;
                publishMono = monotonicNs();
                fresh = true;
            }
        }
    });
    if (!survived) {
        qCWarning(lcReader) << "segment" << m_path << "was truncated under the reader; re-opening";
        return Step::Reopen;
    }
    if (reopen) {
        return Step::Reopen;
    }
    if (!fresh) {
        return Step::Continue;
    }
    m_everPublished = true;
    if (m_layout == Layout::Current) {
        m_pacer.learn(publishMono, state.seq);
    }
    m_lastChangeMono = publishMono;
    state.publishMonoNs = static_cast<qint64>(publishMono);
    state.publishUnixNs = m_wallClock.toWallNs(state.publishMonoNs);
    const quint64 now = monotonicNs();
    const bool old =
        now > publishMono &&
        now - publishMono >
            static_cast<quint64>(std::chrono::duration_cast<std::chrono::nanoseconds>(m_options.staleAfter).count());
    // Set the link before posting the state, so a consumer never sees old data marked live.
    setLink(old ? LinkStatus::Stale : LinkStatus::Live);
    m_host->post(state, std::nullopt);
    m_timedWaits = 0;
    return Step::Continue;
}

void ShmReaderThread::updateStaleness(quint64 now)
{
    const auto staleNs =
        static_cast<quint64>(std::chrono::duration_cast<std::chrono::nanoseconds>(m_options.staleAfter).count());
    const bool stuck = m_layout == Layout::Current && m_stuckSeq != ~quint64{0} && m_stuckSeq == m_lastObservedSeq;
    if (stuck && now - m_stuckSinceMono > staleNs) {
        setLink(LinkStatus::Stale, Incompatibility::None,
                QStringLiteral("the writer stopped in the middle of a publish (was it killed?)"));
        return;
    }
    if (!m_everPublished) {
        setLink(LinkStatus::Waiting, Incompatibility::None, QStringLiteral("the writer has not published yet"));
        return;
    }
    if (now > m_lastChangeMono && now - m_lastChangeMono > staleNs) {
        setLink(LinkStatus::Stale);
    }
}

void ShmReaderThread::waitForChange()
{
    const quint64 now = monotonicNs();
    quint64 until = std::min(m_nextCheckMono, now + toNs(m_options.maxWait));
    if (m_link.status == LinkStatus::Live) {
        const auto staleNs =
            static_cast<quint64>(std::chrono::duration_cast<std::chrono::nanoseconds>(m_options.staleAfter).count());
        until = std::min(until, m_lastChangeMono + staleNs + 1'000'000);
    }
    const quint64 waitNs = until > now ? until - now : 0;
    if (m_wake != nullptr && m_timedWaits < 2 && m_link.status == LinkStatus::Live) {
        // The first timed wait ends just after the next publish is due; if that publish is late, a second
        // one gives it one more margin (a robot's timer is sometimes a little late too). Only then is the
        // futex armed.
        quint64 due = m_pacer.timedWaitDeadline();
        if (m_timedWaits == 1) {
            due = m_pacer.predicting() ? now + m_pacer.margin() : 0;
        }
        if (due > now) {
            // A plain timer, `waiting` left clear: the writer finds nobody to wake. A segment check or a
            // stale deadline that comes first is served on the way without counting as a wait.
            if (due <= until) {
                ++m_timedWaits;
            }
            const quint64 end = std::min(due, until);
            sleepFor(std::chrono::microseconds(end > now ? (end - now + 999) / 1000 : 0));
            return;
        }
    }
    if (m_wake != nullptr) {
        bool changed = false;
        uint32_t epoch = 0;
        const bool ok = detail::runGuardedAgainstSigbus([&] {
            epoch = __atomic_load_n(&m_wake->epoch, __ATOMIC_SEQ_CST);
            __atomic_store_n(&m_wake->waiting, 1U, __ATOMIC_SEQ_CST);
            // Pairs with the writer's fence after its sequence store: one of us sees the other.
            __atomic_thread_fence(__ATOMIC_SEQ_CST);
            changed = segment::currentSequence(m_map) != m_lastObservedSeq;
        });
        if (!ok || changed || m_stop.load()) {
            return;
        }
        struct timespec ts {
        };
        ts.tv_sec = static_cast<time_t>(waitNs / 1'000'000'000ULL);
        ts.tv_nsec = static_cast<long>(waitNs % 1'000'000'000ULL);
        syscall(SYS_futex, &m_wake->epoch, FUTEX_WAIT, epoch, &ts, nullptr, 0);
        return;
    }
    // Polling (the original layout, or no wake-up segment): back off while nothing happens.
    auto interval = m_options.pollInterval;
    if (m_link.status != LinkStatus::Live) {
        interval = std::max<std::chrono::microseconds>(interval, kStalePoll);
    }
    sleepFor(std::min(interval, std::chrono::microseconds(waitNs / 1000 + 1)));
}

uint32_t *ShmReaderThread::stopWord()
{
    static_assert(sizeof(m_stopWord) == sizeof(uint32_t) && std::atomic<uint32_t>::is_always_lock_free);
    return reinterpret_cast<uint32_t *>(&m_stopWord);
}

void ShmReaderThread::sleepFor(std::chrono::microseconds d)
{
    if (m_stop.load() || d.count() <= 0) {
        return;
    }
    struct timespec ts {
    };
    ts.tv_sec = static_cast<time_t>(d.count() / 1'000'000);
    ts.tv_nsec = static_cast<long>(d.count() % 1'000'000) * 1000L;
    // Returns at the timeout, at requestStop(), or early on a signal: every caller re-checks and loops.
    syscall(SYS_futex, stopWord(), FUTEX_WAIT_PRIVATE, 0U, &ts, nullptr, 0);
}

void ShmReaderThread::setLink(LinkStatus status, Incompatibility reason, QString detail, quint32 segmentAbi,
                              quint32 readerAbi)
{
    LinkInfo next = m_link;
    next.status = status;
    next.reason = reason;
    next.detail = std::move(detail);
    next.segmentAbi = segmentAbi;
    next.readerAbi = readerAbi;
    if (status == LinkStatus::Waiting || status == LinkStatus::Incompatible) {
        next.layout = Layout::None;
    } else {
        next.layout = m_layout;
    }
    if (m_linkSent && next == m_link) {
        return;
    }
    m_link = next;
    m_linkSent = true;
    qCInfo(lcReader).noquote() << "link" << names::linkStatus(status) << names::incompatibility(reason)
                               << m_link.detail;
    m_host->post(std::nullopt, m_link);
}

} // namespace omni
