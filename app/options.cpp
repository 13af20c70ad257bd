// SPDX-License-Identifier: MIT
#include "options.h"

#include <omni/hostallowlist.h>
#include <omni/mqtttopics.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>
#include <QUrl>

#include <cmath>

namespace omni::app {

namespace {

QString tr(const char *text)
{
    // lupdate files tr() calls of free functions under their namespace: the context must match it.
    return QCoreApplication::translate("omni::app", text);
}

bool parseNumber(const QString &text, double min, double max, double &out)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max) {
        return false;
    }
    out = v;
    return true;
}

bool parsePort(const QString &text, quint16 &out)
{
    double v = 0;
    if (!parseNumber(text, 0, 65535, v) || v != std::floor(v)) {
        return false;
    }
    out = static_cast<quint16>(v);
    return true;
}

} // namespace

ParseResult parseOptions(const QStringList &args, const QString &envToken, const QString &envMqttPassword)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("omniscient watches a small robot live: it reads the robot's shared memory, shows a dashboard, "
           "and mirrors the state to browsers and other omniscient instances over one port. Foxglove and Lichtblick "
           "connect to the same port (ws://HOST:PORT, Foxglove WebSocket; see docs/FOXGLOVE.md)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     tr("Print the version and exit."));
    const QCommandLineOption shm(QStringLiteral("shm"), tr("Shared-memory segment to read (default: omnigod)."),
                                 tr("NAME"), QStringLiteral("omnigod"));
    const QCommandLineOption simulate(QStringLiteral("simulate"),
                                      tr("Run the built-in simulated robot through real shared memory."));
    const QCommandLineOption simRate(QStringLiteral("sim-rate"),
                                     tr("Publish rate of the simulated robot (default: 50)."), tr("HZ"),
                                     QStringLiteral("50"));
    const QCommandLineOption headless(QStringLiteral("headless"), tr("Run without a window (reader and server only)."));
    const QCommandLineOption printJson(QStringLiteral("print-json"),
                                       tr("Print each new state and link change as a JSON line on stdout."));
    const QCommandLineOption staleMs(QStringLiteral("stale-ms"),
                                     tr("Call the link stale after this long without a new state (default: 1000)."),
                                     tr("MS"), QStringLiteral("1000"));
    const QCommandLineOption readerWake(
        QStringLiteral("reader-wake"),
        tr("How the reader waits for a steady robot: predict (default; a timer just after each expected publish, "
           "no system call for the robot) or futex (the robot wakes it at each publish: lower latency, one system "
           "call per publish)."),
        tr("MODE"), QStringLiteral("predict"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        tr("TCP port of the web dashboard, its WebSocket and the Foxglove WebSocket (default: 3001)."), tr("PORT"),
        QStringLiteral("3001"));
    const QCommandLineOption bind(QStringLiteral("bind"), tr("Address to listen on (default: all interfaces)."),
                                  tr("ADDRESS"));
    const QCommandLineOption maxClients(QStringLiteral("max-clients"),
                                        tr("Most WebSocket clients (/ws and Foxglove) served at once (default: 64)."),
                                        tr("N"), QStringLiteral("64"));
    const QCommandLineOption maxRate(QStringLiteral("max-rate"),
                                     tr("Most states per second sent to each client (default: 60)."), tr("HZ"),
                                     QStringLiteral("60"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        tr("Read the access token from this file (first line; other local users cannot see it, unlike --token)."),
        tr("FILE"));
    const QCommandLineOption protectMetrics(QStringLiteral("protect-metrics"),
                                            tr("Require the access token on /metrics too (Prometheus: bearer token)."));
    const QCommandLineOption token(QStringLiteral("token"),
                                   tr("Access token required by /ws, Foxglove and /api (default: $OMNISCIENT_TOKEN)."),
                                   tr("TOKEN"));
    const QCommandLineOption noServer(QStringLiteral("no-server"), tr("Do not serve the web dashboard."));
    const QCommandLineOption kiosk(QStringLiteral("kiosk"), tr("Fullscreen touchscreen kiosk."));
    const QCommandLineOption connect(QStringLiteral("connect"),
                                     tr("Show a remote robot from another omniscient's stream, e.g. ws://pi:3001/ws."),
                                     tr("URL"));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Language of the interface: en, de, es, fr."), tr("LANG"));
    const QCommandLineOption allowedHosts(
        QStringLiteral("allowed-hosts"),
        tr("More host names (comma-separated) by which browsers may use /api, /ws and /toggle-sound; localhost, IP "
           "addresses and this machine's names always work. Others are refused against DNS rebinding."),
        tr("NAMES"));
    const QCommandLineOption soundDir(
        QStringLiteral("sound-dir"),
        tr("Cluck with your own sounds: a random .wav, .ogg or .mp3 file of this folder each time (default: the "
           "built-in clucks)."),
        tr("DIR"));
    const QCommandLineOption noSound(
        QStringLiteral("no-sound"),
        tr("Play no sound on this machine (the sound switch still works, and web pages can cluck along)."));
    const QCommandLineOption record(
        QStringLiteral("record"),
        tr("Record every state, link change and event into this MCAP file until omniscient exits (docs/RECORDING.md)."),
        tr("FILE"));
    const QCommandLineOption recordCompression(
        QStringLiteral("record-compression"),
        tr("How --record and saved recordings compress: zstd (default), lz4 or none."), tr("METHOD"),
        QStringLiteral("zstd"));
    const QCommandLineOption blackboxMinutes(
        QStringLiteral("blackbox-minutes"),
        tr("Keep the last M minutes of every state, link change and event in memory (0: off; at most 60; about 6 MB "
           "a minute), to save with \"Save the last minute\" or POST /api/recordings."),
        tr("M"), QStringLiteral("10"));
    const QCommandLineOption recordingsDir(
        QStringLiteral("recordings-dir"),
        tr("Where saved recordings go (default: $XDG_DATA_HOME/omniscient/recordings)."), tr("DIR"));
    const QCommandLineOption recordingsMaxMb(
        QStringLiteral("recordings-max-mb"),
        tr("Remove the oldest saved recordings when they take more than this many MB (default 1024)."), tr("MB"),
        QStringLiteral("1024"));
    const QCommandLineOption replay(
        QStringLiteral("replay"),
        tr("Play this MCAP recording instead of a robot, at its recorded pace, with a timeline (docs/RECORDING.md). "
           "\"omniscient export FILE.mcap --format csv|jsonl [-o OUT]\" writes one as CSV or JSON Lines."),
        tr("FILE"));
    const QCommandLineOption mqtt(
        QStringLiteral("mqtt"),
        tr("Publish this robot to an MQTT broker, e.g. mqtt://broker.local or mqtts://user@broker:8883 (the "
           "password from $OMNISCIENT_MQTT_PASSWORD or --mqtt-password-file; docs/FLEET.md)."),
        tr("URL"));
    const QCommandLineOption fleet(QStringLiteral("fleet"),
                                   tr("Show every robot publishing to this MQTT broker (with --headless: the page "
                                      "/fleet and /api/fleet), e.g. mqtt://broker.local."),
                                   tr("URL"));
    const QCommandLineOption robotName(QStringLiteral("robot-name"),
                                       tr("This robot's name on the broker (default: the host name)."), tr("NAME"));
    const QCommandLineOption mqttPasswordFile(QStringLiteral("mqtt-password-file"),
                                              tr("Read the broker password from this file (first line)."), tr("FILE"));
    const QCommandLineOption mqttCaFile(QStringLiteral("mqtt-cafile"),
                                        tr("For mqtts://: the CA certificate (PEM) that signed the broker's."),
                                        tr("FILE"));
    const QCommandLineOption mqttKeepalive(
        QStringLiteral("mqtt-keepalive"),
        tr("Seconds between keepalives; the broker declares this robot offline after 1.5 times it (default: 10)."),
        tr("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption mqttRate(QStringLiteral("mqtt-rate"),
                                      tr("Most state messages per second published (default: 10)."), tr("HZ"),
                                      QStringLiteral("10"));
    const QCommandLineOption mqttHomeAssistant(
        QStringLiteral("mqtt-homeassistant"),
        tr("Also publish Home Assistant discovery configs: the robot appears there with its sound switch."));
    p.addOptions({help,  version, shm,        simulate, simRate, headless,  printJson,         staleMs,      readerWake,
                  port,  bind,    maxClients, maxRate,  token,   tokenFile, protectMetrics,    allowedHosts, noServer,
                  kiosk, connect, lang,       soundDir, noSound, record,    recordCompression, replay});
    p.addOptions({blackboxMinutes, recordingsDir, recordingsMaxMb});
    p.addOptions({mqtt, fleet, robotName, mqttPasswordFile, mqttCaFile, mqttKeepalive, mqttRate, mqttHomeAssistant});
    p.addPositionalArgument(QStringLiteral("port"),
                            tr("The port, as the original omniscient took it: \"omniscient 3002\" is --port 3002."),
                            QStringLiteral("[PORT]"));

    ParseResult r;
    auto error = [&r](const QString &message) {
        r.action = ParseResult::Action::Error;
        r.message = message;
        return r;
    };
    if (!p.parse(args)) {
        return error(p.errorText());
    }
    const QStringList bare = p.positionalArguments();
    if (bare.size() > 1) {
        return error(tr("unexpected argument \"%1\": the only argument without a flag is the port").arg(bare.at(1)));
    }
    if (p.isSet(help)) {
        r.action = ParseResult::Action::Help;
        r.message = p.helpText();
        return r;
    }
    if (p.isSet(version)) {
        r.action = ParseResult::Action::Version;
        r.message = QStringLiteral("omniscient %1").arg(QStringLiteral(OMNI_VERSION));
        return r;
    }

    Options &o = r.options;
    o.shmName = p.value(shm);
    {
        QString name = o.shmName.startsWith(QLatin1Char('/')) ? o.shmName.mid(1) : o.shmName;
        if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.toLocal8Bit().size() > 200) {
            return error(tr("--shm: \"%1\" is not a segment name (1 to 200 characters, no '/' inside)").arg(o.shmName));
        }
    }
    o.simulate = p.isSet(simulate);
    o.headless = p.isSet(headless);
    o.printJson = p.isSet(printJson);
    o.noServer = p.isSet(noServer);
    o.kiosk = p.isSet(kiosk);
    double v = 0;
    if (!parseNumber(p.value(simRate), 0.1, 1e6, o.simRate)) {
        return error(tr("--sim-rate: expected a rate in Hz from 0.1 to 1000000, got \"%1\"").arg(p.value(simRate)));
    }
    if (!parseNumber(p.value(staleMs), 10, 3.6e6, v)) {
        return error(tr("--stale-ms: expected milliseconds from 10 to 3600000, got \"%1\"").arg(p.value(staleMs)));
    }
    o.staleMs = static_cast<int>(v);
    if (p.value(readerWake) != QLatin1String("predict") && p.value(readerWake) != QLatin1String("futex")) {
        return error(tr("--reader-wake: expected predict or futex, got \"%1\"").arg(p.value(readerWake)));
    }
    o.readerPredicts = p.value(readerWake) == QLatin1String("predict");
    if (!parsePort(p.value(port), o.port)) {
        return error(tr("--port: expected a TCP port from 0 to 65535, got \"%1\"").arg(p.value(port)));
    }
    if (!bare.isEmpty()) {
        if (!parsePort(bare.constFirst(), o.port)) {
            return error(tr("unexpected argument \"%1\": the only argument without a flag is a TCP port from 0 to "
                            "65535, as in \"omniscient 3002\"; see --help for the flags")
                             .arg(bare.constFirst()));
        }
        if (p.isSet(port) && p.value(port) != bare.constFirst()) {
            return error(tr("two ports given: --port %1 and %2; give one").arg(p.value(port), bare.constFirst()));
        }
    }
    o.bind = p.value(bind);
    if (!parseNumber(p.value(maxClients), 1, 100000, v) || v != std::floor(v)) {
        return error(
            tr("--max-clients: expected a whole number from 1 to 100000, got \"%1\"").arg(p.value(maxClients)));
    }
    o.maxClients = static_cast<int>(v);
    if (!parseNumber(p.value(maxRate), 0.1, 10000, o.maxRate)) {
        return error(tr("--max-rate: expected a rate in Hz from 0.1 to 10000, got \"%1\"").arg(p.value(maxRate)));
    }
    o.token = p.isSet(token) ? p.value(token) : envToken;
    if (p.isSet(tokenFile)) {
        if (p.isSet(token)) {
            return error(tr("--token and --token-file cannot be combined: give the token one way"));
        }
        const QString path = p.value(tokenFile);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            return error(tr("--token-file: cannot read %1: %2").arg(path, f.errorString()));
        }
        const QByteArray firstLine = f.read(4096).split('\n').constFirst();
        o.token = QString::fromUtf8(firstLine).trimmed();
        if (o.token.isEmpty()) {
            return error(tr("--token-file: %1 is empty; write the token on its first line").arg(path));
        }
    }
    o.protectMetrics = p.isSet(protectMetrics);
    if (o.protectMetrics && o.token.isEmpty()) {
        return error(tr("--protect-metrics needs a token: give --token-file, --token or OMNISCIENT_TOKEN"));
    }
    for (const QString &value : p.values(allowedHosts)) {
        for (const QString &entry : value.split(QLatin1Char(','))) {
            const auto name = HostAllowList::normaliseName(entry.trimmed());
            if (!name) {
                return error(tr("--allowed-hosts: \"%1\" is not a host name; give names such as robot.example, "
                                "separated by commas (no port, no http://; IP addresses and localhost always work)")
                                 .arg(entry.trimmed()));
            }
            o.allowedHosts.append(*name);
        }
    }
    o.connectUrl = p.value(connect);
    if (!o.connectUrl.isEmpty()) {
        const QUrl url(o.connectUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")) ||
            url.host().isEmpty()) {
            return error(tr("--connect: expected a WebSocket URL such as ws://raspberrypi:3001/ws, got \"%1\"")
                             .arg(o.connectUrl));
        }
        if (o.simulate) {
            return error(
                tr("--connect and --simulate cannot be combined: one shows a remote robot, the other a local one"));
        }
    }
    o.lang = p.value(lang);
    o.soundDir = p.value(soundDir);
    if (p.isSet(soundDir) && o.soundDir.isEmpty()) {
        return error(tr("--sound-dir: give a folder with .wav, .ogg or .mp3 files"));
    }
    o.noSound = p.isSet(noSound);
    o.recordPath = p.value(record);
    if (p.isSet(record) && o.recordPath.isEmpty()) {
        return error(tr("--record: give the file to record into, e.g. --record robot.mcap"));
    }
    const auto compression = names::mcapCompressionFromName(p.value(recordCompression));
    if (!compression) {
        return error(
            tr("--record-compression: expected zstd, lz4 or none, got \"%1\"").arg(p.value(recordCompression)));
    }
    o.recordCompression = *compression;
    if (!parseNumber(p.value(blackboxMinutes), 0, 60, v) || v != std::floor(v)) {
        return error(tr("--blackbox-minutes: expected a whole number of minutes from 0 (off) to 60, got \"%1\"")
                         .arg(p.value(blackboxMinutes)));
    }
    o.blackboxMinutes = static_cast<int>(v);
    o.recordingsDir = p.value(recordingsDir);
    if (p.isSet(recordingsDir) && o.recordingsDir.isEmpty()) {
        return error(tr("--recordings-dir: give a folder, e.g. --recordings-dir ~/robot-recordings"));
    }
    if (!parseNumber(p.value(recordingsMaxMb), 1, 1048576, v) || v != std::floor(v)) {
        return error(tr("--recordings-max-mb: expected a whole number of MB from 1 to 1048576, got \"%1\"")
                         .arg(p.value(recordingsMaxMb)));
    }
    o.recordingsMaxMb = static_cast<int>(v);
    o.replayPath = p.value(replay);
    if (p.isSet(replay) && o.replayPath.isEmpty()) {
        return error(tr("--replay: give the recording to play, e.g. --replay robot.mcap"));
    }
    if (p.isSet(replay) && (o.simulate || !o.connectUrl.isEmpty())) {
        return error(tr("--replay cannot be combined with --simulate or --connect: it shows a recording instead"));
    }

    // MQTT (docs/FLEET.md)
    const bool usesMqtt = p.isSet(mqtt) || p.isSet(fleet);
    for (const auto *opt : {&mqtt, &fleet}) {
        if (p.isSet(*opt)) {
            if (const auto broker = mqtt::parseBrokerUrl(p.value(*opt)); !broker) {
                return error(QStringLiteral("--%1: ").arg(opt->names().constFirst()) + broker.errorString());
            }
        }
    }
    o.mqttUrl = p.value(mqtt);
    o.fleetUrl = p.value(fleet);
    for (const auto *opt : {&robotName, &mqttPasswordFile, &mqttCaFile, &mqttKeepalive, &mqttRate}) {
        if (p.isSet(*opt) && !usesMqtt) {
            return error(tr("--%1 needs --mqtt URL or --fleet URL").arg(opt->names().constFirst()));
        }
    }
    if (p.isSet(mqttHomeAssistant) && !p.isSet(mqtt)) {
        return error(tr("--mqtt-homeassistant needs --mqtt URL"));
    }
    o.robotName = p.isSet(robotName) ? p.value(robotName) : QSysInfo::machineHostName();
    if (p.isSet(mqtt)) {
        if (const auto checked = mqtt::checkRobotName(o.robotName); !checked) {
            return error(tr("--robot-name: %1").arg(checked.errorString()));
        }
    }
    o.mqttPassword = envMqttPassword;
    if (p.isSet(mqttPasswordFile)) {
        const QString path = p.value(mqttPasswordFile);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            return error(tr("--mqtt-password-file: cannot read %1: %2").arg(path, f.errorString()));
        }
        o.mqttPassword = QString::fromUtf8(f.read(4096).split('\n').constFirst()).trimmed();
        if (o.mqttPassword.isEmpty()) {
            return error(tr("--mqtt-password-file: %1 is empty; write the password on its first line").arg(path));
        }
    }
    o.mqttCaFile = p.value(mqttCaFile);
    if (p.isSet(mqttCaFile) && !o.mqttUrl.startsWith(QLatin1String("mqtts:"), Qt::CaseInsensitive) &&
        !o.fleetUrl.startsWith(QLatin1String("mqtts:"), Qt::CaseInsensitive)) {
        return error(tr("--mqtt-cafile is for TLS: write the broker as mqtts://HOST (port 8883 by default)"));
    }
    if (p.isSet(mqttCaFile) && !QFile::exists(o.mqttCaFile)) {
        return error(tr("--mqtt-cafile: %1 does not exist; give the CA certificate (PEM) that signed the broker's")
                         .arg(o.mqttCaFile));
    }
    if (!parseNumber(p.value(mqttKeepalive), 5, 3600, v) || v != std::floor(v)) {
        return error(
            tr("--mqtt-keepalive: expected whole seconds from 5 to 3600, got \"%1\"").arg(p.value(mqttKeepalive)));
    }
    o.mqttKeepalive = static_cast<int>(v);
    if (!parseNumber(p.value(mqttRate), 0.1, 1000, o.mqttRate)) {
        return error(tr("--mqtt-rate: expected a rate in Hz from 0.1 to 1000, got \"%1\"").arg(p.value(mqttRate)));
    }
    o.mqttHomeAssistant = p.isSet(mqttHomeAssistant);
    if (!o.fleetUrl.isEmpty()) {
        if (!o.connectUrl.isEmpty() || o.simulate || !o.mqttUrl.isEmpty() || !o.recordPath.isEmpty() ||
            !o.replayPath.isEmpty()) {
            return error(tr("--fleet shows every robot of a broker: it cannot be combined with --connect, --simulate, "
                            "--mqtt, --record or --replay (start those in another omniscient)"));
        }
        if (o.headless && o.noServer) {
            return error(tr("--fleet --headless serves the fleet on its port: it cannot be combined with --no-server"));
        }
    }
    return r;
}

} // namespace omni::app
