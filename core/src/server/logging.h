// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace omni {
/// The "omni.server" logging category (QT_LOGGING_RULES="omni.server.debug=true" shows its debug messages).
Q_DECLARE_LOGGING_CATEGORY(lcServer)
} // namespace omni
