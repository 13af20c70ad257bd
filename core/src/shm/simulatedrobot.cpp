// SPDX-License-Identifier: MIT
#include "omni/simulatedrobot.h"

#include <omni_sim_model.h>
#include <omniscient/omni_shm.h>

#include <chrono>
#include <cstring>

namespace omni {

SimulatedRobot::SimulatedRobot(QString name, double rateHz, uint32_t seed)
    : m_name(std::move(name)), m_rateHz(rateHz > 0 ? rateHz : 50.0), m_seed(seed)
{
}

SimulatedRobot::~SimulatedRobot()
{
    stop();
}

Result<void, std::errc> SimulatedRobot::start()
{
    if (m_thread.joinable()) {
        return {};
    }
    omni_writer *writer = omni_writer_open(m_name.toLocal8Bit().constData());
    if (writer == nullptr) {
        const int why = errno;
        return fail(static_cast<std::errc>(why), QString::fromLocal8Bit(std::strerror(why)));
    }
    {
        std::lock_guard lock(m_mutex);
        m_stop = false;
    }
    m_thread = std::thread([this, writer] { loop(writer); });
    return {};
}

void SimulatedRobot::stop()
{
    if (!m_thread.joinable()) {
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

void SimulatedRobot::loop(void *w)
{
    auto *writer = static_cast<omni_writer *>(w);
    omni_sim sim;
    omni_sim_init(&sim, m_seed);
    const auto period =
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(1.0 / m_rateHz));
    const double dt = 1.0 / m_rateHz;
    auto next = std::chrono::steady_clock::now();
    omni_state state;
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        omni_sim_step(&sim, dt, &state);
        omni_writer_publish(writer, &state);
        next += period;
        const auto now = std::chrono::steady_clock::now();
        if (now - next > std::chrono::milliseconds(100)) {
            next = now; // fell far behind (suspended?): do not burst to catch up
        }
        m_cv.wait_until(lock, next, [this] { return m_stop; });
    }
    lock.unlock();
    omni_writer_close(writer);
}

} // namespace omni
