// SPDX-License-Identifier: MIT
// Replay mode: a recording instead of a robot (--replay, File → Open recording…, drag and drop).
#include "runtime.h"

#include <omni/hub.h>
#include <omni/mirrorserver.h>
#include <omni/replaysource.h>

#include <QCoreApplication>

namespace omni::app {

bool Runtime::openRecording(const QString &path, QString *error)
{
    ReplaySourceOptions ro;
    ro.path = path;
    auto *replay = new ReplaySource(ro, this);
    if (const auto opened = replay->open(); !opened) {
        *error = QCoreApplication::translate("omni::app::Runtime", "cannot replay: %1").arg(opened.errorString());
        delete replay;
        return false;
    }
    if (m_server != nullptr) {
        m_server->setReplayControl(replay);
        // Foxglove clients: the `time` capability, a new sessionId for this recording, and Time frames that carry
        // the play head whenever a state is shown or the head moves (docs/FOXGLOVE.md).
        m_server->setFoxgloveReplay(true);
        const auto sendTime = [this, replay] {
            if (m_replay == replay && m_server != nullptr) {
                m_server->sendFoxgloveTime(replay->controller().positionNs());
            }
        };
        connect(replay, &ReplaySource::statusChanged, this, sendTime);
        connect(replay, &StateSource::stateReceived, this, sendTime);
    }
    m_hub->setSource(replay);
    delete m_source; // the robot's (or the earlier recording's) source stops here
    m_source = replay;
    m_remote = nullptr;
    m_replay = replay;
    replay->start();
    Q_EMIT replayChanged(replay);
    return true;
}

} // namespace omni::app
