// SPDX-License-Identifier: MIT
// GET and POST /api/replay: the replay's status and commands, through the ReplayControl the app hands over.
#include "server/mirrorserver_p.h"

#include "omni/replaycontrol.h"

namespace omni {

void MirrorServer::setReplayControl(ReplayControl *replay)
{
    d->m_replay = replay;
}

http::Response MirrorServerPrivate::apiReplay(const http::Request &request, QByteArrayView body)
{
    if (m_replay == nullptr) {
        return http::textResponse(404, "no replay: start omniscient with --replay FILE.mcap");
    }
    if (request.method == "GET" || request.method == "HEAD") {
        return http::jsonResponse(200, m_replay->replayStatus());
    }
    if (request.method != "POST") {
        http::Response r = http::textResponse(405, "method not allowed here; allowed: GET, HEAD, POST");
        r.with("Allow", "GET, HEAD, POST");
        return r;
    }
    if (auto refused = refuseCommand(request, "drive the replay")) { // the rules of POST /api/sound
        return *refused;
    }
    const auto status = m_replay->replayCommand(body.toByteArray());
    if (!status) {
        ++m_stats.commandsRefused;
        return http::textResponse(400,
                                  "expected a JSON body like {\"action\":\"pause\"}: " + status.errorString().toUtf8());
    }
    ++m_stats.commandsAccepted;
    return http::jsonResponse(200, *status);
}

} // namespace omni
