// SPDX-License-Identifier: MIT
#include "omni/replaysource.h"

#include "blackbox/logging.h"

#include <omni/recorder.h>
#include <omni/statejson.h>

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>

namespace omni {

ReplaySource::ReplaySource(ReplaySourceOptions options, QObject *parent)
    : StateSource(parent), m_options(std::move(options))
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(std::max(1, m_options.tickMs));
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const bool wasPlaying = m_controller->playing();
        update();
        if (wasPlaying && !m_controller->playing()) {
            Q_EMIT statusChanged(); // it reached the end by itself
        }
    });
    m_link.status = LinkStatus::Replay;
    m_link.layout = Layout::Remote;
    m_link.source = QStringLiteral("replay:%1").arg(fileName());
}

ReplaySource::~ReplaySource() = default;

QString ReplaySource::fileName() const
{
    return QFileInfo(m_options.path).fileName();
}

Result<void, ReplayError> ReplaySource::open()
{
    auto reader = McapReader::open(m_options.path);
    if (!reader) {
        m_error = ReplayError::CannotRead;
        m_errorString = reader.errorString();
        return fail(m_error, m_errorString);
    }
    m_reader = std::move(*reader);
    const int stateChannel = m_reader->channelId(QLatin1String(topics::kState));
    const int eventChannel = m_reader->channelId(QLatin1String(topics::kEvents));
    for (std::size_t i = 0; i < m_reader->chunks().size(); ++i) {
        const auto &indexes = m_reader->chunks()[i].messageIndexOffsets;
        const auto chunk = static_cast<std::uint32_t>(i);
        if (stateChannel >= 0 && indexes.count(static_cast<quint16>(stateChannel)) != 0) {
            // The usual way: the message index gives every state's time and place without decompressing.
            const auto entries = m_reader->messageIndex(i, static_cast<quint16>(stateChannel));
            if (entries) {
                for (const McapIndexEntry &e : *entries) {
                    m_states.push_back({static_cast<qint64>(e.logTime), chunk, e.offset});
                }
            }
        }
        const bool stateIndexMissing = stateChannel >= 0 && indexes.count(static_cast<quint16>(stateChannel)) == 0;
        const bool hasEvents = eventChannel >= 0 && indexes.count(static_cast<quint16>(eventChannel)) != 0;
        if (!stateIndexMissing && !hasEvents && !indexes.empty()) {
            continue;
        }
        // A chunk with events (their kinds are in the messages), or one whose indexes a crash cut off.
        const auto messages = m_reader->readChunk(i);
        if (!messages) {
            qCWarning(lcBlackbox).noquote() << "replay: skipping a damaged chunk:" << messages.errorString();
            continue;
        }
        for (const McapMessage &m : *messages) {
            if (stateIndexMissing && m.channelId == stateChannel) {
                m_states.push_back({static_cast<qint64>(m.logTime), chunk, m.recordOffset});
            } else if (m.channelId == eventChannel) {
                const auto parsed = json::parse(m.data);
                m_events.push_back({static_cast<qint64>(m.logTime), parsed && parsed->type == json::Message::Type::Event
                                                                        ? names::eventKind(parsed->event.kind)
                                                                        : QString()});
            }
        }
    }
    if (m_states.empty()) {
        m_error = ReplayError::NoStates;
        m_errorString = QStringLiteral("%1 holds no robot states to replay").arg(m_options.path);
        return fail(m_error, m_errorString);
    }
    std::stable_sort(m_states.begin(), m_states.end(),
                     [](const StateRef &a, const StateRef &b) { return a.timeNs < b.timeNs; });
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const ReplayEvent &a, const ReplayEvent &b) { return a.timeNs < b.timeNs; });
    std::vector<qint64> stateTimes;
    stateTimes.reserve(m_states.size());
    for (const StateRef &s : m_states) {
        stateTimes.push_back(s.timeNs);
    }
    std::vector<qint64> eventTimes;
    for (const ReplayEvent &e : m_events) {
        eventTimes.push_back(e.timeNs);
    }
    m_controller = std::make_unique<ReplayController>(*m_options.clock, std::move(stateTimes), std::move(eventTimes),
                                                      m_options.controller);
    qCInfo(lcBlackbox).noquote() << "replaying" << m_options.path << ":" << m_states.size() << "states,"
                                 << m_events.size() << "events," << m_reader->chunks().size() << "chunks"
                                 << (m_reader->indexed() ? "" : "(no summary: read up to the last complete chunk)");
    return {};
}

void ReplaySource::start()
{
    if (m_started || !m_controller) {
        return;
    }
    m_started = true;
    setLink();
    if (m_options.playAtStart) {
        m_controller->play();
    }
    update();
}

LinkInfo ReplaySource::link() const
{
    return m_link;
}

void ReplaySource::setLink()
{
    const qint64 positionMs = m_controller ? (m_controller->positionNs() - m_controller->startNs()) / 1'000'000 : 0;
    if (positionMs / 100 == m_linkPositionMs / 100 && m_linkPositionMs >= 0) {
        return; // the link says where the replay is to a tenth of a second: at most ten changes a second
    }
    m_linkPositionMs = positionMs;
    const qint64 durationMs = m_controller ? (m_controller->endNs() - m_controller->startNs()) / 1'000'000 : 0;
    m_link.detail = QStringLiteral("%1/%2 s")
                        .arg(static_cast<double>(positionMs) / 1000.0, 0, 'f', 1)
                        .arg(static_cast<double>(durationMs) / 1000.0, 0, 'f', 1);
    Q_EMIT linkChanged(m_link);
}

void ReplaySource::update()
{
    if (!m_controller) {
        return;
    }
    QElapsedTimer took;
    took.start();
    const std::size_t index = m_controller->stateIndex();
    if (index != m_shown) {
        if (const auto shown = show(index); !shown) {
            qCWarning(lcBlackbox).noquote() << "replay:" << shown.errorString();
            m_controller->pause();
        }
        m_lastShowUs = took.nsecsElapsed() / 1000;
    }
    setLink();
    if (m_controller->playing() && m_started) {
        if (!m_timer.isActive()) {
            m_timer.start();
        }
    } else {
        m_timer.stop();
    }
}

Result<void, ReplayError> ReplaySource::show(std::size_t index)
{
    const StateRef &ref = m_states[index];
    if (ref.chunk != m_cachedChunk) {
        auto records = m_reader->chunkRecords(ref.chunk);
        if (!records) {
            m_error = ReplayError::Damaged;
            m_errorString = records.errorString();
            return fail(m_error, m_errorString);
        }
        m_cachedRecords = std::move(*records);
        m_cachedChunk = ref.chunk;
    }
    const auto message = McapReader::messageAt(m_cachedRecords, ref.offset);
    using Parsed = Result<json::Message, json::ProtocolError>;
    const Parsed parsed =
        message ? json::parse(message->data) : Parsed(fail(json::ProtocolError::NotJson, message.errorString()));
    if (!parsed || parsed->type != json::Message::Type::State) {
        m_error = ReplayError::Damaged;
        m_errorString = QStringLiteral("the state recorded at %1 ns cannot be read: %2")
                            .arg(ref.timeNs)
                            .arg(parsed ? QStringLiteral("not a state message") : parsed.errorString());
        m_shown = index; // do not try it again and again
        return fail(m_error, m_errorString);
    }
    RobotState state = parsed->state;
    state.publishMonoNs = m_options.clock->monotonicNs(); // shown now: never stale, ages count from here
    m_shown = index;
    Q_EMIT stateReceived(state);
    return {};
}

} // namespace omni
