// SPDX-License-Identifier: MIT
#pragma once

#include "omni/result.h"

#include <QString>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <system_error>
#include <thread>

namespace omni {

/// The built-in simulated robot (`--simulate`): runs the C robot model of robot/sim in its own
/// thread and publishes through the real shared-memory writer, exactly as a robot would.
class SimulatedRobot
{
public:
    /// A robot publishing to segment `name` at `rateHz` with the model seeded by `seed`.
    explicit SimulatedRobot(QString name, double rateHz = 50.0, uint32_t seed = 1);
    /// Stops the robot (its segment is unlinked).
    ~SimulatedRobot();
    SimulatedRobot(const SimulatedRobot &) = delete;
    SimulatedRobot &operator=(const SimulatedRobot &) = delete;

    /// Opens the segment and starts publishing; fails with the system's error (errno) when the segment cannot be
    /// made. Starting a started robot succeeds and does nothing.
    Result<void, std::errc> start();
    /// Stops publishing and removes the segment. Idempotent.
    void stop();
    /// The segment name.
    [[nodiscard]] const QString &name() const { return m_name; }

private:
    void loop(void *writer);

    QString m_name;
    double m_rateHz;
    uint32_t m_seed;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
};

} // namespace omni
