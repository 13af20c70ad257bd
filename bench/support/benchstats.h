// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

/// Small helpers every benchmark tool shares: percentiles, /proc sampling, clocks and a JSON writer.
/// No Qt here, so the WebSocket load client stays a plain epoll program.
namespace omni::bench {

/// CLOCK_REALTIME now, in nanoseconds (the clock t_publish_ms is expressed in).
std::int64_t realtimeNs();
/// CLOCK_MONOTONIC now, in nanoseconds.
std::int64_t monotonicNs();

/// Percentiles of a sample set, in the unit of the samples.
struct Summary {
    std::size_t count = 0; ///< samples
    double min = 0;        ///< smallest
    double p50 = 0;        ///< median
    double p90 = 0;        ///< 90th percentile
    double p99 = 0;        ///< 99th percentile
    double p999 = 0;       ///< 99.9th percentile
    double max = 0;        ///< largest
    double mean = 0;       ///< arithmetic mean
};

/// Summarises `samples` (sorted in place). Nearest-rank percentiles; an empty set gives count 0.
Summary summarise(std::vector<double> &samples);

/// CPU time (user + system) a process has used so far, in seconds; -1 if it cannot be read.
double processCpuSeconds(int pid);
/// Resident set size of a process in KiB (VmRSS); -1 if it cannot be read.
long processRssKiB(int pid);
/// Peak resident set size of a process in KiB (VmHWM); -1 if it cannot be read.
long processPeakRssKiB(int pid);
/// Threads of a process; -1 if it cannot be read.
long processThreads(int pid);

/// A minimal, append-only JSON object writer: enough for flat result files with a few nested objects.
class JsonWriter
{
public:
    /// Starts an object (the outermost one, or the value of the last key()).
    JsonWriter &beginObject();
    /// Ends the current object.
    JsonWriter &endObject();
    /// Starts an array as the value of the last key().
    JsonWriter &beginArray();
    /// Ends the current array.
    JsonWriter &endArray();
    /// Writes a key; the next call writes its value.
    JsonWriter &key(const std::string &k);
    /// A number (non-finite numbers become null).
    JsonWriter &value(double v);
    /// An integer.
    JsonWriter &value(std::int64_t v);
    /// A string (escaped).
    JsonWriter &value(const std::string &v);
    /// A boolean.
    JsonWriter &value(bool v);
    /// A C string (escaped).
    JsonWriter &value(const char *v) { return value(std::string(v)); }
    /// An int.
    JsonWriter &value(int v) { return value(static_cast<std::int64_t>(v)); }
    /// A Summary as an object {count, min, p50, p90, p99, p999, max, mean}.
    JsonWriter &value(const Summary &s);
    /// The text so far.
    [[nodiscard]] const std::string &text() const { return m_out; }
    /// Writes the text to `path` ("-" for stdout); false on error.
    bool save(const std::string &path) const;

private:
    void separate();
    void appendEscaped(const std::string &v);
    std::string m_out;
    std::vector<bool> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace omni::bench
