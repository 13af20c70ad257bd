// SPDX-License-Identifier: MIT
// omni-bench-wsclient: N WebSocket clients in one epoll loop (no Qt, so the load generator stays cheap and
// does not blur what it measures). Each state message's latency is now - its publish time, on the same
// machine and clock: omniscient's messages carry t_publish_ms; the baseline's carry the original `ver`,
// whose publish time omni-bench-robot wrote into the NAME.clock table.
// Optionally K more clients that never read after the handshake (stalled): what the server then holds for
// them is sampled from `ss` (kernel Send-Q) and /metrics (the server's own buffer).
#include "benchstats.h"

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

namespace {

using omni::bench::JsonWriter;
using omni::bench::monotonicNs;
using omni::bench::realtimeNs;

struct Options {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string path = "/ws";
    int clients = 1;
    int stalled = 0;
    double seconds = 10;
    double warmup = 2;
    double connectTimeout = 60;
    std::string mode = "omni"; // or "baseline"
    std::string clockName;     // baseline: the NAME.clock table
    int serverPid = 0;
    bool metrics = false;
    bool freshness = false;
    double sampleEvery = 1.0;
    int stalledRcvbuf = 0; ///< SO_RCVBUF of the stalled clients (0: the system's default)
    std::string out = "-";
};

enum class Phase { Connecting, Handshake, Open, Closed };

struct Client {
    int fd = -1;
    Phase phase = Phase::Connecting;
    bool stalled = false;
    std::string out;
    std::string in;
    std::string fragment;
    int localPort = 0;
    long statesInWindow = 0;
    std::int64_t lastVer = -1; ///< freshness: the newest robot `ver` this client has
    long messages = 0;
    bool closedByServer = false;
};

/// NAME.clock as omni-bench-robot writes it: publish times (CLOCK_REALTIME ns) by `ver`.
struct BenchClock {
    std::int64_t magic;
    std::int64_t slots;
    std::int64_t seqOffset; ///< omniscient's `seq` of the publish with ver k is seqOffset + k
    std::int64_t reserved[5];
    std::int64_t t[1]; ///< really `slots` entries
};
constexpr std::int64_t kClockMagic = 0x4B434F4C43424FLL;
constexpr std::size_t kClockBytes = 64 + 1048576 * sizeof(std::int64_t);

bool parseArgs(int argc, char **argv, Options &o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--metrics") {
            o.metrics = true;
            continue;
        }
        if (a == "--freshness") {
            o.freshness = true;
            continue;
        }
        if (i + 1 >= argc) {
            return false;
        }
        const std::string v = argv[++i];
        if (a == "--host") {
            o.host = v;
        } else if (a == "--port") {
            o.port = std::atoi(v.c_str());
        } else if (a == "--path") {
            o.path = v;
        } else if (a == "--clients") {
            o.clients = std::atoi(v.c_str());
        } else if (a == "--stalled") {
            o.stalled = std::atoi(v.c_str());
        } else if (a == "--seconds") {
            o.seconds = std::atof(v.c_str());
        } else if (a == "--warmup") {
            o.warmup = std::atof(v.c_str());
        } else if (a == "--connect-timeout") {
            o.connectTimeout = std::atof(v.c_str());
        } else if (a == "--mode") {
            o.mode = v;
        } else if (a == "--clock") {
            o.clockName = v;
        } else if (a == "--server-pid") {
            o.serverPid = std::atoi(v.c_str());
        } else if (a == "--stalled-rcvbuf") {
            o.stalledRcvbuf = std::atoi(v.c_str());
        } else if (a == "--sample-every") {
            o.sampleEvery = std::atof(v.c_str());
        } else if (a == "--out") {
            o.out = v;
        } else {
            return false;
        }
    }
    return o.port > 0 && o.clients >= 0 && o.stalled >= 0 && o.clients + o.stalled > 0 && o.seconds > 0 &&
           (o.mode == "omni" || o.mode == "baseline") && (o.mode == "omni" || !o.clockName.empty()) &&
           (!o.freshness || !o.clockName.empty());
}

std::string base64(const unsigned char *data, std::size_t n)
{
    static const char *tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string s;
    for (std::size_t i = 0; i < n; i += 3) {
        const unsigned v = (unsigned{data[i]} << 16) | (i + 1 < n ? unsigned{data[i + 1]} << 8 : 0U) |
                           (i + 2 < n ? unsigned{data[i + 2]} : 0U);
        s += tbl[(v >> 18) & 63];
        s += tbl[(v >> 12) & 63];
        s += i + 1 < n ? tbl[(v >> 6) & 63] : '=';
        s += i + 2 < n ? tbl[v & 63] : '=';
    }
    return s;
}

/// A masked client frame (RFC 6455 5.3): clients must mask, the mask may be anything.
std::string clientFrame(unsigned char opcode, std::string_view payload)
{
    std::string f;
    f += static_cast<char>(0x80 | opcode);
    f += static_cast<char>(0x80 | static_cast<unsigned char>(payload.size())); // control frames: < 126
    const unsigned char mask[4] = {0x12, 0x34, 0x56, 0x78};
    f.append(reinterpret_cast<const char *>(mask), 4);
    for (std::size_t i = 0; i < payload.size(); ++i) {
        f += static_cast<char>(static_cast<unsigned char>(payload[i]) ^ mask[i % 4]);
    }
    return f;
}

/// The number after `"key":` in a JSON text; false when there is none.
bool numberAfter(std::string_view text, std::string_view key, double &out)
{
    const auto at = text.find(key);
    if (at == std::string_view::npos) {
        return false;
    }
    const char *begin = text.data() + at + key.size();
    const char *end = text.data() + text.size();
    char *stop = nullptr;
    const std::string tail(begin, static_cast<std::size_t>(std::min<std::ptrdiff_t>(end - begin, 40)));
    out = std::strtod(tail.c_str(), &stop);
    return stop != tail.c_str();
}

/// Runs a shell command and returns its stdout.
std::string run(const std::string &cmd)
{
    std::string result;
    if (FILE *p = popen(cmd.c_str(), "r")) {
        char buf[4096];
        std::size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) {
            result.append(buf, n);
        }
        pclose(p);
    }
    return result;
}

/// GET /metrics over a short blocking connection; the body, or empty.
std::string fetchMetrics(const Options &o)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(o.port));
    inet_pton(AF_INET, o.host.c_str(), &a.sin_addr);
    timeval tv{2, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string body;
    if (connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0) {
        const std::string req = "GET /metrics HTTP/1.1\r\nHost: " + o.host + "\r\nConnection: close\r\n\r\n";
        if (write(fd, req.data(), req.size()) == static_cast<ssize_t>(req.size())) {
            char buf[8192];
            ssize_t n = 0;
            while ((n = read(fd, buf, sizeof buf)) > 0) {
                body.append(buf, static_cast<std::size_t>(n));
            }
        }
    }
    close(fd);
    const auto head = body.find("\r\n\r\n");
    return head == std::string::npos ? std::string() : body.substr(head + 4);
}

/// One gauge or counter from a Prometheus text body (unlabelled samples only); -1 if absent.
double metric(const std::string &body, const std::string &name)
{
    std::size_t pos = 0;
    while ((pos = body.find(name + " ", pos)) != std::string::npos) {
        if (pos == 0 || body[pos - 1] == '\n') {
            return std::atof(body.c_str() + pos + name.size() + 1);
        }
        pos += name.size();
    }
    return -1;
}

struct StalledSample {
    double t = 0;               ///< seconds since the window started
    long serverSendQ = 0;       ///< bytes in the server socket's kernel send queue, over the stalled clients
    long clientRecvQ = 0;       ///< bytes in the stalled clients' receive queues
    double serverBuffered = -1; ///< /metrics omniscient_bytes_buffered (all clients), -1 without --metrics
    int stalledConnected = 0;   ///< stalled connections still established
};

StalledSample sampleStalled(const Options &o, const std::vector<Client> &clients, double t)
{
    StalledSample s;
    s.t = t;
    std::map<int, bool> stalledPorts;
    for (const Client &c : clients) {
        if (c.stalled && c.localPort != 0) {
            stalledPorts[c.localPort] = true;
        }
    }
    const std::string text = run("ss -tnH state established '( sport = :" + std::to_string(o.port) +
                                 " or dport = :" + std::to_string(o.port) + " )' 2>/dev/null");
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? text.size() : end + 1;
        long recvQ = 0;
        long sendQ = 0;
        char local[128] = {};
        char peer[128] = {};
        if (std::sscanf(line.c_str(), "%ld %ld %127s %127s", &recvQ, &sendQ, local, peer) != 4) {
            continue;
        }
        const char *lp = std::strrchr(local, ':');
        const char *pp = std::strrchr(peer, ':');
        if (lp == nullptr || pp == nullptr) {
            continue;
        }
        const int localPort = std::atoi(lp + 1);
        const int peerPort = std::atoi(pp + 1);
        if (localPort == o.port && stalledPorts.count(peerPort) != 0) {
            s.serverSendQ += sendQ;
            ++s.stalledConnected;
        } else if (peerPort == o.port && stalledPorts.count(localPort) != 0) {
            s.clientRecvQ += recvQ;
        }
    }
    if (o.metrics) {
        s.serverBuffered = metric(fetchMetrics(o), "omniscient_bytes_buffered");
    }
    return s;
}

class Loop
{
public:
    explicit Loop(Options o) : m_o(std::move(o)) {}

    int run();

private:
    bool startConnect(Client &c, bool stalled);
    void onEvent(Client &c, std::uint32_t events);
    void flushOut(Client &c);
    void readSome(Client &c);
    void parseFrames(Client &c, std::int64_t nowRt);
    void onText(Client &c, std::string_view text, std::int64_t nowRt);
    double publishTimeOf(std::int64_t ver) const;
    void closeClient(Client &c, bool byServer);

    Options m_o;
    int m_ep = -1;
    std::vector<Client> m_clients;
    sockaddr_in m_addr{};
    const BenchClock *m_clock = nullptr;
    std::vector<double> m_freshUs;
    bool m_measuring = false;
    std::vector<double> m_latUs;
    long m_badMessages = 0;
    long m_handshakeFailures = 0;
    long m_connectFailures = 0;
    std::mt19937 m_rng{12345};
};

bool Loop::startConnect(Client &c, bool stalled)
{
    c = Client{};
    c.stalled = stalled;
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        ++m_connectFailures;
        c.phase = Phase::Closed;
        return false;
    }
    const int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (stalled && m_o.stalledRcvbuf > 0) {
        // A small receive window: the server's own buffering starts within a second, not after minutes.
        setsockopt(c.fd, SOL_SOCKET, SO_RCVBUF, &m_o.stalledRcvbuf, sizeof m_o.stalledRcvbuf);
    }
    const int rc = connect(c.fd, reinterpret_cast<const sockaddr *>(&m_addr), sizeof m_addr);
    if (rc != 0 && errno != EINPROGRESS) {
        ++m_connectFailures;
        close(c.fd);
        c.fd = -1;
        c.phase = Phase::Closed;
        return false;
    }
    sockaddr_in local{};
    socklen_t len = sizeof local;
    getsockname(c.fd, reinterpret_cast<sockaddr *>(&local), &len);
    c.localPort = ntohs(local.sin_port);
    unsigned char key[16];
    for (auto &b : key) {
        b = static_cast<unsigned char>(m_rng());
    }
    c.out = "GET " + m_o.path + " HTTP/1.1\r\nHost: " + m_o.host + ":" + std::to_string(m_o.port) +
            "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + base64(key, 16) +
            "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    c.phase = Phase::Connecting;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
    ev.data.ptr = &c;
    epoll_ctl(m_ep, EPOLL_CTL_ADD, c.fd, &ev);
    return true;
}

void Loop::closeClient(Client &c, bool byServer)
{
    if (c.phase == Phase::Closed) {
        return;
    }
    if (c.phase == Phase::Handshake) {
        ++m_handshakeFailures;
    }
    c.closedByServer = byServer;
    c.phase = Phase::Closed;
    epoll_ctl(m_ep, EPOLL_CTL_DEL, c.fd, nullptr);
    close(c.fd);
    c.fd = -1;
}

void Loop::flushOut(Client &c)
{
    while (!c.out.empty()) {
        const ssize_t n = write(c.fd, c.out.data(), c.out.size());
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                closeClient(c, true);
            }
            return;
        }
        c.out.erase(0, static_cast<std::size_t>(n));
    }
}

double Loop::publishTimeOf(std::int64_t ver) const
{
    if (ver < 0) {
        return 0;
    }
    const auto slot = static_cast<std::size_t>(ver % m_clock->slots);
    return static_cast<double>(__atomic_load_n(&m_clock->t[slot], __ATOMIC_ACQUIRE));
}

void Loop::onText(Client &c, std::string_view text, std::int64_t nowRt)
{
    ++c.messages;
    double pubNs = 0;
    std::int64_t ver = -1;
    if (m_o.mode == "omni") {
        if (text.find("\"type\":\"state\"") == std::string_view::npos) {
            return; // hello, link, sound
        }
        double ms = 0;
        double seq = 0;
        if (!numberAfter(text, "\"t_publish_ms\":", ms) || !numberAfter(text, "\"seq\":", seq)) {
            ++m_badMessages;
            return;
        }
        pubNs = ms * 1e6;
        if (m_clock != nullptr) {
            ver = static_cast<std::int64_t>(seq) - m_clock->seqOffset;
        }
    } else {
        double v = 0;
        if (!numberAfter(text, "\"ver\":", v)) {
            ++m_badMessages;
            return;
        }
        ver = static_cast<std::int64_t>(v);
        pubNs = publishTimeOf(ver);
        if (pubNs <= 0) {
            ++m_badMessages;
            return;
        }
    }
    if (m_measuring) {
        ++c.statesInWindow;
        m_latUs.push_back((static_cast<double>(nowRt) - pubNs) / 1000.0);
    }
    if (m_o.freshness && ver >= 0) {
        // Every publish since the last state this client had is now known here: each waited until now.
        if (m_measuring && c.lastVer >= 0 && ver > c.lastVer) {
            const std::int64_t from = std::max(c.lastVer + 1, ver - m_clock->slots + 1);
            for (std::int64_t v = from; v <= ver; ++v) {
                const double t = publishTimeOf(v);
                if (t > 0) {
                    m_freshUs.push_back((static_cast<double>(nowRt) - t) / 1000.0);
                }
            }
        }
        c.lastVer = std::max(c.lastVer, ver);
    }
}

void Loop::parseFrames(Client &c, std::int64_t nowRt)
{
    std::size_t pos = 0;
    while (c.in.size() - pos >= 2) {
        const auto *b = reinterpret_cast<const unsigned char *>(c.in.data() + pos);
        const bool fin = (b[0] & 0x80) != 0;
        const unsigned opcode = b[0] & 0x0F;
        std::uint64_t len = b[1] & 0x7F;
        std::size_t head = 2;
        if (len == 126) {
            if (c.in.size() - pos < 4) {
                break;
            }
            len = (std::uint64_t{b[2]} << 8) | b[3];
            head = 4;
        } else if (len == 127) {
            if (c.in.size() - pos < 10) {
                break;
            }
            len = 0;
            for (int i = 0; i < 8; ++i) {
                len = (len << 8) | b[2 + i];
            }
            head = 10;
        }
        if (c.in.size() - pos < head + len) {
            break;
        }
        const std::string_view payload(c.in.data() + pos + head, static_cast<std::size_t>(len));
        pos += head + static_cast<std::size_t>(len);
        switch (opcode) {
        case 0x0: // continuation
            c.fragment.append(payload);
            if (fin) {
                onText(c, c.fragment, nowRt);
                c.fragment.clear();
            }
            break;
        case 0x1:
            if (fin) {
                onText(c, payload, nowRt);
            } else {
                c.fragment.assign(payload);
            }
            break;
        case 0x8:
            closeClient(c, true);
            return;
        case 0x9:
            c.out += clientFrame(0xA, payload);
            flushOut(c);
            break;
        default:
            break; // pong, binary: not expected
        }
    }
    c.in.erase(0, pos);
}

void Loop::readSome(Client &c)
{
    char buf[65536];
    for (int rounds = 0; rounds < 16; ++rounds) {
        const ssize_t n = read(c.fd, buf, sizeof buf);
        if (n == 0) {
            closeClient(c, true);
            return;
        }
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                closeClient(c, true);
            }
            return;
        }
        const std::int64_t nowRt = realtimeNs();
        c.in.append(buf, static_cast<std::size_t>(n));
        if (c.phase == Phase::Handshake) {
            const auto end = c.in.find("\r\n\r\n");
            if (end == std::string::npos) {
                continue;
            }
            if (c.in.compare(0, 12, "HTTP/1.1 101") != 0) {
                closeClient(c, true);
                return;
            }
            c.in.erase(0, end + 4);
            c.phase = Phase::Open;
            if (c.stalled) {
                // From now on it never reads: not even the server's pings.
                epoll_ctl(m_ep, EPOLL_CTL_DEL, c.fd, nullptr);
                return;
            }
        }
        parseFrames(c, nowRt);
        if (c.phase == Phase::Closed) {
            return;
        }
    }
}

void Loop::onEvent(Client &c, std::uint32_t events)
{
    if (c.phase == Phase::Connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            ++m_connectFailures;
            closeClient(c, true);
            return;
        }
        c.phase = Phase::Handshake;
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLRDHUP;
        ev.data.ptr = &c;
        epoll_ctl(m_ep, EPOLL_CTL_MOD, c.fd, &ev);
        flushOut(c);
        return;
    }
    if ((events & EPOLLIN) != 0) {
        readSome(c);
    }
    if (c.phase != Phase::Closed && (events & (EPOLLHUP | EPOLLERR)) != 0) {
        closeClient(c, true);
    }
}

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

} // namespace

int main(int argc, char **argv)
{
    Options o;
    if (!parseArgs(argc, argv, o)) {
        std::fprintf(
            stderr,
            "Usage: omni-bench-wsclient --port P [--host 127.0.0.1] [--path /ws] [--clients N] [--stalled K]\n"
            "       [--seconds S] [--warmup W] [--mode omni|baseline] [--clock NAME] [--server-pid PID]\n"
            "       [--metrics] [--freshness] [--sample-every S] [--stalled-rcvbuf BYTES] [--connect-timeout S]\n"
            "       [--out FILE]\n"
            "--mode baseline and --freshness need --clock NAME (the robot's --legacy NAME).\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    Loop loop(o);
    return loop.run();
}
