// SPDX-License-Identifier: MIT
#include "logging.h"

namespace omni {
Q_LOGGING_CATEGORY(lcReader, "omni.reader", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHub, "omni.hub", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "omni.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRemote, "omni.remote", QtInfoMsg)
} // namespace omni
