// SPDX-License-Identifier: MIT
#pragma once

#include "omni/event.h"
#include "omni/eventderiver.h"

#include <QObject>

namespace omni {

class Hub;

/// The Qt shell of EventDeriver on a Hub: feeds it the hub's states, link changes and sound switch, and emits
/// the events it derives. Lives in the hub's thread.
class EventFeed : public QObject
{
    Q_OBJECT
public:
    /// Follows `hub` from now on (not owned; must outlive the feed). The hub's sound switch as it is now is the
    /// starting point (no event for it); its link is not: the first link change is an event.
    explicit EventFeed(Hub *hub, EventDeriverOptions options = {}, QObject *parent = nullptr);

Q_SIGNALS:
    /// An event happened.
    void eventOccurred(const omni::Event &event);

private:
    void publish(const std::vector<Event> &events);

    EventDeriver m_deriver;
};

} // namespace omni
