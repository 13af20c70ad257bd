// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

/// HTTP responses of the mirror server: every one carries Content-Length and `Connection: close`.
namespace omni::http {

/// One response before serialisation.
struct Response {
    int status = 200;                             ///< status code
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra headers (not Content-Length, Date, Server, Connection)
    QByteArray body;                              ///< the body (for HEAD: what GET would send; not written)

    /// Adds a header; returns *this for chaining.
    Response &with(QByteArrayView name, QByteArrayView value);
};

/// The headers every response carries, the WebSocket `101` included (docs/SERVER.md, "Security headers"): no
/// MIME sniffing, no referrer, no framing by any page (X-Frame-Options and CSP frame-ancestors), and a
/// Content-Security-Policy that allows the page only its own files, its own WebSocket and its own sounds.
const QList<QPair<QByteArray, QByteArray>> &securityHeaders();

/// The reason phrase for `status`, e.g. "Not Found"; "Unknown" for codes the server never sends.
QByteArray reasonPhrase(int status);

/// A text/plain response; `text` gets a trailing newline if it has none.
Response textResponse(int status, QByteArrayView text);
/// An application/json response.
Response jsonResponse(int status, QByteArrayView json);

/// The bytes on the wire: status line, headers (plus Content-Length, Date, Server and Connection: close),
/// the empty line, and the body unless `headOnly` (HEAD, or a 304 which never has one).
QByteArray serialize(const Response &response, QByteArrayView serverName, bool headOnly);

} // namespace omni::http
