// SPDX-License-Identifier: MIT
#pragma once

namespace omni::app {
struct Options;
class Runtime;
} // namespace omni::app

namespace omni::gui {

/// Prepares the QApplication (style) before any window exists. The language is set up before, for every
/// mode, with setupLanguage() (language.h).
void prepareApplication();

/// Shows the dashboard for a started `runtime` (desktop window, or the kiosk with --kiosk) and runs the
/// event loop until QCoreApplication::quit() (File > Quit, the kiosk's exit gesture, SIGTERM via main()).
int runGui(app::Runtime &runtime, const app::Options &options);

} // namespace omni::gui
