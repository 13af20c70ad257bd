// SPDX-License-Identifier: MIT
#include "soundplayer.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>

#include <algorithm>

namespace omni::gui {

SoundPlayer::SoundPlayer(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<omni::SoundDecision>();
    auto *devices = new QMediaDevices(this);
    connect(devices, &QMediaDevices::audioOutputsChanged, this, &SoundPlayer::updateAvailable);
    m_available = !QMediaDevices::audioOutputs().isEmpty();
    if (m_available) {
        createEffects();
    }
}

void SoundPlayer::createEffects()
{
    // Only with an audio output: without one, every QSoundEffect would complain on its own.
    if (m_effects[0] != nullptr) {
        return;
    }
    const QList<QUrl> urls = allSamples();
    for (size_t i = 0; i < m_effects.size(); ++i) {
        auto *e = new QSoundEffect(this);
        e->setSource(urls.at(static_cast<int>(i)));
        e->setVolume(m_volume);
        connect(e, &QSoundEffect::playingChanged, this, [this, e] {
            if (e == m_current && !e->isPlaying()) {
                m_current = nullptr;
                Q_EMIT finished();
            }
        });
        m_effects[i] = e;
    }
}

SoundPlayer::~SoundPlayer() = default;

QUrl SoundPlayer::sampleUrl(SoundCue cue, int variant)
{
    switch (cue) {
    case SoundCue::Cluck:
        return QUrl(QStringLiteral("qrc:/sounds/cluck-%1.wav").arg(std::clamp(variant, 0, kCluckVariants - 1) + 1));
    case SoundCue::Obstacle:
        return QUrl(QStringLiteral("qrc:/sounds/obstacle.wav"));
    case SoundCue::LinkLost:
        return QUrl(QStringLiteral("qrc:/sounds/linklost.wav"));
    }
    return {};
}

QList<QUrl> SoundPlayer::allSamples()
{
    QList<QUrl> urls;
    for (int v = 0; v < kCluckVariants; ++v) {
        urls.append(sampleUrl(SoundCue::Cluck, v));
    }
    urls.append(sampleUrl(SoundCue::Obstacle));
    urls.append(sampleUrl(SoundCue::LinkLost));
    return urls;
}

int SoundPlayer::indexOf(SoundCue cue, int variant) const
{
    switch (cue) {
    case SoundCue::Cluck:
        return std::clamp(variant, 0, kCluckVariants - 1);
    case SoundCue::Obstacle:
        return kCluckVariants;
    case SoundCue::LinkLost:
        return kCluckVariants + 1;
    }
    return 0;
}

QSoundEffect *SoundPlayer::effect(SoundCue cue, int variant) const
{
    return m_effects[static_cast<size_t>(indexOf(cue, variant))];
}

void SoundPlayer::setVolume(double volume)
{
    m_volume = static_cast<float>(std::clamp(volume, 0.0, 1.0));
    for (auto *e : m_effects) {
        if (e) {
            e->setVolume(m_volume);
        }
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
}

void SoundPlayer::stop()
{
    QSoundEffect *was = m_current;
    m_current = nullptr;
    for (auto *e : m_effects) {
        if (e) {
            e->stop();
        }
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
    for (auto *e : m_effects) {
        if (e) {
            e->stop();
        }
    }
    QSoundEffect *e = effect(decision.cue, decision.variant);
    if (!m_available || !e || e->status() == QSoundEffect::Error) {
        Q_EMIT finished(); // silent: nothing keeps the next sound waiting
        return;
    }
    m_current = e;
    e->play();
}

} // namespace omni::gui
