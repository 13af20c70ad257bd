// SPDX-License-Identifier: MIT
#pragma once

#include <omni/mirrorserver.h>

#include <QObject>
#include <QString>

namespace omni {
class Hub;
class SoundDirector;
} // namespace omni

namespace omni::audio {

class SampleLibrary;
class SoundPlayer;
struct Sample;

/// Files larger than this are played on this machine but not offered to browsers under /sounds/.
inline constexpr qint64 kMaxServedSoundBytes = qint64{4} * 1024 * 1024;

/// The path a `cue` message names for `sample`: "sounds/" + its served name, or empty when browsers do not get the
/// file (larger than kMaxServedSoundBytes).
QString cuePath(const Sample &sample);

/// The chicken's voice on this machine, the same with or without a window: the director (when to cluck,
/// from the hub's shared sound switch), the samples (built-in or --sound-dir) and the player on the default
/// audio output. It tells the hub where sounds play (Hub::soundOutput(): the output's name, "none" or "off")
/// and announces each sound it plays, so that browsers can cluck along (the `cue` message).
class Voice : public QObject
{
    Q_OBJECT
public:
    /// How this machine sounds.
    struct Options {
        QString soundDir; ///< --sound-dir: the user's clucks; empty: the built-in ones
        bool play = true; ///< false (--no-sound): decide and announce, but play nothing here
    };

    /// Follows `hub` (not owned; it must outlive the voice).
    Voice(Hub *hub, const Options &options, QObject *parent = nullptr);
    ~Voice() override;

    /// Mutes this computer only; the shared switch stays as it is.
    void setLocalMute(bool muted);
    /// Whether this computer is muted.
    [[nodiscard]] bool localMute() const;
    /// Whether an audio output exists (false with --no-sound).
    [[nodiscard]] bool audioAvailable() const;
    /// The director (tests and the window look at it).
    [[nodiscard]] SoundDirector *director() const { return m_director; }
    /// The player, or null with --no-sound.
    [[nodiscard]] SoundPlayer *player() const { return m_player; }
    /// The samples.
    [[nodiscard]] const SampleLibrary &library() const { return *m_library; }
    /// The samples as the mirror server offers them under /sounds/ (files read now; one that cannot be read,
    /// or is larger than kMaxServedSoundBytes, is left out).
    [[nodiscard]] QList<ServedSound> servedSounds() const;

Q_SIGNALS:
    /// The samples changed (a --sound-dir finished loading): servedSounds() has the new ones.
    void samplesChanged();
    /// Audio outputs appeared or disappeared.
    void audioAvailableChanged(bool available);

private:
    void updateOutput();

    Hub *m_hub;
    SampleLibrary *m_library;
    SoundDirector *m_director;
    SoundPlayer *m_player = nullptr;
    bool m_noOutputSaid = false;
};

} // namespace omni::audio
