// SPDX-License-Identifier: MIT
#include "server/admission.h"

namespace omni {

ConnectionAdmission::ConnectionAdmission(Limits limits) : m_limits(limits) {}

QByteArray ConnectionAdmission::addressKey(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4); // also unwraps ::ffff:a.b.c.d of a dual-stack socket
    if (isV4) {
        return QByteArray::number(v4);
    }
    const Q_IPV6ADDR v6 = peer.toIPv6Address();
    // One subscriber usually gets a /64 (or more) and can pick any address in it.
    return QByteArray(reinterpret_cast<const char *>(v6.c), 8);
}

ConnectionAdmission::Decision ConnectionAdmission::decide(const QHostAddress &peer, Clock::time_point now) const
{
    Decision d;
    const QByteArray key = addressKey(peer);
    std::optional<Id> victim;
    const bool capped = m_limits.capLoopback || !peer.isLoopback();
    if (capped && m_perAddress.value(key) >= m_limits.maxUnfinishedPerAddress) {
        d.perAddress = true;
        victim = stalestOf(&key, now);
    } else if (count() >= m_limits.maxUnfinished) {
        victim = stalestOf(nullptr, now);
    } else {
        return d;
    }
    if (victim) {
        d.kind = Decision::Kind::Replace;
        d.victim = *victim;
    } else {
        d.kind = Decision::Kind::Refuse;
    }
    return d;
}

void ConnectionAdmission::add(Id id, const QHostAddress &peer, Clock::time_point now)
{
    remove(id); // a reused handle starts afresh
    Entry e;
    e.address = addressKey(peer);
    e.lastProgress = now;
    ++m_perAddress[e.address];
    m_entries.insert(id, e);
}

void ConnectionAdmission::progressed(Id id, qint64 bytesReceived, Clock::time_point now)
{
    const auto it = m_entries.find(id);
    if (it != m_entries.end() && bytesReceived > it->bytes) {
        it->bytes = bytesReceived;
        it->lastProgress = now;
    }
}

void ConnectionAdmission::settle(Id id)
{
    const auto it = m_entries.find(id);
    if (it != m_entries.end()) {
        it->settled = true;
    }
}

void ConnectionAdmission::remove(Id id)
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.cend()) {
        return;
    }
    const auto counted = m_perAddress.find(it->address);
    if (--counted.value() <= 0) {
        m_perAddress.erase(counted);
    }
    m_entries.erase(it);
}

std::optional<ConnectionAdmission::Id> ConnectionAdmission::stalest(Clock::time_point now) const
{
    return stalestOf(nullptr, now);
}

int ConnectionAdmission::countFrom(const QHostAddress &peer) const
{
    return m_perAddress.value(addressKey(peer));
}

std::optional<ConnectionAdmission::Id> ConnectionAdmission::stalestOf(const QByteArray *address,
                                                                      Clock::time_point now) const
{
    std::optional<Id> best;
    Clock::duration bestStall{};
    qint64 bestBytes = 0;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const Entry &e = it.value();
        if (e.settled || (address != nullptr && e.address != *address)) {
            continue;
        }
        const Clock::duration stall = now - e.lastProgress;
        if (stall < m_limits.minStall) {
            continue; // just connected, or just sent something: never the victim
        }
        if (!best || stall > bestStall || (stall == bestStall && e.bytes < bestBytes)) {
            best = it.key();
            bestStall = stall;
            bestBytes = e.bytes;
        }
    }
    return best;
}

} // namespace omni
