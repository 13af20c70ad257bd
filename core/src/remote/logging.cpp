// SPDX-License-Identifier: MIT
#include "remote/logging.h"

namespace omni {
Q_LOGGING_CATEGORY(lcRemote, "omni.remote", QtInfoMsg)
} // namespace omni
