/* SPDX-License-Identifier: MIT */
/* omni_shm.h as the first include of a robot program (compiled as C and as C++ by check_header_matrix.sh). */
#include <omniscient/omni_shm.h>

#include <stdio.h>
#include <string.h>

#include "uses_header.inc"
