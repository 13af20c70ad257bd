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
