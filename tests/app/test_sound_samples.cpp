// SPDX-License-Identifier: MIT
// The embedded samples: there, 16-bit PCM WAV, audible, unclipped, distinct; the player without audio; and
// a --sound-dir: .wav, .ogg (and .mp3) decoded to WAVs QSoundEffect plays, a bad file named and skipped, an
// empty or missing folder falling back to the built-in clucks.
#include "samplelibrary.h"
#include "soundplayer.h"
#include "voice.h"

#include <omni/hub.h>

#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>

#include <cmath>

using namespace omni;
using namespace omni::audio;

namespace {

struct Wav {
    int format = 0;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    QByteArray data;
};

/// A small RIFF reader: enough to check what QSoundEffect will get.
std::optional<Wav> readWav(const QByteArray &b)
{
    if (b.size() < 44 || !b.startsWith("RIFF") || b.mid(8, 4) != "WAVE") {
        return std::nullopt;
    }
    Wav w;
    qsizetype at = 12;
    while (at + 8 <= b.size()) {
        const QByteArray id = b.mid(at, 4);
        const auto size = static_cast<qsizetype>(qFromLittleEndian<quint32>(b.constData() + at + 4));
        if (at + 8 + size > b.size()) {
            return std::nullopt;
        }
        const char *p = b.constData() + at + 8;
        if (id == "fmt ") {
            if (size < 16) {
                return std::nullopt; // too short for the fields read below
            }
            w.format = qFromLittleEndian<quint16>(p);
            w.channels = qFromLittleEndian<quint16>(p + 2);
            w.rate = static_cast<int>(qFromLittleEndian<quint32>(p + 4));
            w.bits = qFromLittleEndian<quint16>(p + 14);
        } else if (id == "data") {
            w.data = b.mid(at + 8, size);
        }
        at += 8 + size + (size & 1);
    }
    return w;
}

double rms(const QByteArray &pcm16)
{
    double sum = 0;
    const auto n = pcm16.size() / 2;
    for (qsizetype i = 0; i < n; ++i) {
        const double v = qFromLittleEndian<qint16>(pcm16.constData() + 2 * i) / 32768.0;
        sum += v * v;
    }
    return n > 0 ? std::sqrt(sum / static_cast<double>(n)) : 0.0;
}

QByteArray load(const QUrl &url)
{
    QFile f(QLatin1Char(':') + url.path());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(SoundSamples, EveryCueHasAnEmbeddedSample)
{
    const SampleLibrary library;
    EXPECT_EQ(library.all().size(), SampleLibrary::kBuiltInClucks + 2);
    EXPECT_EQ(library.clucks().size(), SampleLibrary::kBuiltInClucks);
    EXPECT_EQ(library.sample({SoundCue::Obstacle, 0, false}).playable,
              QUrl(QStringLiteral("qrc:/sounds/obstacle.wav")));
    EXPECT_EQ(library.sample({SoundCue::LinkLost, 0, false}).playable,
              QUrl(QStringLiteral("qrc:/sounds/linklost.wav")));
    EXPECT_EQ(library.sample({SoundCue::Cluck, 2, false}).playable, QUrl(QStringLiteral("qrc:/sounds/cluck-3.wav")));
    EXPECT_EQ(library.sample({SoundCue::Cluck, 99, false}).playable,
              library.sample({SoundCue::Cluck, 2, false}).playable);
    EXPECT_EQ(library.sample({SoundCue::Cluck, 1, false}).servedName, QStringLiteral("cluck-2.wav"));
}

TEST(SoundSamples, AreAudibleUnclippedSixteenBitPcm)
{
    QSet<QByteArray> seen;
    const QList<Sample> all = SampleLibrary().all();
    for (const Sample &sample : all) {
        SCOPED_TRACE(sample.name.toStdString());
        const QByteArray bytes = load(sample.playable);
        ASSERT_FALSE(bytes.isEmpty()) << "embedded";
        const auto wav = readWav(bytes);
        ASSERT_TRUE(wav);
        EXPECT_EQ(wav->format, 1) << "PCM";
        EXPECT_EQ(wav->bits, 16);
        EXPECT_EQ(wav->channels, 1);
        EXPECT_EQ(wav->rate, 22050);
        const double seconds = static_cast<double>(wav->data.size()) / 2 / wav->rate;
        EXPECT_GT(seconds, 0.2);
        EXPECT_LT(seconds, 2.0) << "short: it must not keep the next sound waiting";
        EXPECT_GT(rms(wav->data), 0.05) << "audible";
        qint16 peak = 0;
        for (qsizetype i = 0; i + 1 < wav->data.size(); i += 2) {
            peak = std::max<qint16>(
                peak, static_cast<qint16>(std::abs(qFromLittleEndian<qint16>(wav->data.constData() + i))));
        }
        EXPECT_LT(peak, 32000) << "not clipped";
        seen.insert(wav->data);
    }
    EXPECT_EQ(seen.size(), all.size()) << "every sound is its own";
}

TEST(SoundPlayer, WithoutAnAudioOutputItStaysSilentAndNeverBlocksTheNextSound)
{
    const SampleLibrary library;
    SoundPlayer player(&library);
    if (player.audioAvailable()) {
        GTEST_SKIP() << "this machine has an audio output; test_sound_playback covers playing";
    }
    QSignalSpy finished(&player, &SoundPlayer::finished);
    player.play({SoundCue::Cluck, 0, false});
    EXPECT_EQ(finished.size(), 1) << "reported at once, so the director is not left waiting";
    EXPECT_EQ(player.effect({SoundCue::Cluck, 0, false}), nullptr) << "no effects made: Qt would warn for each";
    EXPECT_EQ(player.outputName(), QStringLiteral("none"));
}

namespace {

/// Makes a sound file with sox (a test tool, like in test_sound_playback): `effect` e.g. "sine 1200".
bool soxMake(const QString &path, const QStringList &format, const QString &seconds, const QString &effect)
{
    QProcess sox;
    QStringList args{QStringLiteral("-n")};
    args << format << path << QStringLiteral("synth") << seconds << effect.split(QLatin1Char(' '))
         << QStringLiteral("vol") << QStringLiteral("0.5");
    sox.start(QStringLiteral("sox"), args);
    return sox.waitForFinished(10000) && sox.exitCode() == 0 && QFileInfo(path).size() > 0;
}

/// Loads `dir` into `library` and waits until it is done; the messages it gave.
QStringList loadAndWait(SampleLibrary &library, const QString &dir)
{
    QStringList messages;
    QObject::connect(&library, &SampleLibrary::message, &library, [&messages](const QString &m) { messages << m; });
    QSignalSpy ready(&library, &SampleLibrary::ready);
    library.loadDirectory(dir);
    if (library.loading()) {
        EXPECT_TRUE(ready.wait(3 * SampleLibrary::kDecodeTimeoutMs)) << "decoding finishes";
    }
    return messages;
}

} // namespace

class SoundDir : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (QStandardPaths::findExecutable(QStringLiteral("sox")).isEmpty()) {
            GTEST_SKIP() << "sox is not installed (scripts/install-deps.sh --test): it makes the test's sound files";
        }
        ASSERT_TRUE(dir.isValid());
    }
    QString path(const char *name) const { return dir.filePath(QLatin1String(name)); }
    QTemporaryDir dir;
};

TEST_F(SoundDir, DecodesOggAndUnusualWavsIntoWavsThePlayerTakes)
{
    ASSERT_TRUE(soxMake(path("a-tone.ogg"), {}, QStringLiteral("0.5"), QStringLiteral("sine 1200")));
    // 32-bit float stereo at 44.1 kHz: a WAV QSoundEffect itself would not play.
    ASSERT_TRUE(
        soxMake(path("b-float.wav"),
                {QStringLiteral("-e"), QStringLiteral("floating-point"), QStringLiteral("-b"), QStringLiteral("32"),
                 QStringLiteral("-c"), QStringLiteral("2"), QStringLiteral("-r"), QStringLiteral("44100")},
                QStringLiteral("0.3"), QStringLiteral("sine 600")));
    QFile notes(path("notes.txt"));
    ASSERT_TRUE(notes.open(QIODevice::WriteOnly));
    notes.write("not a sound, and not even tried");
    notes.close();

    SampleLibrary library;
    const QStringList messages = loadAndWait(library, dir.path());
    ASSERT_EQ(library.clucks().size(), 2) << messages.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(library.clucks().at(0).name, QStringLiteral("a-tone.ogg"));
    EXPECT_EQ(library.clucks().at(0).servedName, QStringLiteral("cluck-1.ogg"));
    EXPECT_EQ(library.clucks().at(0).sourcePath, QFileInfo(path("a-tone.ogg")).absoluteFilePath());
    EXPECT_EQ(library.clucks().at(1).name, QStringLiteral("b-float.wav"));

    // The decoded copy: 16-bit PCM with the tone's length and loudness.
    QFile decoded(library.clucks().at(0).playable.toLocalFile());
    ASSERT_TRUE(decoded.open(QIODevice::ReadOnly)) << library.clucks().at(0).playable.toString().toStdString();
    const auto wav = readWav(decoded.readAll());
    ASSERT_TRUE(wav);
    EXPECT_EQ(wav->format, 1);
    EXPECT_EQ(wav->bits, 16);
    ASSERT_GT(wav->rate, 0);
    const double seconds = static_cast<double>(wav->data.size()) / 2 / wav->channels / wav->rate;
    EXPECT_NEAR(seconds, 0.5, 0.1);
    EXPECT_GT(rms(wav->data), 0.2) << "a sine at half volume: RMS about 0.35";

    QFile floatCopy(library.clucks().at(1).playable.toLocalFile());
    ASSERT_TRUE(floatCopy.open(QIODevice::ReadOnly));
    const auto fw = readWav(floatCopy.readAll());
    ASSERT_TRUE(fw);
    EXPECT_EQ(fw->bits, 16);
    EXPECT_EQ(fw->channels, 2);
    EXPECT_GT(rms(fw->data), 0.2);
    EXPECT_EQ(library.sample({SoundCue::Obstacle, 0, false}).name, QStringLiteral("obstacle.wav"))
        << "events keep the built-in sounds";
}

TEST_F(SoundDir, AFileThatCannotBeDecodedIsNamedOnceAndSkipped)
{
    ASSERT_TRUE(soxMake(path("good.ogg"), {}, QStringLiteral("0.3"), QStringLiteral("sine 900")));
    QFile bad(path("broken.ogg"));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write(QByteArray(4096, 'x'));
    bad.close();
    QFile empty(path("empty.mp3"));
    ASSERT_TRUE(empty.open(QIODevice::WriteOnly));
    empty.close();

    SampleLibrary library;
    const QStringList messages = loadAndWait(library, dir.path());
    ASSERT_EQ(library.clucks().size(), 1);
    EXPECT_EQ(library.clucks().constFirst().name, QStringLiteral("good.ogg"));
    EXPECT_EQ(messages.filter(QStringLiteral("broken.ogg")).size(), 1)
        << messages.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(messages.filter(QStringLiteral("empty.mp3")).size(), 1) << messages.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(messages.filter(QStringLiteral("skipped")).size(), 2);
}

TEST(SoundDirFallback, AMissingOrEmptyFolderKeepsTheBuiltInClucksAndSaysSo)
{
    QTemporaryDir empty;
    SampleLibrary library;
    QStringList messages = loadAndWait(library, empty.path());
    EXPECT_EQ(library.clucks().size(), SampleLibrary::kBuiltInClucks);
    ASSERT_EQ(messages.size(), 1);
    EXPECT_TRUE(messages.constFirst().contains(QLatin1String("built-in"))) << messages.constFirst().toStdString();

    messages = loadAndWait(library, empty.filePath(QStringLiteral("nope")));
    EXPECT_EQ(library.clucks().size(), SampleLibrary::kBuiltInClucks);
    ASSERT_EQ(messages.size(), 1);
    EXPECT_TRUE(messages.constFirst().contains(QLatin1String("no such folder"))) << messages.constFirst().toStdString();
}

TEST_F(SoundDir, AFileTooLargeToServeIsPlayedHereButNeitherServedNorNamedInCues)
{
    ASSERT_TRUE(soxMake(path("a-short.ogg"), {}, QStringLiteral("0.3"), QStringLiteral("sine 900")));
    // 30 s of 16-bit stereo at 44.1 kHz: about 5.3 MB, over the 4 MiB that browsers are offered.
    ASSERT_TRUE(soxMake(path("b-long.wav"),
                        {QStringLiteral("-c"), QStringLiteral("2"), QStringLiteral("-r"), QStringLiteral("44100"),
                         QStringLiteral("-b"), QStringLiteral("16")},
                        QStringLiteral("30"), QStringLiteral("sine 500")));
    ASSERT_GT(QFileInfo(path("b-long.wav")).size(), kMaxServedSoundBytes);

    Hub hub;
    Voice voice(&hub, Voice::Options{dir.path(), false});
    if (voice.library().loading()) {
        QSignalSpy changed(&voice, &Voice::samplesChanged);
        ASSERT_TRUE(changed.wait(3 * SampleLibrary::kDecodeTimeoutMs));
    }
    ASSERT_EQ(voice.library().clucks().size(), 2);
    const Sample &small = voice.library().clucks().at(0);
    const Sample &large = voice.library().clucks().at(1);
    EXPECT_EQ(cuePath(small), QStringLiteral("sounds/") + small.servedName);
    EXPECT_EQ(cuePath(large), QString()) << "a cue must not name a file the server does not serve";
    QStringList served;
    for (const ServedSound &s : voice.servedSounds()) {
        served << s.name;
    }
    EXPECT_TRUE(served.contains(small.servedName)) << served.join(QLatin1Char(' ')).toStdString();
    EXPECT_FALSE(served.contains(large.servedName)) << served.join(QLatin1Char(' ')).toStdString();
}
