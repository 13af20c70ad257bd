// SPDX-License-Identifier: MIT
#include "wsclient.h"

#include "benchstats.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace omni::bench::ws {

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
           (o.mode == "omni" || o.mode == "foxglove" || o.mode == "baseline") &&
           (o.mode != "baseline" || !o.clockName.empty()) && (!o.freshness || !o.clockName.empty());
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

} // namespace omni::bench::ws
