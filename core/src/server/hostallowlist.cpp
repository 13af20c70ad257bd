// SPDX-License-Identifier: MIT
#include "omni/hostallowlist.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QRegularExpression>

namespace omni {

namespace {

bool isPort(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 5) {
        return false;
    }
    int port = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') {
            return false;
        }
        port = port * 10 + (c - '0');
    }
    return port <= 65535;
}

// Only the dotted-quad form: a browser rewrites any other IPv4 spelling (127.1, 0x7f.0.0.1) to it before it
// sends a Host header, and a name that merely looks numeric must not pass as an address.
bool isIpv4Literal(const QString &host)
{
    static const QRegularExpression dottedQuad(QStringLiteral(R"(^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$)"));
    const auto m = dottedQuad.match(host);
    if (!m.hasMatch()) {
        return false;
    }
    for (int i = 1; i <= 4; ++i) {
        if (m.capturedView(i).toInt() > 255) {
            return false;
        }
    }
    return true;
}

} // namespace

HostAllowList::HostAllowList(const QStringList &names)
{
    for (const QString &name : names) {
        if (const auto n = normaliseName(name); n && !m_names.contains(*n)) {
            m_names.append(*n);
        }
    }
}

QStringList HostAllowList::machineNames()
{
    QStringList out;
    const auto host = normaliseName(QHostInfo::localHostName());
    if (!host || *host == QLatin1String("localhost")) {
        return out;
    }
    // A host name given as a full name ("pi.example.org") is also reachable by its first label over mDNS.
    const QString shortName = host->section(QLatin1Char('.'), 0, 0);
    out << *host << shortName << shortName + QStringLiteral(".local");
    if (const auto domain = normaliseName(QHostInfo::localDomainName())) {
        out << shortName + QLatin1Char('.') + *domain;
    }
    out.removeDuplicates();
    return out;
}

std::optional<QString> HostAllowList::normaliseName(QStringView name)
{
    QString n = name.toString().toLower();
    if (n.endsWith(QLatin1Char('.'))) {
        n.chop(1);
    }
    if (n.isEmpty() || n.size() > 253) {
        return std::nullopt;
    }
    for (const QStringView label : QStringView(n).split(QLatin1Char('.'))) {
        if (label.isEmpty() || label.size() > 63) {
            return std::nullopt;
        }
        for (const QChar c : label) {
            const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
                            c == QLatin1Char('_');
            if (!ok) {
                return std::nullopt;
            }
        }
    }
    return n;
}

std::optional<QString> HostAllowList::hostOf(QByteArrayView hostHeader)
{
    const QByteArrayView value = hostHeader.trimmed();
    if (value.startsWith('[')) {
        const qsizetype close = value.indexOf(']');
        if (close < 0) {
            return std::nullopt;
        }
        const QByteArrayView rest = value.sliced(close + 1);
        if (!rest.isEmpty() && (!rest.startsWith(':') || !isPort(rest.sliced(1)))) {
            return std::nullopt;
        }
        const QString inside = QString::fromLatin1(value.sliced(1, close - 1));
        QHostAddress address;
        if (inside.contains(QLatin1Char('%')) || !address.setAddress(inside) ||
            address.protocol() != QAbstractSocket::IPv6Protocol) {
            return std::nullopt;
        }
        return address.toString();
    }
    QByteArrayView host = value;
    if (const qsizetype colon = value.indexOf(':'); colon >= 0) {
        if (!isPort(value.sliced(colon + 1))) {
            return std::nullopt; // also an IPv6 literal without brackets
        }
        host = value.first(colon);
    }
    const QString text = QString::fromLatin1(host);
    if (isIpv4Literal(text)) {
        return text;
    }
    return normaliseName(text);
}

bool HostAllowList::allows(QByteArrayView hostHeader) const
{
    const auto host = hostOf(hostHeader);
    if (!host) {
        return false;
    }
    if (host->contains(QLatin1Char(':')) || isIpv4Literal(*host)) {
        return true; // an IP literal: no name was resolved, so none can have been rebound
    }
    return *host == QLatin1String("localhost") || host->endsWith(QLatin1String(".localhost")) ||
           m_names.contains(*host);
}

} // namespace omni
