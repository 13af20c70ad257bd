// SPDX-License-Identifier: MIT
#include "statustext.h"

#include <omni/statejson.h>

#include <QLocale>

namespace omni::gui {

QString StatusText::unknown(qint32 code)
{
    return tr("unknown (%1)").arg(code);
}

QString StatusText::direction(qint32 code)
{
    switch (code) {
    case 0:
        return tr("forward");
    case 1:
        return tr("backward");
    case 2:
        return tr("rotate left");
    case 3:
        return tr("rotate right");
    default:
        return tr("stopped");
    }
}

QString StatusText::botMode(qint32 code)
{
    switch (code) {
    case 0:
        return tr("line following");
    case 1:
        return tr("obstacle tracking");
    case 2:
        return tr("manual control");
    default:
        return unknown(code);
    }
}

QString StatusText::obstacle(qint32 code)
{
    return code == 0 ? tr("none") : tr("detected");
}

QString StatusText::obstacleMode(const std::optional<qint32> &code)
{
    if (!code) {
        return tr("not in the 56-byte layout");
    }
    switch (*code) {
    case 0:
        return tr("obstacle tracking");
    case 1:
        return tr("obstacle avoidance");
    default:
        return unknown(*code);
    }
}

QString StatusText::sensorMode(qint32 code)
{
    switch (code) {
    case 0:
        return tr("4 sensor mapped");
    case 1:
        return tr("5 sensor weighted");
    case 2:
        return tr("2 sensor simple");
    default:
        return unknown(code);
    }
}

QString StatusText::action(Action action)
{
    switch (action) {
    case Action::Stopped:
        return tr("stopped");
    case Action::Forward:
        return tr("driving forward");
    case Action::Backward:
        return tr("reversing");
    case Action::RotateLeft:
        return tr("rotating left");
    case Action::RotateRight:
        return tr("rotating right");
    case Action::SteerLeft:
        return tr("steering left");
    case Action::SteerRight:
        return tr("steering right");
    case Action::AvoidObstacle:
        return tr("avoiding an obstacle");
    }
    return tr("stopped");
}

QString StatusText::linkStatus(LinkStatus status)
{
    switch (status) {
    case LinkStatus::Waiting:
        return tr("waiting");
    case LinkStatus::Live:
        return tr("live");
    case LinkStatus::Stale:
        return tr("stale");
    case LinkStatus::Incompatible:
        return tr("incompatible");
    case LinkStatus::Replay:
        return tr("replay");
    }
    return tr("waiting");
}

QString StatusText::networkStatus(NetworkStatus status)
{
    switch (status) {
    case NetworkStatus::Idle:
        return tr("not connected");
    case NetworkStatus::Connecting:
        return tr("connecting");
    case NetworkStatus::Connected:
        return tr("connected");
    case NetworkStatus::Unreachable:
        return tr("cannot reach the server");
    case NetworkStatus::TokenRefused:
        return tr("access token refused");
    case NetworkStatus::Incompatible:
        return tr("incompatible server");
    }
    return tr("not connected");
}

QString StatusText::source(const LinkInfo &link, const QString &upstream)
{
    const QString src = link.source;
    if (link.layout == Layout::Remote) {
        return upstream.isEmpty() ? src : tr("%1, which reads %2").arg(src, upstream);
    }
    if (src.startsWith(QLatin1String("shm:"))) {
        const QString name = src.mid(4);
        switch (link.layout) {
        case Layout::Current:
            return tr("%1 (shared memory, omni-v1)").arg(name);
        case Layout::Legacy56:
            return tr("%1 (shared memory, original 56-byte layout)").arg(name);
        case Layout::Legacy64:
            return tr("%1 (shared memory, original 64-byte layout)").arg(name);
        case Layout::None:
        case Layout::Remote:
            break;
        }
        return tr("%1 (shared memory)").arg(name);
    }
    return src.isEmpty() ? QStringLiteral("—") : src;
}

QString StatusText::rate(double hz)
{
    if (hz <= 0.0) {
        return QStringLiteral("—");
    }
    return tr("%1 Hz").arg(QLocale().toString(hz, 'f', hz < 10 ? 1 : 0));
}

QString StatusText::seconds(qint64 ms)
{
    return QLocale().toString(static_cast<double>(ms) / 1000.0, 'f', 1);
}

QString StatusText::age(qint64 ms)
{
    if (ms < 0) {
        return QStringLiteral("—");
    }
    if (ms < 1000) {
        return tr("%1 ms").arg(ms);
    }
    if (ms < 120'000) {
        return tr("%1 s").arg(seconds(ms));
    }
    if (ms < 7'200'000) {
        return tr("%1 min %2 s").arg(ms / 60'000).arg((ms / 1000) % 60);
    }
    return tr("%1 h %2 min").arg(ms / 3'600'000).arg((ms / 60'000) % 60);
}

QString StatusText::wheel(int index)
{
    switch (index) {
    case 0:
        return tr("left wheel");
    case 1:
        return tr("right wheel");
    default:
        return tr("bottom wheel");
    }
}

QString StatusText::robotSummary(const RobotState &s)
{
    QStringList parts;
    for (int i = 0; i < 3; ++i) {
        parts.append(tr("%1 %2 %").arg(wheel(i)).arg(s.motorPower[static_cast<size_t>(i)]));
    }
    parts.append(direction(s.direction));
    parts.append(tr("obstacle %1").arg(obstacle(s.obstacle)));
    return parts.join(QStringLiteral(", "));
}

QString StatusText::noAudioShort()
{
    return tr("No audio output: the chicken is silent.");
}

QString StatusText::noAudioDevice()
{
    return tr("No audio output found: the chicken stays silent until speakers or headphones are connected.");
}

QString StatusText::incompatibleSentence(const LinkInfo &link)
{
    // Core says the versions as numbers; readerAbi 0 means they are not known (e.g. an older server).
    const bool abiKnown = link.readerAbi != 0;
    const QString segmentAbi = QString::number(link.segmentAbi); // a version, not a quantity: no grouping
    const QString readerAbi = QString::number(link.readerAbi);
    switch (link.reason) {
    case Incompatibility::BadMagic:
        return tr("The shared memory is not in a format omniscient knows. Check that --shm names the robot's "
                  "segment.");
    case Incompatibility::AbiNewer:
        return abiKnown ? tr("The robot's shared memory uses ABI %1; this omniscient reads ABI %2. Update "
                             "omniscient.")
                              .arg(segmentAbi, readerAbi)
                        : tr("The robot's shared memory uses a newer ABI than this omniscient reads. Update "
                             "omniscient.");
    case Incompatibility::AbiOlder:
        return abiKnown ? tr("The robot's shared memory uses the older ABI %1; this omniscient reads ABI %2. "
                             "Rebuild the robot with the current omni_shm.h.")
                              .arg(segmentAbi, readerAbi)
                        : tr("The robot's shared memory uses an older ABI. Rebuild the robot with the current "
                             "omni_shm.h.");
    case Incompatibility::HeaderSize:
        return tr("The segment's header size does not match its ABI. Rebuild the robot with the current omni_shm.h.");
    case Incompatibility::PayloadSize:
        return tr("The segment's payload size does not match its ABI. Rebuild the robot with the current "
                  "omni_shm.h.");
    case Incompatibility::TooSmall:
        return tr("The segment is too small for what it holds: neither a whole omniscient segment nor an original "
                  "robot's 56- or 64-byte struct. Check that --shm names the robot's segment, or restart the robot's "
                  "program.");
    case Incompatibility::Unreadable:
        return tr("The segment exists but omniscient may not read it. Check its permissions (ls -l /dev/shm).");
    case Incompatibility::None:
        break;
    }
    return tr("The robot's shared memory cannot be read safely.");
}

std::optional<Problem> StatusText::problem(const Situation &s)
{
    Problem p;
    const QString url = s.url;
    const QString retry =
        s.retryMs >= 0 ? tr("Trying again in %1 s.").arg(QLocale().toString((s.retryMs + 999) / 1000)) : QString();
    if (s.remote) {
        p.facts = s.networkDetail;
        switch (s.network) {
        case NetworkStatus::Idle:
            p.kind = ProblemKind::Offline;
            p.title = tr("NOT CONNECTED");
            p.sentence = tr("Choose File > Connect to watch a robot over the network.");
            return p;
        case NetworkStatus::Connecting:
            p.kind = ProblemKind::Waiting;
            p.title = tr("CONNECTING");
            p.sentence = tr("Connecting to omniscient at %1…").arg(url);
            return p;
        case NetworkStatus::Unreachable:
            p.kind = ProblemKind::Offline;
            p.title = s.haveState ? tr("CONNECTION LOST") : tr("CANNOT REACH THE SERVER");
            p.sentence = tr("Cannot reach omniscient at %1. Is it running there, and is the address right?").arg(url) +
                         QLatin1Char(' ') + retry;
            return p;
        case NetworkStatus::TokenRefused:
            p.kind = ProblemKind::Incompatible;
            p.title = tr("ACCESS REFUSED");
            p.sentence = tr("omniscient at %1 refused the access token. Use the address it printed, including "
                            "?token=…")
                             .arg(url);
            return p;
        case NetworkStatus::Incompatible:
            p.kind = ProblemKind::Incompatible;
            p.title = tr("INCOMPATIBLE SERVER");
            p.sentence = tr("omniscient at %1 speaks message schema %2; this one reads schema %3. Update the older "
                            "one.")
                             .arg(url)
                             .arg(s.serverSchema)
                             .arg(json::kSchemaVersion);
            return p;
        case NetworkStatus::Connected:
            break;
        }
    }
    p.facts = s.link.detail;
    switch (s.link.status) {
    case LinkStatus::Live:
        return std::nullopt;
    case LinkStatus::Waiting:
        p.kind = ProblemKind::Waiting;
        p.title = tr("WAITING FOR THE ROBOT");
        p.sentence = s.remote ? tr("Connected to %1; the robot there has not published yet.").arg(url)
                              : tr("No shared memory \"%1\" yet. Start the robot's program (or omni-sim); omniscient "
                                   "picks it up by itself.")
                                    .arg(s.segmentName);
        return p;
    case LinkStatus::Stale:
        p.kind = ProblemKind::Stale;
        p.title = s.ageMs >= 0 ? tr("STALE — last update %1 ago").arg(age(s.ageMs)) : tr("STALE");
        p.sentence = tr("The robot stopped publishing. Is its program still running? These values are old.");
        return p;
    case LinkStatus::Incompatible:
        p.kind = ProblemKind::Incompatible;
        p.title = tr("INCOMPATIBLE");
        p.sentence = incompatibleSentence(s.link);
        return p;
    case LinkStatus::Replay:
        return std::nullopt; // the timeline says where the replay is
    }
    return std::nullopt;
}

} // namespace omni::gui
