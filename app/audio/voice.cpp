// SPDX-License-Identifier: MIT
#include "voice.h"

#include "samplelibrary.h"
#include "soundplayer.h"

#include <omni/hub.h>
#include <omni/sounddirector.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace omni::audio {

namespace {

QString cueName(SoundCue cue)
{
    switch (cue) {
    case SoundCue::Cluck:
        return QStringLiteral("cluck");
    case SoundCue::Obstacle:
        return QStringLiteral("obstacle");
    case SoundCue::LinkLost:
        return QStringLiteral("link_lost");
    }
    return {};
}

/// Whether browsers get `sample` under /sounds/ (servedSounds()): small enough to hand out whole.
bool offeredToBrowsers(const Sample &sample)
{
    return QFileInfo(sample.sourcePath).size() <= kMaxServedSoundBytes;
}

void say(const QString &text)
{
    // stderr, like every other message for a person: stdout stays JSON Lines with --print-json.
    std::fprintf(stderr, "omniscient: %s\n", qPrintable(text));
    std::fflush(stderr);
}

} // namespace

QString cuePath(const Sample &sample)
{
    return offeredToBrowsers(sample) ? QStringLiteral("sounds/") + sample.servedName : QString();
}

Voice::Voice(Hub *hub, const Options &options, QObject *parent)
    : QObject(parent), m_hub(hub), m_library(new SampleLibrary(this))
{
    CluckTiming timing;
    timing.cluckVariants = static_cast<int>(m_library->clucks().size());
    m_director = new SoundDirector(hub, timing, this);
    connect(m_library, &SampleLibrary::message, this, &say);
    connect(m_library, &SampleLibrary::ready, this, [this] {
        m_director->setCluckVariants(static_cast<int>(m_library->clucks().size()));
        Q_EMIT samplesChanged();
    });
    if (options.play) {
        m_player = new SoundPlayer(m_library, this);
        connect(m_director, &SoundDirector::cue, m_player, &SoundPlayer::play);
        connect(m_player, &SoundPlayer::finished, m_director, &SoundDirector::finished);
        connect(m_player, &SoundPlayer::outputChanged, this, &Voice::updateOutput);
        connect(m_player, &SoundPlayer::audioAvailableChanged, this, &Voice::audioAvailableChanged);
        connect(hub, &Hub::soundEnabledChanged, m_player, [this](bool on) {
            if (!on) {
                m_player->stop(); // off means silent now, not after this cluck
            }
        });
    } else {
        // Nothing plays here: a sound is over as soon as it is announced.
        connect(m_director, &SoundDirector::cue, m_director, &SoundDirector::finished, Qt::QueuedConnection);
    }
    connect(m_director, &SoundDirector::cue, this, [this](const SoundDecision &d) {
        // A file too large to serve is still played here; pages get no path they could not fetch.
        m_hub->announceSound(cueName(d.cue), cuePath(m_library->sample(d)));
    });
    if (!options.soundDir.isEmpty()) {
        m_library->loadDirectory(options.soundDir);
    }
    updateOutput();
}

Voice::~Voice() = default;

void Voice::setLocalMute(bool muted)
{
    m_director->setLocalMute(muted);
}

bool Voice::localMute() const
{
    return m_director->localMute();
}

bool Voice::audioAvailable() const
{
    return m_player && m_player->audioAvailable();
}

void Voice::updateOutput()
{
    if (!m_player) {
        m_hub->setSoundOutput(QStringLiteral("off"));
        return;
    }
    m_hub->setSoundOutput(m_player->outputName());
    if (!m_player->audioAvailable() && !m_noOutputSaid) {
        m_noOutputSaid = true; // once: the page, /api/sound and the window keep showing it
        say(QCoreApplication::translate("omni::audio::Voice",
                                        "no audio output on this machine: the chicken is silent here (its sound "
                                        "switch still works, and web pages can cluck along)"));
    }
}

QList<ServedSound> Voice::servedSounds() const
{
    QList<ServedSound> served;
    const QList<Sample> samples = m_library->all();
    for (const Sample &s : samples) {
        QFile f(s.sourcePath);
        if (!offeredToBrowsers(s) || !f.open(QIODevice::ReadOnly)) {
            continue;
        }
        served.append(ServedSound{s.servedName, f.readAll()});
    }
    return served;
}

} // namespace omni::audio
