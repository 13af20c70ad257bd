/* SPDX-License-Identifier: MIT */
/**
 * @file omni_shm_writer_internal.h
 * The writer's internals: not API (names and behaviour may change). Included by omni_shm_writer.h only, after
 * the types and system headers it needs.
 */
#ifndef OMNISCIENT_OMNI_SHM_WRITER_INTERNAL_H
#define OMNISCIENT_OMNI_SHM_WRITER_INTERNAL_H

#ifndef OMNISCIENT_OMNI_SHM_WRITER_H
#error "include omni_shm.h, not omni_shm_writer_internal.h"
#endif

/* shm_open() with close-on-exec; -1 with errno. */
static inline int omni_internal_shm_open(const char *path, int flags, mode_t mode)
{
#ifdef O_CLOEXEC
    return shm_open(path, flags | O_CLOEXEC, mode);
#else
    int fd = shm_open(path, flags, mode);
    if (fd >= 0) {
        (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    return fd;
#endif
}

/* Closes fd keeping errno. */
static inline void omni_internal_close(int fd)
{
    int saved = errno;
    close(fd);
    errno = saved;
}

/* Non-zero when `path` still names the file open as `fd`. */
static inline int omni_internal_names_fd(const char *path, int fd)
{
    struct stat mine, named;
    int other, same;
    if (fstat(fd, &mine) != 0) {
        return 0;
    }
    other = omni_internal_shm_open(path, O_RDONLY, 0);
    if (other < 0) {
        return 0;
    }
    same = fstat(other, &named) == 0 && named.st_ino == mine.st_ino && named.st_dev == mine.st_dev;
    omni_internal_close(other);
    return same;
}

/* Gives the file its mode and group, sizes it to exactly `size` bytes and reserves the memory (tmpfs
 * allocates pages on first touch: without the reservation a full /dev/shm is a SIGBUS later). 0 or errno. */
static inline int omni_internal_prepare(int fd, size_t size, mode_t mode, int64_t group)
{
    struct stat st;
    int rc;
    if (fstat(fd, &st) != 0) {
        return errno;
    }
    if ((st.st_mode & 07777U) != mode && fchmod(fd, mode) != 0) { /* shm_open() honours the umask */
        return errno;
    }
    if (group >= 0 && st.st_gid != OMNI_SCAST(gid_t, group) &&
        fchown(fd, OMNI_SCAST(uid_t, -1), OMNI_SCAST(gid_t, group)) != 0) {
        return errno;
    }
    if (OMNI_SCAST(size_t, st.st_size) != size && ftruncate(fd, OMNI_SCAST(off_t, size)) != 0) {
        return errno;
    }
    rc = posix_fallocate(fd, 0, OMNI_SCAST(off_t, size));
    return rc == EOPNOTSUPP || rc == EINVAL ? 0 : rc; /* a file system that cannot reserve: as before */
}

/* Opens `path` for the one writer: creates it (*created = 1) or opens an existing one (*created = 0), then
 * takes the exclusive lock that marks the live writer. -1 with errno (EBUSY while another writer lives). */
static inline int omni_internal_claim(const char *path, mode_t mode, int *created)
{
    int attempt;
    for (attempt = 0; attempt < 8; ++attempt) {
        int fd = omni_internal_shm_open(path, O_RDWR | O_CREAT | O_EXCL, mode & 0600U);
        *created = fd >= 0;
        if (fd < 0 && errno == EEXIST) {
            fd = omni_internal_shm_open(path, O_RDWR, 0);
        }
        if (fd < 0) {
            if (errno == ENOENT) {
                continue; /* removed between the two opens: try again */
            }
            return -1;
        }
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int busy = errno == EWOULDBLOCK;
            omni_internal_close(fd);
            if (busy) {
                errno = EBUSY; /* a live writer holds it (its lock dies with its process) */
            }
            return -1;
        }
        /* The previous writer may have closed (and unlinked) it between our open and our lock. */
        if (omni_internal_names_fd(path, fd)) {
            return fd;
        }
        close(fd);
    }
    errno = EBUSY;
    return -1;
}

/* Creates the wake-up segment afresh (a dead writer's is replaced); NULL when there is none. */
static inline omni_shm_wake *omni_internal_open_wake(const char *path, mode_t mode, int64_t group, uint64_t start)
{
    omni_shm_wake *wake;
    void *p;
    int fd;
    (void)shm_unlink(path); /* only the segment's lock holder gets here: any wake segment is a stale one */
    fd = omni_internal_shm_open(path, O_RDWR | O_CREAT | O_EXCL, mode & 0600U);
    if (fd < 0) {
        return NULL; /* e.g. someone else's file under that name: readers poll */
    }
    if (omni_internal_prepare(fd, sizeof(omni_shm_wake), mode, group) != 0) {
        omni_internal_close(fd);
        (void)shm_unlink(path);
        return NULL; /* no room (ENOSPC) or no permission: readers poll */
    }
    p = mmap(NULL, sizeof(omni_shm_wake), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    omni_internal_close(fd);
    if (p == MAP_FAILED) {
        (void)shm_unlink(path);
        return NULL;
    }
    wake = OMNI_SCAST(omni_shm_wake *, p);
    __atomic_store_n(&wake->writer_start_ns, start, __ATOMIC_RELAXED);
    __atomic_store_n(&wake->magic, OMNI_SHM_WAKE_MAGIC, __ATOMIC_RELEASE);
    return wake;
}

/* Makes the mapped segment this writer's: a new generation, zero payload, an even sequence no reader has
 * delivered before. Done inside the seqlock, so a reader that still saw the old magic never copies a mix
 * of an earlier writer's words and zeros as a consistent state. */
static inline void omni_internal_initialise(omni_writer *w, uint64_t start_ns)
{
    omni_shm_header *h = &w->seg->header;
    int32_t *words = OMNI_SCAST(int32_t *, OMNI_SCAST(void *, &w->seg->state));
    size_t i;

    __atomic_store_n(&h->magic, 0U, __ATOMIC_RELAXED); /* readers treat magic 0 as "initialising" */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    w->sequence = __atomic_load_n(&h->sequence, __ATOMIC_RELAXED) | 1U; /* odd */
    __atomic_store_n(&h->sequence, w->sequence, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    __atomic_store_n(&h->abi_version, OMNI_SHM_ABI_VERSION, __ATOMIC_RELAXED);
    __atomic_store_n(&h->header_size, OMNI_SCAST(uint32_t, sizeof(omni_shm_header)), __ATOMIC_RELAXED);
    __atomic_store_n(&h->payload_size, OMNI_SCAST(uint32_t, sizeof(omni_state)), __ATOMIC_RELAXED);
    __atomic_store_n(&h->writer_pid, OMNI_SCAST(int32_t, getpid()), __ATOMIC_RELAXED);
    __atomic_store_n(&h->reserved0, 0U, __ATOMIC_RELAXED);
    __atomic_store_n(&h->writer_start_ns, start_ns, __ATOMIC_RELAXED);
    __atomic_store_n(&h->publish_ns, OMNI_SCAST(uint64_t, 0U), __ATOMIC_RELAXED);
    __atomic_store_n(&h->reserved1[0], OMNI_SCAST(uint64_t, 0U), __ATOMIC_RELAXED);
    __atomic_store_n(&h->reserved1[1], OMNI_SCAST(uint64_t, 0U), __ATOMIC_RELAXED);
    /* An earlier writer may have died mid-publish: never leave its half-written payload readable. */
    for (i = 0; i < sizeof(omni_state) / sizeof(int32_t) + 1U; ++i) {
        __atomic_store_n(&words[i], 0, __ATOMIC_RELAXED);
    }
    w->sequence += 1U; /* even */
    __atomic_store_n(&h->sequence, w->sequence, __ATOMIC_RELEASE);
}

/* Undoes a failed open: the segment is removed only when this call created it. Keeps errno = err. */
static inline omni_writer *omni_internal_fail(omni_writer *w, int err)
{
    if (w->seg != NULL) {
        munmap(w->seg, sizeof(omni_shm_segment));
    }
    if (w->fd >= 0) {
        if (w->created) {
            (void)shm_unlink(w->name); /* still ours: we hold its lock */
        }
        close(w->fd);
    }
    free(w);
    errno = err;
    return NULL;
}

#endif /* OMNISCIENT_OMNI_SHM_WRITER_INTERNAL_H */
