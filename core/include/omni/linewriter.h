// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>

namespace omni {

/// What happens to a line that waits because the reader is slower than the writer.
enum class LineKind {
    Latest, ///< only the newest waits: a newer Latest line replaces it (states: latest value wins)
    Keep,   ///< every one waits, in order, up to a cap (link changes: each one is news)
};

/// Counters of a PendingLines or LineWriter.
struct LineStats {
    quint64 written = 0;  ///< lines handed to the file descriptor (LineWriter) or taken (PendingLines)
    quint64 replaced = 0; ///< Latest lines replaced by a newer one before they were written
    quint64 dropped = 0;  ///< Keep lines dropped, the oldest first, because too many waited
};

/// The lines waiting for a slow reader, bounded: at most one Latest line and `maxKeep` Keep lines, in the
/// order they came. A new Latest line removes the waiting one and goes to the end, so a Latest line is never
/// written before a Keep line that came before it, nor after one that came after it. Not thread-safe.
class PendingLines
{
public:
    /// Keeps up to `maxKeep` Keep lines.
    explicit PendingLines(std::size_t maxKeep = 1024) : m_maxKeep(maxKeep) {}

    /// Adds one line (without its newline).
    void push(QByteArray line, LineKind kind);
    /// Everything waiting, in order, each line followed by '\n'; empties the list.
    QByteArray takeAll();
    /// Whether nothing waits.
    [[nodiscard]] bool isEmpty() const { return m_lines.empty(); }
    /// Lines waiting.
    [[nodiscard]] std::size_t size() const { return m_lines.size(); }
    /// Counters so far.
    [[nodiscard]] const LineStats &stats() const { return m_stats; }

private:
    struct Line {
        QByteArray bytes;
        LineKind kind;
    };
    std::deque<Line> m_lines;
    std::size_t m_keep = 0;
    std::size_t m_maxKeep;
    LineStats m_stats;
};

/// Options of a LineWriter.
struct LineWriterOptions {
    std::size_t maxKeep = 1024; ///< Keep lines that may wait (see PendingLines)
    /// On destruction, how long the writer may still try to write what waits before giving up.
    std::chrono::milliseconds drainTimeout{1000};
};

/// Writes lines to a file descriptor (stdout for --print-json) from its own thread, so a reader that stops
/// reading (a full pipe) never blocks the caller: write() only queues, bounded (PendingLines: the newest
/// Latest line plus the Keep lines). When the reader resumes it gets what waited, never a backlog of states.
///
/// The descriptor is left blocking (its flags are shared with whoever else holds it, e.g. the shell); the
/// thread waits with poll() and writes at most PIPE_BUF bytes per call, so a pipe never blocks it in write().
/// A write error (EPIPE with SIGPIPE ignored, EBADF, ...) stops the writing; later lines are discarded.
/// SIGPIPE, unless ignored, ends the process as for any command-line tool whose reader went away.
class LineWriter
{
public:
    /// Starts the writer thread for `fd` (not owned, not closed).
    explicit LineWriter(int fd, LineWriterOptions options = {});
    /// Writes what still waits if the reader takes it within options.drainTimeout, then stops the thread.
    ~LineWriter();
    LineWriter(const LineWriter &) = delete;
    LineWriter &operator=(const LineWriter &) = delete;

    /// Queues one line (without its newline). Thread-safe; never blocks on the descriptor.
    void write(QByteArray line, LineKind kind);
    /// Counters so far. Thread-safe.
    [[nodiscard]] LineStats stats() const;
    /// errno of the write error that stopped the writing, or 0.
    [[nodiscard]] int error() const;

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace omni
