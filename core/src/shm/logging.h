// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace omni {
/// The "omni.reader" logging category (QT_LOGGING_RULES="omni.reader.debug=true" shows its debug messages).
Q_DECLARE_LOGGING_CATEGORY(lcReader)
} // namespace omni
