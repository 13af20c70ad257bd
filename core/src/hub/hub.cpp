// SPDX-License-Identifier: MIT
#include "omni/hub.h"

#include "hub/logging.h"
#include "omni/statejson.h"
#include "omni/statesource.h"

namespace omni {

namespace {
constexpr qint64 kRateWindowNs = 1'000'000'000;
}

Hub::Hub(QObject *parent) : Hub(Clock::system(), parent) {}

Hub::Hub(const Clock &clock, QObject *parent) : QObject(parent), m_clock(&clock)
{
    qRegisterMetaType<omni::RobotState>();
    qRegisterMetaType<omni::LinkInfo>();
}

void Hub::setSource(StateSource *source)
{
    if (m_source) {
        disconnect(m_source, nullptr, this, nullptr);
    }
    m_source = source;
    m_latest.reset();
    m_stateJsonValid = false;
    m_rate = 0.0;
    m_windowStartNs = 0;
    if (source) {
        connect(source, &StateSource::stateReceived, this, &Hub::acceptState);
        connect(source, &StateSource::linkChanged, this, &Hub::acceptLink);
        acceptLink(source->link());
    }
}

double Hub::rateHz() const
{
    if (m_link.status != LinkStatus::Live) {
        return 0.0;
    }
    return m_rate;
}

qint64 Hub::ageMs() const
{
    if (!m_latest || m_latest->publishMonoNs == 0) {
        return -1;
    }
    return std::max<qint64>(0, (m_clock->monotonicNs() - m_latest->publishMonoNs) / 1'000'000);
}

quint64 Hub::statesCoalesced() const
{
    return m_source ? m_source->coalescedCount() : 0;
}

const QByteArray &Hub::stateJson() const
{
    if (!m_stateJsonValid) {
        m_stateJsonValid = true;
        m_stateJson.clear();
        if (m_latest) {
            m_stateJson = json::stateMessage(*m_latest, m_link, {rateHz(), ageMs()});
            ++m_serialised;
        }
    }
    return m_stateJson;
}

void Hub::setSoundEnabled(bool enabled)
{
    if (m_sound == enabled) {
        return;
    }
    m_sound = enabled;
    qCInfo(lcHub) << "sound" << (enabled ? "on" : "off");
    Q_EMIT soundEnabledChanged(enabled);
}

void Hub::setSoundOutput(const QString &output)
{
    if (m_soundOutput == output) {
        return;
    }
    m_soundOutput = output;
    qCInfo(lcHub) << "sound output" << output;
    Q_EMIT soundOutputChanged(output);
}

void Hub::announceSound(const QString &cue, const QString &sample)
{
    Q_EMIT soundPlayed(cue, sample);
}

void Hub::acceptState(const RobotState &state)
{
    ++m_received;
    // The rate comes from the source's own counter and clock: skipped (coalesced) states count too.
    const bool restarted = m_latest && (state.seq < m_latest->seq || state.writerPid != m_latest->writerPid);
    if (m_windowStartNs == 0 || restarted) {
        m_windowSeq = state.seq;
        m_windowStartNs = state.publishMonoNs;
        if (restarted) {
            m_rate = 0.0;
        }
    } else if (state.publishMonoNs - m_windowStartNs >= kRateWindowNs) {
        const double seconds = static_cast<double>(state.publishMonoNs - m_windowStartNs) / 1e9;
        m_rate = static_cast<double>(state.seq - m_windowSeq) / seconds;
        m_windowSeq = state.seq;
        m_windowStartNs = state.publishMonoNs;
    }
    m_latest = state;
    m_stateJsonValid = false;
    Q_EMIT stateChanged(state);
}

void Hub::acceptLink(const LinkInfo &link)
{
    if (link == m_link) {
        return;
    }
    if (link.status != LinkStatus::Live) {
        m_windowStartNs = 0; // the rate restarts from the next live state
    }
    m_link = link;
    m_stateJsonValid = false; // a state message carries the link
    Q_EMIT linkChanged(link);
}

} // namespace omni
