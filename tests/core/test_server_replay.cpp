// SPDX-License-Identifier: MIT
// GET and POST /api/replay over real sockets, through a ReplayControl the test hands the server: 404 without a
// replay, the status, commands, and the access rules of POST /api/sound (origin, token, JSON body).
#include "test_server_support.h"

#include <omni/replaycontrol.h>

using namespace omni;
using namespace omni::test;

namespace {

class FakeReplay : public ReplayControl
{
public:
    QByteArray replayStatus() const override { return R"({"file":"a.mcap","playing":)" + playing + "}"; }
    Result<QByteArray, ReplayCommandError> replayCommand(const QByteArray &body) override
    {
        commands.append(body);
        if (body.contains("bogus")) {
            return fail(ReplayCommandError::Refused, QStringLiteral("unknown action \"bogus\""));
        }
        playing = body.contains("\"play\"") ? "true" : "false";
        return replayStatus();
    }
    QByteArray playing = "false";
    QList<QByteArray> commands;
};

class ReplayApi : public ServerTest
{
protected:
    HttpReply post(const QByteArray &body, const QByteArray &extra = "Content-Type: application/json\r\n")
    {
        const QByteArray head =
            request(port, "POST", "/api/replay", extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n");
        return exchange(port, head + body);
    }
    QByteArray sameOrigin() const
    {
        return "Content-Type: application/json\r\nOrigin: http://127.0.0.1:" + QByteArray::number(port) + "\r\n";
    }
    FakeReplay replay;
};

} // namespace

TEST_F(ReplayApi, IsNotFoundWithoutAReplay)
{
    start();
    const HttpReply r = get("/api/replay");
    EXPECT_EQ(r.status, 404);
    EXPECT_TRUE(r.body.contains("--replay"));
}

TEST_F(ReplayApi, GetAnswersTheStatusAndPostDrivesIt)
{
    start();
    server->setReplayControl(&replay);
    HttpReply r = get("/api/replay");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body, R"({"file":"a.mcap","playing":false})");
    r = post(R"({"action":"play"})", sameOrigin());
    ASSERT_EQ(r.status, 200) << r.raw.toStdString();
    EXPECT_EQ(r.body, R"({"file":"a.mcap","playing":true})");
    EXPECT_EQ(r.headers.value("cache-control"), "no-store");
    r = post(R"({"action":"bogus"})", sameOrigin());
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(r.body.contains("bogus"));
    EXPECT_EQ(exchange(port, request(port, "PUT", "/api/replay", "Content-Length: 0\r\n")).status, 405);
    server->setReplayControl(nullptr);
    EXPECT_EQ(get("/api/replay").status, 404);
}

TEST_F(ReplayApi, PostFollowsTheRulesOfTheSoundSwitch)
{
    start();
    server->setReplayControl(&replay);
    EXPECT_EQ(post(R"({"action":"play"})", "Content-Type: application/json\r\nOrigin: http://evil.example\r\n").status,
              403);
    EXPECT_EQ(post(R"({"action":"play"})",
                   "Content-Type: text/plain\r\nOrigin: http://127.0.0.1:" + QByteArray::number(port) + "\r\n")
                  .status,
              415);
    EXPECT_TRUE(replay.commands.isEmpty()) << "a refused request never reaches the replay";
}

TEST_F(ReplayApi, PostNeedsTheTokenWhenOneIsSet)
{
    MirrorServerOptions o = testOptions();
    o.token = QStringLiteral("s3cret");
    start(o);
    server->setReplayControl(&replay);
    EXPECT_EQ(post(R"({"action":"play"})", sameOrigin()).status, 401);
    EXPECT_EQ(get("/api/replay").status, 401);
    EXPECT_EQ(post(R"({"action":"play"})", sameOrigin() + "Authorization: Bearer s3cret\r\n").status, 200);
    EXPECT_EQ(replay.commands.size(), 1);
}
