// SPDX-License-Identifier: MIT
// Seeking in a recording (docs/PERFORMANCE.md, "Replay"): writes a recording of a 1 kHz robot (10 minutes by
// default: 600 000 states, zstd, 1 MiB chunks, as --record writes them), opens it with ReplaySource, then seeks to
// random places and times each seek from the command to the state reaching the hub's signal (stateReceived).
// Prints one JSON object: the recording's size, the open time and the seek percentiles in ms.
// Usage: omni-bench-seek [--minutes M] [--seeks N] [--keep FILE]
#include "benchstats.h"

#include <omni/mcapwriter.h>
#include <omni/recordingformat.h>
#include <omni/replaysource.h>
#include <omni/statejson.h>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <random>

using namespace omni;
using namespace omni::bench;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000'000'000;
constexpr qint64 kPeriodNs = 1'000'000; // 1 kHz

/// This thread's CPU time in ns: a seek's own cost, apart from waiting for a core on a busy machine.
std::int64_t threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

bool writeRecording(const QString &path, qint64 states)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    McapWriter w(&file);
    if (!beginRecording(w)) {
        return false;
    }
    LinkInfo link;
    link.status = LinkStatus::Live;
    link.layout = Layout::Current;
    link.source = QStringLiteral("shm:omnigod");
    for (qint64 i = 0; i < states; ++i) {
        RobotState s;
        s.seq = static_cast<quint64>(i + 1);
        s.direction = static_cast<qint32>((i / 3000) % 4);
        s.motorPower = {static_cast<qint32>(i % 200 - 100), static_cast<qint32>(100 - i % 200), 0};
        s.obstacle = (i / 7000) % 5 == 0 ? 1 : 0;
        s.obstacleMode = 0;
        s.sensors = {static_cast<qint32>(i % 2), 0, 1, 0, static_cast<qint32>((i / 2) % 2)};
        s.publishUnixNs = kT0 + i * kPeriodNs;
        s.layout = Layout::Current;
        const auto t = static_cast<quint64>(s.publishUnixNs);
        if (!w.write(0, t, t, json::stateMessage(s, link, {1000.0, 0}), static_cast<quint32>(s.seq))) {
            return false;
        }
    }
    return static_cast<bool>(w.close());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    double minutes = 10;
    int seeks = 200;
    QString keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        const QByteArray a = argv[i];
        if (a == "--minutes") {
            minutes = std::atof(argv[i + 1]);
        } else if (a == "--seeks") {
            seeks = std::atoi(argv[i + 1]);
        } else if (a == "--keep") {
            keep = QString::fromLocal8Bit(argv[i + 1]);
        }
    }
    QTemporaryDir dir;
    const QString path = keep.isEmpty() ? dir.filePath(QStringLiteral("seek.mcap")) : keep;
    const auto states = static_cast<qint64>(minutes * 60'000);
    const std::int64_t writeStart = monotonicNs();
    if (!writeRecording(path, states)) {
        std::fprintf(stderr, "omni-bench-seek: cannot write %s\n", qPrintable(path));
        return 1;
    }
    const double writeMs = static_cast<double>(monotonicNs() - writeStart) / 1e6;

    ReplaySourceOptions o;
    o.path = path;
    o.playAtStart = false;
    ReplaySource source(o);
    const std::int64_t openStart = monotonicNs();
    if (const auto opened = source.open(); !opened) {
        std::fprintf(stderr, "omni-bench-seek: %s\n", qPrintable(opened.errorString()));
        return 1;
    }
    const double openMs = static_cast<double>(monotonicNs() - openStart) / 1e6;
    source.start();

    std::int64_t shownAt = 0;
    QObject::connect(&source, &StateSource::stateReceived, [&shownAt] { shownAt = monotonicNs(); });
    std::mt19937_64 random(42);
    ReplayController &c = source.controller();
    std::uniform_int_distribution<qint64> anywhere(c.startNs(), c.endNs());
    std::vector<double> samples;
    std::vector<double> cpu;
    for (int i = 0; i < seeks; ++i) {
        const std::int64_t cpuStart = threadCpuNs();
        const std::int64_t start = monotonicNs();
        c.seek(anywhere(random));
        source.update();
        if (shownAt >= start) {
            samples.push_back(static_cast<double>(shownAt - start) / 1e6);
            cpu.push_back(static_cast<double>(threadCpuNs() - cpuStart) / 1e6);
        }
    }
    const Summary s = summarise(samples);
    const Summary sc = summarise(cpu);
    std::printf("{\"states\":%lld,\"file_bytes\":%lld,\"write_ms\":%.1f,\"open_ms\":%.1f,"
                "\"seeks\":%zu,\"seek_ms\":{\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"max\":%.3f},"
                "\"seek_cpu_ms\":{\"p50\":%.3f,\"p99\":%.3f,\"max\":%.3f},\"limit_ms\":50,\"ok\":%s}\n",
                static_cast<long long>(states), static_cast<long long>(QFile(path).size()), writeMs, openMs, s.count,
                s.p50, s.p90, s.p99, s.max, sc.p50, sc.p99, sc.max, s.max <= 50.0 && s.count > 0 ? "true" : "false");
    return s.count > 0 ? 0 : 1;
}
