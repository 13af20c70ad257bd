// SPDX-License-Identifier: MIT
#include "omni/recorder.h"

#include "blackbox/logging.h"
#include "omni/recordingformat.h"

#include <omni/eventfeed.h>
#include <omni/hub.h>
#include <omni/statejson.h>

#include <algorithm>

namespace omni {

Recorder::Recorder(Hub *hub, EventFeed *events, RecorderOptions options, QObject *parent)
    : QObject(parent), m_hub(hub), m_events(events), m_options(std::move(options)), m_file(m_options.path)
{
    // A tenth of the age limit: a chunk closes at most 10 % late.
    m_chunkTimer.setInterval(static_cast<int>(std::clamp<qint64>(m_options.maxChunkAgeMs / 10, 10, 1000)));
    connect(&m_chunkTimer, &QTimer::timeout, this, [this] {
        if (m_writer) {
            if (const auto r = m_writer->closeChunkIfOld(); !r) {
                failed(RecorderError::WriteFailed, r.errorString());
            }
        }
    });
}

Recorder::~Recorder()
{
    (void)stop();
}

quint64 Recorder::messageCount() const
{
    return m_writer ? m_writer->messageCount() : m_written;
}

Failure<RecorderError> Recorder::failed(RecorderError error, const QString &message)
{
    m_error = error;
    m_errorString = QStringLiteral("%1: %2").arg(m_options.path, message);
    qCWarning(lcBlackbox).noquote() << "recording stopped:" << m_errorString;
    m_chunkTimer.stop();
    if (m_writer) {
        m_written = m_writer->messageCount();
    }
    m_writer.reset();
    m_file.close();
    Q_EMIT errorOccurred(m_error, m_errorString);
    return fail(m_error, m_errorString);
}

Result<void, RecorderError> Recorder::start()
{
    if (m_writer) {
        return {};
    }
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = RecorderError::CannotOpen;
        m_errorString = QStringLiteral("cannot create %1: %2").arg(m_options.path, m_file.errorString());
        return fail(m_error, m_errorString);
    }
    m_anchorWallNs = m_options.clock->wallNs();
    m_anchorMonoNs = m_options.clock->monotonicNs();
    McapWriterOptions wo;
    wo.compression = m_options.compression;
    wo.chunkBytes = m_options.chunkBytes;
    wo.maxChunkAgeMs = m_options.maxChunkAgeMs;
    m_writer = std::make_unique<McapWriter>(&m_file, wo);

    const auto begun = beginRecording(*m_writer, m_options.metadata);
    if (!begun) {
        (void)failed(RecorderError::CannotOpen, begun.errorString());
        m_file.remove();
        return fail(RecorderError::CannotOpen, m_errorString);
    }
    m_stateChannel = begun->state;
    m_linkChannel = begun->link;
    m_eventChannel = begun->events;

    connect(m_hub, &Hub::stateChanged, this, &Recorder::writeState);
    connect(m_hub, &Hub::linkChanged, this, &Recorder::writeLink);
    if (m_events) {
        connect(m_events, &EventFeed::eventOccurred, this, &Recorder::writeEvent);
    }
    writeLink(); // a recording always starts with the link it was made on
    m_chunkTimer.start();
    qCInfo(lcBlackbox).noquote() << "recording to" << m_options.path << "with"
                                 << names::mcapCompression(m_options.compression);
    return {};
}

Result<void, RecorderError> Recorder::stop()
{
    if (!m_writer) {
        return {};
    }
    disconnect(m_hub, nullptr, this, nullptr);
    if (m_events) {
        disconnect(m_events, nullptr, this, nullptr);
    }
    m_chunkTimer.stop();
    if (const auto r = m_writer->close(); !r) {
        return failed(RecorderError::WriteFailed, r.errorString());
    }
    m_written = m_writer->messageCount();
    qCInfo(lcBlackbox).noquote() << "recorded" << m_written << "messages in" << m_writer->chunkCount() << "chunks,"
                                 << m_writer->bytesWritten() << "bytes, to" << m_options.path;
    m_writer.reset();
    m_file.close();
    return {};
}

void Recorder::write(quint16 channel, qint64 logTimeNs, const QByteArray &json, quint32 sequence)
{
    if (!m_writer) {
        return;
    }
    const auto t = static_cast<quint64>(std::max<qint64>(logTimeNs, 0));
    if (const auto r = m_writer->write(channel, t, t, json, sequence); !r) {
        (void)failed(RecorderError::WriteFailed, r.errorString());
    }
}

void Recorder::writeState()
{
    const auto &latest = m_hub->latest();
    if (!latest) {
        return;
    }
    // Log time is the publish time at the source (on the monotonic clock, which the robot and this process
    // share); the sequence number is the robot's publish count.
    const qint64 mono = latest->publishMonoNs > 0 ? latest->publishMonoNs : m_options.clock->monotonicNs();
    write(m_stateChannel, logTimeNs(mono), m_hub->stateJson(), static_cast<quint32>(latest->seq));
}

void Recorder::writeLink()
{
    write(m_linkChannel, logTimeNs(m_options.clock->monotonicNs()), json::linkMessage(m_hub->link()));
}

void Recorder::writeEvent(const Event &event)
{
    const qint64 mono = event.monotonicNs > 0 ? event.monotonicNs : m_options.clock->monotonicNs();
    write(m_eventChannel, logTimeNs(mono), json::eventMessage(event));
}

qint64 Recorder::logTimeNs(qint64 monoNs) const
{
    // One anchor for the whole recording: the file's times keep the monotonic clock's order and spacing even when
    // NTP steps the wall clock by months midway.
    return m_anchorWallNs + (monoNs - m_anchorMonoNs);
}

} // namespace omni
