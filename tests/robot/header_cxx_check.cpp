// SPDX-License-Identifier: MIT
// Compiled on its own by CTest with -std=c++20 -Wall -Wextra -Werror -Wpedantic: the robot headers are valid C++.
#include <omniscient/omni_shm.h>

#include "omni_sim_model.h"

#include <type_traits>

static_assert(std::is_trivially_copyable_v<omni_state>, "omni_state travels by memcpy");
static_assert(std::is_standard_layout_v<omni_sim>, "omni_sim is a plain C struct");
static_assert(sizeof(omni_legacy_shared) == 56, "legacy layout");
static_assert(sizeof(omni_legacy_shared64) == 64, "the original's last layout");

constexpr int kLeftToRight[] = OMNI_SENSOR_LEFT_TO_RIGHT;
static_assert(sizeof(kLeftToRight) / sizeof(kLeftToRight[0]) == OMNI_SENSOR_COUNT, "one position per sensor");

int omni_header_cxx_check()
{
    omni_sim sim;
    omni_state state{};
    omni_sim_init(&sim, 1U);
    omni_sim_step(&sim, 0.02, &state);
    omni_writer *writer = omni_writer_open("omni-header-cxx-check-never-run");
    omni_writer_publish(writer, &state);
    omni_writer_close(writer);
    return state.direction;
}
