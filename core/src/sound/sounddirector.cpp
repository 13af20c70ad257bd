// SPDX-License-Identifier: MIT
#include "omni/sounddirector.h"

#include "omni/hub.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>

namespace omni {

namespace {

CluckScheduler::Clock steadyClock()
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer] { return timer->elapsed(); };
}

CluckScheduler::Random systemRandom()
{
    auto gen = std::make_shared<QRandomGenerator>(QRandomGenerator::securelySeeded());
    return [gen] { return gen->generateDouble(); };
}

} // namespace

SoundDirector::SoundDirector(Hub *hub, CluckTiming timing, QObject *parent)
    : SoundDirector(hub, steadyClock(), systemRandom(), timing, parent)
{
}

SoundDirector::SoundDirector(Hub *hub, CluckScheduler::Clock clock, CluckScheduler::Random random, CluckTiming timing,
                             QObject *parent)
    : QObject(parent), m_hub(hub), m_scheduler(std::move(clock), std::move(random), timing), m_timer(new QTimer(this))
{
    qRegisterMetaType<omni::SoundDecision>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        emitIf(m_scheduler.poll());
        rearm();
    });
    connect(hub, &Hub::stateChanged, this, [this](const RobotState &s) { emitIf(m_scheduler.onState(s)); });
    connect(hub, &Hub::linkChanged, this, [this](const LinkInfo &l) {
        emitIf(m_scheduler.onLink(l.status));
        rearm();
    });
    connect(hub, &Hub::soundEnabledChanged, this, &SoundDirector::updateEnabled);
    m_scheduler.onLink(hub->link().status);
    updateEnabled();
}

void SoundDirector::setLocalMute(bool muted)
{
    m_localMute = muted;
    updateEnabled();
}

void SoundDirector::finished()
{
    m_scheduler.finished();
}

void SoundDirector::updateEnabled()
{
    m_scheduler.setEnabled(m_hub->soundEnabled() && !m_localMute);
    rearm();
}

void SoundDirector::emitIf(const std::optional<SoundDecision> &d)
{
    if (d) {
        Q_EMIT cue(*d);
    }
}

qint64 SoundDirector::msUntilWake() const
{
    return m_timer->isActive() ? m_timer->remainingTime() : -1;
}

void SoundDirector::rearm()
{
    const qint64 ms = m_scheduler.msUntilNextCluck();
    if (ms < 0) {
        m_timer->stop(); // sound off or the robot not live: sleep until that changes
        return;
    }
    m_timer->start(static_cast<int>(std::min<qint64>(ms, std::numeric_limits<int>::max())));
}

} // namespace omni
