// SPDX-License-Identifier: MIT
#include "omni/recordingsapi.h"

#include <QRegularExpression>

namespace omni {

bool RecordingsApi::validName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,122}\\.mcap$"));
    return pattern.match(name).hasMatch();
}

} // namespace omni
