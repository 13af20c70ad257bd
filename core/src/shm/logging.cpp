// SPDX-License-Identifier: MIT
#include "shm/logging.h"

namespace omni {
Q_LOGGING_CATEGORY(lcReader, "omni.reader", QtInfoMsg)
} // namespace omni
