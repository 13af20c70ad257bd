// SPDX-License-Identifier: MIT
#pragma once

#include <omni/robotstate.h>

#include <QColor>
#include <QPalette>
#include <QString>

namespace omni::gui {

/// The legend colours of the original observer: the same in light and dark. Their values live in theme.cpp,
/// the only file of app/gui with colour literals (tests/app/test_gui_colours.cpp checks).
namespace legend {
extern const QColor wheelFill;      ///< omni wheels and motor power: amber
extern const QColor wheelBorder;    ///< their outline
extern const QColor wheelText;      ///< text on wheelFill (the power bar, the sound button while on)
extern const QColor obstacleFill;   ///< the obstacle sensor: light blue
extern const QColor obstacleBorder; ///< its outline
extern const QColor frontFill;      ///< front line sensors: green diamonds
extern const QColor frontBorder;    ///< their outline
extern const QColor edgeFill;       ///< edge line sensors: cyan squares
extern const QColor edgeBorder;     ///< their outline
extern const QColor alert;          ///< obstacle detected
extern const QColor alertBorder;    ///< the obstacle sensor's outline while an obstacle is detected
extern const QColor alertText;      ///< text on alert (the "OBSTACLE" pill)
extern const QColor steerFill;      ///< go_left / go_right
extern const QColor steerBorder;    ///< their outline
} // namespace legend

/// The kiosk's "hold to leave" hint: the same in light and dark.
namespace hint {
extern const QColor background; ///< translucent black
extern const QColor text;       ///< on background
} // namespace hint

/// Sizes are designed for the Pi's 800 × 480 touchscreen (scale 1.0); these turn a design size into pixels
/// at `scale`. Rounded to the nearest pixel: fonts, radii, icons and the style sheets' sizes.
int scaled(double design, double scale);
/// The same rounded down (towards zero): layout margins and spacing, and what was always sized that way,
/// so every pixel stays where it was.
int scaledDown(double design, double scale);

enum class ProblemKind; // statustext.h

/// What a coloured status word, chip, banner or notice says: the robot's link, or the network being down.
enum class Tone { Live, Waiting, Stale, Incompatible, Offline };
/// The tone of a link status.
Tone toneOf(LinkStatus status);
/// The tone of a problem (the banner and the robot's notice).
Tone toneOf(ProblemKind kind);

/// Which palette the dashboard uses.
enum class ThemeChoice { System, Light, Dark };

/// Colours that differ between light and dark.
struct Theme {
    bool isDark = false; ///< a dark palette
    QColor background;   ///< window
    QColor card;         ///< panels
    QColor cardEdge;     ///< panel borders
    QColor text;         ///< main text
    QColor muted;        ///< secondary text, unlit outlines
    QColor line;         ///< separators, halo
    QColor robotBody;    ///< the robot's top plate
    QColor robotEdge;    ///< its outline
    QColor direction;    ///< the direction arrow
    QColor strip;        ///< sparkline background
    QColor live, liveBg; ///< link colours (text, background)
    QColor stale, staleBg;
    QColor waiting, waitingBg;
    QColor incompatible, incompatibleBg;
    QColor offline, offlineBg; ///< the network link to a remote omniscient is down
    QColor series[3];          ///< sparkline colours: left, right, bottom wheel

    /// A tone's colours: text (and border) on background.
    struct ToneColors {
        QColor fg; ///< text, border
        QColor bg; ///< background
    };
    /// The colours of `tone` (the one place a status picks its colour).
    [[nodiscard]] ToneColors colors(Tone tone) const;

    /// The light theme.
    static Theme light();
    /// The dark theme.
    static Theme dark();
    /// `choice`, with System resolved from the platform's palette.
    static Theme resolve(ThemeChoice choice, const QPalette &platform);
    /// A QPalette for the widgets (buttons, menus) that matches this theme.
    [[nodiscard]] QPalette palette() const;

    friend bool operator==(const Theme &, const Theme &) = default;
};

/// `c` as the stale look shows it: grey with the same lightness, faded towards `background`.
QColor greyed(const QColor &c, const QColor &background, double fade = 0.45);

/// "system", "light", "dark" (settings keys); unknown text reads as System.
ThemeChoice themeChoiceFromName(const QString &name);
/// The settings key of `choice`.
QString themeChoiceName(ThemeChoice choice);

} // namespace omni::gui
