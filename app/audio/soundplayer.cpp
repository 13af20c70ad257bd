// SPDX-License-Identifier: MIT
#include "soundplayer.h"

#include "samplelibrary.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>

#include <algorithm>

namespace omni::audio {

SoundPlayer::SoundPlayer(const SampleLibrary *library, QObject *parent) : QObject(parent), m_library(library)
{
    qRegisterMetaType<omni::SoundDecision>();
    auto *devices = new QMediaDevices(this);
    connect(devices, &QMediaDevices::audioOutputsChanged, this, &SoundPlayer::updateAvailable);
    connect(library, &SampleLibrary::ready, this, [this] {
        stop();
        deleteEffects();
        if (m_available) {
            createEffects();
        }
    });
    m_available = !QMediaDevices::audioOutputs().isEmpty();
    m_output = outputName();
    if (m_available) {
        createEffects();
    }
}

SoundPlayer::~SoundPlayer() = default;

QString SoundPlayer::outputName() const
{
    if (!m_available) {
        return QStringLiteral("none");
    }
    const QString name = QMediaDevices::defaultAudioOutput().description();
    return name.isEmpty() ? QStringLiteral("default") : name;
}

void SoundPlayer::createEffects()
{
    // Only with an audio output: without one, every QSoundEffect would complain on its own.
    if (!m_effects.isEmpty()) {
        return;
    }
    const QList<Sample> samples = m_library->all();
    for (const Sample &sample : samples) {
        auto *e = new QSoundEffect(this);
        e->setSource(sample.playable);
        e->setVolume(m_volume);
        connect(e, &QSoundEffect::playingChanged, this, [this, e] {
            if (e == m_current && !e->isPlaying()) {
                m_current = nullptr;
                Q_EMIT finished();
            }
        });
        m_effects.append(e);
    }
}

void SoundPlayer::deleteEffects()
{
    m_current = nullptr;
    qDeleteAll(m_effects);
    m_effects.clear();
}

qsizetype SoundPlayer::indexOf(const SoundDecision &decision) const
{
    const auto clucks = m_library->clucks().size();
    switch (decision.cue) {
    case SoundCue::Cluck:
        return std::clamp<qsizetype>(decision.variant, 0, clucks - 1);
    case SoundCue::Obstacle:
        return clucks;
    case SoundCue::LinkLost:
        return clucks + 1;
    }
    return 0;
}

QSoundEffect *SoundPlayer::effect(const SoundDecision &decision) const
{
    const qsizetype i = indexOf(decision);
    return i < m_effects.size() ? m_effects.at(i) : nullptr;
}

void SoundPlayer::setVolume(double volume)
{
    m_volume = static_cast<float>(std::clamp(volume, 0.0, 1.0));
    for (auto *e : std::as_const(m_effects)) {
        e->setVolume(m_volume);
    }
}

void SoundPlayer::updateAvailable()
{
    const bool available = !QMediaDevices::audioOutputs().isEmpty();
    if (available != m_available) {
        m_available = available;
        if (available) {
            createEffects();
        }
        Q_EMIT audioAvailableChanged(available);
    }
    if (const QString name = outputName(); name != m_output) {
        m_output = name;
        Q_EMIT outputChanged(name);
    }
}

void SoundPlayer::stop()
{
    QSoundEffect *was = m_current;
    m_current = nullptr;
    for (auto *e : std::as_const(m_effects)) {
        e->stop();
    }
    if (was) {
        Q_EMIT finished();
    }
}

void SoundPlayer::play(const SoundDecision &decision)
{
    // Never two at once: whatever plays stops first (the decision already allowed it). The stopped one
    // does not report finished(): the new decision is what counts now.
    m_current = nullptr;
    for (auto *e : std::as_const(m_effects)) {
        e->stop();
    }
    QSoundEffect *e = effect(decision);
    if (!m_available || !e || e->status() == QSoundEffect::Error) {
        Q_EMIT finished(); // silent: nothing keeps the next sound waiting
        return;
    }
    m_current = e;
    e->play();
}

} // namespace omni::audio
