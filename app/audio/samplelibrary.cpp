// SPDX-License-Identifier: MIT
#include "samplelibrary.h"

#include <QAudioBuffer>
#include <QAudioDecoder>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <limits>

namespace omni::audio {

namespace {

/// One sample of `buffer` at index i (frames * channels), as a 16-bit value.
qint16 sampleAt(const QAudioBuffer &buffer, qsizetype i)
{
    switch (buffer.format().sampleFormat()) {
    case QAudioFormat::UInt8:
        return static_cast<qint16>((static_cast<int>(buffer.constData<quint8>()[i]) - 128) * 256);
    case QAudioFormat::Int16:
        return buffer.constData<qint16>()[i];
    case QAudioFormat::Int32:
        return static_cast<qint16>(buffer.constData<qint32>()[i] >> 16);
    case QAudioFormat::Float: {
        const float v = std::clamp(buffer.constData<float>()[i], -1.0F, 1.0F);
        return static_cast<qint16>(std::lround(v * 32767.0F));
    }
    default:
        return 0;
    }
}

void appendLe16(QByteArray &out, quint16 v)
{
    const quint16 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), sizeof le);
}

void appendLe32(QByteArray &out, quint32 v)
{
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), sizeof le);
}

/// A canonical 44-byte-header PCM WAV of 16-bit interleaved samples.
QByteArray wavFile(const QByteArray &pcm, int rate, int channels)
{
    QByteArray out;
    out.reserve(44 + pcm.size());
    const auto blockAlign = static_cast<quint16>(channels * 2);
    out.append("RIFF");
    appendLe32(out, static_cast<quint32>(36 + pcm.size()));
    out.append("WAVEfmt ");
    appendLe32(out, 16);
    appendLe16(out, 1); // PCM
    appendLe16(out, static_cast<quint16>(channels));
    appendLe32(out, static_cast<quint32>(rate));
    appendLe32(out, static_cast<quint32>(rate) * blockAlign);
    appendLe16(out, blockAlign);
    appendLe16(out, 16);
    out.append("data");
    appendLe32(out, static_cast<quint32>(pcm.size()));
    out.append(pcm);
    return out;
}

QString builtInName(SoundCue cue, int variant)
{
    switch (cue) {
    case SoundCue::Cluck:
        return QStringLiteral("cluck-%1.wav").arg(std::clamp(variant, 0, SampleLibrary::kBuiltInClucks - 1) + 1);
    case SoundCue::Obstacle:
        return QStringLiteral("obstacle.wav");
    case SoundCue::LinkLost:
        return QStringLiteral("linklost.wav");
    }
    return {};
}

QList<Sample> builtInClucks()
{
    QList<Sample> clucks;
    for (int v = 0; v < SampleLibrary::kBuiltInClucks; ++v) {
        clucks.append(SampleLibrary::builtIn(SoundCue::Cluck, v));
    }
    return clucks;
}

} // namespace

void chooseBackend()
{
    if (!qEnvironmentVariableIsSet("QT_MEDIA_BACKEND")) {
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    }
}

SampleLibrary::SampleLibrary(QObject *parent)
    : QObject(parent), m_clucks(builtInClucks()), m_obstacle(builtIn(SoundCue::Obstacle)),
      m_linkLost(builtIn(SoundCue::LinkLost))
{
}

SampleLibrary::~SampleLibrary() = default;

QStringList SampleLibrary::suffixes()
{
    return {QStringLiteral("wav"), QStringLiteral("ogg"), QStringLiteral("mp3")};
}

Sample SampleLibrary::builtIn(SoundCue cue, int variant)
{
    const QString name = builtInName(cue, variant);
    return Sample{name, QUrl(QStringLiteral("qrc:/sounds/") + name), QStringLiteral(":/sounds/") + name, name};
}

const Sample &SampleLibrary::sample(const SoundDecision &decision) const
{
    switch (decision.cue) {
    case SoundCue::Obstacle:
        return m_obstacle;
    case SoundCue::LinkLost:
        return m_linkLost;
    case SoundCue::Cluck:
        break;
    }
    return m_clucks.at(std::clamp(decision.variant, 0, static_cast<int>(m_clucks.size()) - 1));
}

QList<Sample> SampleLibrary::all() const
{
    QList<Sample> all = m_clucks;
    all.append(m_obstacle);
    all.append(m_linkLost);
    return all;
}

bool SampleLibrary::loading() const
{
    return m_loading;
}

void SampleLibrary::loadDirectory(const QString &dir)
{
    m_dir = dir;
    m_pending.clear();
    m_decoded.clear();
    const QDir d(dir);
    if (!d.exists()) {
        Q_EMIT message(tr("--sound-dir %1: no such folder; the built-in clucks play instead").arg(dir));
        return;
    }
    QStringList filters;
    for (const QString &suffix : suffixes()) {
        filters << QStringLiteral("*.") + suffix;
    }
    const QFileInfoList files = d.entryInfoList(filters, QDir::Files | QDir::Readable, QDir::Name | QDir::IgnoreCase);
    for (const QFileInfo &f : files) {
        m_pending.append(f.absoluteFilePath());
    }
    if (m_pending.isEmpty()) {
        Q_EMIT message(tr("--sound-dir %1 has no .wav, .ogg or .mp3 file; the built-in clucks play instead").arg(dir));
        return;
    }
    m_loading = true;
    m_tmp = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/omniscient-sounds-XXXXXX"));
    if (!m_tmp->isValid()) {
        Q_EMIT message(tr("--sound-dir %1: cannot make a temporary folder for the decoded sounds (%2); the "
                          "built-in clucks play instead")
                           .arg(dir, m_tmp->errorString()));
        m_pending.clear();
        m_loading = false;
        return;
    }
    if (!m_timeout) {
        m_timeout = new QTimer(this);
        m_timeout->setSingleShot(true);
        connect(m_timeout, &QTimer::timeout, this,
                [this] { finishFile(tr("no sound came out of it within %1 s").arg(kDecodeTimeoutMs / 1000)); });
    }
    decodeNext();
}

void SampleLibrary::startDecoder()
{
    // A new decoder for every file: Qt 6.4's FFmpeg decoder does not start cleanly again on a new source.
    if (m_decoder) {
        m_decoder->disconnect(this);
        m_decoder->deleteLater();
    }
    m_decoder = new QAudioDecoder(this);
    connect(m_decoder, &QAudioDecoder::bufferReady, this, [this] {
        const QAudioBuffer buffer = m_decoder->read();
        if (!buffer.isValid() || m_current.isEmpty()) {
            return;
        }
        const QAudioFormat format = buffer.format();
        if (m_rate == 0) {
            m_rate = format.sampleRate();
            m_channels = format.channelCount();
        }
        if (format.sampleRate() != m_rate || format.channelCount() != m_channels) {
            return; // a stream that changes its format midway: keep what came first
        }
        const qsizetype n = buffer.sampleCount();
        const qsizetype at = m_pcm.size();
        m_pcm.resize(at + n * 2);
        auto *out = reinterpret_cast<qint16 *>(m_pcm.data() + at);
        for (qsizetype i = 0; i < n; ++i) {
            out[i] = qToLittleEndian(sampleAt(buffer, i));
        }
    });
    connect(m_decoder, &QAudioDecoder::finished, this, [this] {
        if (!m_current.isEmpty()) {
            finishFile(m_pcm.isEmpty() || m_rate <= 0 || m_channels <= 0 ? tr("it holds no sound") : QString());
        }
    });
    connect(m_decoder, qOverload<QAudioDecoder::Error>(&QAudioDecoder::error), this, [this] {
        if (!m_current.isEmpty()) {
            finishFile(m_decoder->errorString().isEmpty() ? tr("it cannot be decoded") : m_decoder->errorString());
        }
    });
}

void SampleLibrary::decodeNext()
{
    while (!m_pending.isEmpty()) {
        const QString path = m_pending.takeFirst();
        const QFileInfo info(path);
        if (info.size() == 0) {
            Q_EMIT message(tr("--sound-dir: skipped %1: the file is empty").arg(info.fileName()));
            continue;
        }
        if (info.size() > kMaxFileBytes) {
            Q_EMIT message(
                tr("--sound-dir: skipped %1: larger than %2 MB").arg(info.fileName()).arg(kMaxFileBytes >> 20));
            continue;
        }
        m_current = path;
        m_pcm.clear();
        m_rate = 0;
        m_channels = 0;
        startDecoder();
        m_decoder->setSource(QUrl::fromLocalFile(path));
        m_timeout->start(kDecodeTimeoutMs);
        m_decoder->start();
        return;
    }
    finishFolder();
}

void SampleLibrary::finishFile(const QString &problem)
{
    // Cleared first: stop() may emit finished() at once, which must not finish this file a second time.
    const QFileInfo info(m_current);
    m_current.clear();
    m_timeout->stop();
    m_decoder->stop();
    QString why = problem;
    if (why.isEmpty()) {
        const int index = static_cast<int>(m_decoded.size()) + 1;
        const QString wav = m_tmp->filePath(QStringLiteral("cluck-%1.wav").arg(index));
        QFile out(wav);
        if (out.open(QIODevice::WriteOnly) && out.write(wavFile(m_pcm, m_rate, m_channels)) >= 0 && out.flush()) {
            m_decoded.append(Sample{info.fileName(), QUrl::fromLocalFile(wav), info.absoluteFilePath(),
                                    QStringLiteral("cluck-%1.%2").arg(index).arg(info.suffix().toLower())});
        } else {
            why = tr("cannot write its decoded copy to %1: %2").arg(wav, out.errorString());
        }
    }
    if (!why.isEmpty()) {
        Q_EMIT message(tr("--sound-dir: skipped %1: %2").arg(info.fileName(), why));
    }
    m_pcm.clear();
    m_pcm.squeeze();
    // Not from inside the decoder's own signal: it may not be restarted there.
    QTimer::singleShot(0, this, &SampleLibrary::decodeNext);
}

void SampleLibrary::finishFolder()
{
    if (m_decoder) {
        m_decoder->disconnect(this);
        m_decoder->deleteLater(); // not from inside its own signal
        m_decoder = nullptr;
    }
    if (m_decoded.isEmpty()) {
        Q_EMIT message(
            tr("--sound-dir %1: none of its files could be played; the built-in clucks play instead").arg(m_dir));
        m_clucks = builtInClucks();
    } else {
        m_clucks = m_decoded;
        QStringList names;
        for (const Sample &s : std::as_const(m_decoded)) {
            names << s.name;
        }
        Q_EMIT message(tr("clucks from %1: %2").arg(m_dir, names.join(QStringLiteral(", "))));
    }
    m_decoded.clear();
    m_loading = false;
    Q_EMIT ready();
}

} // namespace omni::audio
