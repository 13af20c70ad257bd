// SPDX-License-Identifier: MIT
#pragma once

#include "theme.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QMenu;
class QToolBar;

namespace omni {
class ReplaySource;
}

namespace omni::app {
class Runtime;
}

namespace omni::audio {
class Voice;
}

namespace omni::gui {

class BlackboxPanel;
class Dashboard;
class KioskGuard;
class Settings;
class Timeline;

/// The omniscient window: the dashboard, plus (on the desktop) a menu to connect to a remote robot,
/// pick the palette and the language, and mute this computer. In kiosk mode: no menu, fullscreen,
/// and only the documented exits (see KioskGuard).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// How the window presents itself.
    struct Mode {
        bool kiosk = false;    ///< --kiosk
        bool withSound = true; ///< false: the window leaves the runtime's voice alone (tests, screenshots)
    };

    /// A window over `runtime` (started or not), remembering things in `settings`. Neither is owned.
    MainWindow(app::Runtime &runtime, Settings &settings, Mode mode, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] Dashboard *dashboard() const { return m_dashboard; }
    /// The black box's strip under the dashboard (events, saving).
    [[nodiscard]] BlackboxPanel *blackboxPanel() const { return m_blackbox; }
    /// The runtime's voice the window follows (mute, notes), or null without sound.
    [[nodiscard]] audio::Voice *voice() const { return m_voice; }
    /// The kiosk guard, or null on the desktop.
    [[nodiscard]] KioskGuard *kiosk() const { return m_kiosk; }
    /// Shows the window as the mode wants (fullscreen kiosk or restored geometry).
    void present();
    /// Connects to `url` (as the connect dialog does) and remembers it.
    void connectTo(const QUrl &url);
    /// Uses palette `choice` and remembers it.
    void setThemeChoice(ThemeChoice choice);
    /// Switches the interface to `code` and remembers it.
    void setLanguage(const QString &code);
    /// Plays the recording at `path` (File → Open recording…, drag and drop); false (and a message box unless
    /// `quiet`) when it cannot be read.
    bool openRecording(const QString &path, bool quiet = false);
    /// The replay's timeline under the dashboard (hidden without a replay).
    [[nodiscard]] Timeline *timeline() const { return m_timeline; }

public Q_SLOTS:
    /// Lets the window close even in kiosk mode (SIGTERM), then closes it.
    void closeForGood();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void retranslate();
    void rebuildRecent();
    void openConnectDialog();
    void openRecordingDialog();
    void buildTimeline();
    void showReplay(ReplaySource *replay);
    void updateSoundNote();
    void updateTitle();

    app::Runtime &m_runtime;
    Settings &m_settings;
    Mode m_mode;
    Dashboard *m_dashboard;
    BlackboxPanel *m_blackbox = nullptr;
    Timeline *m_timeline = nullptr;
    QToolBar *m_timelineBar = nullptr;
    QAction *m_openRecordingAction = nullptr;
    audio::Voice *m_voice = nullptr;
    KioskGuard *m_kiosk = nullptr;
    ThemeChoice m_themeChoice = ThemeChoice::System;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_langMenu = nullptr;
    QMenu *m_soundMenu = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_soundAction = nullptr;
    QAction *m_localMuteAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QActionGroup *m_langGroup = nullptr;
};

} // namespace omni::gui
