// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace omni {
/// The "omni.foxglove" logging category (QT_LOGGING_RULES="omni.foxglove.debug=true" shows its debug messages).
Q_DECLARE_LOGGING_CATEGORY(lcFoxglove)
} // namespace omni
