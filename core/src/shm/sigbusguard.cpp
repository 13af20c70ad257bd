// SPDX-License-Identifier: MIT
#include "shm/sigbusguard.h"

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
    if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN && g_previous.sa_handler != nullptr) {
        g_previous.sa_handler(sig);
        return;
    }
    // SIG_DFL, and SIG_IGN too: returning from a synchronous SIGBUS would re-run the faulting load forever.
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
        // SA_NODEFER with an empty mask: the handler changes no signal mask, so the jump needs none restored.
        sa.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGBUS, &sa, &g_previous);
    });
}

#if defined(__SANITIZE_THREAD__)
constexpr int kSaveSignalMask = 1;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
constexpr int kSaveSignalMask = 1;
#else
constexpr int kSaveSignalMask = 0;
#endif
#else
constexpr int kSaveSignalMask = 0;
#endif

} // namespace

bool runGuarded(void (*fn)(void *), void *ctx) noexcept
{
    installOnce();
    sigjmp_buf jump;
    // savemask 0: no rt_sigprocmask syscall per call (see SA_NODEFER above). Except under ThreadSanitizer, which
    // runs our handler from its own: there a jump from a sigsetjmp(.., 0) kills the process with the very first
    // SIGBUS (gcc and clang alike; tests/core/test_sigbusguard.cpp under scripts/sanitizers.sh tsan).
    if (sigsetjmp(jump, kSaveSignalMask) != 0) {
        t_jump = nullptr;
        return false;
    }
    t_jump = &jump;
    fn(ctx);
    t_jump = nullptr;
    return true;
}

} // namespace omni::detail
