// SPDX-License-Identifier: MIT
#include "omni/blackbox.h"

#include "blackbox/logging.h"
#include "blackbox/snapshotwriter.h"

#include <omni/eventfeed.h>
#include <omni/hub.h>

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace omni {

namespace {
BlackboxRingOptions ringOptions(int minutes)
{
    BlackboxRingOptions o;
    o.windowNs = qint64{minutes} * 60 * 1000000000;
    o.maxStates = BlackboxRingOptions::statesFor(std::max(minutes, 1));
    return o;
}
} // namespace

Blackbox::Blackbox(Hub *hub, EventFeed *events, BlackboxOptions options, QObject *parent)
    : QObject(parent), m_hub(hub), m_options(std::move(options)),
      m_ring(ringOptions(std::clamp(m_options.minutes, 0, BlackboxOptions::kMaxMinutes))), m_store(m_options.store)
{
    if (!isOn()) {
        return;
    }
    connect(hub, &Hub::stateChanged, this, [this](const RobotState &s) {
        m_ring.addState(s, m_hub->rateHz(), m_hub->ageMs(), s.publishMonoNs > 0 ? 0 : m_options.clock->monotonicNs());
    });
    connect(hub, &Hub::linkChanged, this,
            [this](const LinkInfo &l) { m_ring.addLink(l, m_options.clock->monotonicNs()); });
    if (events) {
        connect(events, &EventFeed::eventOccurred, this, [this](const Event &e) { m_ring.addEvent(e); });
    }
    m_ring.addLink(hub->link(), m_options.clock->monotonicNs());
}

Blackbox::~Blackbox()
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void Blackbox::save(double seconds, std::function<void(const Saved &)> done)
{
    const auto refuse = [&done](RecordingsError e, const QString &why) {
        Saved s;
        s.error = e;
        s.errorString = why;
        done(s);
    };
    if (!isOn()) {
        return refuse(RecordingsError::Off, QStringLiteral("the black box is off (--blackbox-minutes 0)"));
    }
    if (m_worker) {
        return refuse(RecordingsError::Busy, QStringLiteral("a recording is being saved; try again when it is done"));
    }
    if (m_ring.stateCount() == 0 && m_ring.eventCount() == 0) {
        return refuse(RecordingsError::Empty, QStringLiteral("the black box holds no state yet"));
    }
    if (const auto r = m_store.ensureFolder(); !r) {
        return refuse(r.error(), r.errorString());
    }
    QElapsedTimer copying;
    copying.start();
    auto snapshot = std::make_shared<BlackboxSnapshot>(m_ring.snapshot(seconds));
    SnapshotFile file;
    file.path = m_store.newPath(QDateTime::currentDateTimeUtc());
    file.compression = m_options.compression;
    file.metadata = m_options.metadata;
    file.metadata.insert(QStringLiteral("saved_seconds"),
                         seconds > 0 ? QString::number(seconds) : QStringLiteral("all"));
    file.anchorWallNs = m_options.clock->wallNs();
    file.anchorMonoNs = m_options.clock->monotonicNs();
    qCInfo(lcBlackbox).noquote() << "saving" << snapshot->states.size() << "states to" << file.path << "(copied in"
                                 << copying.elapsed() << "ms)";
    auto result = std::make_shared<std::optional<Result<RecordingInfo, RecordingsError>>>();
    m_worker = QThread::create([snapshot, file, result] { result->emplace(writeSnapshot(*snapshot, file)); });
    connect(m_worker, &QThread::finished, this, [this, result, done = std::move(done)] {
        m_worker->deleteLater();
        m_worker = nullptr;
        Saved s;
        const auto &r = **result;
        if (r) {
            s.info = *r;
            m_store.enforceCap(r->name);
            qCInfo(lcBlackbox).noquote() << "saved" << r->name << "with" << r->messages.value_or(0) << "messages,"
                                         << r->bytes << "bytes";
        } else {
            s.error = r.error();
            s.errorString = r.errorString();
            qCWarning(lcBlackbox).noquote() << "saving failed:" << s.errorString;
        }
        ++(r.has_value() ? m_savesOk : m_savesFailed);
        Q_EMIT savingChanged(false);
        Q_EMIT saveFinished(r.has_value(), r ? r->name : r.errorString());
        done(s);
    });
    m_worker->start(QThread::LowPriority);
    Q_EMIT savingChanged(true);
}

QList<RecordingInfo> Blackbox::list() const
{
    return m_store.list();
}

std::optional<QString> Blackbox::pathOf(const QString &name) const
{
    return m_store.pathOf(name);
}

bool Blackbox::remove(const QString &name)
{
    return m_store.remove(name);
}

QByteArray Blackbox::metricsText() const
{
    QByteArray out;
    const auto one = [&out](const char *name, const char *type, const char *help, const QByteArray &value) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
        out += QByteArray(name) + ' ' + value + '\n';
    };
    one("omniscient_blackbox_states", "gauge", "States the black box holds (the last --blackbox-minutes).",
        QByteArray::number(m_ring.stateCount()));
    one("omniscient_blackbox_events", "gauge", "Events the black box holds.", QByteArray::number(m_ring.eventCount()));
    one("omniscient_blackbox_bytes_bound", "gauge", "The most memory the black box can hold, in bytes.",
        QByteArray::number(m_ring.bytesBound()));
    out += "# HELP omniscient_blackbox_saves_total Saves of the black box into the recordings folder, by result.\n"
           "# TYPE omniscient_blackbox_saves_total counter\n"
           "omniscient_blackbox_saves_total{result=\"ok\"} " +
           QByteArray::number(m_savesOk) + "\nomniscient_blackbox_saves_total{result=\"failed\"} " +
           QByteArray::number(m_savesFailed) + '\n';
    one("omniscient_blackbox_saving", "gauge", "1 while a save is being written.", isSaving() ? "1" : "0");
    return out;
}

} // namespace omni
