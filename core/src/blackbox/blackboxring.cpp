// SPDX-License-Identifier: MIT
#include "omni/blackboxring.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace omni {

namespace {
constexpr quint8 kHasObstacleMode = 1;
constexpr quint8 kFourSensors = 2;
// The typical heap size of a kept event and link (with their strings), for bytesBound().
constexpr qint64 kEventBytes = 256;
constexpr qint64 kLinkBytes = 256;
} // namespace

PackedState PackedState::pack(const RobotState &s, double rateHz, qint64 ageMs, qint64 arrivalMonoNs)
{
    PackedState p;
    p.monoNs = s.publishMonoNs > 0 ? s.publishMonoNs : arrivalMonoNs;
    p.unixNs = s.publishUnixNs;
    p.seq = s.seq;
    p.fields = {s.direction,
                s.motorPower[0],
                s.motorPower[1],
                s.motorPower[2],
                s.botMode,
                s.obstacle,
                s.obstacleMode.value_or(0),
                s.goLeft,
                s.goRight,
                s.sensorMode,
                s.sensors[0],
                s.sensors[1],
                s.sensors[2],
                s.sensors[3],
                s.sensors[4]};
    p.writerPid = s.writerPid;
    p.rateHz = static_cast<float>(rateHz);
    p.ageMs = ageMs < 0 ? quint16{0xffff} : static_cast<quint16>(std::min<qint64>(ageMs, 0xfffe));
    p.layout = static_cast<quint8>(s.layout);
    p.flags = static_cast<quint8>((s.obstacleMode ? kHasObstacleMode : 0) | (s.sensorCount == 4 ? kFourSensors : 0));
    return p;
}

RobotState PackedState::unpack() const
{
    RobotState s;
    s.seq = seq;
    s.direction = fields[0];
    s.motorPower = {fields[1], fields[2], fields[3]};
    s.botMode = fields[4];
    s.obstacle = fields[5];
    if ((flags & kHasObstacleMode) != 0) {
        s.obstacleMode = fields[6];
    }
    s.goLeft = fields[7];
    s.goRight = fields[8];
    s.sensorMode = fields[9];
    s.sensors = {fields[10], fields[11], fields[12], fields[13], fields[14]};
    s.sensorCount = (flags & kFourSensors) != 0 ? 4 : 5;
    s.publishUnixNs = unixNs;
    s.publishMonoNs = monoNs;
    s.writerPid = writerPid;
    s.layout = static_cast<Layout>(layout);
    return s;
}

BlackboxRing::BlackboxRing(BlackboxRingOptions options) : m_options(options)
{
    m_options.maxStates = std::max<qsizetype>(m_options.maxStates, 4);
}

void BlackboxRing::addState(const RobotState &state, double rateHz, qint64 ageMs, qint64 arrivalMonoNs)
{
    const PackedState p = PackedState::pack(state, rateHz, ageMs, arrivalMonoNs);
    expire(p.monoNs);
    if (m_size == m_options.maxStates) {
        thin();
    }
    // Until the ring is full once, the next slot is the end of m_slots: it grows (and the memory is touched) only
    // as states arrive.
    const auto slot = static_cast<std::size_t>((m_head + m_size) % m_options.maxStates);
    if (slot == m_slots.size()) {
        if (m_slots.capacity() == 0) {
            m_slots.reserve(static_cast<std::size_t>(m_options.maxStates)); // address space only, until written
        }
        m_slots.push_back(p);
    } else {
        m_slots[slot] = p;
    }
    ++m_size;
}

void BlackboxRing::addLink(const LinkInfo &link, qint64 monoNs)
{
    expire(monoNs);
    m_links.emplace_back(monoNs, link);
    while (static_cast<qsizetype>(m_links.size()) > m_options.maxLinks) {
        m_linkBefore = m_links.front().second;
        m_hasLinkBefore = true;
        m_links.pop_front();
    }
}

void BlackboxRing::addEvent(const Event &event)
{
    expire(event.monotonicNs);
    m_events.push_back(event);
    while (static_cast<qsizetype>(m_events.size()) > m_options.maxEvents) {
        m_events.pop_front();
    }
}

void BlackboxRing::clear()
{
    m_slots = {};
    m_head = 0;
    m_size = 0;
    m_links.clear();
    m_events.clear();
    m_hasLinkBefore = false;
}

const PackedState &BlackboxRing::at(qsizetype i) const
{
    return m_slots[static_cast<std::size_t>((m_head + i) % m_options.maxStates)];
}

void BlackboxRing::expire(qint64 newestNs)
{
    const qint64 cutoff = newestNs - m_options.windowNs;
    while (m_size > 0 && at(0).monoNs < cutoff) {
        m_head = (m_head + 1) % m_options.maxStates;
        --m_size;
    }
    if (m_size == 0) {
        m_head = 0;
        m_slots.clear(); // keeps its allocation: a paused robot is not a reason to give memory back and forth
    }
    while (!m_links.empty() && m_links.front().first < cutoff) {
        m_linkBefore = m_links.front().second;
        m_hasLinkBefore = true;
        m_links.pop_front();
    }
    while (!m_events.empty() && m_events.front().monotonicNs < cutoff) {
        m_events.pop_front();
    }
}

void BlackboxRing::thin()
{
    // Full before the window is: drop every other state of the oldest half. The ring is first turned so that the
    // oldest state is in slot 0; then one pass compacts it. O(n) for n/4 free slots: O(1) a state on average.
    std::rotate(m_slots.begin(), m_slots.begin() + m_head, m_slots.end());
    m_head = 0;
    const qsizetype half = m_size / 2;
    qsizetype w = 0;
    for (qsizetype i = 0; i < m_size; ++i) {
        if (i >= half || i % 2 == 0) {
            m_slots[static_cast<std::size_t>(w++)] = m_slots[static_cast<std::size_t>(i)];
        }
    }
    m_thinned += static_cast<quint64>(m_size - w);
    m_size = w;
}

std::pair<qint64, qint64> BlackboxRing::timeSpan() const
{
    if (m_size == 0) {
        return {0, 0};
    }
    return {at(0).monoNs, at(m_size - 1).monoNs};
}

qint64 BlackboxRing::bytesBound() const
{
    return static_cast<qint64>(sizeof(PackedState)) * m_options.maxStates + kEventBytes * m_options.maxEvents +
           kLinkBytes * m_options.maxLinks;
}

BlackboxSnapshot BlackboxRing::snapshot(double seconds) const
{
    BlackboxSnapshot out;
    qint64 newest = m_size > 0 ? at(m_size - 1).monoNs : 0;
    if (!m_events.empty()) {
        newest = std::max(newest, m_events.back().monotonicNs);
    }
    if (!m_links.empty()) {
        newest = std::max(newest, m_links.back().first);
    }
    // More seconds than any window (or not a number of them) is everything: no overflow from a huge request.
    const bool part = seconds > 0 && seconds < 1e7;
    const qint64 from =
        part ? newest - static_cast<qint64>(std::llround(seconds * 1e9)) : std::numeric_limits<qint64>::min();
    // States are in time order: the first one at or after `from` by bisection.
    qsizetype lo = 0;
    qsizetype hi = m_size;
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (at(mid).monoNs < from) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    out.states.reserve(static_cast<std::size_t>(m_size - lo));
    for (qsizetype i = lo; i < m_size; ++i) {
        out.states.push_back(at(i));
    }
    out.linkBefore = m_linkBefore;
    out.hasLinkBefore = m_hasLinkBefore;
    for (const auto &l : m_links) {
        if (l.first < from) {
            out.linkBefore = l.second;
            out.hasLinkBefore = true;
        } else {
            out.links.push_back(l);
        }
    }
    for (const Event &e : m_events) {
        if (e.monotonicNs >= from) {
            out.events.push_back(e);
        }
    }
    return out;
}

} // namespace omni
