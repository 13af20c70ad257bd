// SPDX-License-Identifier: MIT
#include "sigbusguard.h"

#include <csetjmp>
#include <csignal>
#include <cstring>
#include <mutex>

namespace omni::detail {

namespace {

thread_local sigjmp_buf *t_jump = nullptr;
struct sigaction g_previous = {};

void onSigbus(int sig, siginfo_t *info, void *context)
{
    if (t_jump != nullptr) {
        siglongjmp(*t_jump, 1);
    }
    // Not ours: behave as if we were never installed.
    if ((g_previous.sa_flags & SA_SIGINFO) != 0 && g_previous.sa_sigaction != nullptr) {
        g_previous.sa_sigaction(sig, info, context);
        return;
    }
    if (g_previous.sa_handler == SIG_IGN) {
        return;
    }
    if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != nullptr) {
        g_previous.sa_handler(sig);
        return;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void installOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction sa;
        std::memset(&sa, 0, sizeof(sa));
        sa.sa_sigaction = onSigbus;
        sa.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGBUS, &sa, &g_previous);
    });
}

} // namespace

bool runGuardedAgainstSigbus(const std::function<void()> &fn)
{
    installOnce();
    sigjmp_buf jump;
    // Save the signal mask (second argument 1) so SIGBUS is unblocked again after a jump.
    if (sigsetjmp(jump, 1) != 0) {
        t_jump = nullptr;
        return false;
    }
    t_jump = &jump;
    fn();
    t_jump = nullptr;
    return true;
}

} // namespace omni::detail
