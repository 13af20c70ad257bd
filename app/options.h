// SPDX-License-Identifier: MIT
#pragma once

#include <omni/mcapwriter.h>

#include <QString>
#include <QStringList>

namespace omni::app {

/// Everything the command line can set.
struct Options {
    QString shmName = QStringLiteral("omnigod"); ///< --shm
    bool simulate = false;                       ///< --simulate: run the built-in simulated robot
    double simRate = 50.0;                       ///< --sim-rate HZ
    bool headless = false;                       ///< --headless: no window
    bool printJson = false;                      ///< --print-json: JSON Lines on stdout
    int staleMs = 1000;                          ///< --stale-ms
    bool readerPredicts = true;                  ///< --reader-wake predict (true) or futex (false)
    quint16 port = 3001;                         ///< --port, or a bare PORT as the original observer took it
    QString bind;                                ///< --bind ADDRESS (empty: all interfaces)
    int maxClients = 64;                         ///< --max-clients
    double maxRate = 60.0;                       ///< --max-rate HZ per WebSocket client
    QString token;                               ///< --token, --token-file or OMNISCIENT_TOKEN
    bool protectMetrics = false;                 ///< --protect-metrics: /metrics needs the token too
    QStringList allowedHosts;                    ///< --allowed-hosts a,b: more Host names for /api, /ws
    bool noServer = false;                       ///< --no-server
    bool kiosk = false;                          ///< --kiosk
    QString connectUrl;                          ///< --connect ws://HOST:PORT/ws
    QString lang;                                ///< --lang
    QString soundDir;                            ///< --sound-dir DIR: the user's clucks
    bool noSound = false;                        ///< --no-sound: play nothing on this machine
    QString recordPath;                          ///< --record FILE.mcap: record everything until exit
    McapCompression recordCompression = McapCompression::Zstd; ///< --record-compression zstd|lz4|none
    int blackboxMinutes = 10;       ///< --blackbox-minutes M: the always-on ring's window; 0: off
    QString recordingsDir;          ///< --recordings-dir DIR; empty: $XDG_DATA_HOME/omniscient/recordings
    int recordingsMaxMb = 1024;     ///< --recordings-max-mb: past this the oldest saved recordings are removed
    QString replayPath;             ///< --replay FILE.mcap: play a recording instead of a robot
    QString mqttUrl;                ///< --mqtt mqtt[s]://[user@]HOST[:PORT]: publish this robot to a broker
    QString fleetUrl;               ///< --fleet mqtt[s]://[user@]HOST[:PORT]: show every robot of a broker
    QString robotName;              ///< --robot-name (default: the host name)
    QString mqttPassword;           ///< OMNISCIENT_MQTT_PASSWORD or --mqtt-password-file (never a flag's value)
    QString mqttCaFile;             ///< --mqtt-cafile FILE for mqtts://
    int mqttKeepalive = 10;         ///< --mqtt-keepalive SECONDS
    double mqttRate = 10.0;         ///< --mqtt-rate HZ: state messages per second at most
    bool mqttHomeAssistant = false; ///< --mqtt-homeassistant: Home Assistant discovery
};

/// What main() should do after parsing.
struct ParseResult {
    enum class Action { Run, Help, Version, Error };
    Action action = Action::Run; ///< see Action
    Options options;             ///< valid for Run
    QString message;             ///< help text, version line, or the error for a person to act on
};

/// Parses arguments (args[0] is the program). `envToken` supplies OMNISCIENT_TOKEN when non-empty,
/// `envMqttPassword` OMNISCIENT_MQTT_PASSWORD.
ParseResult parseOptions(const QStringList &args, const QString &envToken = {}, const QString &envMqttPassword = {});

} // namespace omni::app
