// SPDX-License-Identifier: MIT
#include "runtime.h"

#include "filelimit.h"
#include "jsonprinter.h"
#include "voice.h"

#include <omni/blackbox.h>
#include <omni/eventfeed.h>
#include <omni/fleetmodel.h>
#include <omni/hub.h>
#include <omni/mirrorserver.h>
#include <omni/mqttpublisher.h>
#include <omni/recorder.h>
#include <omni/remotesource.h>
#include <omni/replaysource.h>
#include <omni/shmsource.h>
#include <omni/simulatedrobot.h>

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <cstring>

namespace omni::app {

namespace {
/// Logs (stderr, English, like the server's log) what raiseOpenFileLimit() did, and a limit too low for the
/// connections the server may hold (`wanted`): beyond it, newcomers get a 503 (docs/SERVER.md).
void noteFileLimit(const FileLimit &limit, std::uint64_t wanted)
{
    if (limit.error != 0) {
        std::fprintf(stderr, "omniscient: cannot raise the open-file limit from %llu to %llu: %s\n",
                     static_cast<unsigned long long>(limit.before), static_cast<unsigned long long>(limit.hard),
                     std::strerror(limit.error));
    } else if (limit.after != limit.before) {
        std::fprintf(stderr, "omniscient: raised the open-file limit from %llu to %llu\n",
                     static_cast<unsigned long long>(limit.before), static_cast<unsigned long long>(limit.after));
    }
    if (limit.after != 0 && limit.after < wanted) {
        std::fprintf(stderr,
                     "omniscient: the open-file limit (%llu) is below the connections the server may hold (%llu); "
                     "beyond it newcomers get 503 (raise LimitNOFILE or ulimit -Hn)\n",
                     static_cast<unsigned long long>(limit.after), static_cast<unsigned long long>(wanted));
    }
}
} // namespace

Runtime::Runtime(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_hub(new Hub(this)), m_events(new EventFeed(m_hub, {}, this)),
      m_blackbox(nullptr)
{
    BlackboxOptions bo;
    bo.minutes = m_options.blackboxMinutes;
    if (!m_options.recordingsDir.isEmpty()) {
        bo.store.folder = m_options.recordingsDir;
    }
    bo.store.maxBytes = qint64{m_options.recordingsMaxMb} << 20;
    bo.compression = m_options.recordCompression;
    bo.metadata.insert(QStringLiteral("source"), sourceName());
    m_blackbox = new Blackbox(m_hub, m_events, bo, this);
}

QString Runtime::sourceName() const
{
    return m_options.connectUrl.isEmpty() ? QStringLiteral("shm:%1").arg(segmentName()) : m_options.connectUrl;
}

Runtime::~Runtime()
{
    delete m_mqtt; // says "offline" to the broker, while the hub and events it follows still exist
    m_mqtt = nullptr;
    delete m_fleet;
    m_fleet = nullptr;
    delete m_recorder; // writes the recording's summary while the hub it follows still exists
    m_recorder = nullptr;
    if (m_server) {
        m_server->setRecordings(nullptr);
    }
    delete m_blackbox; // waits for a save in progress
    m_blackbox = nullptr;
    delete m_events;
    m_events = nullptr;
    delete m_voice; // it follows the hub
    m_voice = nullptr;
    // The server (and its clients) go before the hub that feeds them.
    if (m_server != nullptr) {
        m_server->setReplayControl(nullptr);
    }
    delete m_server;
    m_server = nullptr;
    // The source stops before the simulated robot unlinks its segment.
    delete m_source;
    m_source = nullptr;
    m_sim.reset();
}

QString Runtime::segmentName() const
{
    if (m_options.simulate) {
        // Never publish simulated states into a real robot's segment.
        return QStringLiteral("%1-sim-%2").arg(m_options.shmName).arg(QCoreApplication::applicationPid());
    }
    return m_options.shmName;
}

void Runtime::connectTo(const QUrl &url)
{
    if (m_remote) {
        m_remote->setUrl(url);
        m_remote->start();
        return;
    }
    RemoteSourceOptions ro;
    ro.url = url;
    auto *remote = new RemoteSource(ro, this);
    // The robot's sound switch lives on the server: follow it, and send the local button's changes to it.
    connect(remote, &RemoteSource::soundChanged, m_hub, &Hub::setSoundEnabled);
    connect(m_hub, &Hub::soundEnabledChanged, remote, &RemoteSource::requestSound);
    m_hub->setSource(remote);
    if (m_replay != nullptr && m_server != nullptr) {
        m_server->setReplayControl(nullptr);
        m_server->setFoxgloveReplay(false);
    }
    delete m_source; // a shared-memory source stops here (the simulated robot, if any, runs on)
    m_replay = nullptr;
    m_source = remote;
    m_remote = remote;
    remote->start();
}

bool Runtime::start(QString *error)
{
    if (!m_options.fleetUrl.isEmpty()) {
        return startFleet(error);
    }
    if (!m_options.connectUrl.isEmpty()) {
        if (m_options.printJson) {
            new JsonPrinter(m_hub, stdout, this);
        }
        if (!startRecording(error)) {
            return false;
        }
        connectTo(QUrl(m_options.connectUrl));
        startMqtt();
        if (!m_options.headless) {
            startVoice(); // this computer clucks on its own schedule, following the robot's switch
        }
        return true;
    }
    // Listen first: a busy port fails before anything else (a simulated segment) is created.
    if (!m_options.noServer && !startServer(error)) {
        return false;
    }
    if (!m_options.replayPath.isEmpty()) {
        if (m_options.printJson) {
            new JsonPrinter(m_hub, stdout, this);
        }
        if (!startRecording(error) || !openRecording(m_options.replayPath, error)) {
            return false;
        }
        startVoice();
        return true;
    }
    if (m_options.simulate) {
        m_sim = std::make_unique<SimulatedRobot>(segmentName(), m_options.simRate);
        if (const auto started = m_sim->start(); !started) {
            *error = QCoreApplication::translate("omni::app::Runtime",
                                                 "cannot create the simulated robot's shared memory %1: %2")
                         .arg(segmentName(), started.errorString());
            return false;
        }
    }
    ShmSourceOptions so;
    so.name = segmentName();
    so.staleAfter = std::chrono::milliseconds(m_options.staleMs);
    if (!m_options.readerPredicts) {
        so.predictMargin = std::chrono::microseconds(0); // --reader-wake futex
    }
    auto *source = new ShmSource(so, this);
    m_source = source;
    m_hub->setSource(source);
    if (m_options.printJson) {
        new JsonPrinter(m_hub, stdout, this);
    }
    if (!startRecording(error)) {
        return false;
    }
    source->start();
    startVoice();
    startMqtt();
    return true;
}

bool Runtime::startRecording(QString *error)
{
    if (m_options.recordPath.isEmpty()) {
        return true;
    }
    RecorderOptions ro;
    ro.path = m_options.recordPath;
    ro.compression = m_options.recordCompression;
    ro.metadata.insert(QStringLiteral("source"), sourceName());
    m_recorder = new Recorder(m_hub, m_events, ro, this);
    if (const auto started = m_recorder->start(); !started) {
        *error = tr("--record: %1").arg(started.errorString());
        return false;
    }
    connect(m_recorder, &Recorder::errorOccurred, this, [](RecorderError, const QString &message) {
        std::fprintf(stderr, "omniscient: %s\n", qPrintable(tr("the recording stopped: %1").arg(message)));
    });
    return true;
}

void Runtime::startVoice()
{
    audio::Voice::Options vo;
    vo.soundDir = m_options.soundDir;
    vo.play = !m_options.noSound;
    m_voice = new audio::Voice(m_hub, vo, this);
    if (m_server) {
        m_server->setSounds(m_voice->servedSounds());
        connect(m_voice, &audio::Voice::samplesChanged, m_server,
                [this] { m_server->setSounds(m_voice->servedSounds()); });
    }
}

bool Runtime::startServer(QString *error)
{
    const auto address = MirrorServer::parseBindAddress(m_options.bind);
    if (!address) {
        *error = tr("--bind: \"%1\" is not an IP address; give one of this machine's addresses, or localhost")
                     .arg(m_options.bind);
        return false;
    }
    MirrorServerOptions so;
    noteFileLimit(raiseOpenFileLimit(), m_options.maxClients + so.maxUnfinishedConnections);
    so.address = *address;
    so.port = m_options.port;
    so.maxClients = m_options.maxClients;
    so.maxRateHz = m_options.maxRate;
    so.token = m_options.token;
    so.tokenGuardsMetrics = m_options.protectMetrics;
    so.allowedHosts = m_options.allowedHosts;
    auto *server = new MirrorServer(m_hub, so, this);
    if (!server->listen()) {
        switch (server->error()) {
        case MirrorServer::Error::AddressInUse:
            *error = tr("port %1 is in use; choose another with --port").arg(m_options.port);
            break;
        case MirrorServer::Error::AddressNotAvailable:
            *error = tr("%1 is not an address of this machine; choose another with --bind").arg(m_options.bind);
            break;
        case MirrorServer::Error::PermissionDenied:
            *error = tr("port %1 needs administrator rights; choose one above 1023 with --port").arg(m_options.port);
            break;
        default:
            *error = tr("cannot serve the dashboard: %1").arg(server->errorString());
            break;
        }
        delete server;
        return false;
    }
    m_server = server;
    m_server->setRecordings(m_blackbox);
    // The /ws stream and Foxglove clients subscribed to /robot/events get the derived events.
    connect(m_events, &EventFeed::eventOccurred, m_server, &MirrorServer::publishEvent);
    // /metrics beyond the server's own: whichever of the black box, the MQTT publisher and the fleet run.
    m_server->setExtraMetrics([this] {
        QByteArray out;
        if (m_blackbox != nullptr && m_blackbox->isOn()) {
            out += m_blackbox->metricsText();
        }
        if (m_mqtt != nullptr) {
            out += m_mqtt->metricsText();
        }
        if (m_fleet != nullptr) {
            out += m_fleet->metricsText();
        }
        return out;
    });
    // The page's MQTT row (docs/protocol.md, "MQTT"); "off" rather than 404, so a page without --mqtt logs no error.
    m_server->setApiRoute(QByteArrayLiteral("/api/mqtt"),
                          [this] { return m_mqtt ? m_mqtt->statusJson() : QByteArrayLiteral("{\"status\":\"off\"}"); });
    if (m_options.headless) {
        printUrls();
    }
    return true;
}

void Runtime::printUrls() const
{
    // Always stderr: stdout stays JSON Lines only with --print-json.
    QString text = tr("omniscient: the dashboard is served on port %1; open it in a browser:").arg(m_server->port());
    const QStringList urls = m_server->urls();
    for (const QString &url : urls) {
        text += QLatin1String("\n  ") + url;
    }
    if (!m_options.token.isEmpty()) {
        text += QLatin1Char('\n') + tr("  (this server needs its access token: add ?token=TOKEN to the address)");
    }
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

} // namespace omni::app
