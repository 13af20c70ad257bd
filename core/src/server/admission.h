// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>

#include <chrono>
#include <optional>

namespace omni {

/// Which HTTP connections the server keeps while they are still sending their request ("unfinished"), and which
/// one makes room when there is none. Pure: time is passed in, so the choice is tested without sockets; the server
/// calls it from its socket handlers.
///
/// Policy (docs/SERVER.md, "Limits on HTTP connections"): a total cap and a cap per client address (an IPv4
/// address, or an IPv6 /64, which one subscriber usually holds). A newcomer over a cap replaces the connection
/// that has made the least progress for the longest — the one whose last received byte (or whose accept, if it
/// sent none) lies furthest back, the fewer bytes the sooner — but only one stalled for at least `minStall`: a
/// connection that just connected or just sent something is never the victim. With no such victim, the newcomer
/// is refused. Over the per-address cap, the victim is one of that address's own connections. Loopback peers have
/// no per-address cap unless Limits::capLoopback.
class ConnectionAdmission
{
public:
    using Clock = std::chrono::steady_clock;
    using Id = quintptr; ///< the caller's handle of one connection (the server uses the socket's address)

    /// The caps; MirrorServerOptions carries the product's values.
    struct Limits {
        int maxUnfinished = 1024;                 ///< unfinished connections in all
        int maxUnfinishedPerAddress = 256;        ///< unfinished connections from one address (or IPv6 /64)
        std::chrono::milliseconds minStall{1000}; ///< a victim has received nothing for at least this long
        /// Whether loopback peers have a per-address cap too. Off by default: a reverse proxy on this machine makes
        /// every client 127.0.0.1, and a local process can harm the server in easier ways anyway. They still
        /// count in the total cap.
        bool capLoopback = false;
    };

    /// What to do with a newcomer.
    struct Decision {
        enum class Kind {
            Admit,   ///< there is room
            Replace, ///< close `victim` first, then admit
            Refuse,  ///< close the newcomer: every candidate made progress too recently
        };
        Kind kind = Kind::Admit;
        Id victim = 0;           ///< for Replace
        bool perAddress = false; ///< Replace or Refuse because of the newcomer's address cap (else the total cap)
    };

    /// Admission under `limits`.
    explicit ConnectionAdmission(Limits limits);

    /// What to do with a newcomer from `peer` at `now`; changes nothing (call add() and remove() to act).
    [[nodiscard]] Decision decide(const QHostAddress &peer, Clock::time_point now) const;
    /// A connection was accepted at `now`.
    void add(Id id, const QHostAddress &peer, Clock::time_point now);
    /// `bytesReceived` of its request have arrived so far (counts as progress when more than before).
    void progressed(Id id, qint64 bytesReceived, Clock::time_point now);
    /// Its request is complete (an answer is being written, or a WebSocket handshake runs): it still counts
    /// against the caps until removed, but is never chosen as a victim.
    void settle(Id id);
    /// The connection is gone.
    void remove(Id id);
    /// The connection that made the least progress for the longest among those stalled for at least minStall
    /// (all addresses), if any.
    [[nodiscard]] std::optional<Id> stalest(Clock::time_point now) const;

    /// Unfinished connections in all.
    [[nodiscard]] int count() const { return static_cast<int>(m_entries.size()); }
    /// Unfinished connections from `peer`'s address (or /64).
    [[nodiscard]] int countFrom(const QHostAddress &peer) const;
    /// The key the per-address cap counts by: an IPv4 address (also IPv4-mapped IPv6), or the /64 of an IPv6 one.
    [[nodiscard]] static QByteArray addressKey(const QHostAddress &peer);

private:
    struct Entry {
        QByteArray address;
        Clock::time_point lastProgress;
        qint64 bytes = 0;
        bool settled = false;
    };
    std::optional<Id> stalestOf(const QByteArray *address, Clock::time_point now) const;

    Limits m_limits;
    QHash<Id, Entry> m_entries;
    QHash<QByteArray, int> m_perAddress;
};

} // namespace omni
