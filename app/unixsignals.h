// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

namespace omni::app {

/// Turns SIGINT and SIGTERM into a Qt signal (self-pipe), so the app quits cleanly: exit 0,
/// shared memory unmapped, simulated segment unlinked, server closed.
class UnixSignals : public QObject
{
    Q_OBJECT
public:
    /// Installs the handlers. Only one instance may exist.
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    /// SIGINT or SIGTERM arrived; carries the signal number.
    void terminationRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace omni::app
