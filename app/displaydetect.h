// SPDX-License-Identifier: MIT
#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace omni::app {

struct Options;

/// How omniscient shows itself.
enum class UiMode {
    Window,            ///< a window: the desktop dashboard, or the kiosk with --kiosk
    HeadlessRequested, ///< --headless: reader and server only
    HeadlessNoDisplay, ///< no display to open a window on: runs headless by itself and says so
};

/// Whether a window can be opened: DISPLAY or WAYLAND_DISPLAY is set, or QT_QPA_PLATFORM names a platform
/// explicitly (eglfs or linuxfb on a Pi without X, offscreen, ...). Empty variables count as unset.
bool displayAvailable(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

/// The mode for `options` in `env`: --headless wins; otherwise a window if a display is available.
UiMode uiMode(const Options &options, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

/// What to tell a person when the mode is HeadlessNoDisplay (translated, one line).
QString noDisplayNote();

} // namespace omni::app
