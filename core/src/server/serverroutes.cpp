// SPDX-License-Identifier: MIT
// What each HTTP route of the mirror server answers, and who may do what (token, origin).
#include "server/mirrorserver_p.h"

#include "omni/foxglove.h"
#include "omni/hub.h"
#include "omni/statejson.h"
#include "server/logging.h"

#include <QCryptographicHash>
#include <QTcpSocket>
#include <QUrl>

namespace omni {

namespace {

constexpr QByteArrayView kPageMethods = "GET, HEAD";

http::Response notAllowed(QByteArrayView allow)
{
    http::Response r = http::textResponse(405, "method not allowed here; allowed: " + allow.toByteArray());
    r.with("Allow", allow);
    return r;
}

http::Response noStore(http::Response r)
{
    r.with("Cache-Control", "no-store");
    return r;
}

http::Response tokenRequired(QByteArrayView how)
{
    http::Response r = http::textResponse(401, "this omniscient needs its access token: " + how.toByteArray() +
                                                   ", or send \"Authorization: Bearer TOKEN\"");
    r.with("WWW-Authenticate", "Bearer realm=\"omniscient\"");
    return r;
}

http::Response hostRefused(const QByteArray &host)
{
    const auto name = HostAllowList::hostOf(host);
    return http::textResponse(
        403, "this omniscient does not answer /api, /ws or /toggle-sound for the Host \"" + host +
                 "\", which is not one of its names (a defence against DNS rebinding). If that name is yours, start "
                 "omniscient with --allowed-hosts " +
                 (name ? name->toUtf8() : QByteArray("NAME")) + " (names separated by commas)");
}

} // namespace

MirrorServerPrivate::Routed MirrorServerPrivate::route(const http::Request &request, QByteArrayView body)
{
    Routed r;
    const QByteArray &path = request.path;
    const bool isGet = request.method == "GET";
    const bool isHead = request.method == "HEAD";
    r.headOnly = isHead;
    // A Foxglove app connects to ws://HOST:PORT, i.e. `/`, offering its subprotocol (on /ws too).
    const bool foxgloveUpgrade = path == "/" && request.headerHasToken("upgrade", "websocket") &&
                                 foxglove::offersSubprotocol(request.header("sec-websocket-protocol"));
    const bool guarded = path == "/ws" || foxgloveUpgrade || path == "/toggle-sound" || path.startsWith("/api/");
    if (guarded && request.hasHeader("host") && request.header("host").isEmpty()) {
        r.response = noStore(http::textResponse(400, "the Host header is empty"));
        return r;
    }
    // HTTP/1.0 may leave Host out: then no browser sent the request, and no name can have been rebound.
    if (guarded && request.hasHeader("host") && !m_allowedHosts.allows(request.header("host"))) {
        qCInfo(lcServer) << "refused" << path << "for the Host" << request.header("host") << "(not --allowed-hosts)";
        r.response = noStore(hostRefused(request.header("host")));
        return r;
    }
    if (path == "/ws" || foxgloveUpgrade) {
        return upgradeOrRefuse(request);
    }
    if (path.startsWith("/api/")) {
        if (!m_options.token.isEmpty() && !tokenValid(request)) {
            r.response = tokenRequired("open the page with ?token=TOKEN");
        } else if (path == "/api/state") {
            r.response = isGet || isHead ? apiState() : notAllowed(kPageMethods);
        } else if (path == "/api/sound") {
            if (request.method == "POST") {
                r.response = apiSound(request, body);
            } else if (isGet || isHead) {
                r.response = http::jsonResponse(200, json::soundState(m_hub->soundEnabled(), m_hub->soundOutput()));
            } else {
                r.response = notAllowed("GET, HEAD, POST");
            }
        } else if (path == "/api/events") {
            r.response = apiEvents(request);
        } else if (path == "/api/recordings" || path.startsWith("/api/recordings/")) {
            r = apiRecordings(request, body);
        } else if (path == "/api/replay") {
            r.response = apiReplay(request, body);
        } else if (const auto extra = m_apiRoutes.constFind(path); extra != m_apiRoutes.constEnd()) {
            r.response = isGet || isHead ? http::jsonResponse(200, extra.value()()) : notAllowed(kPageMethods);
        } else {
            r.response = http::textResponse(404, "no such API: " + path);
        }
        r.response = noStore(r.response);
        return r;
    }
    if (path == "/toggle-sound") {
        r.response = noStore(toggleSound(request));
        return r;
    }
    if (path == "/healthz") {
        r.response = noStore(isGet || isHead ? http::textResponse(200, "ok") : notAllowed(kPageMethods));
        return r;
    }
    if (path == "/metrics") {
        if (m_options.tokenGuardsMetrics && !m_options.token.isEmpty() && !tokenValid(request)) {
            r.response = noStore(tokenRequired("send \"Authorization: Bearer TOKEN\" (Prometheus: bearer_token_file)"));
            return r;
        }
        r.response = noStore(isGet || isHead ? metrics() : notAllowed(kPageMethods));
        return r;
    }
    if (path == "/fleet" && m_apiRoutes.contains("/api/fleet")) {
        http::Request page = request; // the fleet page of `omniscient --fleet` (docs/FLEET.md)
        page.path = "/fleet.html";
        r.response = serveFile(page);
        return r;
    }
    r.response = serveFile(request);
    return r;
}

http::Response MirrorServerPrivate::serveFile(const http::Request &request)
{
    const WebFile *file = m_files.find(request.path);
    if (file == nullptr) {
        return http::textResponse(404, "no such page: " + request.path);
    }
    if (request.method != "GET" && request.method != "HEAD") {
        return notAllowed(kPageMethods);
    }
    http::Response r;
    r.with("ETag", file->etag).with("Cache-Control", "no-cache");
    if (request.hasHeader("if-none-match") && http::etagMatches(request.header("if-none-match"), file->etag)) {
        r.status = 304;
        return r;
    }
    r.with("Content-Type", file->contentType);
    r.body = file->body;
    return r;
}

http::Response MirrorServerPrivate::apiState()
{
    if (!m_hub->latest()) {
        // No state yet: say so with a status a script can test, and the link that explains why.
        http::Response r = http::jsonResponse(503, json::linkMessage(m_hub->link()));
        r.with("Retry-After", "1");
        return r;
    }
    // The shared frame, with the age at this request (the frame's own is the age when it was serialised).
    return http::jsonResponse(200, json::withAge(m_hub->stateJson(), m_hub->ageMs()));
}

std::optional<http::Response> MirrorServerPrivate::refuseCommand(const http::Request &request, QByteArrayView what)
{
    if (!mayWrite(request)) {
        ++m_stats.commandsRefused;
        return http::textResponse(403, "requests from another origin may not " + what.toByteArray() +
                                           " (use this omniscient's own page, or give the access token)");
    }
    // A cross-site <form> can post only form types without a preflight; JSON needs one, which is never granted.
    const QByteArray mediaType = request.header("content-type").split(';').constFirst().trimmed().toLower();
    if (mediaType != "application/json") {
        ++m_stats.commandsRefused;
        return http::textResponse(415, "send the body as Content-Type: application/json");
    }
    if (!request.contentLength) {
        return http::textResponse(411, "send the body with a Content-Length");
    }
    return std::nullopt;
}

http::Response MirrorServerPrivate::apiSound(const http::Request &request, QByteArrayView body)
{
    if (auto refused = refuseCommand(request, "switch the sound")) {
        return *refused;
    }
    const auto enabled = json::parseSoundCommand(body.toByteArray());
    if (!enabled) {
        ++m_stats.commandsRefused;
        return http::textResponse(400,
                                  "expected a JSON body like {\"enabled\":false}: " + enabled.errorString().toUtf8());
    }
    applySound(*enabled, true);
    return http::jsonResponse(200, json::soundState(m_hub->soundEnabled(), m_hub->soundOutput()));
}

http::Response MirrorServerPrivate::toggleSound(const http::Request &request)
{
    if (request.method != "GET") {
        return notAllowed("GET"); // not even HEAD: it changes the setting
    }
    // A GET that changes something must not be reachable from another site's page (an <img>, a link, a fetch):
    // the token when one is set, and in any case no cross-site request and no foreign Origin.
    if (!m_options.token.isEmpty() && !tokenValid(request)) {
        ++m_stats.commandsRefused;
        return tokenRequired("use /toggle-sound?token=TOKEN");
    }
    // Browsers say where a request comes from: "none" (typed, a bookmark) and "same-origin" (this page) may;
    // "cross-site" (another site's page) and "same-site" (another port or subdomain: another origin) may not.
    const QByteArray fetchSite = request.header("sec-fetch-site").toLower();
    if (fetchSite == "cross-site" || fetchSite == "same-site") {
        ++m_stats.commandsRefused;
        return http::textResponse(403, "another site's page may not switch the sound (Sec-Fetch-Site: " + fetchSite +
                                           "); use this omniscient's own page, or open /toggle-sound yourself");
    }
    if (!originIsSelf(request)) {
        ++m_stats.commandsRefused;
        return http::textResponse(403, "requests from another origin may not switch the sound");
    }
    applySound(!m_hub->soundEnabled(), true);
    return http::jsonResponse(200, m_hub->soundEnabled() ? R"({"status":"on"})" : R"({"status":"off"})");
}

MirrorServerPrivate::Routed MirrorServerPrivate::upgradeOrRefuse(const http::Request &request)
{
    Routed r;
    if (request.method != "GET") {
        r.response = notAllowed("GET");
        return r;
    }
    if (!m_options.token.isEmpty() && !tokenValid(request)) {
        r.response = tokenRequired("connect to " + request.path + "?token=TOKEN");
        return r;
    }
    if (!request.headerHasToken("upgrade", "websocket") || !request.headerHasToken("connection", "upgrade")) {
        r.response = http::textResponse(426, "this is the WebSocket stream: connect with a WebSocket client");
        r.response.with("Upgrade", "websocket");
        return r;
    }
    if (request.header("sec-websocket-version") != "13") {
        r.response = http::textResponse(426, "only WebSocket version 13 is supported");
        r.response.with("Sec-WebSocket-Version", "13");
        return r;
    }
    // What QWebSocketServer would refuse by closing without an answer: refuse it here, with one.
    if (request.versionMinor < 1) {
        r.response = http::textResponse(400, "a WebSocket handshake needs HTTP/1.1");
        return r;
    }
    if (request.header("host").isEmpty()) {
        r.response = http::textResponse(400, "a WebSocket handshake needs a Host");
        return r;
    }
    if (request.header("upgrade").compare("websocket", Qt::CaseInsensitive) != 0) {
        r.response = http::textResponse(400, "a WebSocket handshake needs \"Upgrade: websocket\" and nothing else");
        return r;
    }
    const QByteArray key = request.header("sec-websocket-key");
    if (key.isEmpty()) {
        r.response = http::textResponse(400, "a WebSocket handshake needs Sec-WebSocket-Key");
        return r;
    }
    // RFC 6455 4.2.1: the key is 16 bytes in base64 (24 characters). QWebSocketServer does not check.
    const auto decoded = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (key.size() != 24 || !decoded || decoded.decoded.size() != 16) {
        r.response = http::textResponse(400, "Sec-WebSocket-Key must be 16 bytes in base64 (RFC 6455 4.2.1)");
        return r;
    }
    if (m_clients.size() + m_handoffs >= m_options.maxClients) {
        ++m_stats.clientsRefused;
        qCInfo(lcServer) << "refusing a WebSocket client: already" << m_options.maxClients << "(--max-clients)";
        r.response = http::textResponse(503, "too many clients are connected; try again later");
        r.response.with("Retry-After", "5");
        return r;
    }
    r.upgrade = true;
    r.mayCommand = mayWrite(request);
    return r;
}

std::optional<http::Response> MirrorServerPrivate::admit(QTcpSocket *s, const http::Request &request, bool &crossOrigin)
{
    // Without a token, a page of another site may read the stream (nothing is secret), but only within its own
    // small quota: a hostile page in a visitor's browser cannot take the slots of real viewers.
    crossOrigin = m_options.token.isEmpty() && !originIsSelf(request);
    const QHostAddress peer = s->peerAddress();
    const bool capPeer = !(m_options.loopbackHasNoPerAddressCap && peer.isLoopback());
    int fromPeer = 0;
    int foreign = 0;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (it->handedOff) {
            fromPeer += it.key()->peerAddress() == peer ? 1 : 0;
            foreign += it->crossOrigin ? 1 : 0;
        }
    }
    for (const ServerClient *c : m_clients) {
        fromPeer += c->peerAddress() == peer ? 1 : 0;
        foreign += c->crossOrigin() ? 1 : 0;
    }
    if (capPeer && fromPeer >= m_options.maxClientsPerAddress) {
        ++m_stats.clientsRefused;
        qCInfo(lcServer) << "refusing a WebSocket client:" << fromPeer << "already from" << peer.toString();
        http::Response r = http::textResponse(503, "too many WebSocket clients from your address; close some");
        r.with("Retry-After", "5");
        return r;
    }
    if (crossOrigin && foreign >= m_options.maxCrossOriginClients) {
        ++m_stats.clientsRefused;
        qCInfo(lcServer) << "refusing a WebSocket client of another site's page:" << foreign << "already";
        http::Response r = http::textResponse(
            503, "too many WebSocket clients from other sites' pages; open this omniscient's own page instead");
        r.with("Retry-After", "5");
        return r;
    }
    return std::nullopt;
}

bool MirrorServerPrivate::tokenValid(const http::Request &request) const
{
    if (m_tokenHash.isEmpty()) {
        return false;
    }
    QByteArray given;
    const QByteArray auth = request.header("authorization");
    if (auth.size() > 7 && QByteArrayView(auth).first(7).compare("Bearer ", Qt::CaseInsensitive) == 0) {
        given = auth.mid(7).trimmed();
    } else if (const auto fromQuery = http::queryValue(request.query, "token")) {
        given = *fromQuery;
    } else {
        return false;
    }
    // Comparing fixed-size digests, every byte, hides both the token and its length from timing.
    const QByteArray digest = QCryptographicHash::hash(given, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (qsizetype i = 0; i < digest.size(); ++i) {
        diff |= static_cast<unsigned char>(digest[i] ^ m_tokenHash[i]);
    }
    return diff == 0;
}

bool MirrorServerPrivate::originIsSelf(const http::Request &request)
{
    if (!request.hasHeader("origin")) {
        return true; // not a browser (curl, a script, the desktop app)
    }
    const QUrl origin(QString::fromLatin1(request.header("origin")), QUrl::StrictMode);
    const QString scheme = origin.scheme();
    if (!origin.isValid() || origin.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        return false; // includes "null" (sandboxed frames, file: pages)
    }
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    const QUrl host(scheme + QStringLiteral("://") + QString::fromLatin1(request.header("host")), QUrl::StrictMode);
    if (!host.isValid() || host.host().isEmpty() || !host.path().isEmpty() || !host.userInfo().isEmpty()) {
        return false;
    }
    return host.host() == origin.host() && host.port(defaultPort) == origin.port(defaultPort);
}

bool MirrorServerPrivate::mayWrite(const http::Request &request) const
{
    return m_options.token.isEmpty() ? originIsSelf(request) : tokenValid(request);
}

bool MirrorServerPrivate::applySound(bool enabled, bool allowed)
{
    if (!allowed) {
        ++m_stats.commandsRefused;
        return false;
    }
    ++m_stats.commandsAccepted;
    m_hub->setSoundEnabled(enabled);
    return true;
}

} // namespace omni
