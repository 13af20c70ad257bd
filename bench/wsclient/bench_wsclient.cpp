// SPDX-License-Identifier: MIT
// omni-bench-wsclient: N WebSocket clients in one epoll loop (no Qt, so the load generator stays cheap and
// does not blur what it measures). Each state message's latency is now - its publish time, on the same
// machine and clock: omniscient's messages carry t_publish_ms; the baseline's carry the original `ver`,
// whose publish time omni-bench-robot wrote into the NAME.clock table.
// Optionally K more clients that never read after the handshake (stalled): what the server then holds for
// them is sampled from `ss` (kernel Send-Q) and /metrics (the server's own buffer).
#include "benchstats.h"
#include "wsloop.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

namespace omni::bench::ws {

using omni::bench::JsonWriter;
using omni::bench::monotonicNs;

int Loop::run()
{
    m_addr.sin_family = AF_INET;
    m_addr.sin_port = htons(static_cast<uint16_t>(m_o.port));
    if (inet_pton(AF_INET, m_o.host.c_str(), &m_addr.sin_addr) != 1) {
        std::fprintf(stderr, "omni-bench-wsclient: --host must be an IPv4 address\n");
        return 2;
    }
    if (!m_o.clockName.empty()) {
        const std::string path = "/" + m_o.clockName + ".clock";
        const int fd = shm_open(path.c_str(), O_RDONLY, 0);
        void *map = fd >= 0 ? mmap(nullptr, kClockBytes, PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;
        if (fd >= 0) {
            close(fd);
        }
        if (map == MAP_FAILED ||
            __atomic_load_n(&static_cast<const BenchClock *>(map)->magic, __ATOMIC_ACQUIRE) != kClockMagic) {
            std::fprintf(stderr, "omni-bench-wsclient: cannot map the clock table %s\n", path.c_str());
            return 1;
        }
        m_clock = static_cast<const BenchClock *>(map);
    }
    m_ep = epoll_create1(EPOLL_CLOEXEC);
    const int total = m_o.clients + m_o.stalled;
    m_clients.resize(static_cast<std::size_t>(total)); // never resized again: epoll holds pointers
    m_latUs.reserve(static_cast<std::size_t>(std::max(1.0, m_o.seconds) * 70 * std::max(1, m_o.clients)) + 1024);

    // Connect in small waves: the server caps connections still in their handshake (a real limit, not ours).
    constexpr int kWave = 32;
    int next = 0;
    const std::int64_t connectStart = monotonicNs();
    std::vector<epoll_event> events(512);
    auto pump = [&](int timeoutMs) {
        const int n = epoll_wait(m_ep, events.data(), static_cast<int>(events.size()), timeoutMs);
        for (int i = 0; i < n; ++i) {
            onEvent(*static_cast<Client *>(events[static_cast<std::size_t>(i)].data.ptr),
                    events[static_cast<std::size_t>(i)].events);
        }
    };
    for (;;) {
        int pending = 0;
        int open = 0;
        for (int i = 0; i < next; ++i) {
            const Phase ph = m_clients[static_cast<std::size_t>(i)].phase;
            pending += ph == Phase::Connecting || ph == Phase::Handshake ? 1 : 0;
            open += ph == Phase::Open ? 1 : 0;
        }
        while (next < total && pending < kWave) {
            // The stalled clients come last, once everyone else is in.
            startConnect(m_clients[static_cast<std::size_t>(next)], next >= m_o.clients);
            ++next;
            ++pending;
        }
        if (next == total && pending == 0) {
            break;
        }
        if (static_cast<double>(monotonicNs() - connectStart) > m_o.connectTimeout * 1e9) {
            break;
        }
        pump(50);
    }
    const double connectSeconds = static_cast<double>(monotonicNs() - connectStart) / 1e9;
    int connected = 0;
    for (const Client &c : m_clients) {
        connected += c.phase == Phase::Open ? 1 : 0;
    }

    const std::int64_t warmEnd = monotonicNs() + static_cast<std::int64_t>(m_o.warmup * 1e9);
    while (monotonicNs() < warmEnd) {
        pump(20);
    }
    std::string metricsBefore;
    if (m_o.metrics) {
        metricsBefore = fetchMetrics(m_o);
    }
    const double cpu0 = m_o.serverPid > 0 ? omni::bench::processCpuSeconds(m_o.serverPid) : -1;
    const double selfCpu0 = omni::bench::processCpuSeconds(static_cast<int>(getpid()));
    const std::int64_t windowStart = monotonicNs();
    const std::int64_t windowEnd = windowStart + static_cast<std::int64_t>(m_o.seconds * 1e9);
    m_measuring = true;
    std::vector<StalledSample> samples;
    std::int64_t nextSample = windowStart;
    while (monotonicNs() < windowEnd) {
        pump(10);
        if (m_o.stalled > 0 && monotonicNs() >= nextSample) {
            samples.push_back(sampleStalled(m_o, m_clients, static_cast<double>(monotonicNs() - windowStart) / 1e9));
            nextSample += static_cast<std::int64_t>(m_o.sampleEvery * 1e9);
        }
    }
    m_measuring = false;
    const double windowSeconds = static_cast<double>(monotonicNs() - windowStart) / 1e9;
    const double cpu1 = m_o.serverPid > 0 ? omni::bench::processCpuSeconds(m_o.serverPid) : -1;
    const double selfCpu1 = omni::bench::processCpuSeconds(static_cast<int>(getpid()));
    std::string metricsAfter;
    if (m_o.metrics) {
        metricsAfter = fetchMetrics(m_o);
    }

    std::vector<double> perClient;
    int served = 0;
    int stillOpen = 0;
    int droppedNormal = 0;
    int stalledDropped = 0;
    for (const Client &c : m_clients) {
        if (c.stalled) {
            continue;
        }
        perClient.push_back(static_cast<double>(c.statesInWindow) / windowSeconds);
        served += c.statesInWindow > 0 ? 1 : 0;
        stillOpen += c.phase == Phase::Open ? 1 : 0;
        droppedNormal += c.closedByServer ? 1 : 0;
    }
    if (!samples.empty()) {
        stalledDropped = m_o.stalled - samples.back().stalledConnected;
    }
    const std::size_t latCount = m_latUs.size();
    const omni::bench::Summary fresh = omni::bench::summarise(m_freshUs);
    const omni::bench::Summary lat = omni::bench::summarise(m_latUs);
    const omni::bench::Summary rate = omni::bench::summarise(perClient);

    JsonWriter j;
    j.beginObject();
    j.key("tool").value("omni-bench-wsclient");
    j.key("mode").value(m_o.mode);
    j.key("clients").value(m_o.clients);
    j.key("stalled_clients").value(m_o.stalled);
    j.key("connected").value(connected);
    j.key("connect_seconds").value(connectSeconds);
    j.key("connect_failures").value(static_cast<std::int64_t>(m_connectFailures));
    j.key("handshake_failures").value(static_cast<std::int64_t>(m_handshakeFailures));
    j.key("clients_served").value(served);
    j.key("clients_open_at_end").value(stillOpen);
    j.key("clients_dropped").value(droppedNormal);
    j.key("seconds").value(windowSeconds);
    j.key("states_received").value(static_cast<std::int64_t>(latCount));
    j.key("bad_messages").value(static_cast<std::int64_t>(m_badMessages));
    j.key("states_per_client_per_s").value(rate);
    j.key("latency_us").value(lat);
    if (m_o.freshness) {
        // Publish -> the client holds that state or a newer one: what a person watching actually waits.
        j.key("freshness_us").value(fresh);
    }
    j.key("client_cpu_percent_of_core").value(100.0 * (selfCpu1 - selfCpu0) / windowSeconds);
    if (m_o.serverPid > 0) {
        j.key("server").beginObject();
        j.key("pid").value(m_o.serverPid);
        j.key("cpu_percent_of_core").value(cpu0 >= 0 && cpu1 >= 0 ? 100.0 * (cpu1 - cpu0) / windowSeconds : -1.0);
        j.key("rss_kib").value(static_cast<std::int64_t>(omni::bench::processRssKiB(m_o.serverPid)));
        j.key("peak_rss_kib").value(static_cast<std::int64_t>(omni::bench::processPeakRssKiB(m_o.serverPid)));
        j.key("threads").value(static_cast<std::int64_t>(omni::bench::processThreads(m_o.serverPid)));
        j.endObject();
    }
    if (m_o.metrics) {
        j.key("metrics").beginObject();
        for (const char *name : {"omniscient_clients", "omniscient_bytes_buffered", "omniscient_states_sent_total",
                                 "omniscient_states_skipped_total", "omniscient_states_serialised_total",
                                 "omniscient_states_received_total", "omniscient_states_coalesced_total",
                                 "omniscient_clients_dropped_total", "omniscient_clients_refused_total"}) {
            const double before = metric(metricsBefore, name);
            const double after = metric(metricsAfter, name);
            j.key(std::string(name) + "_at_end").value(after);
            j.key(std::string(name) + "_delta").value(before >= 0 && after >= 0 ? after - before : -1.0);
        }
        j.endObject();
    }
    if (m_o.stalled > 0) {
        long maxSendQ = 0;
        long maxRecvQ = 0;
        double maxBuffered = -1;
        double maxHeld = 0;
        for (const StalledSample &s : samples) {
            maxSendQ = std::max(maxSendQ, s.serverSendQ);
            maxRecvQ = std::max(maxRecvQ, s.clientRecvQ);
            maxBuffered = std::max(maxBuffered, s.serverBuffered);
            maxHeld = std::max(maxHeld, static_cast<double>(s.serverSendQ) + std::max(0.0, s.serverBuffered));
        }
        j.key("stalled").beginObject();
        j.key("max_server_kernel_send_queue_bytes").value(static_cast<std::int64_t>(maxSendQ));
        j.key("max_server_user_buffer_bytes").value(maxBuffered);
        j.key("max_server_held_bytes").value(maxHeld);
        j.key("max_client_receive_queue_bytes").value(static_cast<std::int64_t>(maxRecvQ));
        j.key("dropped_by_server").value(stalledDropped);
        j.key("samples").beginArray();
        for (const StalledSample &s : samples) {
            j.beginObject();
            j.key("t").value(s.t);
            j.key("server_send_q").value(static_cast<std::int64_t>(s.serverSendQ));
            j.key("server_buffered").value(s.serverBuffered);
            j.key("client_recv_q").value(static_cast<std::int64_t>(s.clientRecvQ));
            j.key("connected").value(s.stalledConnected);
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }
    j.endObject();
    j.save(m_o.out);
    for (Client &c : m_clients) {
        if (c.fd >= 0) {
            close(c.fd);
        }
    }
    close(m_ep);
    return connected > 0 && latCount > 0 ? 0 : 1;
}

} // namespace omni::bench::ws

int main(int argc, char **argv)
{
    omni::bench::ws::Options o;
    if (!omni::bench::ws::parseArgs(argc, argv, o)) {
        std::fprintf(
            stderr,
            "Usage: omni-bench-wsclient --port P [--host 127.0.0.1] [--path /ws] [--clients N] [--stalled K]\n"
            "       [--seconds S] [--warmup W] [--mode omni|foxglove|baseline] [--clock NAME] [--server-pid PID]\n"
            "       [--metrics] [--freshness] [--sample-every S] [--stalled-rcvbuf BYTES] [--connect-timeout S]\n"
            "       [--out FILE]\n"
            "--mode baseline and --freshness need --clock NAME (the robot's --legacy NAME).\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    omni::bench::ws::Loop loop(o);
    return loop.run();
}
