// SPDX-License-Identifier: MIT
#include "mqtt/logging.h"

namespace omni {
Q_LOGGING_CATEGORY(lcMqtt, "omni.mqtt", QtInfoMsg)
} // namespace omni
