/* SPDX-License-Identifier: MIT */
/*
 * libomniscient-robot.so.1: the writer functions of omni_shm.h as a shared library, for robots that cannot
 * include a C header (Python through ctypes, other FFIs). Nothing is written here: the header's own bodies
 * are compiled once with external linkage instead of `static inline`, so the library is the header.
 */
#define OMNI_SHM_API __attribute__((visibility("default")))
#include <omniscient/omni_shm.h>
