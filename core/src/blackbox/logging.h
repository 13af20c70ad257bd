// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace omni {
/// The "omni.blackbox" logging category: events and recordings.
Q_DECLARE_LOGGING_CATEGORY(lcBlackbox)
} // namespace omni
