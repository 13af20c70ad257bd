// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <optional>

/// A small, strict HTTP/1.x request-head parser for the mirror server. Pure functions only (no sockets,
/// no Qt event loop), so they can be unit-tested and fuzzed on their own.
namespace omni::http {

/// Bounds the parser enforces; anything beyond them is an error, never an allocation.
struct Limits {
    qsizetype maxHeadBytes = qsizetype{8} * 1024; ///< request line + headers + the empty line
    int maxHeaders = 64;                          ///< header fields
    qsizetype maxTargetBytes = 2048;              ///< the request target (path + query)
};

/// One parsed request head.
struct Request {
    QByteArray method;    ///< e.g. "GET" (case-sensitive, as sent)
    QByteArray target;    ///< the raw request target, e.g. "/api/state?token=x"
    QByteArray path;      ///< the percent-decoded path, e.g. "/api/state"; always starts with '/'
    QByteArray query;     ///< the raw query after '?', without the '?'
    int versionMinor = 1; ///< 0 for HTTP/1.0, 1 for HTTP/1.1
    QList<QPair<QByteArray, QByteArray>> headers; ///< names lower-cased, values trimmed, in order
    std::optional<qint64> contentLength;          ///< the Content-Length, if sent

    /// The value of the first header `lowerName` (lower-case), or a null QByteArray.
    [[nodiscard]] QByteArray header(QByteArrayView lowerName) const;
    /// Whether header `lowerName` was sent (even empty).
    [[nodiscard]] bool hasHeader(QByteArrayView lowerName) const;
    /// Whether the comma-separated header `lowerName` lists `token` (case-insensitive), e.g. Connection: upgrade.
    [[nodiscard]] bool headerHasToken(QByteArrayView lowerName, QByteArrayView token) const;
};

/// What parseRequestHead() found.
struct ParseOutcome {
    enum class Status {
        Incomplete, ///< no complete head yet, and nothing wrong so far: wait for more bytes
        Complete,   ///< `request` is valid; the head is `headBytes` long (a body may follow)
        Error,      ///< the head is malformed or too large: answer `errorStatus` and close
    };
    Status status = Status::Incomplete; ///< see Status
    Request request;                    ///< valid when Complete
    qsizetype headBytes = 0;            ///< bytes of the head including the final CRLF CRLF, when Complete
    int errorStatus = 0;                ///< 400, 414, 431, 501 or 505 when Error
    QByteArray error;                   ///< why, in English, when Error
};

/// Parses the start of a connection's bytes. Strict: CRLF line endings only, no obsolete line folding,
/// tokens per RFC 9110, an origin-form target ("/..."), HTTP/1.0 or 1.1, Host required for 1.1, at most one
/// Content-Length and Host, no Transfer-Encoding (501). The path is percent-decoded and rejected (400)
/// when it holds ".." or "." segments, backslashes, NUL or other control bytes, or bad %-escapes; the
/// raw target may not hold '#'. Detects a malformed request line before the head is complete.
ParseOutcome parseRequestHead(QByteArrayView data, const Limits &limits = {});

/// Decodes %XX escapes; with `plusAsSpace` also '+' (query strings). Nullopt on a bad escape.
std::optional<QByteArray> percentDecode(QByteArrayView in, bool plusAsSpace = false);

/// The decoded value of the first `key` in an application/x-www-form-urlencoded query, or nullopt.
std::optional<QByteArray> queryValue(QByteArrayView query, QByteArrayView key);

/// Whether an If-None-Match value (a list of entity tags, or "*") matches `etag` (weak comparison).
bool etagMatches(QByteArrayView ifNoneMatch, QByteArrayView etag);

} // namespace omni::http
