// SPDX-License-Identifier: MIT
#pragma once

#include "omni/cluckscheduler.h"

#include <QObject>

#include <optional>

class QTimer;

namespace omni {

class Hub;

/// Drives a CluckScheduler from a Hub in real time: listens to states, link and the sound switch, and
/// emits cue() when a sound should play. The app connects cue() to its player and reports finished().
/// Its timer runs only while a cluck is scheduled, and fires when it is due: no wake-ups at idle.
class SoundDirector : public QObject
{
    Q_OBJECT
public:
    /// Follows `hub` (not owned) with real time and a random seed.
    explicit SoundDirector(Hub *hub, CluckTiming timing = {}, QObject *parent = nullptr);
    /// Follows `hub` with injected time and chance (tests).
    SoundDirector(Hub *hub, CluckScheduler::Clock clock, CluckScheduler::Random random, CluckTiming timing = {},
                  QObject *parent = nullptr);

    /// Mutes this computer only (the laptop's own mute in remote mode); the shared switch stays as it is.
    void setLocalMute(bool muted);
    /// How many cluck samples the player has (see CluckScheduler::setCluckVariants()).
    void setCluckVariants(int variants) { m_scheduler.setCluckVariants(variants); }
    /// Whether this computer is muted.
    [[nodiscard]] bool localMute() const { return m_localMute; }
    /// The scheduler (tests inspect it).
    [[nodiscard]] const CluckScheduler &scheduler() const { return m_scheduler; }
    /// Milliseconds until the director's timer fires, or -1 when it sleeps (tests check idle costs nothing).
    [[nodiscard]] qint64 msUntilWake() const;

public Q_SLOTS:
    /// The player finished the current sound.
    void finished();

Q_SIGNALS:
    /// Play this sound now (stop the current one first when `decision.interrupt`).
    void cue(const omni::SoundDecision &decision);

private:
    void updateEnabled();
    void emitIf(const std::optional<SoundDecision> &d);
    void rearm();

    Hub *m_hub;
    CluckScheduler m_scheduler;
    QTimer *m_timer;
    bool m_localMute = false;
};

} // namespace omni
