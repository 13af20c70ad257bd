/* SPDX-License-Identifier: MIT */
/*
 * Run by check_enospc.sh inside a private mount namespace whose /dev/shm is a tiny tmpfs the script filled.
 *   enospc_writer full      /dev/shm has no free page: omni_writer_open() must return NULL with ENOSPC.
 *   enospc_writer one-page  room for the segment but not for the wake-up segment: the writer must work
 *                           without it (wake == NULL), publish, and close.
 * Either way the robot process must stay alive (the old writer died of SIGBUS here) and leave nothing in
 * /dev/shm: the script checks the directory afterwards. Exit 0 = as expected; 1 = wrong behaviour.
 */
#include <omniscient/omni_shm.h>

#include <stdio.h>

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    omni_state s;
    omni_writer *w;

    memset(&s, 0, sizeof(s));
    s.direction = OMNI_DIRECTION_FORWARD;
    errno = 0;
    w = omni_writer_open("omni-enospc-test");
    if (strcmp(mode, "full") == 0) {
        if (w != NULL) {
            fprintf(stderr, "FAIL: omni_writer_open succeeded on a full /dev/shm\n");
            omni_writer_close(w);
            return 1;
        }
        if (errno != ENOSPC) {
            fprintf(stderr, "FAIL: errno %d (%s), expected ENOSPC\n", errno, strerror(errno));
            return 1;
        }
        printf("full /dev/shm: NULL, errno ENOSPC, process alive\n");
        return 0;
    }
    if (w == NULL) {
        fprintf(stderr, "FAIL: omni_writer_open with room for the segment: %s\n", strerror(errno));
        return 1;
    }
    if (w->wake != NULL) {
        fprintf(stderr, "FAIL: a wake-up segment was made although there is no room for it\n");
        omni_writer_close(w);
        return 1;
    }
    if (omni_writer_publish(w, &s) != 0 || w->seg->state.direction != OMNI_DIRECTION_FORWARD) {
        fprintf(stderr, "FAIL: publish without a wake-up segment\n");
        omni_writer_close(w);
        return 1;
    }
    omni_writer_close(w);
    printf("room for one page: writer without wake-up segment published and closed\n");
    return 0;
}
