// SPDX-License-Identifier: MIT
#include "theme.h"

namespace omni::gui {

Theme Theme::light()
{
    Theme t;
    t.isDark = false;
    t.background = QColor(0xEE, 0xF1, 0xF5);
    t.card = QColor(0xFF, 0xFF, 0xFF);
    t.cardEdge = QColor(0xDF, 0xE4, 0xEA);
    t.text = QColor(0x18, 0x21, 0x2B);
    t.muted = QColor(0x5D, 0x69, 0x77);
    t.line = QColor(0xE6, 0xEA, 0xEF);
    t.robotBody = QColor(0xCF, 0xD6, 0xDE);
    t.robotEdge = QColor(0x4E, 0x5B, 0x68);
    t.direction = QColor(0x39, 0x49, 0xAB);
    t.strip = QColor(0xF1, 0xF3, 0xF6);
    t.live = QColor(0x1B, 0x7F, 0x3B);
    t.liveBg = QColor(0xE3, 0xF4, 0xE8);
    t.stale = QColor(0xB4, 0x53, 0x09);
    t.staleBg = QColor(0xFD, 0xF0, 0xDC);
    t.waiting = QColor(0x47, 0x55, 0x69);
    t.waitingBg = QColor(0xE9, 0xED, 0xF2);
    t.incompatible = QColor(0xC6, 0x28, 0x28);
    t.incompatibleBg = QColor(0xFD, 0xE7, 0xE7);
    t.offline = QColor(0x6D, 0x28, 0xD9);
    t.offlineBg = QColor(0xEF, 0xE7, 0xFD);
    t.series[0] = QColor(0xE6, 0x51, 0x00);
    t.series[1] = QColor(0x1E, 0x88, 0xE5);
    t.series[2] = QColor(0x43, 0xA0, 0x47);
    return t;
}

Theme Theme::dark()
{
    Theme t;
    t.isDark = true;
    t.background = QColor(0x0D, 0x11, 0x17);
    t.card = QColor(0x16, 0x1C, 0x24);
    t.cardEdge = QColor(0x24, 0x2D, 0x39);
    t.text = QColor(0xE6, 0xEB, 0xF1);
    t.muted = QColor(0x96, 0xA2, 0xB0);
    t.line = QColor(0x23, 0x2C, 0x37);
    t.robotBody = QColor(0x32, 0x3C, 0x48);
    t.robotEdge = QColor(0x9A, 0xA8, 0xB7);
    t.direction = QColor(0x8C, 0x9E, 0xFF);
    t.strip = QColor(0x1C, 0x23, 0x2D);
    t.live = QColor(0x4A, 0xDE, 0x80);
    t.liveBg = QColor(0x12, 0x30, 0x1E);
    t.stale = QColor(0xFB, 0xBF, 0x24);
    t.staleBg = QColor(0x3A, 0x2A, 0x0C);
    t.waiting = QColor(0xA7, 0xB4, 0xC4);
    t.waitingBg = QColor(0x22, 0x2B, 0x36);
    t.incompatible = QColor(0xF8, 0x71, 0x71);
    t.incompatibleBg = QColor(0x3B, 0x15, 0x15);
    t.offline = QColor(0xC4, 0xB5, 0xFD);
    t.offlineBg = QColor(0x2A, 0x1F, 0x47);
    t.series[0] = QColor(0xFF, 0xB7, 0x4D);
    t.series[1] = QColor(0x64, 0xB5, 0xF6);
    t.series[2] = QColor(0x81, 0xC7, 0x84);
    return t;
}

Theme Theme::resolve(ThemeChoice choice, const QPalette &platform)
{
    switch (choice) {
    case ThemeChoice::Light:
        return light();
    case ThemeChoice::Dark:
        return dark();
    case ThemeChoice::System:
        break;
    }
    // Qt 6.4 has no colour-scheme hint: a dark window colour means a dark desktop.
    return platform.color(QPalette::Window).lightness() < 128 ? dark() : light();
}

QPalette Theme::palette() const
{
    QPalette p;
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, card);
    p.setColor(QPalette::AlternateBase, strip);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, card);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, card);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Highlight, direction);
    p.setColor(QPalette::HighlightedText, isDark ? QColor(0x0D, 0x11, 0x17) : QColor(Qt::white));
    p.setColor(QPalette::Mid, cardEdge);
    p.setColor(QPalette::Midlight, line);
    p.setColor(QPalette::Light, isDark ? cardEdge.lighter(130) : QColor(Qt::white));
    p.setColor(QPalette::Dark, isDark ? QColor(0x05, 0x07, 0x0A) : muted);
    p.setColor(QPalette::Shadow, QColor(0, 0, 0, isDark ? 200 : 80));
    p.setColor(QPalette::Link, direction);
    p.setColor(QPalette::Disabled, QPalette::Text, muted);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    p.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    return p;
}

QColor greyed(const QColor &c, const QColor &background, double fade)
{
    const int grey = qGray(c.rgb());
    const auto mix = [fade](int a, int b) { return static_cast<int>(a * (1.0 - fade) + b * fade); };
    return QColor(mix(grey, background.red()), mix(grey, background.green()), mix(grey, background.blue()), c.alpha());
}

ThemeChoice themeChoiceFromName(const QString &name)
{
    if (name == QLatin1String("light")) {
        return ThemeChoice::Light;
    }
    if (name == QLatin1String("dark")) {
        return ThemeChoice::Dark;
    }
    return ThemeChoice::System;
}

QString themeChoiceName(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

} // namespace omni::gui
