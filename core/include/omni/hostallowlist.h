// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>

namespace omni {

/// The Host names for which the mirror server answers /api/*, /toggle-sound and /ws: its defence against DNS
/// rebinding. A hostile page can point its own name at this machine, and its requests are then same-origin to
/// the browser; but the browser still sends that name as the Host header, never one of this machine's names.
///
/// Always allowed: "localhost" and names under ".localhost" (browsers resolve them to loopback themselves) and
/// any IPv4 or IPv6 literal (no DNS is involved). Besides those, the names given (usually machineNames() plus
/// --allowed-hosts). Pure: no sockets, no DNS.
class HostAllowList
{
public:
    /// Allows `names` besides what is always allowed; each goes through normaliseName(), invalid ones are ignored.
    explicit HostAllowList(const QStringList &names = {});

    /// This machine's names as a browser on the network may use them: its host name, "<hostname>.local" (mDNS)
    /// and, when the machine has a DNS domain, "<hostname>.<domain>". Lower case.
    static QStringList machineNames();

    /// A host name as it is compared: lower case, without one trailing dot. nullopt unless it is a DNS name:
    /// dot-separated labels of letters, digits, '-' and '_', 1..63 characters each, 253 in all (no port, no
    /// scheme, no brackets).
    static std::optional<QString> normaliseName(QStringView name);

    /// The host part of a Host header value, normalised: an IPv6 literal without its brackets, an IPv4 literal, or
    /// a name as normaliseName() gives it. nullopt when the value is malformed (a bad port, unbracketed IPv6,
    /// characters a host cannot have).
    static std::optional<QString> hostOf(QByteArrayView hostHeader);

    /// Whether a request carrying this Host header value may reach the guarded routes.
    [[nodiscard]] bool allows(QByteArrayView hostHeader) const;

    /// The names allowed besides the ones always allowed, normalised.
    [[nodiscard]] const QStringList &names() const { return m_names; }

private:
    QStringList m_names;
};

} // namespace omni
