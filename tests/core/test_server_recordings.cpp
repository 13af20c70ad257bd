// SPDX-License-Identifier: MIT
// The black box's routes over real sockets, on a RecordingsApi of the test's own (files in a temporary folder):
// events on the stream and GET /api/events, and /api/recordings (save, list, download, delete) with its access
// rules and its names.
#include "test_server_support.h"

#include <omni/recordingsapi.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>

using namespace omni;
using namespace omni::test;

namespace {

/// Recordings in a temporary folder; save() writes a small file later, from the event loop, as the real one does.
class FolderRecordings : public RecordingsApi
{
public:
    void save(double seconds, std::function<void(const Saved &)> done) override
    {
        lastSeconds = seconds;
        QTimer::singleShot(10, [this, done = std::move(done)] {
            Saved s;
            if (failWith) {
                s.error = *failWith;
                s.errorString = QStringLiteral("refused by the test");
                done(s);
                return;
            }
            const QString name = QStringLiteral("rec-%1.mcap").arg(++saves);
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write("0123456789");
            f.close();
            s.info = RecordingInfo{name, 10, 1000000000, 2000000000, 3};
            done(s);
        });
    }
    QList<RecordingInfo> list() const override
    {
        QList<RecordingInfo> out;
        for (const QFileInfo &f : QDir(dir.path()).entryInfoList({QStringLiteral("*.mcap")}, QDir::Files)) {
            out.append(RecordingInfo{f.fileName(), f.size(), std::nullopt, std::nullopt, std::nullopt});
        }
        return out;
    }
    std::optional<QString> pathOf(const QString &name) const override
    {
        const QString path = dir.filePath(name);
        return QFile::exists(path) ? std::optional<QString>(path) : std::nullopt;
    }
    bool remove(const QString &name) override { return QFile::remove(dir.filePath(name)); }

    QTemporaryDir dir;
    double lastSeconds = -1;
    int saves = 0;
    std::optional<RecordingsError> failWith;
};

class Recordings : public ServerTest
{
protected:
    void startWith(MirrorServerOptions o = testOptions())
    {
        start(o);
        server->setRecordings(&recordings);
    }
    HttpReply post(const QByteArray &body, const QByteArray &extra = {}, const QByteArray &path = "/api/recordings")
    {
        return exchange(port, request(port, "POST", path,
                                      "Content-Type: application/json\r\nContent-Length: " +
                                          QByteArray::number(body.size()) + "\r\n" + extra) +
                                  body);
    }
    FolderRecordings recordings;
};

QJsonObject jsonOf(const HttpReply &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

TEST_F(Recordings, EventsAreStreamedToEveryClientAndKeptForApiEvents)
{
    startWith();
    WsClient a;
    WsClient b;
    ASSERT_TRUE(a.open(port));
    ASSERT_TRUE(b.open(port));
    Event e;
    e.kind = EventKind::ObstacleDetected;
    e.seq = 7;
    e.to = 1;
    server->publishEvent(e);
    ASSERT_TRUE(a.waitFor([&] { return !a.ofType("event").empty(); }));
    ASSERT_TRUE(b.waitFor([&] { return !b.ofType("event").empty(); }));
    EXPECT_EQ(a.ofType("event").front().value(QLatin1String("kind")).toString(), QStringLiteral("obstacle_detected"));
    const HttpReply r = get("/api/events");
    EXPECT_EQ(r.status, 200);
    const QJsonArray events = jsonOf(r).value(QLatin1String("events")).toArray();
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events.at(0).toObject().value(QLatin1String("seq")).toInteger(), 7);
}

TEST_F(Recordings, ApiEventsKeepsOnlyTheLast50)
{
    startWith();
    for (int i = 0; i < 60; ++i) {
        Event e;
        e.seq = static_cast<quint64>(i);
        server->publishEvent(e);
    }
    const QJsonArray events = jsonOf(get("/api/events")).value(QLatin1String("events")).toArray();
    ASSERT_EQ(events.size(), 50);
    EXPECT_EQ(events.at(0).toObject().value(QLatin1String("seq")).toInteger(), 10);
}

TEST_F(Recordings, PostSavesAndAnswers201WithTheFileWhenItIsWritten)
{
    startWith();
    const HttpReply r = post(R"({"seconds":60})");
    ASSERT_EQ(r.status, 201) << r.raw.toStdString();
    EXPECT_EQ(recordings.lastSeconds, 60.0);
    const QJsonObject o = jsonOf(r);
    EXPECT_EQ(o.value(QLatin1String("name")).toString(), QStringLiteral("rec-1.mcap"));
    EXPECT_EQ(o.value(QLatin1String("url")).toString(), QStringLiteral("/api/recordings/rec-1.mcap"));
    EXPECT_EQ(o.value(QLatin1String("messages")).toInteger(), 3);
    EXPECT_EQ(o.value(QLatin1String("bytes")).toInteger(), 10);
    EXPECT_EQ(r.headers.value("location"), QByteArray("/api/recordings/rec-1.mcap"));
    // No seconds: everything.
    EXPECT_EQ(post("{}").status, 201);
    EXPECT_EQ(recordings.lastSeconds, 0.0);
}

TEST_F(Recordings, ABadBodyOrAFailedSaveSaysWhy)
{
    startWith();
    for (const QByteArray &bad : {QByteArray("{\"seconds\":-1}"), QByteArray("{\"seconds\":\"60\"}"),
                                  QByteArray("[60]"), QByteArray("sixty")}) {
        const HttpReply r = post(bad);
        EXPECT_EQ(r.status, 400) << bad.toStdString();
        EXPECT_TRUE(r.body.contains("seconds")) << r.body.toStdString();
    }
    EXPECT_EQ(recordings.saves, 0);
    const HttpReply form = exchange(
        port, request(port, "POST", "/api/recordings", "Content-Type: text/plain\r\nContent-Length: 2\r\n") + "{}");
    EXPECT_EQ(form.status, 415);
    recordings.failWith = RecordingsError::Empty;
    const HttpReply empty = post("{}");
    EXPECT_EQ(empty.status, 409);
    EXPECT_TRUE(empty.body.contains("refused by the test"));
}

TEST_F(Recordings, ListDownloadAndDelete)
{
    startWith();
    ASSERT_EQ(post("{}").status, 201);
    const QJsonArray list = jsonOf(get("/api/recordings")).value(QLatin1String("recordings")).toArray();
    ASSERT_EQ(list.size(), 1);
    const QJsonObject item = list.at(0).toObject();
    EXPECT_EQ(item.value(QLatin1String("name")).toString(), QStringLiteral("rec-1.mcap"));
    EXPECT_EQ(item.value(QLatin1String("bytes")).toInteger(), 10);
    EXPECT_TRUE(item.value(QLatin1String("start")).isNull());
    EXPECT_TRUE(item.contains(QLatin1String("end")));
    EXPECT_TRUE(item.contains(QLatin1String("messages")));

    const HttpReply file = get("/api/recordings/rec-1.mcap");
    EXPECT_EQ(file.status, 200);
    EXPECT_EQ(file.body, QByteArray("0123456789"));
    EXPECT_EQ(file.headers.value("content-disposition"), QByteArray("attachment; filename=\"rec-1.mcap\""));

    EXPECT_EQ(exchange(port, request(port, "DELETE", "/api/recordings/rec-1.mcap")).status, 204);
    EXPECT_EQ(get("/api/recordings/rec-1.mcap").status, 404);
    EXPECT_EQ(exchange(port, request(port, "DELETE", "/api/recordings/rec-1.mcap")).status, 404);
}

TEST_F(Recordings, NamesCannotEscapeTheFolder)
{
    startWith();
    QFile secret(QDir(recordings.dir.path()).filePath(QStringLiteral("../secret.mcap")));
    for (const QByteArray &path :
         {QByteArray("/api/recordings/..%2Fsecret.mcap"), QByteArray("/api/recordings/sub/x.mcap"),
          QByteArray("/api/recordings/.hidden.mcap"), QByteArray("/api/recordings/x.txt"),
          QByteArray("/api/recordings/%2e%2e%2fsecret.mcap")}) {
        const int status = get(path).status;
        EXPECT_TRUE(status == 404 || status == 400) << path.toStdString() << " " << status;
        const int deleted = exchange(port, request(port, "DELETE", path)).status;
        EXPECT_TRUE(deleted == 404 || deleted == 400) << path.toStdString() << " " << deleted;
    }
}

TEST_F(Recordings, WritingNeedsTheTokenOrThisOriginAsTheSoundSwitchDoes)
{
    MirrorServerOptions o = testOptions();
    o.token = QStringLiteral("s3cret");
    startWith(o);
    EXPECT_EQ(post("{}").status, 401);
    EXPECT_EQ(get("/api/recordings").status, 401);
    EXPECT_EQ(post("{}", "Authorization: Bearer s3cret\r\n").status, 201);
    EXPECT_EQ(get("/api/recordings/rec-1.mcap?token=s3cret").status, 200);
    EXPECT_EQ(exchange(port, request(port, "DELETE", "/api/recordings/rec-1.mcap")).status, 401);
    EXPECT_EQ(recordings.saves, 1);
}

TEST_F(Recordings, AnotherOriginMayNotSaveOrDeleteWithoutAToken)
{
    startWith();
    EXPECT_EQ(post("{}", "Origin: http://evil.example\r\n").status, 403);
    EXPECT_EQ(recordings.saves, 0);
    const QByteArray self = "Origin: http://127.0.0.1:" + QByteArray::number(port) + "\r\n";
    ASSERT_EQ(post("{}", self).status, 201);
    EXPECT_EQ(
        exchange(port, request(port, "DELETE", "/api/recordings/rec-1.mcap", "Origin: http://evil.example\r\n")).status,
        403);
    EXPECT_EQ(exchange(port, request(port, "DELETE", "/api/recordings/rec-1.mcap", self)).status, 204);
}

TEST_F(Recordings, WithoutARecordingsApiTheRoutesAnswer404)
{
    start();
    EXPECT_EQ(get("/api/recordings").status, 404);
    EXPECT_EQ(post("{}").status, 404);
}
