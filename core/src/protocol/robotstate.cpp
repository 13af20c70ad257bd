// SPDX-License-Identifier: MIT
#include "omni/robotstate.h"

namespace omni {

namespace {
QString unknown(qint32 code)
{
    return QStringLiteral("unknown (%1)").arg(code);
}
} // namespace

bool RobotState::samePayload(const RobotState &o) const
{
    return direction == o.direction && motorPower == o.motorPower && botMode == o.botMode && obstacle == o.obstacle &&
           obstacleMode == o.obstacleMode && goLeft == o.goLeft && goRight == o.goRight && sensorMode == o.sensorMode &&
           sensorCount == o.sensorCount && sensors == o.sensors;
}

namespace names {

QString linkStatus(LinkStatus s)
{
    switch (s) {
    case LinkStatus::Waiting:
        return QStringLiteral("waiting");
    case LinkStatus::Live:
        return QStringLiteral("live");
    case LinkStatus::Stale:
        return QStringLiteral("stale");
    case LinkStatus::Incompatible:
        return QStringLiteral("incompatible");
    case LinkStatus::Replay:
        return QStringLiteral("replay");
    }
    return QStringLiteral("waiting");
}

std::optional<LinkStatus> linkStatusFromName(const QString &name)
{
    for (auto s :
         {LinkStatus::Waiting, LinkStatus::Live, LinkStatus::Stale, LinkStatus::Incompatible, LinkStatus::Replay}) {
        if (linkStatus(s) == name) {
            return s;
        }
    }
    return std::nullopt;
}

QString incompatibility(Incompatibility r)
{
    switch (r) {
    case Incompatibility::None:
        return {};
    case Incompatibility::BadMagic:
        return QStringLiteral("bad_magic");
    case Incompatibility::AbiNewer:
        return QStringLiteral("abi_newer");
    case Incompatibility::AbiOlder:
        return QStringLiteral("abi_older");
    case Incompatibility::HeaderSize:
        return QStringLiteral("header_size");
    case Incompatibility::PayloadSize:
        return QStringLiteral("payload_size");
    case Incompatibility::TooSmall:
        return QStringLiteral("too_small");
    case Incompatibility::Unreadable:
        return QStringLiteral("unreadable");
    }
    return {};
}

Incompatibility incompatibilityFromName(const QString &name)
{
    for (auto r :
         {Incompatibility::BadMagic, Incompatibility::AbiNewer, Incompatibility::AbiOlder, Incompatibility::HeaderSize,
          Incompatibility::PayloadSize, Incompatibility::TooSmall, Incompatibility::Unreadable}) {
        if (incompatibility(r) == name) {
            return r;
        }
    }
    return Incompatibility::None;
}

QString layout(Layout l)
{
    switch (l) {
    case Layout::None:
        return QStringLiteral("none");
    case Layout::Current:
        return QStringLiteral("omni-v1");
    case Layout::Legacy56:
        return QStringLiteral("legacy-56");
    case Layout::Legacy64:
        return QStringLiteral("legacy-64");
    case Layout::Remote:
        return QStringLiteral("remote");
    }
    return QStringLiteral("none");
}

Layout layoutFromName(const QString &name)
{
    for (auto l : {Layout::Current, Layout::Legacy56, Layout::Legacy64, Layout::Remote}) {
        if (layout(l) == name) {
            return l;
        }
    }
    return Layout::None;
}

} // namespace names

namespace labels {

QString direction(qint32 code)
{
    switch (code) {
    case 0:
        return QStringLiteral("forward");
    case 1:
        return QStringLiteral("backward");
    case 2:
        return QStringLiteral("rotate left");
    case 3:
        return QStringLiteral("rotate right");
    default:
        return QStringLiteral("stopped");
    }
}

QString botMode(qint32 code)
{
    switch (code) {
    case 0:
        return QStringLiteral("line following");
    case 1:
        return QStringLiteral("obstacle tracking");
    case 2:
        return QStringLiteral("manual control");
    default:
        return unknown(code);
    }
}

QString obstacle(qint32 code)
{
    return code == 0 ? QStringLiteral("none") : QStringLiteral("detected");
}

QString obstacleMode(qint32 code)
{
    switch (code) {
    case 0:
        return QStringLiteral("obstacle tracking");
    case 1:
        return QStringLiteral("obstacle avoidance");
    default:
        return unknown(code);
    }
}

QString sensorMode(qint32 code)
{
    switch (code) {
    case 0:
        return QStringLiteral("4 sensor mapped");
    case 1:
        return QStringLiteral("5 sensor weighted");
    case 2:
        return QStringLiteral("2 sensor simple");
    default:
        return unknown(code);
    }
}

QString action(const RobotState &s)
{
    return action(actionOf(s));
}

QString action(Action a)
{
    switch (a) {
    case Action::Stopped:
        return QStringLiteral("stopped");
    case Action::Forward:
        return QStringLiteral("driving forward");
    case Action::Backward:
        return QStringLiteral("reversing");
    case Action::RotateLeft:
        return QStringLiteral("rotating left");
    case Action::RotateRight:
        return QStringLiteral("rotating right");
    case Action::SteerLeft:
        return QStringLiteral("steering left");
    case Action::SteerRight:
        return QStringLiteral("steering right");
    case Action::AvoidObstacle:
        return QStringLiteral("avoiding an obstacle");
    }
    return QStringLiteral("stopped");
}

} // namespace labels

Action actionOf(const RobotState &s)
{
    const bool moving = s.direction >= 0 && s.direction <= 3;
    if (moving && s.obstacle != 0 && s.obstacleMode.value_or(0) == 1) {
        return Action::AvoidObstacle;
    }
    switch (s.direction) {
    case 0:
        if (s.goLeft != 0 && s.goRight == 0) {
            return Action::SteerLeft;
        }
        if (s.goRight != 0 && s.goLeft == 0) {
            return Action::SteerRight;
        }
        return Action::Forward;
    case 1:
        return Action::Backward;
    case 2:
        return Action::RotateLeft;
    case 3:
        return Action::RotateRight;
    default:
        return Action::Stopped;
    }
}

} // namespace omni
