// SPDX-License-Identifier: MIT
#pragma once

#include "options.h"

#include <QObject>

#include <memory>

namespace omni {
class Hub;
class SimulatedRobot;
class StateSource;
} // namespace omni

namespace omni::app {

/// Wires what every mode shares: the source (shared memory, simulated robot, or remote), the hub,
/// and the optional JSON printer. The GUI and headless modes sit on top of it.
class Runtime : public QObject
{
    Q_OBJECT
public:
    /// Builds the pieces for `options`; nothing runs before start().
    explicit Runtime(Options options, QObject *parent = nullptr);
    ~Runtime() override;

    /// Starts the simulated robot (if asked), the source and the printer. False with `error` for a person.
    bool start(QString *error);
    /// The hub every view reads.
    [[nodiscard]] Hub *hub() const { return m_hub; }
    /// The options in force.
    [[nodiscard]] const Options &options() const { return m_options; }
    /// The segment actually read (differs from --shm with --simulate).
    [[nodiscard]] QString segmentName() const;

private:
    Options m_options;
    Hub *m_hub;
    std::unique_ptr<SimulatedRobot> m_sim;
    StateSource *m_source = nullptr;
};

} // namespace omni::app
