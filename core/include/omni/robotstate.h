// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace omni {

/// Which shared-memory layout a state was read from.
enum class Layout {
    None,     ///< nothing mapped yet
    Current,  ///< omni_shm.h: header + seqlock'd omni_state
    Legacy56, ///< the original's first robot: a plain 56-byte struct with a `ver` counter, four sensors
    Legacy64, ///< the original's last robot: 64 bytes, `obstacle_mode` and a fifth sensor added
    Remote,   ///< received from another omniscient over the network
};

/// The robot's link as the reader sees it.
enum class LinkStatus {
    Waiting,      ///< no segment (or one still being initialised)
    Live,         ///< new states arrive
    Stale,        ///< a segment is there but no new state came for the stale timeout
    Incompatible, ///< the segment cannot be read safely; see Incompatibility
    Replay,       ///< states come from a recording (--replay): never live; `source` names the file
};

/// Why a segment is incompatible.
enum class Incompatibility {
    None,        ///< compatible
    BadMagic,    ///< neither our magic nor one of the legacy sizes
    AbiNewer,    ///< written by a newer ABI than this build reads
    AbiOlder,    ///< written by an older, unsupported ABI
    HeaderSize,  ///< header_size does not match the ABI
    PayloadSize, ///< payload_size does not match the ABI
    TooSmall,    ///< the segment is smaller than its header says
    Unreadable,  ///< the segment exists but cannot be opened or mapped (permissions)
};

/// One robot state, as a value: what the reader hands to the Qt world.
struct RobotState {
    quint64 seq = 0;                    ///< publish counter (legacy: `ver`)
    qint32 direction = -1;              ///< 0 forward, 1 backward, 2 rotate left, 3 rotate right, else stopped
    std::array<qint32, 3> motorPower{}; ///< percent: left, right, bottom
    qint32 botMode = 0;                 ///< 0 line following, 1 obstacle tracking, 2 manual
    qint32 obstacle = 0;                ///< 0 none, otherwise detected
    std::optional<qint32> obstacleMode; ///< 0 tracking, 1 avoidance; absent in the legacy-56 layout
    qint32 goLeft = 0;                  ///< steering left
    qint32 goRight = 0;                 ///< steering right
    qint32 sensorMode = 0;              ///< 0 "4 sensor mapped", 1 "5 sensor weighted", 2 "2 sensor simple"
    std::array<qint32, 5> sensors{};    ///< line sensors; only the first sensorCount are meaningful
    int sensorCount = 5;                ///< 5, or 4 in the legacy-56 layout
    qint64 publishUnixNs = 0;           ///< publish time, ns since the epoch, for messages only (docs/protocol.md)
    /// Publish time on this machine's CLOCK_MONOTONIC (ns), 0 if unknown: ages, rates and staleness count from
    /// this, never from publishUnixNs, so a step of the wall clock changes none of them (omni/clock.h).
    qint64 publishMonoNs = 0;
    qint32 writerPid = 0;         ///< the writer's pid, 0 if unknown
    Layout layout = Layout::None; ///< where it was read from

    /// Field-wise equality of what the robot published (not of seq or timing).
    [[nodiscard]] bool samePayload(const RobotState &other) const;
    friend bool operator==(const RobotState &, const RobotState &) = default;
};

/// The link status plus what a person needs to act on it.
struct LinkInfo {
    LinkStatus status = LinkStatus::Waiting;        ///< see LinkStatus
    Incompatibility reason = Incompatibility::None; ///< set when status is Incompatible
    QString detail;                                 ///< machine-made facts for the reason, e.g. "abi 2, reads 1"
    Layout layout = Layout::None;                   ///< the layout detected, when one is
    QString source;                                 ///< e.g. "shm:omnigod" or "ws://pi:3001/ws"
    quint32 segmentAbi = 0;                         ///< AbiNewer/AbiOlder: the segment's ABI version, else 0
    quint32 readerAbi = 0;                          ///< AbiNewer/AbiOlder: the ABI this build reads, else 0

    friend bool operator==(const LinkInfo &, const LinkInfo &) = default;
};

/// Stable protocol names (docs/protocol.md). Never translated: the app translates the enums itself.
namespace names {
/// "waiting", "live", "stale", "incompatible"
QString linkStatus(LinkStatus s);
/// Parses linkStatus() output; nullopt for anything else.
std::optional<LinkStatus> linkStatusFromName(const QString &name);
/// "bad_magic", "abi_newer", ...; empty for None
QString incompatibility(Incompatibility r);
/// Parses incompatibility() output; None for anything unknown.
Incompatibility incompatibilityFromName(const QString &name);
/// "omni-v1", "legacy-56", "legacy-64", "remote", "none"
QString layout(Layout l);
/// Parses layout() output.
Layout layoutFromName(const QString &name);
} // namespace names

/// English labels for the codes, as in docs/protocol.md; unknown codes read "unknown (N)".
namespace labels {
/// forward, backward, rotate left, rotate right; anything else "stopped".
QString direction(qint32 code);
/// line following, obstacle tracking, manual control; else unknown (N).
QString botMode(qint32 code);
/// none / detected.
QString obstacle(qint32 code);
/// obstacle tracking, obstacle avoidance; else unknown (N).
QString obstacleMode(qint32 code);
/// 4 sensor mapped, 5 sensor weighted, 2 sensor simple; else unknown (N).
QString sensorMode(qint32 code);
/// What the robot is doing, derived from direction, steering and obstacle, e.g. "forward, steering left".
QString action(const RobotState &s);
} // namespace labels

/// The current action as a code, so the app can translate it.
enum class Action { Stopped, Forward, Backward, RotateLeft, RotateRight, SteerLeft, SteerRight, AvoidObstacle };
/// Derives the Action from a state.
Action actionOf(const RobotState &s);

namespace labels {
/// The English label of an action, as labels::action(const RobotState &) gives it.
QString action(Action a);
} // namespace labels

} // namespace omni

Q_DECLARE_METATYPE(omni::RobotState)
Q_DECLARE_METATYPE(omni::LinkInfo)
