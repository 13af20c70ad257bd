/* SPDX-License-Identifier: MIT */
/* omni_shm.h after the system headers a robot program typically includes first: in strict ISO C the C
 * library is then set up without POSIX before omni_shm.h is seen (compiled by check_header_matrix.sh). */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <omniscient/omni_shm.h>

#include "uses_header.inc"
