// SPDX-License-Identifier: MIT
// Addresses of the mirror server: parsing --bind, and the URLs a person can open.
#include "server/mirrorserver_p.h"

#include <QNetworkInterface>
#include <QTcpServer>

namespace omni {

std::optional<QHostAddress> MirrorServer::parseBindAddress(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty() || t == QLatin1String("*") || t.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0) {
        return QHostAddress(QHostAddress::Any);
    }
    if (t.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return QHostAddress(QHostAddress::LocalHost);
    }
    if (t.startsWith(QLatin1Char('[')) && t.endsWith(QLatin1Char(']'))) {
        t = t.mid(1, t.size() - 2);
    }
    QHostAddress a;
    if (!a.setAddress(t)) {
        return std::nullopt;
    }
    return a;
}

QStringList MirrorServer::urls() const
{
    if (!isListening()) {
        return {};
    }
    const quint16 p = port();
    auto urlOf = [p](const QHostAddress &a) {
        const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QLatin1Char('[') + a.toString() + QLatin1Char(']')
                                 : a.toString();
        return QStringLiteral("http://%1:%2/").arg(host).arg(p);
    };
    const QHostAddress bound = d->m_options.address;
    const bool any = bound == QHostAddress(QHostAddress::Any) || bound == QHostAddress(QHostAddress::AnyIPv4) ||
                     bound == QHostAddress(QHostAddress::AnyIPv6);
    QStringList out;
    if (any || bound.isLoopback()) {
        out << QStringLiteral("http://localhost:%1/").arg(p);
    }
    if (!any) {
        if (!bound.isLoopback()) {
            out << urlOf(bound);
        }
        return out;
    }
    const bool v4 = bound != QHostAddress(QHostAddress::AnyIPv6);
    const bool v6 = bound != QHostAddress(QHostAddress::AnyIPv4);
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        const auto flags = iface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning) ||
            flags.testFlag(QNetworkInterface::IsLoopBack)) {
            continue;
        }
        const auto entries = iface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            QHostAddress a = entry.ip();
            const bool isV6 = a.protocol() == QAbstractSocket::IPv6Protocol;
            // A link-local IPv6 URL needs a zone id, which browsers do not accept.
            if (a.isLoopback() || (isV6 && (!v6 || a.isLinkLocal())) || (!isV6 && !v4)) {
                continue;
            }
            a.setScopeId(QString());
            out << urlOf(a);
        }
    }
    out.removeDuplicates();
    return out;
}

} // namespace omni
