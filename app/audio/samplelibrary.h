// SPDX-License-Identifier: MIT
#pragma once

#include <omni/cluckscheduler.h>

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QAudioDecoder;
class QTemporaryDir;
class QTimer;

namespace omni::audio {

/// One sound the chicken can make.
struct Sample {
    QString name;       ///< for people: the user's file name, or the built-in's ("cluck-1.wav")
    QUrl playable;      ///< what QSoundEffect plays: a PCM WAV (qrc:/sounds/… or a decoded copy of the user's file)
    QString sourcePath; ///< the file browsers get: ":/sounds/cluck-1.wav" or the user's own file
    QString servedName; ///< its name under the mirror server's /sounds/: "cluck-1.wav", "cluck-2.ogg"
};

/// The chicken's sounds: the built-in samples, or the clucks of a --sound-dir. The folder's .wav, .ogg and
/// .mp3 files are each decoded once (QAudioDecoder) into a 16-bit PCM WAV in a private temporary folder,
/// which QSoundEffect plays; a file that cannot be decoded is reported once by name and skipped, and an empty
/// or missing folder falls back to the built-in clucks with a message. The event sounds (obstacle, link lost)
/// are always the built-in ones.
class SampleLibrary : public QObject
{
    Q_OBJECT
public:
    /// The built-in samples.
    explicit SampleLibrary(QObject *parent = nullptr);
    ~SampleLibrary() override;

    /// Decoding one file may take at most this long, or it counts as undecodable.
    static constexpr int kDecodeTimeoutMs = 10000;
    /// Larger files are skipped (a cluck is seconds long; this keeps a wrong folder from filling memory).
    static constexpr qint64 kMaxFileBytes = qint64{16} * 1024 * 1024;
    /// The file types --sound-dir takes, lower case.
    static QStringList suffixes();

    /// Starts using the clucks of `dir` instead of the built-in ones. Files are decoded in the background;
    /// ready() says when the clucks changed. Messages for a person come as message().
    void loadDirectory(const QString &dir);
    /// Whether files are still being decoded.
    [[nodiscard]] bool loading() const;

    /// The clucks to pick from (never empty).
    [[nodiscard]] const QList<Sample> &clucks() const { return m_clucks; }
    /// The sample of `decision`.
    [[nodiscard]] const Sample &sample(const SoundDecision &decision) const;
    /// Every sample (clucks, then the event sounds): what the mirror server offers to browsers.
    [[nodiscard]] QList<Sample> all() const;
    /// The built-in cluck `variant` (0-based), or an event sound.
    static Sample builtIn(SoundCue cue, int variant = 0);
    /// How many built-in clucks there are.
    static constexpr int kBuiltInClucks = 3;

Q_SIGNALS:
    /// clucks() changed (a folder finished loading).
    void ready();
    /// Something a person should know, in their words: a file skipped and why, a fallback.
    void message(const QString &text);

private:
    void startDecoder();
    void decodeNext();
    void finishFile(const QString &problem);
    void finishFolder();

    QList<Sample> m_clucks;
    Sample m_obstacle;
    Sample m_linkLost;
    QString m_dir;
    QStringList m_pending;                ///< files still to decode (absolute paths)
    QList<Sample> m_decoded;              ///< the folder's clucks decoded so far
    std::unique_ptr<QTemporaryDir> m_tmp; ///< the decoded WAVs
    QAudioDecoder *m_decoder = nullptr;
    QTimer *m_timeout = nullptr;
    QString m_current; ///< the file being decoded
    QByteArray m_pcm;  ///< its samples so far, 16-bit interleaved
    int m_rate = 0;
    int m_channels = 0;
    bool m_loading = false;
};

/// Chooses Qt Multimedia's FFmpeg backend (which decodes .ogg and .mp3 with the libraries every Qt 6.4
/// multimedia install has) unless QT_MEDIA_BACKEND says otherwise. Call before any Qt Multimedia object exists.
void chooseBackend();

} // namespace omni::audio
