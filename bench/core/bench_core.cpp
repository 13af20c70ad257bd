// SPDX-License-Identifier: MIT
// omni-bench-core: latency from the robot's publish (the timestamp in the segment) to the core's
// ShmSource::stateReceived signal in this process's main thread, plus what the reader costs (CPU).
// Run it next to omni-bench-robot (or any writer); it prints one JSON object.
#include "benchstats.h"

#include <omni/hub.h>
#include <omni/shmsource.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Publish -> ShmSource::stateReceived latency."));
    p.addHelpOption();
    const QCommandLineOption shm(QStringLiteral("shm"), QStringLiteral("Segment to read."), QStringLiteral("NAME"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Measured window (default 10)."),
                                     QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption warmup(QStringLiteral("warmup"), QStringLiteral("Ignored start (default 1)."),
                                    QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Give up when no state came for this long (default 10)."),
                                     QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("JSON result file (default stdout)."),
                                 QStringLiteral("FILE"), QStringLiteral("-"));
    p.addOptions({shm, seconds, warmup, timeout, out});
    p.process(app);
    if (!p.isSet(shm)) {
        std::fprintf(stderr, "omni-bench-core: --shm NAME is required\n");
        return 2;
    }
    const double windowS = p.value(seconds).toDouble();
    const double warmupS = p.value(warmup).toDouble();
    const double timeoutS = p.value(timeout).toDouble();

    omni::ShmSourceOptions so;
    so.name = p.value(shm);
    omni::ShmSource source(so);
    omni::Hub hub; // as in the app: the hub is what everything downstream reads
    hub.setSource(&source);

    std::vector<double> latencyUs;
    latencyUs.reserve(static_cast<std::size_t>(std::max(1.0, windowS) * 20000));
    bool measuring = false;
    quint64 firstSeq = 0;
    quint64 lastSeq = 0;
    qint64 windowStartNs = 0;
    double cpuStart = 0;
    quint64 coalescedStart = 0;
    qint64 lastStateMono = omni::bench::monotonicNs();
    const int pid = static_cast<int>(getpid());

    QObject::connect(&source, &omni::StateSource::stateReceived, &app, [&](const omni::RobotState &s) {
        const qint64 now = omni::bench::monotonicNs();
        lastStateMono = now;
        if (!measuring) {
            return;
        }
        if (firstSeq == 0) {
            firstSeq = s.seq;
        }
        lastSeq = s.seq;
        latencyUs.push_back(static_cast<double>(now - s.publishMonoNs) / 1000.0);
    });

    QTimer::singleShot(static_cast<int>(warmupS * 1000), &app, [&] {
        measuring = true;
        windowStartNs = omni::bench::monotonicNs();
        cpuStart = omni::bench::processCpuSeconds(pid);
        coalescedStart = source.coalescedCount();
    });
    QTimer::singleShot(static_cast<int>((warmupS + windowS) * 1000), &app, [&] { QCoreApplication::exit(0); });
    QTimer watchdog;
    QObject::connect(&watchdog, &QTimer::timeout, &app, [&] {
        if (static_cast<double>(omni::bench::monotonicNs() - lastStateMono) > timeoutS * 1e9) {
            std::fprintf(stderr, "omni-bench-core: no state for %g s; giving up\n", timeoutS);
            QCoreApplication::exit(1);
        }
    });
    watchdog.start(200);
    source.start();
    const int rc = QCoreApplication::exec();

    const double elapsedS = static_cast<double>(omni::bench::monotonicNs() - windowStartNs) / 1e9;
    const double cpu = omni::bench::processCpuSeconds(pid) - cpuStart;
    const std::size_t delivered = latencyUs.size();
    const omni::bench::Summary lat = omni::bench::summarise(latencyUs);
    omni::bench::JsonWriter j;
    j.beginObject();
    j.key("tool").value("omni-bench-core");
    j.key("shm").value(so.name.toStdString());
    j.key("ok").value(rc == 0 && delivered > 0);
    j.key("using_futex_wakeups").value(source.usingWakeups());
    j.key("seconds").value(elapsedS);
    j.key("states_delivered").value(static_cast<std::int64_t>(delivered));
    j.key("states_published").value(static_cast<std::int64_t>(lastSeq >= firstSeq ? lastSeq - firstSeq + 1 : 0));
    j.key("states_coalesced").value(static_cast<std::int64_t>(source.coalescedCount() - coalescedStart));
    j.key("cpu_percent_of_core").value(elapsedS > 0 ? 100.0 * cpu / elapsedS : 0.0);
    j.key("rss_kib").value(static_cast<std::int64_t>(omni::bench::processRssKiB(pid)));
    j.key("latency_us").value(lat);
    j.endObject();
    j.save(p.value(out).toStdString());
    return rc == 0 && delivered > 0 ? 0 : 1;
}
