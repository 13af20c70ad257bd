// SPDX-License-Identifier: MIT
#pragma once

#include <omni/remotesource.h>
#include <omni/robotstate.h>

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace omni::gui {

/// Everything the dashboard knows about where its data comes from, to explain a problem.
struct Situation {
    LinkInfo link;                               ///< the robot's link as the hub has it
    bool haveState = false;                      ///< a state was seen (it may be old)
    qint64 ageMs = -1;                           ///< age of the newest state, -1 unknown
    QString segmentName;                         ///< the shared-memory name awaited (local mode)
    bool remote = false;                         ///< remote mode: the fields below count
    NetworkStatus network = NetworkStatus::Idle; ///< the network link
    QString networkDetail;                       ///< English facts about the network problem
    QString url;                                 ///< the server, redacted
    qint64 retryMs = -1;                         ///< until the next connection attempt, -1 none planned
    int serverSchema = 0;                        ///< the server's schema when it is incompatible
};

/// How bad a problem is; decides the banner's colour.
enum class ProblemKind { Waiting, Stale, Incompatible, Offline };

/// A problem explained for a person: a short title, a sentence to act on, and the raw facts.
struct Problem {
    ProblemKind kind = ProblemKind::Waiting; ///< colour
    QString title;                           ///< e.g. "STALE — last update 3.2 s ago"
    QString sentence;                        ///< what happened and what to do
    QString facts;                           ///< the machine's facts (English), may be empty
};

/// Turns the core's enums and codes into translated words. Never shows core's English labels.
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(omni::gui::StatusText)
public:
    /// "unknown (N)"
    static QString unknown(qint32 code);
    /// forward, backward, rotate left, rotate right; anything else "stopped".
    static QString direction(qint32 code);
    /// line following, obstacle tracking, manual control, else unknown (N).
    static QString botMode(qint32 code);
    /// none / detected.
    static QString obstacle(qint32 code);
    /// obstacle tracking / avoidance, unknown (N), or "not in the 56-byte layout".
    static QString obstacleMode(const std::optional<qint32> &code);
    /// 4 sensor mapped, 5 sensor weighted, 2 sensor simple, else unknown (N).
    static QString sensorMode(qint32 code);
    /// What the robot is doing.
    static QString action(Action action);
    /// live, stale, waiting, incompatible.
    static QString linkStatus(LinkStatus status);
    /// The network link, e.g. "connected", "cannot reach the server".
    static QString networkStatus(NetworkStatus status);
    /// Where the data comes from, e.g. "shared memory omnigod (omni-v1)".
    static QString source(const LinkInfo &link, const QString &upstream = {});
    /// "50 Hz" (localised number), "—" for zero.
    static QString rate(double hz);
    /// "12 ms", "3.4 s", "2 min 5 s"; "—" when unknown.
    static QString age(qint64 ms);
    /// "left wheel", "right wheel", "bottom wheel" for 0, 1, 2.
    static QString wheel(int index);
    /// The robot in one sentence for screen readers: wheels, direction, obstacle.
    static QString robotSummary(const RobotState &state);
    /// The problem to show, or nullopt when everything is live.
    static std::optional<Problem> problem(const Situation &s);
    /// Said once (on stderr, and as the note's tooltip) when no audio output exists.
    static QString noAudioDevice();
    /// The same, short enough for the note under the sound button.
    static QString noAudioShort();

private:
    static QString incompatibleSentence(const LinkInfo &link);
    static QString seconds(qint64 ms);
};

} // namespace omni::gui
