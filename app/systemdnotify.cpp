// SPDX-License-Identifier: MIT
#include "systemdnotify.h"

#include <QString>

#include <unistd.h>

#ifdef OMNI_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace omni::app::systemd {

bool compiledIn()
{
#ifdef OMNI_HAVE_SYSTEMD
    return true;
#else
    return false;
#endif
}

bool listening()
{
    return compiledIn() && !qEnvironmentVariableIsEmpty("NOTIFY_SOCKET");
}

bool notify(const QByteArray &state)
{
#ifdef OMNI_HAVE_SYSTEMD
    return sd_notify(0, state.constData()) > 0;
#else
    Q_UNUSED(state)
    return false;
#endif
}

std::optional<std::chrono::microseconds> watchdogPeriod()
{
#ifdef OMNI_HAVE_SYSTEMD
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        return std::chrono::microseconds(usec);
    }
    // sd_watchdog_enabled() refuses a WATCHDOG_PID that is not ours; our parent's is fine (see the header).
    bool pidOk = false;
    const qint64 pid = qEnvironmentVariableIntValue("WATCHDOG_PID", &pidOk);
    bool usecOk = false;
    const qulonglong parentUsec = qEnvironmentVariable("WATCHDOG_USEC").toULongLong(&usecOk);
    if (pidOk && usecOk && parentUsec > 0 && pid == static_cast<qint64>(::getppid())) {
        return std::chrono::microseconds(parentUsec);
    }
#endif
    return std::nullopt;
}

} // namespace omni::app::systemd
