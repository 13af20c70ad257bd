// SPDX-License-Identifier: MIT
// The client side of the loop: connecting, the handshake, reading frames and timing each state message.
#include "wsloop.h"

#include "benchstats.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace omni::bench::ws {

using omni::bench::monotonicNs;
using omni::bench::realtimeNs;

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
            "\r\nSec-WebSocket-Version: 13\r\n" +
            (m_o.mode == "foxglove" ? "Sec-WebSocket-Protocol: foxglove.sdk.v1\r\n\r\n" : "\r\n");
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

void Loop::onBinary(Client &c, std::string_view frame, std::int64_t nowRt)
{
    if (m_o.mode != "foxglove" || frame.size() < 13 || static_cast<unsigned char>(frame[0]) != 0x01) {
        ++m_badMessages;
        return;
    }
    std::uint64_t logTime = 0;
    for (int i = 0; i < 8; ++i) {
        logTime |= std::uint64_t{static_cast<unsigned char>(frame[5 + static_cast<std::size_t>(i)])} << (8 * i);
    }
    onText(c, frame.substr(13), nowRt, static_cast<std::int64_t>(logTime));
}

void Loop::onText(Client &c, std::string_view text, std::int64_t nowRt, std::int64_t logTimeNs)
{
    ++c.messages;
    double pubNs = 0;
    std::int64_t ver = -1;
    if (m_o.mode == "omni" || m_o.mode == "foxglove") {
        if (text.find("\"type\":\"state\"") == std::string_view::npos) {
            return; // hello, link, sound
        }
        double ms = 0;
        double seq = 0;
        if (!numberAfter(text, "\"t_publish_ms\":", ms) || !numberAfter(text, "\"seq\":", seq)) {
            ++m_badMessages;
            return;
        }
        pubNs = logTimeNs > 0 ? static_cast<double>(logTimeNs) : ms * 1e6;
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
        case 0x2:
            if (fin) {
                onBinary(c, payload, nowRt);
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
            if (m_o.mode == "foxglove") {
                // Nothing comes on a channel before a subscription: the state channel is 1 (docs/FOXGLOVE.md).
                c.out += clientFrame(0x1, R"({"op":"subscribe","subscriptions":[{"id":1,"channelId":1}]})");
                flushOut(c);
            }
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

} // namespace omni::bench::ws
