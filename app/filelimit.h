// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace omni::app {

/// The process's open-file limit (RLIMIT_NOFILE) before and after raiseOpenFileLimit().
struct FileLimit {
    std::uint64_t before = 0; ///< the soft limit found
    std::uint64_t after = 0;  ///< the soft limit now
    std::uint64_t hard = 0;   ///< the hard limit (the most an unprivileged process may have)
    int error = 0;            ///< errno of a failed getrlimit/setrlimit, else 0
};

/// Raises the soft open-file limit to the hard one, so that the server has room for many connections at once
/// (systemd and login shells often start at 1024 with a hard limit far above). Each connection is a
/// descriptor; the server copes with running out (docs/SERVER.md), but it should not run out early. On systems
/// without RLIMIT_NOFILE it returns zeros.
FileLimit raiseOpenFileLimit();

} // namespace omni::app
