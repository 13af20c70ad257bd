// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <type_traits>
#include <utility>

namespace omni::detail {

/// Runs fn(ctx) so that a SIGBUS raised by this thread inside it (a shared-memory segment truncated
/// under its mapping) returns false instead of killing the process. Other threads' SIGBUS and
/// faults outside a guarded call go to the previously installed handler. No syscall and no
/// allocation per call. On a fault fn is abandoned with siglongjmp: it must only copy plain words
/// (no objects with destructors may be constructed inside it).
bool runGuarded(void (*fn)(void *), void *ctx) noexcept;

/// runGuarded() for any callable (kept on the caller's stack: no std::function allocation).
template <typename F> bool runGuardedAgainstSigbus(F &&fn) noexcept
{
    using Fn = std::remove_reference_t<F>;
    return runGuarded([](void *ctx) { (*static_cast<Fn *>(ctx))(); },
                      const_cast<void *>(static_cast<const void *>(&fn)));
}

} // namespace omni::detail
