// SPDX-License-Identifier: MIT
// The embedded samples: there, 16-bit PCM WAV, audible, unclipped, distinct; and the player without audio.
#include "soundplayer.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QSignalSpy>
#include <QtEndian>

#include <cmath>

using namespace omni;
using namespace omni::gui;

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
    EXPECT_EQ(SoundPlayer::allSamples().size(), SoundPlayer::kCluckVariants + 2);
    EXPECT_EQ(SoundPlayer::sampleUrl(SoundCue::Obstacle), QUrl(QStringLiteral("qrc:/sounds/obstacle.wav")));
    EXPECT_EQ(SoundPlayer::sampleUrl(SoundCue::LinkLost), QUrl(QStringLiteral("qrc:/sounds/linklost.wav")));
    EXPECT_EQ(SoundPlayer::sampleUrl(SoundCue::Cluck, 2), QUrl(QStringLiteral("qrc:/sounds/cluck-3.wav")));
    EXPECT_EQ(SoundPlayer::sampleUrl(SoundCue::Cluck, 99), SoundPlayer::sampleUrl(SoundCue::Cluck, 2));
}

TEST(SoundSamples, AreAudibleUnclippedSixteenBitPcm)
{
    QSet<QByteArray> seen;
    for (const QUrl &url : SoundPlayer::allSamples()) {
        SCOPED_TRACE(url.toString().toStdString());
        const QByteArray bytes = load(url);
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
    EXPECT_EQ(seen.size(), SoundPlayer::allSamples().size()) << "every sound is its own";
}

TEST(SoundPlayer, WithoutAnAudioOutputItStaysSilentAndNeverBlocksTheNextSound)
{
    SoundPlayer player;
    if (player.audioAvailable()) {
        GTEST_SKIP() << "this machine has an audio output; test_sound_playback covers playing";
    }
    QSignalSpy finished(&player, &SoundPlayer::finished);
    player.play({SoundCue::Cluck, 0, false});
    EXPECT_EQ(finished.size(), 1) << "reported at once, so the director is not left waiting";
    EXPECT_EQ(player.effect(SoundCue::Cluck), nullptr) << "no effects made: Qt would warn for each";
}
