/* SPDX-License-Identifier: MIT */
/* omniscient's AppImage type-2 runtime: shared declarations of its parts. */
#ifndef OMNI_RUNTIME_H
#define OMNI_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define OMNI_RUNTIME_VERSION "1.0.0"

/// Returns the size of the ELF file at `path` (where the appended squashfs starts), or -1 with a message.
off_t omni_elf_size(const char *path);

/// Extracts the squashfs at `offset` of `image` into `dest`. With `pattern`, only entries whose path (or an
/// ancestor's path) matches the fnmatch(3) pattern are extracted. `verbose` prints each extracted path.
/// `private_dirs` forces owner rwx on directories, so the tree can be removed again. Returns the number of
/// extracted entries, or -1 on error.
long omni_extract(const char *image, off_t offset, const char *dest, const char *pattern, bool verbose,
                  bool private_dirs);

/// Removes a directory tree without following symbolic links. Returns 0 on success.
int omni_remove_tree(const char *path);

/// A FUSE mount of the image served by a child process.
typedef struct {
    pid_t server;     ///< the FUSE server process
    int keepalive_fd; ///< write end: closing it (or exiting) makes the server unmount
    int done_fd;      ///< read end: the server writes one byte once unmounted and the mount point removed
    char mountpoint[4096];
} omni_mount;

/// Mounts `image` at a fresh directory under the temporary directory. Returns 0 on success; on failure
/// (no FUSE, no fusermount3, ...) returns -1 and leaves nothing behind.
int omni_mount_start(omni_mount *m, const char *image, off_t offset);

/// Asks the server to unmount and waits until the mount point is gone.
void omni_mount_stop(omni_mount *m);

/// Runs `argv` (argv[0] is the program path) as a child with `envp`, forwarding termination signals sent to
/// this process, and returns its wait status.
int omni_supervise(char *const *argv, char *const *envp);

/// Ends this process the way a child with wait status `status` ended (same exit code or same signal).
_Noreturn void omni_exit_like(int status);

#endif
