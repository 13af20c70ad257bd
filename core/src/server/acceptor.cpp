// SPDX-License-Identifier: MIT
#include "server/acceptor.h"

#include "server/logging.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace omni {

namespace {
/// At most this many accepts per wake-up, so that a flood of newcomers cannot starve the rest of the event loop.
constexpr int kAcceptsPerWakeup = 64;
/// How long the socket is not watched when even the reserve cannot take a newcomer.
constexpr int kPauseMs = 250;

int openReserve()
{
    return ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

bool outOfDescriptors(int error)
{
    return error == EMFILE || error == ENFILE || error == ENOBUFS || error == ENOMEM;
}
} // namespace

Acceptor::Acceptor(qintptr listenFd, QByteArray busyAnswer, Hooks hooks)
    : m_listenFd(listenFd), m_busyAnswer(std::move(busyAnswer)), m_hooks(std::move(hooks)), m_reserveFd(openReserve()),
      m_notifier(listenFd, QSocketNotifier::Read)
{
    QObject::connect(&m_notifier, &QSocketNotifier::activated, &m_notifier, [this] { onReadable(); });
    m_resume.setSingleShot(true);
    QObject::connect(&m_resume, &QTimer::timeout, &m_notifier, [this] { m_notifier.setEnabled(true); });
}

Acceptor::~Acceptor()
{
    if (m_reserveFd >= 0) {
        ::close(m_reserveFd);
    }
}

void Acceptor::onReadable()
{
    for (int i = 0; i < kAcceptsPerWakeup; ++i) {
        const int fd = ::accept4(static_cast<int>(m_listenFd), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd >= 0) {
            m_hooks.accepted(fd);
            continue;
        }
        const int error = errno;
        if (error == EAGAIN || error == EWOULDBLOCK) {
            return; // nobody else is waiting
        }
        if (error == EINTR || error == ECONNABORTED || error == EPROTO) {
            continue; // interrupted, or a peer that left before we took it
        }
        if (outOfDescriptors(error) && m_hooks.makeRoom()) {
            continue; // a stalled connection gave its descriptor to this newcomer
        }
        if (outOfDescriptors(error) && shedOne()) {
            warn(error, "answered a newcomer 503 from the reserve descriptor");
            m_hooks.shed();
            continue;
        }
        pauseAfter(error);
        return;
    }
    // More may be waiting: the socket stays readable and the notifier fires again after other events.
}

bool Acceptor::shedOne()
{
    if (m_reserveFd >= 0) {
        ::close(m_reserveFd);
        m_reserveFd = -1;
    }
    const int fd = ::accept4(static_cast<int>(m_listenFd), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd >= 0) {
        // A small answer fits the empty send buffer of a new socket; whatever does not is not waited for.
        (void)::send(fd, m_busyAnswer.constData(), static_cast<size_t>(m_busyAnswer.size()),
                     MSG_NOSIGNAL | MSG_DONTWAIT);
        ::shutdown(fd, SHUT_WR);
        // Take the request that already arrived: closing with unread bytes sends a reset, which can make the
        // peer drop the answer unread.
        char sink[4096];
        for (int i = 0; i < 4 && ::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0; ++i) {
        }
        ::close(fd);
    }
    m_reserveFd = openReserve();
    return fd >= 0;
}

void Acceptor::warn(int error, const char *what)
{
    if (!m_lastWarning.isValid() || m_lastWarning.hasExpired(10000)) { // at most one line per 10 s
        m_lastWarning.start();
        qCWarning(lcServer).nospace() << "cannot accept connections: " << std::strerror(error) << " - " << what;
    }
}

void Acceptor::pauseAfter(int error)
{
    warn(error, "retrying in 250 ms");
    m_notifier.setEnabled(false);
    m_resume.start(kPauseMs);
}

} // namespace omni
