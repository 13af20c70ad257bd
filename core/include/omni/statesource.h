// SPDX-License-Identifier: MIT
#pragma once

#include "omni/robotstate.h"

#include <QObject>

#include <optional>

namespace omni {

/// Where states come from: shared memory, a remote omniscient, ... Everything downstream
/// (the Hub and what hangs off it) only sees this interface.
class StateSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Starts delivering states and link changes. Idempotent.
    virtual void start() = 0;
    /// The latest link status.
    [[nodiscard]] virtual LinkInfo link() const = 0;
    /// How many published states were dropped because a newer one superseded them before delivery.
    [[nodiscard]] virtual quint64 coalescedCount() const { return 0; }
    /// For a source with a thread of its own: a counter that thread advances on every turn of its loop, even
    /// while it waits, so that a watchdog can tell a hung thread from an idle robot. nullopt when the source
    /// has no such thread running (the default: a source that lives in the main loop).
    [[nodiscard]] virtual std::optional<quint64> workerHeartbeat() const { return std::nullopt; }

Q_SIGNALS:
    /// A new state (latest value wins: intermediate states may be skipped).
    void stateReceived(const omni::RobotState &state);
    /// The link status changed.
    void linkChanged(const omni::LinkInfo &link);
};

} // namespace omni
