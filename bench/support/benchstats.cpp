// SPDX-License-Identifier: MIT
#include "benchstats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <sstream>
#include <time.h>
#include <unistd.h>

namespace omni::bench {

namespace {

std::int64_t clockNs(clockid_t id)
{
    timespec ts{};
    clock_gettime(id, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

double nearestRank(const std::vector<double> &sorted, double q)
{
    const auto n = sorted.size();
    auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(n)));
    rank = std::clamp<std::size_t>(rank, 1, n);
    return sorted[rank - 1];
}

long statusField(int pid, const char *field)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) == 0) {
            return std::stol(line.substr(prefix.size()));
        }
    }
    return -1;
}

} // namespace

std::int64_t realtimeNs()
{
    return clockNs(CLOCK_REALTIME);
}

std::int64_t monotonicNs()
{
    return clockNs(CLOCK_MONOTONIC);
}

Summary summarise(std::vector<double> &samples)
{
    Summary s;
    s.count = samples.size();
    if (samples.empty()) {
        return s;
    }
    std::sort(samples.begin(), samples.end());
    s.min = samples.front();
    s.max = samples.back();
    s.p50 = nearestRank(samples, 0.50);
    s.p90 = nearestRank(samples, 0.90);
    s.p99 = nearestRank(samples, 0.99);
    s.p999 = nearestRank(samples, 0.999);
    s.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
    return s;
}

double processCpuSeconds(int pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const auto close = text.rfind(')');
    if (close == std::string::npos) {
        return -1;
    }
    std::istringstream fields(text.substr(close + 2));
    std::string f;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    // After ')': state(3) ppid(4) ... utime is field 14, stime 15 (1-based over the whole line).
    for (int i = 3; i <= 15 && fields >> f; ++i) {
        if (i == 14) {
            utime = std::stoull(f);
        } else if (i == 15) {
            stime = std::stoull(f);
        }
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

long processRssKiB(int pid)
{
    return statusField(pid, "VmRSS");
}

long processPeakRssKiB(int pid)
{
    return statusField(pid, "VmHWM");
}

long processThreads(int pid)
{
    return statusField(pid, "Threads");
}

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back()) {
            m_out += ',';
        }
        m_first.back() = false;
    }
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out += '}';
    m_first.pop_back();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out += ']';
    m_first.pop_back();
    return *this;
}

JsonWriter &JsonWriter::key(const std::string &k)
{
    separate();
    appendEscaped(k);
    m_out += ':';
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(double v)
{
    separate();
    if (!std::isfinite(v)) {
        m_out += "null";
        return *this;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    m_out += buf;
    return *this;
}

JsonWriter &JsonWriter::value(std::int64_t v)
{
    separate();
    m_out += std::to_string(v);
    return *this;
}

JsonWriter &JsonWriter::value(bool v)
{
    separate();
    m_out += v ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::value(const std::string &v)
{
    separate();
    appendEscaped(v);
    return *this;
}

void JsonWriter::appendEscaped(const std::string &v)
{
    m_out += '"';
    for (const char c : v) {
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\n':
            m_out += "\\n";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                m_out += buf;
            } else {
                m_out += c;
            }
        }
    }
    m_out += '"';
}

JsonWriter &JsonWriter::value(const Summary &s)
{
    beginObject();
    key("count").value(static_cast<std::int64_t>(s.count));
    key("min").value(s.min);
    key("p50").value(s.p50);
    key("p90").value(s.p90);
    key("p99").value(s.p99);
    key("p999").value(s.p999);
    key("max").value(s.max);
    key("mean").value(s.mean);
    return endObject();
}

bool JsonWriter::save(const std::string &path) const
{
    if (path == "-") {
        std::fwrite(m_out.data(), 1, m_out.size(), stdout);
        std::fputc('\n', stdout);
        return std::fflush(stdout) == 0;
    }
    std::ofstream out(path);
    out << m_out << '\n';
    return static_cast<bool>(out);
}

} // namespace omni::bench
