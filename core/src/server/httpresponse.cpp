// SPDX-License-Identifier: MIT
#include "server/httpresponse.h"

#include <QDateTime>
#include <QLocale>

namespace omni::http {

Response &Response::with(QByteArrayView name, QByteArrayView value)
{
    headers.append({name.toByteArray(), value.toByteArray()});
    return *this;
}

const QList<QPair<QByteArray, QByteArray>> &securityHeaders()
{
    static const QList<QPair<QByteArray, QByteArray>> headers{
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; "
         "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    };
    return headers;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

Response textResponse(int status, QByteArrayView text)
{
    Response r;
    r.status = status;
    r.body = text.toByteArray();
    if (!r.body.endsWith('\n')) {
        r.body.append('\n');
    }
    r.with("Content-Type", "text/plain; charset=utf-8");
    return r;
}

Response jsonResponse(int status, QByteArrayView json)
{
    Response r;
    r.status = status;
    r.body = json.toByteArray();
    r.with("Content-Type", "application/json");
    return r;
}

QByteArray serialize(const Response &response, QByteArrayView serverName, bool headOnly)
{
    // IMF-fixdate, always in English whatever the locale.
    static const QLocale c(QLocale::C);
    const QByteArray date =
        c.toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    QByteArray out;
    out.reserve(256 + response.body.size());
    out.append("HTTP/1.1 ").append(QByteArray::number(response.status)).append(' ');
    out.append(reasonPhrase(response.status)).append("\r\n");
    out.append("Server: ").append(serverName).append("\r\n");
    out.append("Date: ").append(date).append("\r\n");
    for (const auto &h : response.headers) {
        out.append(h.first).append(": ").append(h.second).append("\r\n");
    }
    const bool noBody = response.status == 304 || response.status == 204 || response.status < 200;
    if (!noBody) {
        out.append("Content-Length: ").append(QByteArray::number(response.body.size())).append("\r\n");
    }
    out.append("Connection: close\r\n\r\n");
    if (!headOnly && !noBody) {
        out.append(response.body);
    }
    return out;
}

} // namespace omni::http
