// SPDX-License-Identifier: MIT
// The mirror server's request-head parser and helpers: pure functions, no sockets.
#include "server/httprequest.h"
#include "server/httpresponse.h"

#include <gtest/gtest.h>

using namespace omni::http;
using Status = ParseOutcome::Status;

namespace {
ParseOutcome parse(QByteArrayView data, const Limits &limits = {})
{
    return parseRequestHead(data, limits);
}
} // namespace

TEST(HttpParser, ParsesACompleteGetWithHeadersAndQuery)
{
    const QByteArray raw = "GET /api/state?token=a%20b&x=1 HTTP/1.1\r\nHost: pi:3001\r\nX-Thing:  v a l \r\n\r\nBODY";
    const ParseOutcome r = parse(raw);
    ASSERT_EQ(r.status, Status::Complete) << r.error.toStdString();
    EXPECT_EQ(r.request.method, "GET");
    EXPECT_EQ(r.request.path, "/api/state");
    EXPECT_EQ(r.request.query, "token=a%20b&x=1");
    EXPECT_EQ(r.request.versionMinor, 1);
    EXPECT_EQ(r.request.header("host"), "pi:3001");
    EXPECT_EQ(r.request.header("x-thing"), "v a l");
    EXPECT_EQ(r.headBytes, raw.indexOf("BODY"));
}

TEST(HttpParser, WaitsForMoreBytesWhileTheHeadIsIncomplete)
{
    EXPECT_EQ(parse("").status, Status::Incomplete);
    EXPECT_EQ(parse("GE").status, Status::Incomplete);
    EXPECT_EQ(parse("GET / HTTP/1.1\r\nHost: x\r\n").status, Status::Incomplete);
}

TEST(HttpParser, AcceptsHttp10WithoutHostAndNoHeaders)
{
    const ParseOutcome r = parse("HEAD / HTTP/1.0\r\n\r\n");
    ASSERT_EQ(r.status, Status::Complete) << r.error.toStdString();
    EXPECT_EQ(r.request.versionMinor, 0);
    EXPECT_EQ(r.request.method, "HEAD");
}

TEST(HttpParser, RefusesGarbageBeforeTheLineIsComplete)
{
    // A TLS ClientHello, or any binary, is refused at once: no waiting for a CRLF or the timeout.
    const ParseOutcome tls = parse(QByteArray::fromHex("16030100a5010000a10303"));
    EXPECT_EQ(tls.status, Status::Error);
    EXPECT_EQ(tls.errorStatus, 400);
    EXPECT_EQ(parse("\x01\x02\x03").status, Status::Error);
    EXPECT_EQ(parse(" GET").status, Status::Error);
}

TEST(HttpParser, MalformedRequestLinesAre400)
{
    for (const char *line : {"GET /\r\n\r\n", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
                             "GET / HTTP/1.1 x\r\nHost: x\r\n\r\n", "GET / FTP/1.1\r\nHost: x\r\n\r\n",
                             "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", "GET http://evil/ HTTP/1.1\r\nHost: x\r\n\r\n",
                             "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", "GET /a#b HTTP/1.1\r\nHost: x\r\n\r\n"}) {
        const ParseOutcome r = parse(line);
        EXPECT_EQ(r.status, Status::Error) << line;
        EXPECT_EQ(r.errorStatus, 400) << line;
    }
}

TEST(HttpParser, OtherHttpVersionsAre505)
{
    const ParseOutcome r = parse("GET / HTTP/2.0\r\nHost: x\r\n\r\n");
    EXPECT_EQ(r.status, Status::Error);
    EXPECT_EQ(r.errorStatus, 505);
}

TEST(HttpParser, BareLineFeedsAndFoldingAndControlBytesAre400)
{
    for (const QByteArray &raw :
         {QByteArray("GET / HTTP/1.1\nHost: x\n\n"), QByteArray("GET / HTTP/1.1\r\nHost: x\nA: b\r\n\r\n"),
          QByteArray("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n"),
          QByteArray("GET / HTTP/1.1\r\nHost: x\r\nA: b\x01\r\n\r\n"),
          QByteArray("GET / HTTP/1.1\r\nHost: x\r\nA : b\r\n\r\n"),
          QByteArray("GET / HTTP/1.1\r\nHost: x\r\nA: \0b\r\n\r\n", 34),
          QByteArray("GET / HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n")}) {
        const ParseOutcome r = parse(raw);
        EXPECT_EQ(r.status, Status::Error) << raw.toStdString();
        EXPECT_EQ(r.errorStatus, 400) << raw.toStdString();
    }
}

TEST(HttpParser, Http11WithoutHostOrWithTwoIs400)
{
    EXPECT_EQ(parse("GET / HTTP/1.1\r\n\r\n").errorStatus, 400);
    EXPECT_EQ(parse("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").errorStatus, 400);
}

TEST(HttpParser, ContentLengthMustBeOneNumber)
{
    const ParseOutcome ok = parse("POST /api/sound HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n");
    ASSERT_EQ(ok.status, Status::Complete);
    EXPECT_EQ(ok.request.contentLength, 17);
    EXPECT_EQ(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n").errorStatus, 400);
    EXPECT_EQ(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n").errorStatus, 400);
    EXPECT_EQ(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n").errorStatus, 400);
    EXPECT_EQ(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n").errorStatus, 501);
}

TEST(HttpParser, PathTraversalAndEncodedTricksAre400)
{
    for (const char *target :
         {"/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc", "/a/..", "/./index.html", "/a/%2e/b", "/a\\b",
          "/%5c..%5cwin.ini", "/%00", "/a%0d%0aSet-Cookie:x", "/%zz", "/%2", "/\x7f"}) {
        const QByteArray raw = QByteArray("GET ") + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
        const ParseOutcome r = parse(raw);
        EXPECT_EQ(r.status, Status::Error) << target;
        EXPECT_EQ(r.errorStatus, 400) << target;
    }
}

TEST(HttpParser, DecodesHarmlessEscapesInThePath)
{
    const ParseOutcome r = parse("GET /icons/chick%20one.svg HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(r.status, Status::Complete);
    EXPECT_EQ(r.request.path, "/icons/chick one.svg");
    // A double-encoded ".." is just a strange file name after one decoding; lookup then fails (404).
    const ParseOutcome twice = parse("GET /%252e%252e/x HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(twice.status, Status::Complete);
    EXPECT_EQ(twice.request.path, "/%2e%2e/x");
}

TEST(HttpParser, OversizedHeadIs431AndLongTargetIs414)
{
    Limits limits;
    limits.maxHeadBytes = 256;
    const QByteArray big = "GET / HTTP/1.1\r\nHost: x\r\nX: " + QByteArray(300, 'a');
    EXPECT_EQ(parse(big, limits).errorStatus, 431); // no end in sight, already past the cap
    EXPECT_EQ(parse(big + "\r\n\r\n", limits).errorStatus, 431);
    QByteArray many = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 70; ++i) {
        many += "A: b\r\n";
    }
    EXPECT_EQ(parse(many + "\r\n").errorStatus, 431);
    EXPECT_EQ(parse("GET /" + QByteArray(3000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus, 414);
    EXPECT_EQ(parse("GET /" + QByteArray(3000, 'a')).errorStatus, 414); // before the line is complete
}

TEST(HttpParser, HeaderTokensAreCaseInsensitiveLists)
{
    const ParseOutcome r =
        parse("GET /ws HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Upgrade\r\nUpgrade: WebSocket\r\n\r\n");
    ASSERT_EQ(r.status, Status::Complete);
    EXPECT_TRUE(r.request.headerHasToken("connection", "upgrade"));
    EXPECT_TRUE(r.request.headerHasToken("upgrade", "websocket"));
    EXPECT_FALSE(r.request.headerHasToken("connection", "close"));
    EXPECT_FALSE(r.request.hasHeader("origin"));
}

TEST(HttpHelpers, QueryValuesAreFormDecoded)
{
    EXPECT_EQ(queryValue("a=1&token=s%3Dcr+t&b", "token"), QByteArray("s=cr t"));
    EXPECT_EQ(queryValue("b&token=", "token"), QByteArray(""));
    EXPECT_EQ(queryValue("tokens=1", "token"), std::nullopt);
    EXPECT_EQ(queryValue("token=%zz", "token"), std::nullopt);
    EXPECT_EQ(percentDecode("%41%62+c"), QByteArray("Ab+c"));
}

TEST(HttpHelpers, EtagListsMatchWeaklyAndStar)
{
    EXPECT_TRUE(etagMatches("\"abc\"", "\"abc\""));
    EXPECT_TRUE(etagMatches("\"x\", W/\"abc\"", "\"abc\""));
    EXPECT_TRUE(etagMatches("*", "\"abc\""));
    EXPECT_FALSE(etagMatches("\"abd\"", "\"abc\""));
    EXPECT_FALSE(etagMatches("", "\"abc\""));
}

TEST(HttpResponse, SerialisesLengthCloseAndNoBodyForHeadAnd304)
{
    const Response r = textResponse(404, "gone");
    const QByteArray wire = serialize(r, "omniscient test", false);
    EXPECT_TRUE(wire.startsWith("HTTP/1.1 404 Not Found\r\n"));
    EXPECT_TRUE(wire.contains("\r\nContent-Length: 5\r\n"));
    EXPECT_TRUE(wire.contains("\r\nConnection: close\r\n"));
    EXPECT_TRUE(wire.endsWith("\r\n\r\ngone\n"));
    EXPECT_TRUE(serialize(r, "s", true).endsWith("\r\n\r\n"));
    Response notModified;
    notModified.status = 304;
    notModified.body = "ignored";
    const QByteArray nm = serialize(notModified, "s", false);
    EXPECT_TRUE(nm.endsWith("\r\n\r\n"));
    EXPECT_FALSE(nm.contains("Content-Length"));
}
