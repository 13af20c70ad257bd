// SPDX-License-Identifier: MIT
// omni-bench-wsclient's parts outside the event loop: its options, the client record, the robot's clock table,
// the few WebSocket and HTTP helpers it needs, and the probe of what a server holds for stalled clients.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace omni::bench::ws {

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

struct StalledSample {
    double t = 0;               ///< seconds since the window started
    long serverSendQ = 0;       ///< bytes in the server socket's kernel send queue, over the stalled clients
    long clientRecvQ = 0;       ///< bytes in the stalled clients' receive queues
    double serverBuffered = -1; ///< /metrics omniscient_bytes_buffered (all clients), -1 without --metrics
    int stalledConnected = 0;   ///< stalled connections still established
};

bool parseArgs(int argc, char **argv, Options &o);
std::string base64(const unsigned char *data, std::size_t n);
std::string clientFrame(unsigned char opcode, std::string_view payload);
bool numberAfter(std::string_view text, std::string_view key, double &out);
std::string run(const std::string &cmd);
std::string fetchMetrics(const Options &o);
double metric(const std::string &body, const std::string &name);
StalledSample sampleStalled(const Options &o, const std::vector<Client> &clients, double t);

} // namespace omni::bench::ws
