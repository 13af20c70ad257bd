// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace omni {
/// The "omni.mqtt" logging category (QT_LOGGING_RULES="omni.mqtt.debug=true" shows its debug messages).
Q_DECLARE_LOGGING_CATEGORY(lcMqtt)
} // namespace omni
