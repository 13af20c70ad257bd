// SPDX-License-Identifier: MIT
#pragma once

#include <omni/cluckscheduler.h>

#include <QObject>
#include <QUrl>

#include <array>

class QSoundEffect;

namespace omni::gui {

/// Plays the chicken's embedded samples with QSoundEffect, one at a time. It only plays: when to
/// play is decided in core (omni::SoundDirector). With no audio output it stays silent and says so.
class SoundPlayer : public QObject
{
    Q_OBJECT
public:
    /// Loads every sample (":/sounds/…").
    explicit SoundPlayer(QObject *parent = nullptr);
    ~SoundPlayer() override;

    /// Number of cluck variants embedded.
    static constexpr int kCluckVariants = 3;
    /// The resource URL of a cue's sample.
    static QUrl sampleUrl(SoundCue cue, int variant = 0);
    /// Every embedded sample.
    static QList<QUrl> allSamples();

    /// Whether an audio output exists.
    [[nodiscard]] bool audioAvailable() const { return m_available; }
    /// The effect of `cue` (tests check it loads); null while no audio output exists.
    [[nodiscard]] QSoundEffect *effect(SoundCue cue, int variant = 0) const;
    /// Playback volume, 0..1.
    void setVolume(double volume);

public Q_SLOTS:
    /// Plays the sample of `decision`, stopping any other first.
    void play(const omni::SoundDecision &decision);
    /// Stops whatever plays.
    void stop();

Q_SIGNALS:
    /// The current sound ended (or could not start): the next may play.
    void finished();
    /// Audio outputs appeared or disappeared.
    void audioAvailableChanged(bool available);

private:
    void updateAvailable();
    void createEffects();
    int indexOf(SoundCue cue, int variant) const;

    std::array<QSoundEffect *, kCluckVariants + 2> m_effects{};
    QSoundEffect *m_current = nullptr;
    bool m_available = false;
    float m_volume = 0.8F;
};

} // namespace omni::gui
