// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace omni {
/// The "omni.remote" logging category (QT_LOGGING_RULES="omni.remote.debug=true" shows its debug messages).
Q_DECLARE_LOGGING_CATEGORY(lcRemote)
} // namespace omni
