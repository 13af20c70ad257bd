// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace omni::gui {

/// The legend colours of the original observer: the same in light and dark.
namespace legend {
inline const QColor wheelFill{0xFF, 0xE0, 0x82};      // #FFE082
inline const QColor wheelBorder{0xE6, 0x51, 0x00};    // #E65100
inline const QColor obstacleFill{0x90, 0xCA, 0xF9};   // #90CAF9
inline const QColor obstacleBorder{0x0D, 0x47, 0xA1}; // #0D47A1
inline const QColor frontFill{0xA5, 0xD6, 0xA7};      // #A5D6A7
inline const QColor frontBorder{0x1B, 0x5E, 0x20};    // #1B5E20
inline const QColor edgeFill{0x4F, 0xC3, 0xF7};       // #4FC3F7
inline const QColor edgeBorder{0x02, 0x77, 0xBD};     // #0277BD
inline const QColor alert{0xD3, 0x2F, 0x2F};          // obstacle detected
inline const QColor steerFill{0xBA, 0x68, 0xC8};      // go_left / go_right
inline const QColor steerBorder{0x6A, 0x1B, 0x9A};
} // namespace legend

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
