// SPDX-License-Identifier: MIT
// The mirror server's request-head parser over arbitrary bytes, with the properties the server relies on:
// a Complete head lies within the bytes, its path is absolute and free of dot segments, control bytes and
// backslashes; errors carry one of the documented statuses; and the same bytes arriving in pieces never
// turn a request the whole bytes accept into an error (TCP may deliver any split).
#include "fuzzcheck.h"

#include "server/httprequest.h"

using namespace omni;

namespace {

void checkComplete(const http::ParseOutcome &r, QByteArrayView data, const http::Limits &limits)
{
    FUZZ_CHECK(r.headBytes > 0 && r.headBytes <= data.size());
    FUZZ_CHECK(r.headBytes <= limits.maxHeadBytes);
    FUZZ_CHECK(data.first(r.headBytes).endsWith("\r\n\r\n"));
    const http::Request &req = r.request;
    FUZZ_CHECK(!req.method.isEmpty());
    FUZZ_CHECK(req.versionMinor == 0 || req.versionMinor == 1);
    FUZZ_CHECK(req.target.size() <= limits.maxTargetBytes);
    FUZZ_CHECK(req.path.startsWith('/'));
    FUZZ_CHECK(!req.path.contains('\\'));
    for (const char c : req.path) {
        FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f);
    }
    FUZZ_CHECK(!req.path.contains("/../") && !req.path.endsWith("/..") && !req.path.contains("/./") &&
               !req.path.endsWith("/."));
    FUZZ_CHECK(req.headers.size() <= limits.maxHeaders);
    if (req.versionMinor == 1) {
        FUZZ_CHECK(req.hasHeader("host"));
    }
    for (const auto &h : req.headers) {
        FUZZ_CHECK(h.first == h.first.toLower());
        FUZZ_CHECK(req.hasHeader(h.first));
        (void)req.headerHasToken(h.first, "upgrade");
    }
    if (req.contentLength) {
        FUZZ_CHECK(*req.contentLength >= 0);
    }
    // The helpers the routes call on what the parser returns.
    (void)http::queryValue(req.query, "token");
    (void)http::percentDecode(req.query, true);
    (void)http::etagMatches(req.header("if-none-match"), "W/\"abc\"");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    const QByteArrayView data(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(size));
    // Small limits as well as the server's defaults, so the bounds are reachable by short inputs.
    http::Limits small;
    small.maxHeadBytes = 256;
    small.maxHeaders = 4;
    small.maxTargetBytes = 32;
    for (const http::Limits &limits : {http::Limits{}, small}) {
        const http::ParseOutcome whole = http::parseRequestHead(data, limits);
        switch (whole.status) {
        case http::ParseOutcome::Status::Complete:
            checkComplete(whole, data, limits);
            break;
        case http::ParseOutcome::Status::Error:
            FUZZ_CHECK(whole.errorStatus == 400 || whole.errorStatus == 414 || whole.errorStatus == 431 ||
                       whole.errorStatus == 501 || whole.errorStatus == 505);
            FUZZ_CHECK(!whole.error.isEmpty());
            break;
        case http::ParseOutcome::Status::Incomplete:
            FUZZ_CHECK(data.size() <= limits.maxHeadBytes);
            break;
        }
        if (whole.status != http::ParseOutcome::Status::Complete) {
            continue;
        }
        // Every shorter delivery of an accepted head waits for more bytes; the full head parses the same.
        // (Every cut of a short head; about 200 spread over a long one, to keep the harness fast.)
        const qsizetype step = whole.headBytes <= 256 ? 1 : whole.headBytes / 200 + 1;
        for (qsizetype cut = 0; cut < whole.headBytes; cut += step) {
            const http::ParseOutcome part = http::parseRequestHead(data.first(cut), limits);
            if (part.status != http::ParseOutcome::Status::Incomplete) {
                std::fprintf(stderr, "prefix of %lld bytes (of a %lld-byte head) gave status %d: %s\n",
                             static_cast<long long>(cut), static_cast<long long>(whole.headBytes),
                             static_cast<int>(part.status), part.error.constData());
            }
            FUZZ_CHECK(part.status == http::ParseOutcome::Status::Incomplete);
        }
        const http::ParseOutcome head = http::parseRequestHead(data.first(whole.headBytes), limits);
        FUZZ_CHECK(head.status == http::ParseOutcome::Status::Complete && head.headBytes == whole.headBytes);
        FUZZ_CHECK(head.request.path == whole.request.path && head.request.headers == whole.request.headers);
    }
    // The decoders on raw input too.
    (void)http::percentDecode(data, false);
    (void)http::queryValue(data, "token");
    (void)http::etagMatches(data, "\"x\"");
    return 0;
}
