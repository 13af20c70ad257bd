// SPDX-License-Identifier: MIT
// The black box's routes of the mirror server: GET /api/events, and /api/recordings (list, save, download,
// delete) on a RecordingsApi the app gives (docs/SERVER.md). Saving answers later, when the worker is done.
#include "server/mirrorserver_p.h"

#include "omni/statejson.h"
#include "server/logging.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>

#include <cmath>

namespace omni {

namespace {

constexpr qsizetype kRecentEvents = 50;                 // what GET /api/events returns
constexpr qint64 kMaxDownloadBytes = qint64{512} << 20; // one answer is one buffer: larger files get 413
constexpr QByteArrayView kRecordingsPrefix = "/api/recordings/";

QJsonValue isoTime(const std::optional<qint64> &ns)
{
    if (!ns) {
        return QJsonValue::Null;
    }
    return QDateTime::fromMSecsSinceEpoch(*ns / 1000000, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject infoObject(const RecordingInfo &info)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), info.name);
    o.insert(QStringLiteral("url"), QStringLiteral("/api/recordings/") + info.name);
    o.insert(QStringLiteral("bytes"), static_cast<double>(info.bytes));
    o.insert(QStringLiteral("start"), isoTime(info.startNs));
    o.insert(QStringLiteral("end"), isoTime(info.endNs));
    o.insert(QStringLiteral("messages"),
             info.messages ? QJsonValue(static_cast<double>(*info.messages)) : QJsonValue(QJsonValue::Null));
    return o;
}

int statusOf(RecordingsError e)
{
    switch (e) {
    case RecordingsError::Off:
    case RecordingsError::Empty:
    case RecordingsError::Busy:
        return 409;
    case RecordingsError::BadRequest:
        return 400;
    case RecordingsError::NotFound:
        return 404;
    case RecordingsError::WriteFailed:
        break;
    }
    return 500;
}

} // namespace

void MirrorServerPrivate::rememberEvent(const QByteArray &json)
{
    m_recentEvents.append(json);
    while (m_recentEvents.size() > kRecentEvents) {
        m_recentEvents.removeFirst();
    }
}

http::Response MirrorServerPrivate::apiEvents(const http::Request &request)
{
    if (request.method != "GET" && request.method != "HEAD") {
        return http::textResponse(405, "method not allowed here; allowed: GET, HEAD").with("Allow", "GET, HEAD");
    }
    QByteArray body = "{\"events\":[";
    for (qsizetype i = 0; i < m_recentEvents.size(); ++i) {
        body.append(i == 0 ? "" : ",").append(m_recentEvents.at(i));
    }
    body.append("]}");
    return http::jsonResponse(200, body);
}

MirrorServerPrivate::Routed MirrorServerPrivate::apiRecordings(const http::Request &request, QByteArrayView body)
{
    Routed r;
    r.headOnly = request.method == "HEAD";
    const bool read = request.method == "GET" || request.method == "HEAD";
    if (m_recordings == nullptr) {
        r.response = http::textResponse(404, "this omniscient keeps no recordings (the black box is not wired in)");
        return r;
    }
    if (request.path == "/api/recordings") {
        if (read) {
            QJsonArray list;
            for (const RecordingInfo &info : m_recordings->list()) {
                list.append(infoObject(info));
            }
            const QJsonObject o{{QStringLiteral("recordings"), list}};
            r.response = http::jsonResponse(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
        } else if (request.method == "POST") {
            r.response = saveRequest(request, body, r.saveSeconds);
            r.deferSave = r.response.status == 0;
        } else {
            r.response = http::textResponse(405, "allowed here: GET, HEAD, POST").with("Allow", "GET, HEAD, POST");
        }
        return r;
    }
    const QString name = QString::fromUtf8(QByteArrayView(request.path).sliced(kRecordingsPrefix.size()));
    if (!RecordingsApi::validName(name)) {
        r.response = http::textResponse(
            404, "no such recording: a name is letters, digits, '.', '_' and '-' ending in .mcap, never a path");
        return r;
    }
    const auto path = m_recordings->pathOf(name);
    if (!path) {
        r.response = http::textResponse(404, "no such recording: " + name.toUtf8());
    } else if (read) {
        r.response = download(name, *path);
    } else if (request.method == "DELETE") {
        if (!mayWrite(request)) {
            r.response = http::textResponse(403, "requests from another origin may not delete recordings (use this "
                                                 "omniscient's own page, or give the access token)");
        } else if (!m_recordings->remove(name)) {
            r.response = http::textResponse(500, "cannot remove the recording " + name.toUtf8());
        } else {
            qCInfo(lcServer).noquote() << "removed the recording" << name;
            r.response.status = 204;
        }
    } else {
        r.response = http::textResponse(405, "allowed here: GET, HEAD, DELETE").with("Allow", "GET, HEAD, DELETE");
    }
    return r;
}

http::Response MirrorServerPrivate::saveRequest(const http::Request &request, QByteArrayView body, double &seconds)
{
    if (!mayWrite(request)) {
        return http::textResponse(403, "requests from another origin may not save recordings (use this "
                                       "omniscient's own page, or give the access token)");
    }
    const QByteArray mediaType = request.header("content-type").split(';').constFirst().trimmed().toLower();
    if (mediaType != "application/json") {
        return http::textResponse(415, "send the body as Content-Type: application/json");
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    const QJsonValue value = doc.object().value(QStringLiteral("seconds"));
    const bool all = value.isUndefined() || value.isNull();
    if (error.error != QJsonParseError::NoError || !doc.isObject() || (!all && !value.isDouble()) ||
        (value.isDouble() && (!std::isfinite(value.toDouble()) || value.toDouble() <= 0))) {
        return http::textResponse(400, "expected a JSON body like {\"seconds\":60} (a positive number; leave it out "
                                       "or null for everything the black box holds)");
    }
    seconds = all ? 0.0 : value.toDouble();
    return http::Response{0, {}, {}}; // status 0: go on and save
}

http::Response MirrorServerPrivate::download(const QString &name, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return http::textResponse(500, "cannot read the recording: " + file.errorString().toUtf8());
    }
    if (file.size() > kMaxDownloadBytes) {
        return http::textResponse(413, "this recording is larger than the server sends in one answer (512 MiB); copy "
                                       "it from the recordings folder");
    }
    http::Response r;
    r.body = file.readAll();
    r.with("Content-Type", "application/octet-stream");
    r.with("Content-Disposition", "attachment; filename=\"" + name.toUtf8() + '"');
    return r;
}

void MirrorServerPrivate::startSave(QTcpSocket *s, double seconds)
{
    const auto it = m_connections.find(s);
    if (it == m_connections.end()) {
        return;
    }
    it->saving = true;
    m_admission.settle(reinterpret_cast<ConnectionAdmission::Id>(s));
    it->timer->start(m_options.saveTimeout);
    QPointer<MirrorServer> server(q);
    QPointer<QTcpSocket> socket(s);
    m_recordings->save(seconds, [server, socket](const RecordingsApi::Saved &saved) {
        if (!server || !socket) {
            return; // the file is saved all the same; the client is gone
        }
        MirrorServerPrivate *d = server->d.get();
        const auto found = d->m_connections.find(socket.data());
        if (found == d->m_connections.end() || !found->saving) {
            return;
        }
        found->saving = false;
        if (!saved.info) {
            d->respond(socket, http::textResponse(statusOf(saved.error), saved.errorString.toUtf8()), false);
            return;
        }
        QJsonObject o = infoObject(*saved.info);
        o.remove(QStringLiteral("start"));
        o.remove(QStringLiteral("end"));
        http::Response r = http::jsonResponse(201, QJsonDocument(o).toJson(QJsonDocument::Compact));
        r.with("Location", "/api/recordings/" + saved.info->name.toUtf8());
        d->respond(socket, r, false);
    });
}

} // namespace omni
