/* SPDX-License-Identifier: MIT */
/* omniscient's AppImage type-2 runtime: the ELF at the start of the AppImage. It finds the squashfs appended
 * after itself, then mounts it with FUSE (or extracts it) and runs AppRun with APPIMAGE, APPDIR, ARGV0 and
 * OWD set, passing the app's exit status through and removing the mount point or extracted tree afterwards. */
#define _GNU_SOURCE
#include "runtime.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static void usage(const char *argv0)
{
    printf("AppImage runtime of omniscient (type 2), version %s\n\n"
           "Usage: %s [--appimage-OPTION | APP ARGUMENTS...]\n\n"
           "Without an --appimage- option, mounts the embedded file system with FUSE and runs the app.\n\n"
           "  --appimage-help               show this help\n"
           "  --appimage-version            print the runtime version\n"
           "  --appimage-offset             print the byte offset of the embedded squashfs\n"
           "  --appimage-extract [PATTERN]  extract into ./squashfs-root (only paths matching the fnmatch(3)\n"
           "                                PATTERN, or below a matching directory, e.g. 'usr/bin/*')\n"
           "  --appimage-extract-and-run [ARGS...]\n"
           "                                extract into a temporary directory, run, remove it (no FUSE needed)\n"
           "  --appimage-mount              mount, print the mount point, stay until interrupted\n\n"
           "Environment: APPIMAGE_EXTRACT_AND_RUN=1 behaves like --appimage-extract-and-run;\n"
           "NO_CLEANUP=1 keeps the extracted directory; TMPDIR chooses where to mount or extract;\n"
           "TARGET_APPIMAGE=FILE runs FILE's payload with this runtime.\n",
           OMNI_RUNTIME_VERSION, argv0);
}

static void set_env(const char *appimage, const char *appdir, const char *argv0)
{
    char cwd[PATH_MAX];
    setenv("APPIMAGE", appimage, 1);
    setenv("APPDIR", appdir, 1);
    setenv("ARGV0", argv0, 1);
    if (getcwd(cwd, sizeof cwd)) {
        setenv("OWD", cwd, 1);
    }
}

/* Runs appdir/AppRun with the user's arguments; returns the wait status. */
static int run_app(const char *appimage, const char *appdir, const char *argv0, int argc, char **argv)
{
    char apprun[PATH_MAX];
    snprintf(apprun, sizeof apprun, "%s/AppRun", appdir);
    if (access(apprun, X_OK) != 0) {
        fprintf(stderr, "%s: %s\n", apprun, strerror(errno));
        return 127 << 8;
    }
    char **args = calloc((size_t)argc + 2, sizeof *args);
    if (!args) {
        return 127 << 8;
    }
    args[0] = apprun;
    for (int i = 0; i < argc; ++i) {
        args[i + 1] = argv[i];
    }
    set_env(appimage, appdir, argv0);
    int status = omni_supervise(args, environ);
    free(args);
    return status;
}

static int extract_and_run(const char *appimage, off_t offset, const char *argv0, int argc, char **argv)
{
    const char *tmp = getenv("TMPDIR");
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/appimage_extracted_XXXXXX", (tmp && *tmp) ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror(dir);
        return 127 << 8;
    }
    int status = 127 << 8;
    if (omni_extract(appimage, offset, dir, NULL, false, true) >= 0) {
        status = run_app(appimage, dir, argv0, argc, argv);
    }
    const char *keep = getenv("NO_CLEANUP");
    if (!(keep && strcmp(keep, "1") == 0) && omni_remove_tree(dir) != 0) {
        fprintf(stderr, "could not remove %s\n", dir);
    }
    return status;
}

static int mount_and_wait(const char *appimage, off_t offset)
{
    omni_mount m;
    if (omni_mount_start(&m, appimage, offset) != 0) {
        return 1;
    }
    printf("%s\n", m.mountpoint);
    fflush(stdout);
    /* No app runs: wait for a signal, then unmount. The server child ignores SIGINT/SIGTERM. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int sig = 0;
    sigwait(&set, &sig);
    omni_mount_stop(&m);
    return 0;
}

int main(int argc, char **argv)
{
    char appimage[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", appimage, sizeof appimage - 1);
    if (n <= 0) {
        if (!realpath(argv[0], appimage)) {
            perror("cannot find myself (/proc not mounted?)");
            return 127;
        }
    } else {
        appimage[n] = '\0';
    }
    const char *target = getenv("TARGET_APPIMAGE"); /* run another AppImage's payload with this runtime */
    if (target && *target) {
        snprintf(appimage, sizeof appimage, "%s", target);
    }
    const char *opt = argc > 1 ? argv[1] : "";
    if (strcmp(opt, "--appimage-help") == 0) {
        usage(argv[0]);
        return 0;
    }
    if (strcmp(opt, "--appimage-version") == 0) {
        printf("%s\n", OMNI_RUNTIME_VERSION);
        return 0;
    }
    off_t offset = omni_elf_size(appimage);
    if (offset < 0) {
        return 127;
    }
    if (strcmp(opt, "--appimage-offset") == 0) {
        printf("%lld\n", (long long)offset);
        return 0;
    }
    if (strcmp(opt, "--appimage-extract") == 0) {
        return omni_extract(appimage, offset, "squashfs-root", argc > 2 ? argv[2] : NULL, true, false) > 0 ? 0 : 1;
    }
    if (strcmp(opt, "--appimage-mount") == 0) {
        return mount_and_wait(appimage, offset);
    }
    if (strcmp(opt, "--appimage-extract-and-run") == 0) {
        omni_exit_like(extract_and_run(appimage, offset, argv[0], argc - 2, argv + 2));
    }
    if (strncmp(opt, "--appimage-", 11) == 0) {
        fprintf(stderr, "%s: unknown option %s (see --appimage-help)\n", argv[0], opt);
        return 1;
    }
    const char *ear = getenv("APPIMAGE_EXTRACT_AND_RUN");
    if (ear && strcmp(ear, "1") == 0) {
        omni_exit_like(extract_and_run(appimage, offset, argv[0], argc - 1, argv + 1));
    }
    omni_mount m;
    if (omni_mount_start(&m, appimage, offset) != 0) {
        fprintf(stderr, "Cannot mount the AppImage with FUSE (is fuse3/fusermount3 installed and /dev/fuse "
                        "available?). Extracting to a temporary directory instead; --appimage-extract-and-run "
                        "or APPIMAGE_EXTRACT_AND_RUN=1 does this without trying FUSE first.\n");
        omni_exit_like(extract_and_run(appimage, offset, argv[0], argc - 1, argv + 1));
    }
    int status = run_app(appimage, m.mountpoint, argv[0], argc - 1, argv + 1);
    omni_mount_stop(&m);
    omni_exit_like(status);
}
