// SPDX-License-Identifier: MIT
#include "displaydetect.h"

#include "options.h"

#include <QCoreApplication>

namespace omni::app {

bool displayAvailable(const QProcessEnvironment &env)
{
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
        if (!env.value(QLatin1String(name)).trimmed().isEmpty()) {
            return true;
        }
    }
    return false;
}

UiMode uiMode(const Options &options, const QProcessEnvironment &env)
{
    if (options.headless) {
        return UiMode::HeadlessRequested;
    }
    return displayAvailable(env) ? UiMode::Window : UiMode::HeadlessNoDisplay;
}

QString noDisplayNote()
{
    return QCoreApplication::translate("omni::app",
                                       "no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset): "
                                       "running headless; use --headless to say so and silence this note");
}

} // namespace omni::app
