// SPDX-License-Identifier: MIT
#pragma once

#include "testutil.h"

#include <omni/hub.h>
#include <omni/shmsource.h>
#include <omniscient/omni_shm.h>

#include <gtest/gtest.h>

#include <QFile>
#include <QSignalSpy>
#include <QThread>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <memory>
#include <vector>

namespace omni::test {

/// A state whose fields all derive from `c` (see counter_writer.c).
inline omni_state counterState(int32_t c)
{
    omni_state s{};
    s.direction = c;
    for (int i = 0; i < OMNI_MOTOR_COUNT; ++i) {
        s.motor_power[i] = c + 1 + i;
    }
    s.bot_mode = c + 4;
    s.obstacle = c + 5;
    s.obstacle_mode = c + 6;
    s.go_left = c + 7;
    s.go_right = c + 8;
    s.sensor_mode = c + 9;
    for (int i = 0; i < OMNI_SENSOR_COUNT; ++i) {
        s.sensors[i] = c + 10 + i;
    }
    return s;
}

/// True when every field of `s` derives from s.direction as counterState() makes them.
inline bool isCounterConsistent(const RobotState &s)
{
    const qint32 c = s.direction;
    bool ok = s.motorPower[0] == c + 1 && s.motorPower[1] == c + 2 && s.motorPower[2] == c + 3 && s.botMode == c + 4 &&
              s.obstacle == c + 5 && s.obstacleMode == c + 6 && s.goLeft == c + 7 && s.goRight == c + 8 &&
              s.sensorMode == c + 9;
    for (int i = 0; i < 5; ++i) {
        ok = ok && s.sensors[i] == c + 10 + i;
    }
    return ok;
}

/// Writes raw bytes as the whole content of segment `name` (creating or replacing its content).
inline void writeRawSegment(const QString &name, const void *data, size_t size)
{
    const QByteArray path = "/" + name.toLocal8Bit();
    const int fd = shm_open(path.constData(), O_RDWR | O_CREAT, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(ftruncate(fd, static_cast<off_t>(size)), 0);
    if (size > 0) {
        ASSERT_EQ(pwrite(fd, data, size, 0), static_cast<ssize_t>(size));
    }
    close(fd);
}

/// Truncates segment `name` to `size` bytes (under any reader that has it mapped).
inline void truncateSegment(const QString &name, off_t size)
{
    const QByteArray path = "/" + name.toLocal8Bit();
    const int fd = shm_open(path.constData(), O_RDWR, 0);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(ftruncate(fd, size), 0);
    close(fd);
}

/// Drops a writer the way a crashed robot would: mappings gone, its lock released (as the kernel does at
/// death), nothing written, nothing unlinked.
inline void abandonWriter(omni_writer *w)
{
    munmap(w->seg, sizeof(omni_shm_segment));
    if (w->wake != nullptr) {
        munmap(w->wake, sizeof(omni_shm_wake));
    }
    close(w->fd);
    free(w);
}

/// Removes both segments of `name`, ignoring errors.
inline void unlinkSegments(const QString &name)
{
    shm_unlink(("/" + name.toLocal8Bit()).constData());
    shm_unlink(("/" + name.toLocal8Bit() + OMNI_SHM_WAKE_SUFFIX).constData());
}

/// A ShmSource on a unique segment, with spies; cleans the segment up.
class ShmSourceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        name = uniqueShmName(QString::fromLatin1(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    }
    void TearDown() override
    {
        source.reset();
        if (writer != nullptr) {
            omni_writer_close(writer);
        }
        unlinkSegments(name);
    }
    void startSource(std::chrono::milliseconds staleAfter = std::chrono::milliseconds(1000),
                     std::chrono::milliseconds maxWait = std::chrono::milliseconds(100),
                     std::chrono::milliseconds checkInterval = std::chrono::milliseconds(100))
    {
        ShmSourceOptions o;
        o.staleAfter = staleAfter;
        o.maxWait = maxWait;
        o.checkInterval = checkInterval;
        startSource(o);
    }
    /// Starts the source with `o` (its name replaced by this test's segment).
    void startSource(ShmSourceOptions o)
    {
        o.name = name;
        source = std::make_unique<ShmSource>(o);
        QObject::connect(source.get(), &StateSource::linkChanged, [this](const LinkInfo &l) { links.push_back(l); });
        QObject::connect(source.get(), &StateSource::stateReceived,
                         [this](const RobotState &s) { states.push_back(s); });
        source->start();
    }
    bool waitForLink(LinkStatus status, std::chrono::milliseconds timeout = std::chrono::seconds(5))
    {
        return waitUntil([&] { return !links.empty() && links.back().status == status; }, timeout);
    }
    /// Waits until `status` appears among the links reported from index `from` on (a later link may
    /// already have replaced it: on a loaded machine short stale timeouts pass quickly).
    bool waitForLinkSeen(LinkStatus status, size_t from = 0,
                         std::chrono::milliseconds timeout = std::chrono::seconds(5))
    {
        return waitUntil(
            [&] {
                return std::any_of(links.begin() + static_cast<std::ptrdiff_t>(std::min(from, links.size())),
                                   links.end(), [&](const LinkInfo &l) { return l.status == status; });
            },
            timeout);
    }
    bool waitForStates(size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(5))
    {
        return waitUntil([&] { return states.size() >= n; }, timeout);
    }

    QString name;
    omni_writer *writer = nullptr;
    std::unique_ptr<ShmSource> source;
    std::vector<LinkInfo> links;
    std::vector<RobotState> states;
};

} // namespace omni::test
