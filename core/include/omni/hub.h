// SPDX-License-Identifier: MIT
#pragma once

#include "omni/clock.h"
#include "omni/robotstate.h"
#include "omni/statesource.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace omni {

/// The one place downstream consumers look: latest state, link status, publish rate, the sound
/// switch. It does not know which source feeds it. Lives in the GUI/main thread.
class Hub : public QObject
{
    Q_OBJECT
public:
    /// An empty hub: Waiting, no state, sound on.
    explicit Hub(QObject *parent = nullptr);
    /// The same on `clock` (tests inject one; it must outlive the hub). Only its monotonic time is read.
    explicit Hub(const Clock &clock, QObject *parent = nullptr);

    /// Feeds the hub from `source` (replacing any earlier source). Does not take ownership.
    void setSource(StateSource *source);
    /// The current source, or null.
    [[nodiscard]] StateSource *source() const { return m_source; }

    /// The newest state, if any arrived.
    [[nodiscard]] const std::optional<RobotState> &latest() const { return m_latest; }
    /// The current link.
    [[nodiscard]] const LinkInfo &link() const { return m_link; }
    /// Publishes per second at the source, over roughly the last second (of the monotonic clock: states'
    /// publishMonoNs); 0 when stale or unknown.
    [[nodiscard]] double rateHz() const;
    /// Milliseconds since the latest state was published at its source, on the monotonic clock (a step of the
    /// wall clock does not change it); -1 without a state or when its publish time is unknown.
    [[nodiscard]] qint64 ageMs() const;
    /// Whether the robot clucks.
    [[nodiscard]] bool soundEnabled() const { return m_sound; }
    /// Where this machine plays the chicken's sounds: the audio output's name, "none" (no audio output),
    /// "off" (--no-sound), or empty when nothing on this machine plays sounds (docs/protocol.md, `sound`).
    [[nodiscard]] const QString &soundOutput() const { return m_soundOutput; }
    /// States delivered to the hub so far.
    [[nodiscard]] quint64 statesReceived() const { return m_received; }
    /// States the source skipped because newer ones superseded them.
    [[nodiscard]] quint64 statesCoalesced() const;

    /// The latest state as a `state` message (docs/protocol.md), shared by every consumer (stdout, the
    /// WebSocket stream, /api/state): serialised on first use after a new state or a link change, at most once
    /// per state and link change. Its `age_ms` is the age when it was serialised, which for a live stream is
    /// its arrival; a consumer that answers later (/api/state) refreshes it with json::withAge(). Empty without
    /// a state. The reference stays valid until the next state or link change.
    [[nodiscard]] const QByteArray &stateJson() const;
    /// How many times stateJson() serialised a state.
    [[nodiscard]] quint64 statesSerialised() const { return m_serialised; }

public Q_SLOTS:
    /// Sets whether the robot clucks; emits soundEnabledChanged when it changes.
    void setSoundEnabled(bool enabled);
    /// Sets soundOutput(); emits soundOutputChanged when it changes.
    void setSoundOutput(const QString &output);
    /// Tells every consumer that this machine plays a sound now: `cue` is "cluck", "obstacle" or "link_lost",
    /// `sample` the path the mirror server serves it under (e.g. "sounds/cluck-2.wav"), so browsers can play
    /// the same sound at the same moment. Emits soundPlayed.
    void announceSound(const QString &cue, const QString &sample);
    /// Takes a new state (normally from the source).
    void acceptState(const omni::RobotState &state);
    /// Takes a link change (normally from the source).
    void acceptLink(const omni::LinkInfo &link);

Q_SIGNALS:
    /// A new state arrived.
    void stateChanged(const omni::RobotState &state);
    /// The link changed.
    void linkChanged(const omni::LinkInfo &link);
    /// The sound switch changed.
    void soundEnabledChanged(bool enabled);
    /// The sound output changed (see soundOutput()).
    void soundOutputChanged(const QString &output);
    /// This machine plays a sound now (see announceSound()).
    void soundPlayed(const QString &cue, const QString &sample);

private:
    const Clock *m_clock;
    QPointer<StateSource> m_source;
    std::optional<RobotState> m_latest;
    LinkInfo m_link;
    bool m_sound = true;
    QString m_soundOutput;
    quint64 m_received = 0;
    // stateJson()'s cache: built lazily, dropped on every state and link change.
    mutable QByteArray m_stateJson;
    mutable bool m_stateJsonValid = false;
    mutable quint64 m_serialised = 0;
    // Rate window: the first sample of the current window and the rate of the last full window.
    quint64 m_windowSeq = 0;
    qint64 m_windowStartNs = 0;
    double m_rate = 0.0;
};

} // namespace omni
