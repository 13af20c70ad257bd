// SPDX-License-Identifier: MIT
#include "server/logging.h"

namespace omni {
Q_LOGGING_CATEGORY(lcServer, "omni.server", QtInfoMsg)
} // namespace omni
