// SPDX-License-Identifier: MIT
#include "foxglove/logging.h"

namespace omni {
Q_LOGGING_CATEGORY(lcFoxglove, "omni.foxglove", QtInfoMsg)
} // namespace omni
