// SPDX-License-Identifier: MIT
#include "displaydetect.h"
#include "options.h"

#include <gtest/gtest.h>

using namespace omni::app;

namespace {
QProcessEnvironment envWith(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), QStringLiteral("/root"));
    for (const auto &[k, v] : vars) {
        env.insert(QLatin1String(k), QLatin1String(v));
    }
    return env;
}
} // namespace

TEST(DisplayDetect, AnX11OrWaylandDisplayOrAChosenQtPlatformMeansAWindow)
{
    EXPECT_TRUE(displayAvailable(envWith({{"DISPLAY", ":0"}})));
    EXPECT_TRUE(displayAvailable(envWith({{"WAYLAND_DISPLAY", "wayland-0"}})));
    EXPECT_TRUE(displayAvailable(envWith({{"QT_QPA_PLATFORM", "eglfs"}}))); // a Pi kiosk without X
    EXPECT_FALSE(displayAvailable(envWith({})));
    EXPECT_FALSE(displayAvailable(envWith({{"DISPLAY", ""}, {"WAYLAND_DISPLAY", "  "}})));
}

TEST(DisplayDetect, HeadlessWinsThenTheDisplayDecides)
{
    Options o;
    EXPECT_EQ(uiMode(o, envWith({{"DISPLAY", ":0"}})), UiMode::Window);
    EXPECT_EQ(uiMode(o, envWith({})), UiMode::HeadlessNoDisplay);
    o.headless = true;
    EXPECT_EQ(uiMode(o, envWith({{"DISPLAY", ":0"}})), UiMode::HeadlessRequested);
    EXPECT_EQ(uiMode(o, envWith({})), UiMode::HeadlessRequested);
    EXPECT_FALSE(noDisplayNote().isEmpty());
}
