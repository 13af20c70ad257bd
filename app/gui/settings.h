// SPDX-License-Identifier: MIT
#pragma once

#include "theme.h"

#include <QByteArray>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace omni::gui {

/// What the desktop app remembers between runs (QSettings: ~/.config/omniscient/omniscient.conf).
class Settings
{
public:
    /// Most recent addresses kept.
    static constexpr int kMaxRecent = 8;

    /// The user's settings of this application.
    Settings();
    /// Settings in an INI file at `path` (tests).
    explicit Settings(const QString &path);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    /// Remote addresses, most recent first.
    [[nodiscard]] QStringList recentUrls() const;
    /// Puts `url` first (once), keeping at most kMaxRecent.
    void addRecentUrl(const QString &url);
    /// The last address connected to, or empty.
    [[nodiscard]] QString lastUrl() const;

    /// The main window's saved geometry (QWidget::saveGeometry), or empty.
    [[nodiscard]] QByteArray geometry() const;
    void setGeometry(const QByteArray &geometry);

    /// The sound switch when this computer reads the robot itself, if saved.
    [[nodiscard]] std::optional<bool> sound() const;
    void setSound(bool on);
    /// This computer's own mute (remote mode).
    [[nodiscard]] bool localMute() const;
    void setLocalMute(bool muted);

    /// The chosen language ("de", ...), empty: follow the system.
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &code);
    /// The chosen palette.
    [[nodiscard]] ThemeChoice theme() const;
    void setTheme(ThemeChoice choice);

    /// Writes pending changes.
    void sync();

private:
    std::unique_ptr<QSettings> m_s;
};

} // namespace omni::gui
