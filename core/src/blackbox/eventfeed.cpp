// SPDX-License-Identifier: MIT
#include "omni/eventfeed.h"

#include "blackbox/logging.h"

#include <omni/hub.h>

namespace omni {

namespace {
EventDeriverOptions withSound(EventDeriverOptions options, bool sound)
{
    if (!options.soundEnabled) {
        options.soundEnabled = sound;
    }
    return options;
}
} // namespace

EventFeed::EventFeed(Hub *hub, EventDeriverOptions options, QObject *parent)
    : QObject(parent), m_deriver(withSound(options, hub->soundEnabled()))
{
    qRegisterMetaType<omni::Event>();
    connect(hub, &Hub::stateChanged, this, [this](const RobotState &s) { publish(m_deriver.onState(s)); });
    connect(hub, &Hub::linkChanged, this, [this](const LinkInfo &l) { publish(m_deriver.onLink(l)); });
    connect(hub, &Hub::soundEnabledChanged, this, [this](bool on) { publish(m_deriver.onSound(on)); });
}

void EventFeed::publish(const std::vector<Event> &events)
{
    for (const Event &e : events) {
        qCDebug(lcBlackbox) << "event" << names::eventKind(e.kind);
        Q_EMIT eventOccurred(e);
    }
}

} // namespace omni
