// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace omni {
Q_DECLARE_LOGGING_CATEGORY(lcReader)
Q_DECLARE_LOGGING_CATEGORY(lcHub)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcRemote)
} // namespace omni
