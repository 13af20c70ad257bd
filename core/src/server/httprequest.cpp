// SPDX-License-Identifier: MIT
#include "server/httprequest.h"

#include <algorithm>

namespace omni::http {

namespace {

constexpr QByteArrayView kCrlf("\r\n");
constexpr QByteArrayView kHeadEnd("\r\n\r\n");
constexpr qsizetype kMaxMethodBytes = 16;

// RFC 9110 tchar.
bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) {
        return true;
    }
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty()) {
        return false;
    }
    for (char c : s) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

// field-vchar / obs-text / SP / HTAB: anything but control bytes and DEL.
bool isFieldValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f);
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimOws(QByteArrayView s)
{
    while (!s.isEmpty() && isOws(s.front())) {
        s = s.sliced(1);
    }
    while (!s.isEmpty() && isOws(s.back())) {
        s.chop(1);
    }
    return s;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Splits at `sep`, keeping empty parts (which callers skip or reject).
QList<QByteArrayView> splitView(QByteArrayView s, char sep)
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            parts.append(s.sliced(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

ParseOutcome failWith(int status, const char *why)
{
    ParseOutcome r;
    r.status = ParseOutcome::Status::Error;
    r.errorStatus = status;
    r.error = why;
    return r;
}

// Checks what has arrived of the request line so far, so garbage is refused without waiting for a CRLF.
std::optional<ParseOutcome> checkRequestLinePrefix(QByteArrayView data, const Limits &limits)
{
    qsizetype i = 0;
    while (i < data.size() && data[i] != ' ') {
        if (!isTokenChar(data[i])) {
            return failWith(400, "the request does not start with an HTTP method");
        }
        if (++i > kMaxMethodBytes) {
            return failWith(400, "the method is too long");
        }
    }
    if (i == data.size()) {
        return std::nullopt;
    }
    if (i == 0) {
        return failWith(400, "the request does not start with an HTTP method");
    }
    const qsizetype targetStart = i + 1;
    qsizetype j = targetStart;
    while (j < data.size() && data[j] != ' ' && data[j] != '\r' && data[j] != '\n') {
        ++j;
    }
    if (j - targetStart > limits.maxTargetBytes) {
        return failWith(414, "the request target is too long");
    }
    return std::nullopt;
}

std::optional<ParseOutcome> parseTarget(QByteArrayView target, Request &req, const Limits &limits)
{
    if (target.size() > limits.maxTargetBytes) {
        return failWith(414, "the request target is too long");
    }
    if (target.isEmpty() || target.front() != '/') {
        return failWith(400, "the request target must be a path starting with '/'");
    }
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '#') {
            return failWith(400, "the request target holds a byte that is not allowed in a URL");
        }
    }
    const qsizetype q = target.indexOf('?');
    const QByteArrayView rawPath = q < 0 ? target : target.first(q);
    if (rawPath.contains('\\')) {
        return failWith(400, "backslashes are not allowed in a path");
    }
    const auto decoded = percentDecode(rawPath);
    if (!decoded) {
        return failWith(400, "the path holds a malformed %-escape");
    }
    for (char c : *decoded) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f || c == '\\') {
            return failWith(400, "the decoded path holds a control byte or a backslash");
        }
    }
    for (const QByteArrayView segment : splitView(*decoded, '/')) {
        if (segment == "." || segment == "..") {
            return failWith(400, "'.' and '..' are not allowed in a path");
        }
    }
    req.target = target.toByteArray();
    req.path = *decoded;
    req.query = q < 0 ? QByteArray() : target.sliced(q + 1).toByteArray();
    return std::nullopt;
}

std::optional<ParseOutcome> parseRequestLine(QByteArrayView line, Request &req, const Limits &limits)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
        return failWith(400, "the request line is not METHOD TARGET VERSION");
    }
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method) || method.size() > kMaxMethodBytes) {
        return failWith(400, "the method is not a token");
    }
    if (version == "HTTP/1.1") {
        req.versionMinor = 1;
    } else if (version == "HTTP/1.0") {
        req.versionMinor = 0;
    } else if (version.size() == 8 && version.startsWith("HTTP/") && version[6] == '.' && version[5] >= '0' &&
               version[5] <= '9' && version[7] >= '0' && version[7] <= '9') {
        return failWith(505, "only HTTP/1.0 and HTTP/1.1 are supported");
    } else {
        return failWith(400, "the request line does not end with an HTTP version");
    }
    req.method = method.toByteArray();
    return parseTarget(line.sliced(sp1 + 1, sp2 - sp1 - 1), req, limits);
}

std::optional<ParseOutcome> parseHeaderLine(QByteArrayView line, Request &req, bool &sawHost)
{
    if (line.isEmpty() || isOws(line.front())) {
        return failWith(400, "obsolete line folding is not allowed");
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon))) {
        return failWith(400, "a header line is not NAME: VALUE");
    }
    const QByteArrayView value = trimOws(line.sliced(colon + 1));
    for (char c : value) {
        if (!isFieldValueChar(c)) {
            return failWith(400, "a header value holds a control byte");
        }
    }
    const QByteArray name = line.first(colon).toByteArray().toLower();
    if (name == "content-length") {
        if (req.contentLength || value.isEmpty() || value.size() > 18) {
            return failWith(400, "Content-Length is missing a value, repeated or too large");
        }
        qint64 n = 0;
        for (char c : value) {
            if (c < '0' || c > '9') {
                return failWith(400, "Content-Length is not a number");
            }
            n = n * 10 + (c - '0');
        }
        req.contentLength = n;
    } else if (name == "transfer-encoding") {
        return failWith(501, "Transfer-Encoding is not supported; send a Content-Length");
    } else if (name == "host") {
        if (sawHost) {
            return failWith(400, "Host is repeated");
        }
        sawHost = true;
    }
    req.headers.append({name, value.toByteArray()});
    return std::nullopt;
}

} // namespace

QByteArray Request::header(QByteArrayView lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName) {
            return h.second;
        }
    }
    return {};
}

bool Request::hasHeader(QByteArrayView lowerName) const
{
    return std::any_of(headers.begin(), headers.end(), [&](const auto &h) { return h.first == lowerName; });
}

bool Request::headerHasToken(QByteArrayView lowerName, QByteArrayView token) const
{
    for (const auto &h : headers) {
        if (h.first != lowerName) {
            continue;
        }
        for (const QByteArrayView item : splitView(h.second, ',')) {
            if (trimOws(item).compare(token, Qt::CaseInsensitive) == 0) {
                return true;
            }
        }
    }
    return false;
}

ParseOutcome parseRequestHead(QByteArrayView data, const Limits &limits)
{
    const qsizetype lineEnd = data.indexOf(kCrlf);
    const qsizetype firstLf = data.indexOf('\n');
    if (firstLf >= 0 && (firstLf == 0 || data[firstLf - 1] != '\r')) {
        return failWith(400, "lines must end with CRLF");
    }
    if (lineEnd < 0) {
        if (auto early = checkRequestLinePrefix(data, limits)) {
            return *early;
        }
        if (data.size() > limits.maxHeadBytes) {
            return failWith(431, "the request head is too large");
        }
        return {};
    }
    Request req;
    if (auto err = parseRequestLine(data.first(lineEnd), req, limits)) {
        return *err;
    }
    const qsizetype headEnd = data.indexOf(kHeadEnd, lineEnd);
    if (headEnd < 0 || headEnd + kHeadEnd.size() > limits.maxHeadBytes) {
        if (data.size() > limits.maxHeadBytes || headEnd >= 0) {
            return failWith(431, "the request head is too large");
        }
        return {};
    }
    // Header lines lie between the request line's CRLF and the empty line.
    bool sawHost = false;
    qsizetype pos = lineEnd + kCrlf.size();
    int count = 0;
    while (pos < headEnd + kCrlf.size()) {
        const qsizetype end = data.indexOf(kCrlf, pos);
        const QByteArrayView line = data.sliced(pos, end - pos);
        if (line.contains('\r') || line.contains('\n')) {
            return failWith(400, "lines must end with CRLF");
        }
        if (++count > limits.maxHeaders) {
            return failWith(431, "too many header fields");
        }
        if (auto err = parseHeaderLine(line, req, sawHost)) {
            return *err;
        }
        pos = end + kCrlf.size();
    }
    if (req.versionMinor == 1 && !sawHost) {
        return failWith(400, "HTTP/1.1 requests need a Host header");
    }
    ParseOutcome r;
    r.status = ParseOutcome::Status::Complete;
    r.request = std::move(req);
    r.headBytes = headEnd + kHeadEnd.size();
    return r;
}

std::optional<QByteArray> percentDecode(QByteArrayView in, bool plusAsSpace)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size()) {
                return std::nullopt;
            }
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi < 0 || lo < 0) {
                return std::nullopt;
            }
            out.append(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plusAsSpace) {
            out.append(' ');
        } else {
            out.append(c);
        }
    }
    return out;
}

std::optional<QByteArray> queryValue(QByteArrayView query, QByteArrayView key)
{
    for (const QByteArrayView pair : splitView(query, '&')) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype eq = pair.indexOf('=');
        const auto name = percentDecode(eq < 0 ? pair : pair.first(eq), true);
        if (!name || *name != key) {
            continue;
        }
        return eq < 0 ? std::optional<QByteArray>(QByteArray("")) : percentDecode(pair.sliced(eq + 1), true);
    }
    return std::nullopt;
}

bool etagMatches(QByteArrayView ifNoneMatch, QByteArrayView etag)
{
    auto opaque = [](QByteArrayView tag) {
        tag = trimOws(tag);
        return tag.startsWith("W/") ? tag.sliced(2) : tag;
    };
    const QByteArrayView want = opaque(etag);
    if (trimOws(ifNoneMatch) == "*") {
        return true;
    }
    for (const QByteArrayView item : splitView(ifNoneMatch, ',')) {
        if (!want.isEmpty() && opaque(item) == want) {
            return true;
        }
    }
    return false;
}

} // namespace omni::http
