// SPDX-License-Identifier: MIT
// omni-bench-publish: what omni_writer_publish() costs the robot, with no reader and with real readers
// sleeping on the writer's futex (the core's ShmSource in a thread, and a minimal reader in another process).
//
//   Publish/<reader>          tight loop, no timer inside: Google Benchmark's time is the mean ns per call
//   PublishTimed/<reader>     tight loop, every call timed (TSC): p50/p99/p999/max ns per call as counters
// Readers: none; the core's ShmSource (thread); a minimal protocol reader in a thread and in another process; and an
// experiment, a predictive reader (thread) that sleeps on a timer until the next publish is due.
//   PublishPaced/<reader>/HZ  one publish per period, as a robot loop does: the reader is asleep at every
//                             publish, so this is where the FUTEX_WAKE shows; manual time = per-call cost.
//                             --paced_seconds=S (default 3) sets the length of each.
// Every variant reports wakes_per_call: the FUTEX_WAKE calls the writer made, counted exactly (only the
// writer bumps the wake epoch).
#include "benchstats.h"
#include "cyclecounter.h"

#include <omni/shmsource.h>
#include <omniscient/omni_shm.h>

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QThread>

#include <atomic>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using omni::bench::CycleClock;
using omni::bench::cycleNow;

double g_pacedSeconds = 3.0; // per paced benchmark: iterations = rate x this (20 at least)

const CycleClock &cycleClock()
{
    static const CycleClock clock;
    return clock;
}

std::string segmentName()
{
    return "omni-bench-publish-" + std::to_string(getpid());
}

omni_state sampleState(int32_t k)
{
    omni_state s{};
    s.direction = k % 4;
    s.motor_power[0] = k % 101;
    s.motor_power[1] = -(k % 89);
    s.motor_power[2] = 3;
    s.sensor_mode = 1;
    s.sensors[k % OMNI_SENSOR_COUNT] = 1;
    return s;
}

/// A reader that follows the omni_shm.h protocol with nothing else around it: map read-only, copy when the
/// sequence moved, then set `waiting`, re-check and sleep on the epoch. Runs until *stop is set.
/// With `predictive`, after each read it first sleeps on a plain timer until the next publish is due (the
/// robot's period, learnt from publish_ns, plus a margin) and arms the futex only if nothing new is there then:
/// an experiment in keeping the writer syscall-free while a reader is attached. `latencyNs`, when given,
/// collects publish -> read times.
void minimalReaderLoop(const char *name, const std::atomic<int> *stop, std::atomic<long> *reads,
                       std::vector<double> *latencyNs = nullptr, bool predictive = false)
{
    char path[OMNI_SHM_NAME_MAX + 16];
    char wakePath[OMNI_SHM_NAME_MAX + 16];
    omni_shm_path(name, 0, path, sizeof path);
    omni_shm_path(name, 1, wakePath, sizeof wakePath);
    const int fd = shm_open(path, O_RDONLY, 0);
    const int wfd = shm_open(wakePath, O_RDWR, 0);
    if (fd < 0 || wfd < 0) {
        return;
    }
    const auto *seg =
        static_cast<const omni_shm_segment *>(mmap(nullptr, sizeof(omni_shm_segment), PROT_READ, MAP_SHARED, fd, 0));
    auto *wake =
        static_cast<omni_shm_wake *>(mmap(nullptr, sizeof(omni_shm_wake), PROT_READ | PROT_WRITE, MAP_SHARED, wfd, 0));
    close(fd);
    close(wfd);
    if (seg == MAP_FAILED || wake == MAP_FAILED) {
        return;
    }
    const auto *words = reinterpret_cast<const int32_t *>(&seg->state);
    int32_t copy[sizeof(omni_state) / sizeof(int32_t)];
    uint64_t last = ~uint64_t{0};
    uint64_t prevPublish = 0;
    uint64_t period = 0;
    constexpr uint64_t kMarginNs = 50'000;
    if (predictive) {
        prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL); // this thread only: wake within ~1 us of the deadline
    }
    while (stop->load(std::memory_order_relaxed) == 0) {
        const uint64_t s1 = __atomic_load_n(&seg->header.sequence, __ATOMIC_ACQUIRE);
        if (s1 != last && (s1 & 1U) == 0) {
            for (std::size_t i = 0; i < std::size(copy); ++i) {
                copy[i] = __atomic_load_n(&words[i], __ATOMIC_RELAXED);
            }
            const uint64_t published = __atomic_load_n(&seg->header.publish_ns, __ATOMIC_RELAXED);
            __atomic_thread_fence(__ATOMIC_ACQUIRE);
            if (__atomic_load_n(&seg->header.sequence, __ATOMIC_RELAXED) != s1) {
                continue;
            }
            benchmark::DoNotOptimize(copy);
            const uint64_t now = omni_monotonic_ns();
            if (latencyNs != nullptr && latencyNs->size() < latencyNs->capacity() && last != ~uint64_t{0}) {
                latencyNs->push_back(static_cast<double>(now - published));
            }
            last = s1;
            reads->fetch_add(1, std::memory_order_relaxed);
            if (predictive) {
                if (prevPublish != 0 && published > prevPublish) {
                    const uint64_t gap = published - prevPublish;
                    period = period == 0 ? gap : (period * 7 + gap) / 8;
                }
                prevPublish = published;
                if (period > 0 && period < 200'000'000ULL && published + period + kMarginNs > now) {
                    const uint64_t due = published + period + kMarginNs;
                    timespec ts{static_cast<time_t>(due / 1'000'000'000ULL), static_cast<long>(due % 1'000'000'000ULL)};
                    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
                    }
                    continue; // re-check; only when nothing new is there does it arm the futex below
                }
            }
        }
        const uint32_t epoch = __atomic_load_n(&wake->epoch, __ATOMIC_SEQ_CST);
        __atomic_store_n(&wake->waiting, 1U, __ATOMIC_SEQ_CST);
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        if (__atomic_load_n(&seg->header.sequence, __ATOMIC_SEQ_CST) != last) {
            continue;
        }
        timespec timeout{0, 100'000'000L};
        syscall(SYS_futex, &wake->epoch, FUTEX_WAIT, epoch, &timeout, nullptr, 0);
    }
    munmap(const_cast<omni_shm_segment *>(seg), sizeof(omni_shm_segment));
    munmap(wake, sizeof(omni_shm_wake));
}

enum class Reader { None, ShmSourceThread, MinimalThread, MinimalProcess, PredictiveThread };

const char *readerName(Reader r)
{
    switch (r) {
    case Reader::None:
        return "no_reader";
    case Reader::ShmSourceThread:
        return "shmsource_thread";
    case Reader::MinimalThread:
        return "minimal_reader_thread";
    case Reader::MinimalProcess:
        return "minimal_reader_process";
    case Reader::PredictiveThread:
        return "predictive_reader_thread";
    }
    return "?";
}

/// A writer plus the reader of the chosen kind, attached and asleep on the futex before the timing starts.
class Rig
{
public:
    explicit Rig(Reader kind) : m_kind(kind), m_name(segmentName())
    {
        m_writer = omni_writer_open(m_name.c_str());
        if (m_writer == nullptr) {
            m_error = std::string("omni_writer_open: ") + std::strerror(errno);
            return;
        }
        const omni_state s = sampleState(0);
        omni_writer_publish(m_writer, &s);
        switch (kind) {
        case Reader::None:
            break;
        case Reader::ShmSourceThread: {
            omni::ShmSourceOptions o;
            o.name = QString::fromStdString(m_name);
            m_source = std::make_unique<omni::ShmSource>(o);
            m_source->start();
            break;
        }
        case Reader::MinimalThread:
        case Reader::PredictiveThread:
            m_latencyNs.reserve(1'000'000);
            m_thread = std::thread([this, kind] {
                minimalReaderLoop(m_name.c_str(), &m_stopFlag, &m_reads, &m_latencyNs,
                                  kind == Reader::PredictiveThread);
            });
            break;
        case Reader::MinimalProcess: {
            auto *shared = static_cast<std::atomic<int> *>(
                mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
            m_shared = shared;
            new (shared) std::atomic<int>(0);
            m_child = fork();
            if (m_child == 0) {
                std::atomic<long> reads{0};
                minimalReaderLoop(m_name.c_str(), shared, &reads);
                _exit(0);
            }
            break;
        }
        }
        if (kind != Reader::None && !waitUntilAsleep()) {
            m_error = std::string("the reader (") + readerName(kind) + ") never went to sleep on the futex";
        }
    }

    ~Rig()
    {
        if (m_source) {
            m_source.reset();
            QCoreApplication::processEvents(); // the deliveries it queued while we were not looking
        }
        if (m_thread.joinable()) {
            m_stopFlag.store(1);
            wakeAll();
            m_thread.join();
        }
        if (m_child > 0) {
            m_shared->store(1);
            wakeAll();
            int status = 0;
            if (waitpid(m_child, &status, WNOHANG) == 0) {
                usleep(200'000);
                if (waitpid(m_child, &status, WNOHANG) == 0) {
                    kill(m_child, SIGKILL);
                    waitpid(m_child, &status, 0);
                }
            }
        }
        if (m_shared != nullptr) {
            munmap(m_shared, 4096);
        }
        omni_writer_close(m_writer);
    }

    Rig(const Rig &) = delete;
    Rig &operator=(const Rig &) = delete;

    [[nodiscard]] omni_writer *writer() const { return m_writer; }
    /// Stops a thread reader and returns its publish -> read times (ns); empty for the other kinds.
    std::vector<double> stopAndTakeLatencies()
    {
        if (m_thread.joinable()) {
            m_stopFlag.store(1);
            wakeAll();
            m_thread.join();
        }
        return std::move(m_latencyNs);
    }
    [[nodiscard]] const std::string &error() const { return m_error; }
    [[nodiscard]] uint32_t epoch() const
    {
        return m_writer->wake != nullptr ? __atomic_load_n(&m_writer->wake->epoch, __ATOMIC_RELAXED) : 0U;
    }
    /// Waits (bounded) until the reader has taken the last publish and set `waiting` again.
    bool waitUntilAsleep() const
    {
        if (m_kind == Reader::None || m_writer->wake == nullptr) {
            return m_kind == Reader::None;
        }
        for (int i = 0; i < 3000; ++i) {
            if (__atomic_load_n(&m_writer->wake->waiting, __ATOMIC_SEQ_CST) != 0U) {
                return true;
            }
            usleep(1000);
        }
        return false;
    }

private:
    void wakeAll()
    {
        if (m_writer != nullptr && m_writer->wake != nullptr) {
            __atomic_fetch_add(&m_writer->wake->epoch, 1U, __ATOMIC_SEQ_CST);
            syscall(SYS_futex, &m_writer->wake->epoch, FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
        }
    }

    Reader m_kind;
    std::string m_name;
    std::string m_error;
    omni_writer *m_writer = nullptr;
    std::unique_ptr<omni::ShmSource> m_source;
    std::thread m_thread;
    std::atomic<int> m_stopFlag{0};
    std::atomic<long> m_reads{0};
    std::vector<double> m_latencyNs;
    std::atomic<int> *m_shared = nullptr;
    pid_t m_child = -1;
};

void setPercentiles(benchmark::State &state, std::vector<double> &ns)
{
    const omni::bench::Summary s = omni::bench::summarise(ns);
    state.counters["p50_ns"] = s.p50;
    state.counters["p90_ns"] = s.p90;
    state.counters["p99_ns"] = s.p99;
    state.counters["p999_ns"] = s.p999;
    state.counters["max_ns"] = s.max;
    state.counters["samples"] = static_cast<double>(s.count);
}

void bmPublish(benchmark::State &state, Reader kind)
{
    Rig rig(kind);
    if (!rig.error().empty()) {
        state.SkipWithError(rig.error().c_str());
        return;
    }
    int32_t k = 1;
    const uint32_t epoch0 = rig.epoch();
    for (auto _ : state) {
        const omni_state s = sampleState(k++);
        omni_writer_publish(rig.writer(), &s);
    }
    state.counters["wakes_per_call"] = static_cast<double>(rig.epoch() - epoch0) / static_cast<double>(k - 1);
}

void bmPublishTimed(benchmark::State &state, Reader kind)
{
    Rig rig(kind);
    if (!rig.error().empty()) {
        state.SkipWithError(rig.error().c_str());
        return;
    }
    const CycleClock &clock = cycleClock();
    constexpr std::size_t kCap = std::size_t{1} << 22;
    std::vector<uint32_t> ticks;
    ticks.reserve(kCap);
    int32_t k = 1;
    const uint32_t epoch0 = rig.epoch();
    for (auto _ : state) {
        const omni_state s = sampleState(k++);
        const uint64_t t0 = cycleNow();
        omni_writer_publish(rig.writer(), &s);
        const uint64_t t1 = cycleNow();
        if (ticks.size() < kCap) {
            ticks.push_back(static_cast<uint32_t>(std::min<uint64_t>(t1 - t0, UINT32_MAX)));
        }
    }
    state.counters["wakes_per_call"] = static_cast<double>(rig.epoch() - epoch0) / static_cast<double>(k - 1);
    std::vector<double> ns;
    ns.reserve(ticks.size());
    for (const uint32_t t : ticks) {
        ns.push_back(static_cast<double>(t > clock.overheadTicks() ? t - clock.overheadTicks() : 0) *
                     clock.nsPerTick());
    }
    setPercentiles(state, ns);
}

void bmPublishPaced(benchmark::State &state, Reader kind)
{
    Rig rig(kind);
    if (!rig.error().empty()) {
        state.SkipWithError(rig.error().c_str());
        return;
    }
    const CycleClock &clock = cycleClock();
    const auto periodNs = static_cast<long>(1e9 / static_cast<double>(state.range(0)));
    std::vector<double> ns;
    ns.reserve(static_cast<std::size_t>(state.max_iterations) + 16);
    int32_t k = 1;
    long asleep = 0;
    timespec next{};
    clock_gettime(CLOCK_MONOTONIC, &next);
    const uint32_t epoch0 = rig.epoch();
    for (auto _ : state) {
        next.tv_nsec += periodNs;
        while (next.tv_nsec >= 1'000'000'000L) {
            next.tv_nsec -= 1'000'000'000L;
            ++next.tv_sec;
        }
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr) == EINTR) {
        }
        if (rig.writer()->wake != nullptr && __atomic_load_n(&rig.writer()->wake->waiting, __ATOMIC_RELAXED) != 0U) {
            ++asleep;
        }
        const omni_state s = sampleState(k++);
        const uint64_t t0 = cycleNow();
        omni_writer_publish(rig.writer(), &s);
        const uint64_t t1 = cycleNow();
        const double callNs =
            static_cast<double>(t1 - t0 > clock.overheadTicks() ? t1 - t0 - clock.overheadTicks() : 0) *
            clock.nsPerTick();
        ns.push_back(callNs);
        state.SetIterationTime(callNs / 1e9);
    }
    state.counters["wakes_per_call"] = static_cast<double>(rig.epoch() - epoch0) / static_cast<double>(k - 1);
    state.counters["reader_asleep_fraction"] = static_cast<double>(asleep) / static_cast<double>(k - 1);
    setPercentiles(state, ns);
    std::vector<double> lat = rig.stopAndTakeLatencies();
    if (!lat.empty()) {
        const omni::bench::Summary s = omni::bench::summarise(lat);
        state.counters["reader_latency_p50_us"] = s.p50 / 1000.0;
        state.counters["reader_latency_p99_us"] = s.p99 / 1000.0;
    }
}

void registerAll()
{
    const Reader readers[] = {Reader::None, Reader::ShmSourceThread, Reader::MinimalThread, Reader::MinimalProcess,
                              Reader::PredictiveThread};
    for (const Reader r : readers) {
        benchmark::RegisterBenchmark((std::string("Publish/") + readerName(r)).c_str(), bmPublish, r)
            ->Unit(benchmark::kNanosecond);
    }
    for (const Reader r : readers) {
        benchmark::RegisterBenchmark((std::string("PublishTimed/") + readerName(r)).c_str(), bmPublishTimed, r)
            ->Unit(benchmark::kNanosecond);
    }
    for (const Reader r : readers) {
        for (const int hz : {50, 1000, 10000}) {
            const auto iterations = static_cast<benchmark::IterationCount>(std::max(20.0, hz * g_pacedSeconds));
            benchmark::RegisterBenchmark((std::string("PublishPaced/") + readerName(r)).c_str(), bmPublishPaced, r)
                ->Arg(hz)
                ->Iterations(iterations)
                ->Repetitions(1) // already long: one run of fixed length
                ->UseManualTime()
                ->Unit(benchmark::kNanosecond);
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    // Our own flag first (Google Benchmark rejects flags it does not know).
    std::vector<char *> args;
    for (int i = 0; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--paced_seconds=", 0) == 0) {
            g_pacedSeconds = std::max(0.0, std::atof(a.c_str() + 16));
            continue;
        }
        args.push_back(argv[i]);
    }
    int n = static_cast<int>(args.size());
    QCoreApplication app(n, args.data()); // ShmSource queues its deliveries to this thread
    registerAll();
    benchmark::AddCustomContext("timer", CycleClock::name());
    benchmark::AddCustomContext("timer_ns_per_tick", std::to_string(cycleClock().nsPerTick()));
    benchmark::AddCustomContext("timer_overhead_ns", std::to_string(static_cast<double>(cycleClock().overheadTicks()) *
                                                                    cycleClock().nsPerTick()));
    benchmark::AddCustomContext("paced_seconds", std::to_string(g_pacedSeconds));
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data())) {
        return 2;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
