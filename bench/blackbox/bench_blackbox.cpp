// SPDX-License-Identifier: MIT
// The black box's costs (docs/PERFORMANCE.md, "7. The black box"): keeping N states in the ring (ns a state, RSS
// grown), and saving them all through Blackbox::save() (the snapshot copy plus the worker's MCAP file), in each
// compression: wall time and file size per million states. Prints one JSON object.
// Usage: omni-bench-blackbox [--states N] [--dir FOLDER]      (default 600000: 10 minutes at 1 kHz)
#include "benchstats.h"

#include <omni/blackbox.h>
#include <omni/hub.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>

using namespace omni;

namespace {

RobotState stateAt(quint64 i)
{
    // A robot that moves: powers and sensors change, as the simulated robot's do (compression sees real variety).
    RobotState s;
    s.seq = i;
    s.direction = static_cast<qint32>((i / 3000) % 4);
    s.motorPower = {static_cast<qint32>(i % 201) - 100, static_cast<qint32>((i * 7) % 201) - 100,
                    static_cast<qint32>((i / 50) % 101)};
    s.botMode = static_cast<qint32>((i / 60000) % 3);
    s.obstacle = (i / 5000) % 4 == 0 ? 1 : 0;
    s.obstacleMode = 0;
    s.goLeft = (i / 700) % 2 == 0 ? 1 : 0;
    s.goRight = 1 - s.goLeft;
    s.sensorMode = 1;
    for (std::size_t k = 0; k < 5; ++k) {
        s.sensors[k] = ((i / (100 + 37 * k)) % 2) == 0 ? 1 : 0;
    }
    s.publishMonoNs = static_cast<qint64>(i) * 1000000 + 1000000000; // 1 kHz
    s.publishUnixNs = 1796270000000000000 + s.publishMonoNs;
    s.writerPid = 4242;
    s.layout = Layout::Current;
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint64 states = 600000;
    QString dir;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--states")) {
            states = args[i + 1].toLongLong();
        } else if (args[i] == QLatin1String("--dir")) {
            dir = args[i + 1];
        }
    }
    QTemporaryDir tmp;
    if (dir.isEmpty()) {
        dir = tmp.path();
    }

    // The ring alone: the per-state cost the always-on black box adds to every state.
    const long rssBefore = omni::bench::processRssKiB(static_cast<int>(::getpid()));
    BlackboxRing ring;
    QElapsedTimer t;
    t.start();
    for (qint64 i = 0; i < states; ++i) {
        ring.addState(stateAt(static_cast<quint64>(i)), 1000.0, 0, 0);
    }
    const double nsPerState = static_cast<double>(t.nsecsElapsed()) / static_cast<double>(states);
    const long rssAfter = omni::bench::processRssKiB(static_cast<int>(::getpid()));
    ring.clear();

    std::printf("{\"states\":%lld,\"ring_ns_per_state\":%.1f,\"ring_rss_kib\":%ld,\"ring_bound_bytes\":%lld,"
                "\"saves\":[",
                static_cast<long long>(states), nsPerState, rssAfter - rssBefore,
                static_cast<long long>(BlackboxRing().bytesBound()));
    const McapCompression compressions[] = {McapCompression::Zstd, McapCompression::Lz4, McapCompression::None};
    bool first = true;
    for (const McapCompression c : compressions) {
        Hub hub;
        BlackboxOptions o;
        o.minutes = 10;
        o.compression = c;
        o.store.folder = QDir(dir).filePath(names::mcapCompression(c));
        Blackbox box(&hub, nullptr, o);
        for (qint64 i = 0; i < states; ++i) {
            hub.acceptState(stateAt(static_cast<quint64>(i)));
        }
        std::optional<RecordingsApi::Saved> saved;
        t.restart();
        box.save(0, [&saved](const RecordingsApi::Saved &s) { saved = s; });
        const qint64 returnedMs = t.elapsed(); // what the caller's (GUI) thread waited: the snapshot copy
        while (!saved) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        const qint64 ms = t.elapsed();
        if (!saved->info) {
            std::fprintf(stderr, "save failed: %s\n", qPrintable(saved->errorString));
            return 1;
        }
        const double perMillion = static_cast<double>(saved->info->bytes) * 1e6 / static_cast<double>(states);
        std::printf("%s{\"compression\":\"%s\",\"save_ms\":%lld,\"caller_blocked_ms\":%lld,\"bytes\":%lld,"
                    "\"messages\":%llu,\"mb_per_million_states\":%.1f}",
                    first ? "" : ",", qPrintable(names::mcapCompression(c)), static_cast<long long>(ms),
                    static_cast<long long>(returnedMs), static_cast<long long>(saved->info->bytes),
                    static_cast<unsigned long long>(saved->info->messages.value_or(0)), perMillion / 1e6);
        first = false;
        box.remove(saved->info->name);
    }
    std::printf("]}\n");
    return 0;
}
