// SPDX-License-Identifier: MIT
#pragma once

#include "omni/robotstate.h"

#include <cstddef>
#include <cstdint>

/// Pure functions over the bytes of a mapped segment: classification and consistent copies.
/// They never write, use only word-sized atomic loads (data-race-free against a live writer)
/// and never read past `size`. A SIGBUS from a segment truncated under the mapping is the
/// caller's to catch (see sigbusguard.h).
namespace omni::segment {

/// What a segment of a given size and content is.
struct Inspection {
    Layout layout = Layout::None;                   ///< Current, Legacy56 or Legacy64 when readable
    LinkStatus status = LinkStatus::Waiting;        ///< Waiting (empty/initialising), Live (readable) or Incompatible
    Incompatibility reason = Incompatibility::None; ///< why it is incompatible
    QString detail;                                 ///< facts, e.g. "abi_version 2, this build reads 1"
    quint64 writerStartNs = 0;                      ///< the writer generation (Current only)
    qint32 writerPid = 0;                           ///< the writer pid (Current only)
    quint32 segmentAbi = 0;                         ///< AbiNewer/AbiOlder: the segment's abi_version, else 0
    quint32 readerAbi = 0;                          ///< AbiNewer/AbiOlder: OMNI_SHM_ABI_VERSION, else 0
};

/// Classifies `size` bytes at `base`. base may be null when size is 0.
Inspection inspect(const void *base, std::size_t size);

/// Outcome of a consistent copy.
enum class ReadOutcome {
    Ok,           ///< `out` holds a consistent state
    Busy,         ///< the writer kept writing through every retry (or is stuck mid-publish)
    Initialising, ///< the magic is 0: a writer is (re)initialising the segment
};

/// A consistent copy of a Current-layout segment (seqlock). `out.seq` is the publish count,
/// `publishMonoNs` the writer's CLOCK_MONOTONIC publish time. Requires size >= sizeof(omni_shm_segment).
ReadOutcome readCurrent(const void *base, RobotState &out, quint64 &publishMonoNs, int maxRetries = 64);

/// The raw sequence word of a Current-layout segment (acquire load): cheap change detection.
quint64 currentSequence(const void *base);

/// The size of an original robot's segment: 56 for Legacy56, 64 for Legacy64, 0 for the other layouts.
std::size_t legacySize(Layout layout);

/// A consistent copy of an original robot's segment, `layout` Legacy56 or Legacy64 (as inspect() said):
/// re-read until two consecutive copies agree. `out.seq` is the robot's `ver`; Legacy56 has no
/// obstacleMode and four sensors. Requires size >= legacySize(layout).
ReadOutcome readLegacy(const void *base, Layout layout, RobotState &out, int maxRetries = 64);

/// The `ver` word of an original robot's segment, either layout (relaxed load).
qint32 legacyVersion(const void *base);

} // namespace omni::segment
