// SPDX-License-Identifier: MIT
// omni-bench-wsclient's event loop: N WebSocket clients on one epoll descriptor.
#pragma once

#include "wsclient.h"

#include <cstdint>
#include <random>
#include <string_view>
#include <vector>

#include <netinet/in.h>

namespace omni::bench::ws {

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
    /// A state (or other) message; `logTimeNs` > 0: a Foxglove MessageData frame's log time, used as the publish time.
    void onText(Client &c, std::string_view text, std::int64_t nowRt, std::int64_t logTimeNs = 0);
    /// A binary frame: in foxglove mode, a MessageData frame (0x01, u32 subscription, u64 log time, JSON).
    void onBinary(Client &c, std::string_view frame, std::int64_t nowRt);
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

} // namespace omni::bench::ws
