// SPDX-License-Identifier: MIT
#pragma once

#include "options.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace omni {
class Blackbox;
class EventFeed;
class Hub;
class MirrorServer;
class Recorder;
class RemoteSource;
class ReplaySource;
class SimulatedRobot;
class StateSource;
} // namespace omni

namespace omni::mqtt {
class FleetSubscriber;
class Publisher;
} // namespace omni::mqtt

namespace omni::audio {
class Voice;
} // namespace omni::audio

namespace omni::app {

/// Wires what every mode shares: the source (shared memory, simulated robot, or remote), the hub,
/// and the optional JSON printer. The GUI and headless modes sit on top of it.
class Runtime : public QObject
{
    Q_OBJECT
public:
    /// Builds the pieces for `options`; nothing runs before start().
    explicit Runtime(Options options, QObject *parent = nullptr);
    ~Runtime() override;

    /// Starts the simulated robot (if asked), the source and the printer. False with `error` for a person.
    bool start(QString *error);
    /// The hub every view reads.
    [[nodiscard]] Hub *hub() const { return m_hub; }
    /// The events derived from the hub (EventFeed::eventOccurred), from construction on.
    [[nodiscard]] EventFeed *events() const { return m_events; }
    /// The options in force.
    [[nodiscard]] const Options &options() const { return m_options; }
    /// The segment actually read (differs from --shm with --simulate).
    [[nodiscard]] QString segmentName() const;
    /// The always-on black box (its ring is empty with --blackbox-minutes 0; saving then says it is off).
    [[nodiscard]] Blackbox *blackbox() const { return m_blackbox; }
    /// Remote mode (--connect or connectTo()): the source reading the other omniscient; null otherwise.
    [[nodiscard]] RemoteSource *remote() const { return m_remote; }
    /// Replay mode (--replay or openRecording()): the source playing the recording; null otherwise.
    [[nodiscard]] ReplaySource *replay() const { return m_replay; }
    /// The mirror server (web dashboard and /ws stream) when it runs; null with --no-server and in remote
    /// mode (a viewer serves nothing, and would collide with a local omniscient's port).
    [[nodiscard]] MirrorServer *server() const { return m_server; }
    /// The chicken's voice on this machine (made by start()), or null: a headless viewer of a remote robot
    /// (--connect --headless) is a pipe, not a speaker.
    [[nodiscard]] audio::Voice *voice() const { return m_voice; }
    /// With --mqtt: the publisher of this robot to the broker (its client's status for the dashboard); else null.
    [[nodiscard]] mqtt::Publisher *mqttPublisher() const { return m_mqtt; }
    /// With --fleet: the fleet seen on the broker; else null.
    [[nodiscard]] mqtt::FleetSubscriber *fleet() const { return m_fleet; }
    /// Switches to (or within) remote mode: shows the robot behind `url` (ws://HOST:PORT/ws). The hub's
    /// sound switch then follows the server's and changes it.
    void connectTo(const QUrl &url);
    /// Plays the recording at `path` instead of the current source (File → Open recording…, drag and drop,
    /// --replay). False, with `error` for a person, when it cannot be read; the current source then stays.
    bool openRecording(const QString &path, QString *error);

Q_SIGNALS:
    /// A recording is now playing (openRecording()): the GUI shows its timeline.
    void replayChanged(omni::ReplaySource *replay);

private:
    /// "shm:NAME" or the --connect URL: the recordings' "source" metadata.
    [[nodiscard]] QString sourceName() const;
    bool startServer(QString *error);
    bool startRecording(QString *error);
    void startVoice();
    void startMqtt();
    bool startFleet(QString *error);
    void printUrls() const;

    Options m_options;
    Hub *m_hub;
    std::unique_ptr<SimulatedRobot> m_sim;
    StateSource *m_source = nullptr;
    RemoteSource *m_remote = nullptr; ///< m_source when remote
    ReplaySource *m_replay = nullptr; ///< m_source when replaying
    MirrorServer *m_server = nullptr;
    audio::Voice *m_voice = nullptr;
    EventFeed *m_events;                      ///< the derived events of the hub, always (recordings, /ws, ...)
    Recorder *m_recorder = nullptr;           ///< with --record
    Blackbox *m_blackbox;                     ///< always (the ring only with --blackbox-minutes > 0)
    mqtt::Publisher *m_mqtt = nullptr;        ///< with --mqtt
    mqtt::FleetSubscriber *m_fleet = nullptr; ///< with --fleet
};

} // namespace omni::app
