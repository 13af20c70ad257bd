// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

namespace omni::detail {

/// Runs `fn` so that a SIGBUS raised by this thread inside it (a shared-memory segment truncated
/// under its mapping) returns false instead of killing the process. Other threads' SIGBUS and
/// faults outside a guarded call go to the previously installed handler. `fn` must not own
/// resources that need unwinding: on a fault it is abandoned with siglongjmp.
bool runGuardedAgainstSigbus(const std::function<void()> &fn);

} // namespace omni::detail
