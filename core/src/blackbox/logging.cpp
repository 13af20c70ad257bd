// SPDX-License-Identifier: MIT
#include "blackbox/logging.h"

namespace omni {
Q_LOGGING_CATEGORY(lcBlackbox, "omni.blackbox", QtInfoMsg)
} // namespace omni
