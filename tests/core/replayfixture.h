// SPDX-License-Identifier: MIT
// What the replay tests share: a clock the test moves by hand, and recordings with the channels a Recorder writes.
#pragma once

#include <omni/clock.h>
#include <omni/mcapwriter.h>
#include <omni/recorder.h>
#include <omni/recordingformat.h>
#include <omni/statejson.h>

#include <QBuffer>

#include <gtest/gtest.h>

#include <functional>

namespace omni::test {

constexpr qint64 kMs = 1'000'000;
constexpr qint64 kT0 = 1'700'000'000'000 * kMs; ///< the first state's time in the recordings below

/// A clock that moves only when the test says.
class FakeClock : public Clock
{
public:
    qint64 mono = 7'000 * kMs; ///< the monotonic time now, ns
    [[nodiscard]] qint64 monotonicNs() const override { return mono; }
    [[nodiscard]] qint64 wallNs() const override { return kT0; }
    /// Moves the monotonic time on by `ms`.
    void advanceMs(qint64 ms) { mono += ms * kMs; }
};

/// An obstacle_detected event of the state published at `wallNs` with `seq`.
inline Event obstacleDetected(qint64 wallNs, quint64 seq)
{
    Event e;
    e.kind = EventKind::ObstacleDetected;
    e.wallNs = wallNs;
    e.seq = seq;
    e.to = 1;
    return e;
}

/// A recording with a Recorder's channels (state 0, link 1, events 2), written by `body` into memory, then closed
/// (or, with `close` false, left as a crash leaves it).
inline QByteArray recording(const std::function<void(McapWriter &)> &body, bool close = true)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    McapWriterOptions o;
    o.chunkBytes = qint64{1} << 30; // chunks close where the test flushes them
    o.monotonicMs = [] { return 0; };
    McapWriter w(&buffer, o);
    EXPECT_TRUE(beginRecording(w));
    body(w);
    EXPECT_TRUE(close ? w.close() : w.flushChunk());
    return bytes;
}

} // namespace omni::test
