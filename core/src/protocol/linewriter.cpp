// SPDX-License-Identifier: MIT
#include "omni/linewriter.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace omni {

void PendingLines::push(QByteArray line, LineKind kind)
{
    if (kind == LineKind::Latest) {
        const auto old =
            std::find_if(m_lines.begin(), m_lines.end(), [](const Line &l) { return l.kind == LineKind::Latest; });
        if (old != m_lines.end()) {
            m_lines.erase(old);
            ++m_stats.replaced;
        }
    } else if (m_keep == m_maxKeep) {
        const auto oldest =
            std::find_if(m_lines.begin(), m_lines.end(), [](const Line &l) { return l.kind == LineKind::Keep; });
        if (oldest == m_lines.end()) {
            ++m_stats.dropped; // maxKeep 0: nothing of this kind may wait
            return;
        }
        m_lines.erase(oldest);
        --m_keep;
        ++m_stats.dropped;
    }
    if (kind == LineKind::Keep) {
        ++m_keep;
    }
    m_lines.push_back({std::move(line), kind});
}

QByteArray PendingLines::takeAll()
{
    qsizetype bytes = 0;
    for (const Line &l : m_lines) {
        bytes += l.bytes.size() + 1;
    }
    QByteArray out;
    out.reserve(bytes);
    for (const Line &l : m_lines) {
        out.append(l.bytes).append('\n');
    }
    m_stats.written += m_lines.size();
    m_lines.clear();
    m_keep = 0;
    return out;
}

// ---------------------------------------------------------------------------------------------------------

// What the caller and the writer thread share. The thread holds a reference too, so that it can be left
// behind (detached) if a write() never returns, without touching freed memory.
struct LineWriter::Shared {
    Shared(int target, const LineWriterOptions &o)
        : fd(target), wakeFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)), drainTimeout(o.drainTimeout), pending(o.maxKeep)
    {
    }
    ~Shared()
    {
        if (wakeFd >= 0) {
            ::close(wakeFd);
        }
    }
    Shared(const Shared &) = delete;
    Shared &operator=(const Shared &) = delete;

    void wake() const
    {
        const quint64 one = 1;
        [[maybe_unused]] const auto n = ::write(wakeFd, &one, sizeof one);
    }
    void run();

    const int fd;
    const int wakeFd;
    const std::chrono::milliseconds drainTimeout;
    mutable std::mutex mutex;
    std::condition_variable finishedChanged;
    PendingLines pending;  // guarded by mutex
    quint64 written = 0;   // guarded by mutex
    int error = 0;         // guarded by mutex
    bool idle = false;     // guarded by mutex: the thread waits for lines, not for the descriptor
    bool stop = false;     // guarded by mutex
    bool finished = false; // guarded by mutex
    std::chrono::steady_clock::time_point deadline; // guarded by mutex; valid once stop is set
    std::thread thread;
};

void LineWriter::Shared::run()
{
    QByteArray out;   // taken from pending, being written
    qsizetype at = 0; // bytes of `out` written
    const auto finish = [this](int err) {
        const std::lock_guard lock(mutex);
        error = err;
        finished = true;
        finishedChanged.notify_all();
    };
    for (;;) {
        bool stopping = false;
        std::chrono::steady_clock::time_point until;
        {
            const std::lock_guard lock(mutex);
            if (at == out.size()) {
                out = pending.takeAll();
                at = 0;
            }
            stopping = stop;
            until = deadline;
            idle = out.isEmpty();
        }
        if (out.isEmpty()) {
            if (stopping) {
                finish(0);
                return;
            }
            pollfd wait{wakeFd, POLLIN, 0};
            if (::poll(&wait, 1, -1) > 0) {
                quint64 count = 0;
                [[maybe_unused]] const auto n = ::read(wakeFd, &count, sizeof count);
            }
            continue;
        }
        int timeoutMs = -1;
        if (stopping) {
            const auto left =
                std::chrono::ceil<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
            if (left <= 0) {
                finish(0); // the reader did not take the rest in time
                return;
            }
            timeoutMs = static_cast<int>(std::min<decltype(left)>(left, INT_MAX));
        }
        // Wait for room in the descriptor, or for the owner to stop us.
        pollfd fds[2] = {{fd, POLLOUT, 0}, {wakeFd, POLLIN, 0}};
        const int ready = ::poll(fds, 2, timeoutMs);
        if (ready < 0 && errno != EINTR) {
            finish(errno);
            return;
        }
        if (ready <= 0) {
            continue;
        }
        if ((fds[1].revents & POLLIN) != 0) {
            quint64 count = 0;
            [[maybe_unused]] const auto n = ::read(wakeFd, &count, sizeof count);
        }
        if ((fds[0].revents & POLLNVAL) != 0) {
            finish(EBADF);
            return;
        }
        if ((fds[0].revents & (POLLOUT | POLLERR | POLLHUP)) == 0) {
            continue;
        }
        // POLLOUT on a pipe means room for PIPE_BUF bytes: a write of at most that never blocks.
        const auto chunk = std::min<qsizetype>(out.size() - at, PIPE_BUF);
        const ssize_t n = ::write(fd, out.constData() + at, static_cast<size_t>(chunk));
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            finish(errno);
            return;
        }
        const auto lines = std::count(out.constData() + at, out.constData() + at + n, '\n');
        at += n;
        const std::lock_guard lock(mutex);
        written += static_cast<quint64>(lines);
    }
}

LineWriter::LineWriter(int fd, LineWriterOptions options) : m_shared(std::make_shared<Shared>(fd, options))
{
    if (m_shared->wakeFd < 0) {
        m_shared->error = errno;
        m_shared->finished = true;
        return;
    }
    m_shared->thread = std::thread([shared = m_shared] { shared->run(); });
}

LineWriter::~LineWriter()
{
    Shared &s = *m_shared;
    std::unique_lock lock(s.mutex);
    s.stop = true;
    s.deadline = std::chrono::steady_clock::now() + s.drainTimeout;
    lock.unlock();
    if (!s.thread.joinable()) {
        return;
    }
    s.wake();
    lock.lock();
    // The thread gives up at the deadline; only a write() that blocks despite poll() (a descriptor that is not
    // a pipe) could hold it longer. Then it is left to end with the process rather than hang the caller.
    const bool done =
        s.finishedChanged.wait_for(lock, s.drainTimeout + std::chrono::milliseconds(500), [&s] { return s.finished; });
    lock.unlock();
    if (done) {
        s.thread.join();
    } else {
        s.thread.detach();
    }
}

void LineWriter::write(QByteArray line, LineKind kind)
{
    Shared &s = *m_shared;
    bool wake = false;
    {
        const std::lock_guard lock(s.mutex);
        if (s.finished || s.stop) {
            return; // a write error stopped the writing: discard
        }
        s.pending.push(std::move(line), kind);
        wake = std::exchange(s.idle, false);
    }
    if (wake) {
        s.wake();
    }
}

LineStats LineWriter::stats() const
{
    const std::lock_guard lock(m_shared->mutex);
    LineStats st = m_shared->pending.stats();
    st.written = m_shared->written;
    return st;
}

int LineWriter::error() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->error;
}

} // namespace omni
