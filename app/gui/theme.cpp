// SPDX-License-Identifier: MIT
#include "theme.h"

#include "statustext.h"

#include <cmath>

namespace omni::gui {

// The original observer's legend (docs/DESIGN.md, "The original look").
namespace legend {
const QColor wheelFill{0xFF, 0xE0, 0x82};      // #FFE082
const QColor wheelBorder{0xE6, 0x51, 0x00};    // #E65100
const QColor wheelText{0x3E, 0x22, 0x00};      // #3E2200
const QColor obstacleFill{0x90, 0xCA, 0xF9};   // #90CAF9
const QColor obstacleBorder{0x0D, 0x47, 0xA1}; // #0D47A1
const QColor frontFill{0xA5, 0xD6, 0xA7};      // #A5D6A7
const QColor frontBorder{0x1B, 0x5E, 0x20};    // #1B5E20
const QColor edgeFill{0x4F, 0xC3, 0xF7};       // #4FC3F7
const QColor edgeBorder{0x02, 0x77, 0xBD};     // #0277BD
const QColor alert{0xD3, 0x2F, 0x2F};          // #D32F2F
const QColor alertBorder{0xB7, 0x1C, 0x1C};    // #B71C1C
const QColor alertText{0xFF, 0xFF, 0xFF};      // white
const QColor steerFill{0xBA, 0x68, 0xC8};      // #BA68C8
const QColor steerBorder{0x6A, 0x1B, 0x9A};    // #6A1B9A
} // namespace legend

namespace hint {
const QColor background{0, 0, 0, 200};
const QColor text{0xFF, 0xFF, 0xFF};
} // namespace hint

int scaled(double design, double scale)
{
    return static_cast<int>(std::lround(design * scale));
}

int scaledDown(double design, double scale)
{
    return static_cast<int>(design * scale);
}

Tone toneOf(LinkStatus status)
{
    switch (status) {
    case LinkStatus::Live:
        return Tone::Live;
    case LinkStatus::Stale:
        return Tone::Stale;
    case LinkStatus::Incompatible:
        return Tone::Incompatible;
    case LinkStatus::Waiting:
    case LinkStatus::Replay: // never the colour of live
        break;
    }
    return Tone::Waiting;
}

Tone toneOf(ProblemKind kind)
{
    switch (kind) {
    case ProblemKind::Stale:
        return Tone::Stale;
    case ProblemKind::Incompatible:
        return Tone::Incompatible;
    case ProblemKind::Offline:
        return Tone::Offline;
    case ProblemKind::Waiting:
        break;
    }
    return Tone::Waiting;
}

Theme::ToneColors Theme::colors(Tone tone) const
{
    switch (tone) {
    case Tone::Live:
        return {live, liveBg};
    case Tone::Stale:
        return {stale, staleBg};
    case Tone::Incompatible:
        return {incompatible, incompatibleBg};
    case Tone::Offline:
        return {offline, offlineBg};
    case Tone::Waiting:
        break;
    }
    return {waiting, waitingBg};
}

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
