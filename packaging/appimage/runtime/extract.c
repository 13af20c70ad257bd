/* SPDX-License-Identifier: MIT */
/* --appimage-extract and the extraction half of --appimage-extract-and-run, on top of libsquashfuse. */
#define _GNU_SOURCE
/* squashfuse's config.h sets _POSIX_C_SOURCE: let <features.h> see it first, then _GNU_SOURCE wins */
#include <squashfuse.h>

#include "runtime.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CHUNK = 128 * 1024 };

/* An entry is selected when its own path or one of its ancestors' paths matches: "usr/lib" selects the
 * whole directory, "*.desktop" selects the desktop file. */
static bool selected(const char *pattern, const char *path)
{
    if (!pattern) {
        return true;
    }
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    for (;;) {
        if (fnmatch(pattern, buf, 0) == 0) {
            return true;
        }
        char *slash = strrchr(buf, '/');
        if (!slash) {
            return false;
        }
        *slash = '\0';
    }
}

/* Creates the missing parents of `full` (below `dest`), e.g. when a pattern selected a deep file only. */
static int make_parents(const char *full, size_t dest_len)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", full);
    for (char *p = buf + dest_len + 1; (p = strchr(p, '/')) != NULL; ++p) {
        *p = '\0';
        if (mkdir(buf, 0755) != 0 && errno != EEXIST) {
            perror(buf);
            return -1;
        }
        *p = '/';
    }
    return 0;
}

static int write_file(sqfs *fs, sqfs_inode *inode, const char *full)
{
    (void)unlink(full); /* never write through a symlink left over from an earlier extraction */
    int fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        perror(full);
        return -1;
    }
    static char buf[CHUNK];
    uint64_t size = inode->xtra.reg.file_size;
    int rc = 0;
    for (uint64_t off = 0; off < size && rc == 0;) {
        sqfs_off_t n = (size - off) < CHUNK ? (sqfs_off_t)(size - off) : CHUNK;
        if (sqfs_read_range(fs, inode, (sqfs_off_t)off, &n, buf) != SQFS_OK || n <= 0) {
            fprintf(stderr, "%s: read error in the image\n", full);
            rc = -1;
            break;
        }
        for (sqfs_off_t done = 0; done < n;) {
            ssize_t w = write(fd, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR) {
                continue;
            }
            if (w <= 0) {
                perror(full);
                rc = -1;
                break;
            }
            done += w;
        }
        off += (uint64_t)n;
    }
    if (rc == 0 && fchmod(fd, inode->base.mode & 07777) != 0) {
        perror(full);
        rc = -1;
    }
    struct timespec times[2] = {{.tv_sec = inode->base.mtime}, {.tv_sec = inode->base.mtime}};
    (void)futimens(fd, times);
    if (close(fd) != 0) {
        rc = -1;
    }
    return rc;
}

static int write_symlink(sqfs *fs, sqfs_inode *inode, const char *full)
{
    size_t size = 0;
    if (sqfs_readlink(fs, inode, NULL, &size) != SQFS_OK) {
        return -1;
    }
    char *target = malloc(++size);
    if (!target || sqfs_readlink(fs, inode, target, &size) != SQFS_OK) {
        free(target);
        return -1;
    }
    (void)unlink(full);
    int rc = symlink(target, full);
    if (rc != 0) {
        perror(full);
    } else {
        struct timespec times[2] = {{.tv_sec = inode->base.mtime}, {.tv_sec = inode->base.mtime}};
        (void)utimensat(AT_FDCWD, full, times, AT_SYMLINK_NOFOLLOW);
    }
    free(target);
    return rc;
}

long omni_extract(const char *image, off_t offset, const char *dest, const char *pattern, bool verbose,
                  bool private_dirs)
{
    sqfs fs;
    if (sqfs_open_image(&fs, image, (size_t)offset) != SQFS_OK) {
        fprintf(stderr, "%s: no squashfs image at offset %lld\n", image, (long long)offset);
        return -1;
    }
    if (mkdir(dest, 0755) != 0 && errno != EEXIST) {
        perror(dest);
        sqfs_destroy(&fs);
        return -1;
    }
    sqfs_traverse trv;
    sqfs_err err = sqfs_traverse_open(&trv, &fs, sqfs_inode_root(&fs));
    long count = 0;
    size_t dest_len = strlen(dest);
    while (err == SQFS_OK && sqfs_traverse_next(&trv, &err)) {
        if (trv.dir_end || !selected(pattern, trv.path)) {
            continue;
        }
        if (strcmp(trv.entry.name, "..") == 0 || strcmp(trv.entry.name, ".") == 0) {
            continue; /* squashfs never stores these; refuse them anyway rather than escape dest */
        }
        char full[PATH_MAX];
        sqfs_inode inode;
        if (snprintf(full, sizeof full, "%s/%s", dest, trv.path) >= (int)sizeof full ||
            sqfs_inode_get(&fs, &inode, trv.entry.inode) != SQFS_OK || make_parents(full, dest_len) != 0) {
            err = SQFS_ERR;
            break;
        }
        int rc = 0;
        if (S_ISDIR(inode.base.mode)) {
            mode_t mode = (inode.base.mode & 07777) | (private_dirs ? S_IRWXU : 0);
            rc = (mkdir(full, mode) == 0 || errno == EEXIST) ? 0 : -1;
            if (rc != 0) {
                perror(full);
            }
        } else if (S_ISREG(inode.base.mode)) {
            rc = write_file(&fs, &inode, full);
        } else if (S_ISLNK(inode.base.mode)) {
            rc = write_symlink(&fs, &inode, full);
        } else {
            fprintf(stderr, "%s: skipped (device, fifo or socket)\n", trv.path);
            continue;
        }
        if (rc != 0) {
            err = SQFS_ERR;
            break;
        }
        ++count;
        if (verbose) {
            printf("%s\n", full);
        }
    }
    sqfs_traverse_close(&trv);
    sqfs_destroy(&fs);
    return err == SQFS_OK ? count : -1;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    if (remove(path) != 0 && errno != ENOENT) {
        perror(path);
        return -1;
    }
    return 0;
}

int omni_remove_tree(const char *path)
{
    return nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
