// SPDX-License-Identifier: MIT
// The mirror server's HTTP routes over real sockets: embedded files, the API, /healthz, /metrics, access rules.
#include "test_server_support.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace omni;
using namespace omni::test;

namespace {
QByteArray resource(const QString &path)
{
    QFile f(QStringLiteral(":/testweb") + path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
QByteArray postSound(quint16 port, const QByteArray &body, const QByteArray &extra = {},
                     const QByteArray &path = "/api/sound")
{
    return request(port, "POST", path,
                   "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" +
                       extra) +
           body;
}
} // namespace

class Routes : public ServerTest
{
};

TEST_F(Routes, RootServesTheEmbeddedIndexWithTypeEtagAndRevalidation)
{
    start();
    const HttpReply r = get("/");
    ASSERT_EQ(r.status, 200) << r.raw.toStdString();
    EXPECT_EQ(r.body, resource(QStringLiteral("/index.html")));
    EXPECT_EQ(r.headers.value("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(r.headers.value("content-length").toInt(), r.body.size());
    EXPECT_EQ(r.headers.value("cache-control"), "no-cache");
    EXPECT_EQ(r.headers.value("connection"), "close");
    EXPECT_EQ(r.headers.value("x-content-type-options"), "nosniff");
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^\"[0-9a-f]{32}\"$"))
                    .match(QString::fromLatin1(r.headers.value("etag")))
                    .hasMatch())
        << r.headers.value("etag").toStdString();
    EXPECT_TRUE(r.closedByServer);
}

TEST_F(Routes, EveryEmbeddedFileHasTheContentTypeOfItsExtension)
{
    start();
    const std::vector<std::pair<QByteArray, QByteArray>> expected = {
        {"/index.html", "text/html; charset=utf-8"}, {"/app.js", "text/javascript; charset=utf-8"},
        {"/style.css", "text/css; charset=utf-8"},   {"/data.json", "application/json"},
        {"/icons/chick.svg", "image/svg+xml"},       {"/sounds/cluck.wav", "audio/wav"},
        {"/sub/", "text/html; charset=utf-8"},
    };
    for (const auto &[path, type] : expected) {
        const HttpReply r = get(path);
        EXPECT_EQ(r.status, 200) << path.constData();
        EXPECT_EQ(r.headers.value("content-type"), type) << path.constData();
        EXPECT_FALSE(r.body.isEmpty()) << path.constData();
    }
    EXPECT_EQ(get("/sounds/cluck.wav").body, resource(QStringLiteral("/sounds/cluck.wav"))); // binary intact
}

TEST_F(Routes, MatchingIfNoneMatchGets304WithoutBodyAndAStaleOneGets200)
{
    start();
    const QByteArray etag = get("/app.js").headers.value("etag");
    ASSERT_FALSE(etag.isEmpty());
    const HttpReply same = get("/app.js", "If-None-Match: " + etag + "\r\n");
    EXPECT_EQ(same.status, 304);
    EXPECT_TRUE(same.body.isEmpty());
    EXPECT_EQ(same.headers.value("etag"), etag);
    const HttpReply listed = get("/app.js", "If-None-Match: \"nope\", W/" + etag + "\r\n");
    EXPECT_EQ(listed.status, 304);
    const HttpReply other = get("/app.js", "If-None-Match: \"0123\"\r\n");
    EXPECT_EQ(other.status, 200);
    EXPECT_EQ(other.body, resource(QStringLiteral("/app.js")));
    EXPECT_NE(get("/style.css").headers.value("etag"), etag); // a hash of each file's content
}

TEST_F(Routes, HeadSendsTheHeadersOfGetWithoutTheBody)
{
    start();
    const HttpReply r = exchange(port, request(port, "HEAD", "/style.css"));
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(r.body.isEmpty());
    EXPECT_EQ(r.headers.value("content-length").toInt(), resource(QStringLiteral("/style.css")).size());
    EXPECT_EQ(r.headers.value("content-type"), "text/css; charset=utf-8");
    const HttpReply api = exchange(port, request(port, "HEAD", "/api/sound"));
    EXPECT_EQ(api.status, 200);
    EXPECT_TRUE(api.body.isEmpty());
}

TEST_F(Routes, UnknownPathsAre404)
{
    start();
    for (const char *path : {"/nope", "/index.htm", "/icons", "/icons/", "/api/nope", "/API/state", "/ws/x"}) {
        const HttpReply r = get(path);
        EXPECT_EQ(r.status, 404) << path;
    }
}

TEST_F(Routes, OtherMethodsOnAPageAre405WithAllow)
{
    start();
    const HttpReply post = exchange(port, postSound(port, "x", {}, "/"));
    EXPECT_EQ(post.status, 405);
    EXPECT_EQ(post.headers.value("allow"), "GET, HEAD");
    EXPECT_EQ(exchange(port, request(port, "DELETE", "/app.js")).status, 405);
    EXPECT_EQ(exchange(port, request(port, "PUT", "/api/state")).headers.value("allow"), "GET, HEAD");
    EXPECT_EQ(exchange(port, request(port, "DELETE", "/api/sound")).headers.value("allow"), "GET, HEAD, POST");
    EXPECT_EQ(exchange(port, request(port, "POST", "/healthz")).status, 405);
    EXPECT_EQ(exchange(port, request(port, "POST", "/ws")).headers.value("allow"), "GET");
}

TEST_F(Routes, PathTraversalNeverEscapesTheEmbeddedFiles)
{
    start();
    for (const char *path :
         {"/../CMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd", "/icons/..%2f..%2fetc%2fpasswd", "/icons/../app.js",
          "/.%2e/app.js", "/app.js%00.html", "/icons\\chick.svg", "/%5c..%5capp.js"}) {
        const HttpReply r = get(path);
        EXPECT_EQ(r.status, 400) << path;
        EXPECT_TRUE(r.closedByServer);
    }
    EXPECT_EQ(get("/%252e%252e/app.js").status, 404);
    EXPECT_EQ(get("//etc/passwd").status, 404);
}

TEST_F(Routes, ApiStateIs503WithTheLinkUntilAStateArrives)
{
    start();
    const HttpReply waiting = get("/api/state");
    EXPECT_EQ(waiting.status, 503);
    EXPECT_EQ(waiting.headers.value("content-type"), "application/json");
    EXPECT_EQ(waiting.headers.value("cache-control"), "no-store");
    const QJsonObject link = QJsonDocument::fromJson(waiting.body).object();
    EXPECT_EQ(link.value(QLatin1String("type")).toString(), QStringLiteral("link"));
    EXPECT_EQ(link.value(QLatin1String("link")).toString(), QStringLiteral("waiting"));

    hub.acceptLink(makeLink(LinkStatus::Live));
    hub.acceptState(makeState(77));
    const HttpReply live = get("/api/state");
    ASSERT_EQ(live.status, 200);
    const QJsonObject state = QJsonDocument::fromJson(live.body).object();
    EXPECT_EQ(state.value(QLatin1String("type")).toString(), QStringLiteral("state"));
    EXPECT_EQ(state.value(QLatin1String("seq")).toInteger(), 77);
    EXPECT_EQ(state.value(QLatin1String("link")).toString(), QStringLiteral("live"));
    EXPECT_EQ(state.value(QLatin1String("motor_power")).toArray().at(1).toInt(), -20);
}

TEST_F(Routes, ApiStateSharesTheHubsFrameButGivesTheAgeAtTheRequest)
{
    start();
    hub.acceptLink(makeLink(LinkStatus::Live));
    hub.acceptState(makeState(5)); // published now
    const QByteArray frame = hub.stateJson();
    ASSERT_LE(QJsonDocument::fromJson(frame).object().value(QLatin1String("age_ms")).toInteger(), 200);
    const quint64 serialised = hub.statesSerialised();
    waitUntil([] { return false; }, 400ms);

    const QJsonObject first = QJsonDocument::fromJson(get("/api/state").body).object();
    const QJsonObject second = QJsonDocument::fromJson(get("/api/state").body).object();
    EXPECT_GE(first.value(QLatin1String("age_ms")).toInteger(), 400) << "the age when asked, not when serialised";
    EXPECT_GE(second.value(QLatin1String("age_ms")).toInteger(), first.value(QLatin1String("age_ms")).toInteger());
    EXPECT_EQ(first.value(QLatin1String("seq")).toInteger(), 5);
    EXPECT_EQ(hub.statesSerialised(), serialised) << "requests reuse the shared frame";
    EXPECT_EQ(server->stats().statesSerialised, serialised);
}

TEST_F(Routes, HealthzAnswersOk)
{
    start();
    const HttpReply r = get("/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "ok\n");
}

TEST_F(Routes, MetricsNeedTheTokenOnlyWhenAskedTo)
{
    MirrorServerOptions o = testOptions();
    o.token = QStringLiteral("t0k3n");
    start(o);
    EXPECT_EQ(get("/metrics").status, 200) << "by default a scraper needs no token";
    server.reset();
    o.tokenGuardsMetrics = true;
    start(o);
    const HttpReply refused = get("/metrics");
    EXPECT_EQ(refused.status, 401);
    EXPECT_TRUE(refused.body.contains("Bearer")) << refused.body.toStdString();
    EXPECT_FALSE(refused.body.contains("omniscient_")) << "no metric leaks out";
    const HttpReply wrong = get("/metrics", "Authorization: Bearer nope\r\n");
    EXPECT_EQ(wrong.status, 401);
    const HttpReply ok = get("/metrics", "Authorization: Bearer t0k3n\r\n");
    EXPECT_EQ(ok.status, 200);
    EXPECT_TRUE(ok.body.contains("omniscient_")) << ok.body.left(200).toStdString();
}

TEST_F(Routes, MetricsAreValidPrometheusTextWithTheCountersWeNeed)
{
    start();
    hub.acceptLink(makeLink(LinkStatus::Live));
    hub.acceptState(makeState(1));
    WsClient client;
    ASSERT_TRUE(client.open(port));
    ASSERT_TRUE(client.waitFor([&] { return client.hasSeq(1); }));
    get("/nope"); // one 404 to count

    const HttpReply r = get("/metrics");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.headers.value("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    ASSERT_TRUE(r.body.endsWith('\n'));
    const QRegularExpression help(QStringLiteral(R"(^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S.*$)"));
    const QRegularExpression type(
        QStringLiteral(R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)"));
    const QRegularExpression sample(QStringLiteral(
        R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? (NaN|[+-]Inf|[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)$)"));
    QMap<QString, QString> typed;
    QMap<QString, double> values;
    for (const QByteArray &rawLine : r.body.chopped(1).split('\n')) {
        const QString line = QString::fromUtf8(rawLine);
        if (const auto m = help.match(line); m.hasMatch()) {
            continue;
        }
        if (const auto m = type.match(line); m.hasMatch()) {
            EXPECT_FALSE(typed.contains(m.captured(1))) << "TYPE twice: " << line.toStdString();
            typed.insert(m.captured(1), m.captured(2));
            continue;
        }
        const auto m = sample.match(line);
        ASSERT_TRUE(m.hasMatch()) << "not exposition format: " << line.toStdString();
        EXPECT_TRUE(typed.contains(m.captured(1))) << "sample before its TYPE: " << line.toStdString();
        values.insert(m.captured(1) + m.captured(2), m.captured(3).toDouble());
    }
    for (const char *name :
         {"omniscient_clients", "omniscient_messages_sent_total", "omniscient_states_coalesced_total",
          "omniscient_states_skipped_total", "omniscient_link_status", "omniscient_publish_rate_hz",
          "omniscient_state_age_seconds", "omniscient_uptime_seconds", "omniscient_bytes_buffered"}) {
        EXPECT_TRUE(typed.contains(QLatin1String(name))) << name;
    }
    EXPECT_EQ(typed.value(QStringLiteral("omniscient_messages_sent_total")), QStringLiteral("counter"));
    EXPECT_EQ(values.value(QStringLiteral("omniscient_clients")), 1.0);
    EXPECT_GE(values.value(QStringLiteral("omniscient_messages_sent_total")), 2.0); // hello + state
    EXPECT_EQ(values.value(QStringLiteral("omniscient_link_status{status=\"live\"}")), 1.0);
    EXPECT_EQ(values.value(QStringLiteral("omniscient_link_status{status=\"stale\"}")), 0.0);
    EXPECT_EQ(values.value(QStringLiteral("omniscient_link_layout{layout=\"omni-v1\"}")), 1.0);
    EXPECT_EQ(values.value(QStringLiteral("omniscient_link_layout{layout=\"legacy-64\"}"), -1.0), 0.0);
    EXPECT_EQ(values.value(QStringLiteral("omniscient_http_responses_total{code=\"404\"}")), 1.0);
    EXPECT_EQ(values.value(QStringLiteral("omniscient_states_received_total")), 1.0);
}

TEST_F(Routes, MetricsNameTheLayoutOfTheRobotBeingRead)
{
    start();
    LinkInfo link = makeLink(LinkStatus::Live);
    link.layout = Layout::Legacy64;
    hub.acceptLink(link);
    const QByteArray body = get("/metrics").body;
    EXPECT_TRUE(body.contains("\nomniscient_link_layout{layout=\"legacy-64\"} 1\n")) << body.toStdString();
    EXPECT_TRUE(body.contains("\nomniscient_link_layout{layout=\"legacy-56\"} 0\n"));
    EXPECT_TRUE(body.contains("\nomniscient_link_layout{layout=\"omni-v1\"} 0\n"));
}

TEST_F(Routes, SoundIsReadAndSwitchedOverHttpAndEveryClientHearsIt)
{
    start();
    WsClient client;
    ASSERT_TRUE(client.open(port));
    EXPECT_EQ(QJsonDocument::fromJson(get("/api/sound").body).object().value(QLatin1String("enabled")), true);

    const HttpReply r = exchange(port, postSound(port, R"({"enabled": false})"));
    ASSERT_EQ(r.status, 200) << r.raw.toStdString();
    EXPECT_EQ(r.body, R"({"enabled":false})");
    EXPECT_FALSE(hub.soundEnabled());
    ASSERT_TRUE(client.waitFor([&] { return !client.ofType("sound").empty(); }));
    EXPECT_EQ(client.ofType("sound").back().value(QLatin1String("enabled")), false);
    EXPECT_EQ(QJsonDocument::fromJson(get("/api/sound").body).object().value(QLatin1String("enabled")), false);
}

TEST_F(Routes, SoundSaysWhereThisMachineClucksAndEveryClientHearsAChange)
{
    start();
    WsClient client;
    ASSERT_TRUE(client.open(port));
    EXPECT_FALSE(get("/api/sound").body.contains("output")) << "nothing plays sounds here: not said";
    hub.setSoundOutput(QStringLiteral("none"));
    EXPECT_EQ(get("/api/sound").body, R"({"enabled":true,"output":"none"})");
    ASSERT_TRUE(client.waitFor([&] { return !client.ofType("sound").empty(); }));
    EXPECT_EQ(client.ofType("sound").back().value(QLatin1String("output")), QStringLiteral("none"));

    WsClient later;
    ASSERT_TRUE(later.open(port));
    ASSERT_TRUE(later.waitFor([&] { return !later.ofType("hello").empty(); }));
    EXPECT_EQ(later.ofType("hello").front().value(QLatin1String("sound_output")), QStringLiteral("none"));
}

TEST_F(Routes, TheSoundsThisMachinePlaysAreServedAndAnnouncedAsTheyPlay)
{
    start();
    EXPECT_EQ(get("/sounds/cluck-1.ogg").status, 404) << "nothing until the voice offers it";
    server->setSounds({{QStringLiteral("cluck-1.ogg"), QByteArray("OggS fake")},
                       {QStringLiteral("../escape.wav"), QByteArray("no")},
                       {QStringLiteral("obstacle.wav"), QByteArray("RIFF fake")}});
    HttpReply r = get("/sounds/cluck-1.ogg");
    ASSERT_EQ(r.status, 200) << r.raw.toStdString();
    EXPECT_EQ(r.body, "OggS fake");
    EXPECT_EQ(r.headers.value("content-type"), "audio/ogg");
    EXPECT_EQ(get("/sounds/obstacle.wav").headers.value("content-type"), "audio/wav");
    EXPECT_EQ(get("/sounds/escape.wav").status, 404) << "a name with a '/' is never served";
    server->setSounds({{QStringLiteral("cluck-1.wav"), QByteArray("RIFF")}});
    EXPECT_EQ(get("/sounds/cluck-1.ogg").status, 404) << "replaced, not added to";
    EXPECT_EQ(get("/sounds/cluck-1.wav").status, 200);
    EXPECT_EQ(get("/").status, 200) << "the page's own files stay";

    WsClient client;
    ASSERT_TRUE(client.open(port));
    ASSERT_TRUE(client.waitFor([&] { return !client.ofType("hello").empty(); }));
    hub.announceSound(QStringLiteral("cluck"), QStringLiteral("sounds/cluck-1.wav"));
    ASSERT_TRUE(client.waitFor([&] { return !client.ofType("cue").empty(); }));
    EXPECT_EQ(client.ofType("cue").front().value(QLatin1String("cue")), QStringLiteral("cluck"));
    EXPECT_EQ(client.ofType("cue").front().value(QLatin1String("sample")), QStringLiteral("sounds/cluck-1.wav"));
}

TEST_F(Routes, SoundPostFromAnotherOriginIs403AndFromThisOneIsAccepted)
{
    start();
    const HttpReply foreign =
        exchange(port, postSound(port, R"({"enabled":false})", "Origin: http://evil.example\r\n"));
    EXPECT_EQ(foreign.status, 403);
    EXPECT_TRUE(hub.soundEnabled());
    const QByteArray otherPort = "Origin: http://127.0.0.1:" + QByteArray::number(port + 1) + "\r\n";
    EXPECT_EQ(exchange(port, postSound(port, R"({"enabled":false})", otherPort)).status, 403);
    EXPECT_EQ(exchange(port, postSound(port, R"({"enabled":false})", "Origin: null\r\n")).status, 403);
    EXPECT_TRUE(hub.soundEnabled());

    const QByteArray self = "Origin: http://127.0.0.1:" + QByteArray::number(port) + "\r\n";
    EXPECT_EQ(exchange(port, postSound(port, R"({"enabled":false})", self)).status, 200);
    EXPECT_FALSE(hub.soundEnabled());
    EXPECT_EQ(exchange(port, postSound(port, R"({"enabled":true})")).status, 200); // no Origin: curl, scripts
    EXPECT_TRUE(hub.soundEnabled());
}

TEST_F(Routes, SoundPostNeedsALengthAndASmallJsonBody)
{
    start();
    EXPECT_EQ(exchange(port, postSound(port, "enabled=false")).status, 400);
    EXPECT_EQ(exchange(port, postSound(port, R"({"enabled":"no"})")).status, 400);
    EXPECT_EQ(exchange(port, postSound(port, "[]")).status, 400);
    EXPECT_EQ(exchange(port, request(port, "POST", "/api/sound", "Content-Type: application/json\r\n")).status, 411);
    EXPECT_EQ(exchange(port, postSound(port, QByteArray(4000, ' ') + R"({"enabled":false})")).status, 413);
    EXPECT_TRUE(hub.soundEnabled());
}

TEST_F(Routes, TokenGuardsTheApiAndTheStreamButNotThePage)
{
    MirrorServerOptions o = testOptions();
    o.token = QStringLiteral("s3cret+/=");
    start(o);
    const HttpReply none = get("/api/state");
    EXPECT_EQ(none.status, 401);
    EXPECT_TRUE(none.body.contains("token"));
    EXPECT_EQ(none.headers.value("www-authenticate"), "Bearer realm=\"omniscient\"");
    EXPECT_EQ(get("/api/state?token=wrong").status, 401);
    EXPECT_EQ(get("/api/state?token=s3cret").status, 401); // a prefix is not the token
    EXPECT_EQ(get("/api/sound?token=s3cret%2B%2F%3D").status, 200);
    EXPECT_EQ(get("/api/sound", "Authorization: Bearer s3cret+/=\r\n").status, 200);
    EXPECT_EQ(get("/api/sound", "Authorization: bearer s3cret+/=\r\n").status, 200);
    EXPECT_EQ(get("/api/sound", "Authorization: Bearer nope\r\n").status, 401);
    EXPECT_EQ(get("/").status, 200);
    EXPECT_EQ(get("/healthz").status, 200);

    EXPECT_EQ(exchange(port, request(port, "GET", "/ws", upgradeHeaders())).status, 401);
    WsClient wrong;
    EXPECT_FALSE(wrong.open(port, QStringLiteral("?token=nope")));
    WsClient byQuery;
    EXPECT_TRUE(byQuery.open(port, QStringLiteral("?token=s3cret%2B%2F%3D")));
    WsClient byHeader;
    EXPECT_TRUE(byHeader.open(port, {}, {{"Authorization", "Bearer s3cret+/="}}));

    // With the token, another origin may switch the sound; without it, nobody may.
    const QByteArray evil = "Origin: http://evil.example\r\n";
    EXPECT_EQ(exchange(port, postSound(port, R"({"enabled":false})", evil)).status, 401);
    EXPECT_EQ(exchange(port, postSound(port, R"({"enabled":false})", {}, "/api/sound?token=s3cret%2B%2F%3D")).status,
              200);
    EXPECT_EQ(
        exchange(port, postSound(port, R"({"enabled":true})", evil + "Authorization: Bearer s3cret+/=\r\n")).status,
        200);
    EXPECT_TRUE(hub.soundEnabled());
}
