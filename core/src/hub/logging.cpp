// SPDX-License-Identifier: MIT
#include "hub/logging.h"

namespace omni {
Q_LOGGING_CATEGORY(lcHub, "omni.hub", QtInfoMsg)
} // namespace omni
