// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace omni {
/// The "omni.hub" logging category (QT_LOGGING_RULES="omni.hub.debug=true" shows its debug messages).
Q_DECLARE_LOGGING_CATEGORY(lcHub)
} // namespace omni
