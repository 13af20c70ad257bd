// SPDX-License-Identifier: MIT
// Lines to a reader that may stop reading (stdout for --print-json): bounded, latest state wins, never blocking.
#include <omni/linewriter.h>

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QList>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <future>
#include <thread>
#include <unistd.h>

using namespace omni;
using namespace std::chrono_literals;

namespace {

/// A pipe owned by the test; the read end is non-blocking (ours alone), the write end is left as it is.
struct Pipe {
    Pipe()
    {
        EXPECT_EQ(::pipe2(fds, O_CLOEXEC), 0);
        ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    }
    ~Pipe()
    {
        closeRead();
        closeWrite();
    }
    Pipe(const Pipe &) = delete;
    Pipe &operator=(const Pipe &) = delete;
    /// Shrinks the pipe to one page, so that a few lines fill it.
    void shrink() { ::fcntl(fds[1], F_SETPIPE_SZ, 4096); }
    /// Reads what is there now.
    QByteArray readNow()
    {
        QByteArray out;
        char buf[65536];
        for (ssize_t n = 0; (n = ::read(fds[0], buf, sizeof buf)) > 0;) {
            out.append(buf, n);
        }
        return out;
    }
    /// Reads until `done` holds for everything read so far, or `timeout`.
    QByteArray readUntil(const std::function<bool(const QByteArray &)> &done, std::chrono::milliseconds timeout = 5s)
    {
        QByteArray all;
        QElapsedTimer t;
        t.start();
        while (!done(all) && t.elapsed() < timeout.count()) {
            all += readNow();
            std::this_thread::sleep_for(1ms);
        }
        return all;
    }
    void closeRead()
    {
        if (fds[0] >= 0) {
            ::close(fds[0]);
            fds[0] = -1;
        }
    }
    void closeWrite()
    {
        if (fds[1] >= 0) {
            ::close(fds[1]);
            fds[1] = -1;
        }
    }
    int fds[2] = {-1, -1};
};

QByteArray stateLine(int n)
{
    return "S" + QByteArray::number(n) + ' ' + QByteArray(700, 'x');
}

QList<QByteArray> linesOf(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.back().isEmpty()) {
        lines.pop_back();
    }
    return lines;
}

} // namespace

TEST(PendingLines, KeepsOrderAndOnlyTheNewestLatestLineWhichMovesToTheEnd)
{
    PendingLines p;
    p.push("L1", LineKind::Keep);
    p.push("S1", LineKind::Latest);
    p.push("L2", LineKind::Keep);
    p.push("S2", LineKind::Latest);
    p.push("L3", LineKind::Keep);
    EXPECT_EQ(p.size(), 4u);
    // S1 went out with S2; S2 is after L2 (which came before it) and before L3 (which came after it).
    EXPECT_EQ(p.takeAll(), "L1\nL2\nS2\nL3\n");
    EXPECT_TRUE(p.isEmpty());
    EXPECT_EQ(p.stats().replaced, 1u);
    EXPECT_EQ(p.stats().written, 4u);
    EXPECT_EQ(p.takeAll(), QByteArray());
}

TEST(PendingLines, DropsTheOldestKeepLinesBeyondTheCap)
{
    PendingLines p(3);
    for (int i = 1; i <= 5; ++i) {
        p.push("L" + QByteArray::number(i), LineKind::Keep);
        p.push("S" + QByteArray::number(i), LineKind::Latest);
    }
    EXPECT_EQ(p.takeAll(), "L3\nL4\nL5\nS5\n");
    EXPECT_EQ(p.stats().dropped, 2u);
    EXPECT_EQ(p.stats().replaced, 4u);
}

TEST(LineWriter, WritesEveryLineInOrderToAReaderThatKeepsUp)
{
    Pipe pipe;
    QByteArray expected;
    {
        LineWriter writer(pipe.fds[1]);
        for (int i = 0; i < 500; ++i) {
            const QByteArray line = "line " + QByteArray::number(i);
            writer.write(line, LineKind::Keep);
            expected += line + '\n';
        }
        const QByteArray got = pipe.readUntil([&](const QByteArray &all) { return all.size() >= expected.size(); });
        EXPECT_EQ(got, expected);
        EXPECT_EQ(writer.stats().written, 500u);
        EXPECT_EQ(writer.error(), 0);
    }
}

TEST(LineWriter, AReaderThatStopsReadingNeverBlocksTheCallerAndGetsTheNewestStateWhenItResumes)
{
    Pipe pipe;
    pipe.shrink();
    LineWriter writer(pipe.fds[1]);
    constexpr int kStates = 5000; // 3.5 MB: a writer that blocked on the one-page pipe would never get through
    auto producer = std::async(std::launch::async, [&writer] {
        for (int i = 1; i <= kStates; ++i) {
            writer.write(stateLine(i), LineKind::Latest);
            if (i % 1000 == 0) {
                writer.write("L" + QByteArray::number(i / 1000), LineKind::Keep);
            }
        }
    });
    const bool finished = producer.wait_for(10s) == std::future_status::ready;
    if (!finished) {
        pipe.readUntil([](const QByteArray &) { return false; }, 10s); // unblock it, to fail rather than hang
    }
    ASSERT_TRUE(finished) << "write() blocked on a reader that does not read";
    EXPECT_GE(writer.stats().replaced, static_cast<quint64>(kStates) - 50) << "states waited instead of the newest";

    // The reader comes back: what was in the pipe, the link lines, the newest state (the last line, L5, came
    // after it); no backlog.
    const QByteArray tail = stateLine(kStates) + "\nL5\n";
    const QByteArray got = pipe.readUntil([&](const QByteArray &all) { return all.endsWith(tail); });
    ASSERT_TRUE(got.endsWith(tail)) << got.right(80).toStdString();
    const QList<QByteArray> lines = linesOf(got);
    QList<QByteArray> links;
    int states = 0;
    for (const QByteArray &line : lines) {
        ASSERT_TRUE(line.startsWith('L') || (line.startsWith('S') && line.endsWith(QByteArray(700, 'x'))))
            << "a torn or mixed line: " << line.left(40).toStdString();
        if (line.startsWith('L')) {
            links.append(line);
        } else {
            ++states;
        }
    }
    EXPECT_EQ(links, (QList<QByteArray>{"L1", "L2", "L3", "L4", "L5"})) << "every link line, in order";
    EXPECT_LE(states, 20) << "a backlog of states was written";
    pipe.readUntil([&](const QByteArray &) { return writer.stats().written == static_cast<quint64>(lines.size()); });
    EXPECT_EQ(writer.stats().written, static_cast<quint64>(lines.size())) << "states: " << states;
}

TEST(LineWriter, DestructionGivesUpOnAReaderThatNeverReads)
{
    Pipe pipe;
    pipe.shrink();
    QElapsedTimer t;
    t.start();
    {
        LineWriterOptions o;
        o.drainTimeout = 200ms;
        LineWriter writer(pipe.fds[1], o);
        for (int i = 0; i < 100; ++i) {
            writer.write(stateLine(i), LineKind::Keep);
        }
    }
    EXPECT_LT(t.elapsed(), 3000);
}

TEST(LineWriter, DestructionWritesWhatWaitsWhenTheReaderTakesIt)
{
    Pipe pipe;
    {
        LineWriter writer(pipe.fds[1]);
        writer.write("first", LineKind::Keep);
        writer.write("last", LineKind::Latest);
    }
    EXPECT_EQ(pipe.readNow(), "first\nlast\n");
}

TEST(LineWriter, AReaderThatWentAwayStopsTheWritingWithEpipe)
{
    // Ignored SIGPIPE: the error comes back from write() instead of ending this test process.
    struct sigaction ignore {
    };
    struct sigaction old {
    };
    ignore.sa_handler = SIG_IGN;
    ASSERT_EQ(::sigaction(SIGPIPE, &ignore, &old), 0);
    Pipe pipe;
    pipe.closeRead();
    {
        LineWriter writer(pipe.fds[1]);
        writer.write("nobody reads this", LineKind::Keep);
        QElapsedTimer t;
        t.start();
        while (writer.error() == 0 && t.elapsed() < 5000) {
            std::this_thread::sleep_for(1ms);
        }
        EXPECT_EQ(writer.error(), EPIPE);
        writer.write("discarded", LineKind::Keep); // no crash, no block
    }
    ::sigaction(SIGPIPE, &old, nullptr);
}
