// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTimer>

#include <functional>

namespace omni {

/// Accepts connections on a listening socket (POSIX), in place of QTcpServer's own accepting: Qt 6.4's
/// QTcpServer retries a failing accept() at once, forever, when the process is out of descriptors (EMFILE: its
/// socket engine keeps the "temporary" error of the previous EAGAIN, so it neither pauses nor emits acceptError;
/// measured here: a full core), and the waiting newcomer hears nothing.
///
/// Out of descriptors, this one asks its owner to close a stalled connection (makeRoom), else frees the one
/// descriptor it keeps in reserve (open on /dev/null), accepts the newcomer, sends it `busyAnswer` (a 503), closes
/// it and takes the reserve again. Each round consumes one waiting connection. Only when neither works (the whole
/// system is out: ENFILE) does it stop watching the socket for 250 ms; it never spins.
class Acceptor
{
public:
    /// What the owner does.
    struct Hooks {
        std::function<void(qintptr fd)> accepted; ///< a new connection (non-blocking, close-on-exec); now the owner's
        std::function<bool()> makeRoom;           ///< out of descriptors: close a stalled connection; false if none
        std::function<void()> shed;               ///< a newcomer was answered busyAnswer and closed
    };

    /// Watches `listenFd` (a listening, non-blocking socket the caller keeps open for the Acceptor's lifetime).
    Acceptor(qintptr listenFd, QByteArray busyAnswer, Hooks hooks);
    ~Acceptor();
    Acceptor(const Acceptor &) = delete;
    Acceptor &operator=(const Acceptor &) = delete;

private:
    void onReadable();
    /// Frees the reserve, accepts one newcomer, answers it, closes it, takes the reserve again.
    bool shedOne();
    void pauseAfter(int error);
    void warn(int error, const char *what);

    qintptr m_listenFd;
    QByteArray m_busyAnswer;
    Hooks m_hooks;
    int m_reserveFd = -1;
    QSocketNotifier m_notifier;
    QTimer m_resume;
    QElapsedTimer m_lastWarning;
};

} // namespace omni
