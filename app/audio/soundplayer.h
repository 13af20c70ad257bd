// SPDX-License-Identifier: MIT
#pragma once

#include <omni/cluckscheduler.h>

#include <QList>
#include <QObject>
#include <QString>

class QSoundEffect;

namespace omni::audio {

class SampleLibrary;

/// Plays the chicken's samples with QSoundEffect on this machine's default audio output, one at a time. It
/// only plays: when to play is decided in core (omni::SoundDirector). It works without a GUI (under a
/// QCoreApplication: the headless service clucks too). With no audio output it stays silent and says so.
class SoundPlayer : public QObject
{
    Q_OBJECT
public:
    /// Plays the samples of `library` (not owned; it must outlive the player), following its changes.
    explicit SoundPlayer(const SampleLibrary *library, QObject *parent = nullptr);
    ~SoundPlayer() override;

    /// Whether an audio output exists.
    [[nodiscard]] bool audioAvailable() const { return m_available; }
    /// The default audio output's name, or "none".
    [[nodiscard]] QString outputName() const;
    /// The effect of `decision`'s sample (tests check it loads); null while no audio output exists.
    [[nodiscard]] QSoundEffect *effect(const SoundDecision &decision) const;
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
    /// The default output changed (see outputName()).
    void outputChanged(const QString &name);

private:
    void updateAvailable();
    void createEffects();
    void deleteEffects();
    [[nodiscard]] qsizetype indexOf(const SoundDecision &decision) const;

    const SampleLibrary *m_library;
    QList<QSoundEffect *> m_effects; ///< the library's all(): clucks, then obstacle, then link lost
    QSoundEffect *m_current = nullptr;
    bool m_available = false;
    QString m_output;
    float m_volume = 0.8F;
};

} // namespace omni::audio
