/* SPDX-License-Identifier: MIT */
/* The FUSE half of the runtime: a child process serves the squashfs read-only at a private mount point
 * until the runtime closes its keep-alive pipe or dies (even by SIGKILL), then unmounts and removes the
 * mount point. Because it watches a pipe and not a signal, the mount never outlives the runtime. */
#define _GNU_SOURCE
/* squashfuse's config.h sets _POSIX_C_SOURCE: let <features.h> see it first, then _GNU_SOURCE wins */
#include <ll.h>
#include <squashfuse.h>

#include "runtime.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const struct fuse_lowlevel_ops ops = {
    .lookup = sqfs_ll_op_lookup,
    .forget = sqfs_ll_op_forget,
    .getattr = sqfs_ll_op_getattr,
    .readlink = sqfs_ll_op_readlink,
    .open = sqfs_ll_op_open,
    .read = sqfs_ll_op_read,
    .release = sqfs_ll_op_release,
    .opendir = sqfs_ll_op_opendir,
    .readdir = sqfs_ll_op_readdir,
    .releasedir = sqfs_ll_op_releasedir,
    .statfs = stfs_ll_op_statfs,
    .getxattr = sqfs_ll_op_getxattr,
    .listxattr = sqfs_ll_op_listxattr,
    .create = sqfs_ll_op_create,
};

static void write_byte(int fd, char c)
{
    while (write(fd, &c, 1) < 0 && errno == EINTR) {
    }
}

/* Runs in the child. `ready` gets 'R' once mounted or 'E' on failure; `done` gets 'D' after unmounting. */
static _Noreturn void serve(const char *image, off_t offset, const char *mnt, int keepalive, int ready, int done)
{
    /* The terminal's Ctrl-C reaches the whole process group: the app decides how to react, the file
     * system it runs from must stay until it has exited. */
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);

    sqfs_ll *ll = sqfs_ll_open(image, (size_t)offset);
    if (!ll) {
        write_byte(ready, 'E');
        _exit(1);
    }
    char *argv[] = {"omniscient-appimage", "-o", "ro,nodev,nosuid,fsname=omniscient-appimage,subtype=appimage", NULL};
    struct fuse_args args = FUSE_ARGS_INIT(3, argv);
    struct fuse_session *se = fuse_session_new(&args, &ops, sizeof ops, ll);
    if (!se || fuse_session_mount(se, mnt) != 0) {
        if (se) {
            fuse_session_destroy(se);
        }
        write_byte(ready, 'E');
        _exit(1);
    }
    write_byte(ready, 'R');
    close(ready);

    struct fuse_buf buf = {.mem = NULL};
    struct pollfd fds[2] = {{.fd = fuse_session_fd(se), .events = POLLIN}, {.fd = keepalive, .events = POLLIN}};
    while (!fuse_session_exited(se)) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (fds[1].revents) {
            break; /* the runtime closed the pipe or died */
        }
        if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
            break; /* unmounted from outside (fusermount3 -u, umount) */
        }
        if (fds[0].revents & POLLIN) {
            int res = fuse_session_receive_buf(se, &buf);
            if (res == -EINTR || res == -EAGAIN) {
                continue;
            }
            if (res <= 0) {
                break;
            }
            fuse_session_process_buf(se, &buf);
        }
    }
    free(buf.mem);
    fuse_session_unmount(se); /* lazy (MNT_DETACH / fusermount3 -z): immediate even while files are open */
    fuse_session_destroy(se);
    rmdir(mnt);
    write_byte(done, 'D');
    _exit(0);
}

int omni_mount_start(omni_mount *m, const char *image, off_t offset)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) {
        tmp = "/tmp";
    }
    char name[PATH_MAX];
    snprintf(name, sizeof name, "%s", image);
    snprintf(m->mountpoint, sizeof m->mountpoint, "%s/.mount_%.6sXXXXXX", tmp, basename(name));
    if (!mkdtemp(m->mountpoint)) {
        perror(m->mountpoint);
        return -1;
    }
    int keepalive[2], ready[2], done[2];
    if (pipe2(keepalive, O_CLOEXEC) != 0 || pipe2(ready, O_CLOEXEC) != 0 || pipe2(done, O_CLOEXEC) != 0) {
        perror("pipe");
        rmdir(m->mountpoint);
        return -1;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(keepalive[1]);
        close(ready[0]);
        close(done[0]);
        serve(image, offset, m->mountpoint, keepalive[0], ready[1], done[1]);
    }
    close(keepalive[0]);
    close(ready[1]);
    close(done[1]);
    char c = 0;
    ssize_t n;
    while ((n = read(ready[0], &c, 1)) < 0 && errno == EINTR) {
    }
    close(ready[0]);
    if (pid < 0 || n != 1 || c != 'R') {
        close(keepalive[1]);
        close(done[0]);
        if (pid > 0) {
            waitpid(pid, NULL, 0);
        }
        rmdir(m->mountpoint);
        return -1;
    }
    m->server = pid;
    m->keepalive_fd = keepalive[1];
    m->done_fd = done[0];
    return 0;
}

void omni_mount_stop(omni_mount *m)
{
    close(m->keepalive_fd);
    char c;
    while (read(m->done_fd, &c, 1) < 0 && errno == EINTR) {
    }
    close(m->done_fd);
    waitpid(m->server, NULL, 0);
    rmdir(m->mountpoint); /* in case the server died before it could */
}

/* ---- running the app as a supervised child ---- */

static volatile sig_atomic_t child_pid;
static const int forwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2};

static void forward(int sig, siginfo_t *info, void *ctx)
{
    (void)ctx;
    /* Signals from the terminal already reached the app (same process group): forwarding them again
     * would deliver Ctrl-C twice. Forward only what was sent to us explicitly (kill, systemd, ...). */
    if (child_pid > 0 && info->si_code != SI_KERNEL) {
        kill(child_pid, sig);
    }
}

int omni_supervise(char *const *argv, char *const *envp)
{
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    struct sigaction sa = {.sa_sigaction = forward, .sa_flags = SA_SIGINFO | SA_RESTART};
    sigfillset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; ++i) {
        sigaction(forwarded[i], &sa, NULL);
    }
    pid_t pid = fork();
    if (pid == 0) {
        struct sigaction dfl = {.sa_handler = SIG_DFL};
        for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; ++i) {
            sigaction(forwarded[i], &dfl, NULL);
        }
        sigprocmask(SIG_SETMASK, &old, NULL);
        execve(argv[0], argv, envp);
        fprintf(stderr, "%s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    child_pid = pid;
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        perror("fork");
        return 127 << 8;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return 127 << 8;
        }
    }
    child_pid = 0;
    return status;
}

_Noreturn void omni_exit_like(int status)
{
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        signal(sig, SIG_DFL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, sig);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        raise(sig);
        _exit(128 + sig);
    }
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}
