// SPDX-License-Identifier: MIT
// Preloaded into the aarch64 test programs under qemu-user (packaging/cross/build-aarch64.sh, through
// QEMU_SET_ENV=LD_PRELOAD=...): makes QProcess work there.
//
// Qt 6.4's QProcess starts children with forkfd, which uses clone(CLONE_PIDFD | CLONE_VFORK | CLONE_VM) as soon
// as the kernel has pidfds. It asks the kernel with waitid(P_PIDFD, INT_MAX): EBADF means "yes". qemu-user
// passes that question to the host kernel (which says yes) but rejects CLONE_PIDFD in clone() itself
// (Debian 12's qemu 7.2; later qemu releases accept it), so every QProcess::start() fails with "Resource error
// (fork failure): Invalid argument". Here waitid(P_PIDFD, ...) answers EINVAL, as a kernel without pidfds
// does, and forkfd takes its classic fork() path, which qemu emulates.
//
// Build: aarch64-linux-gnu-gcc -shared -fPIC -O2 -o qemu-nopidfd.so qemu-nopidfd.c
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

typedef long (*syscall_fn)(long, ...);

long syscall(long number, ...)
{
    va_list ap;
    va_start(ap, number);
    long a[6];
    for (int i = 0; i < 6; ++i) {
        a[i] = va_arg(ap, long);
    }
    va_end(ap);
    if (number == SYS_waitid && a[0] == P_PIDFD) {
        errno = EINVAL;
        return -1;
    }
    static syscall_fn real;
    if (!real) {
        real = (syscall_fn)dlsym(RTLD_NEXT, "syscall");
    }
    return real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

// Children the test starts inherit the environment: host programs (sh, sox, ...) must not be asked to preload
// an aarch64 library; target programs get it again from QEMU_SET_ENV through their own qemu.
__attribute__((constructor)) static void forget_preload(void)
{
    unsetenv("LD_PRELOAD");
}
