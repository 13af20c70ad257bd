// SPDX-License-Identifier: MIT
#include "filelimit.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>

#include <cerrno>
#endif

namespace omni::app {

FileLimit raiseOpenFileLimit()
{
    FileLimit result;
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        result.error = errno;
        return result;
    }
    result.before = limit.rlim_cur;
    result.after = limit.rlim_cur;
    result.hard = limit.rlim_max;
    if (limit.rlim_cur != limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &limit) == 0) {
            result.after = limit.rlim_cur;
        } else {
            result.error = errno;
        }
    }
#endif
    return result;
}

} // namespace omni::app
