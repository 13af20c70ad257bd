// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QLabel;
class QWidget;

namespace omni::gui {

/// Kiosk behaviour for a window on a touchscreen: fullscreen, frameless, no cursor, and no accidental
/// exit. It only leaves by a documented gesture — holding `holdTarget` (the panel's title) for
/// kHoldMs, or Ctrl+Alt+Q — or by a signal (SIGTERM from systemd). Needs no window manager
/// (X11, cage, eglfs, linuxfb alike).
class KioskGuard : public QObject
{
    Q_OBJECT
public:
    /// How long the title must be held, by default.
    static constexpr int kHoldMs = 5000;

    /// Guards `window`; `holdTarget` (inside it) is the long-press area. Neither is owned.
    KioskGuard(QWidget *window, QWidget *holdTarget, QObject *parent = nullptr);
    ~KioskGuard() override;

    /// Makes the window fullscreen and frameless and hides the cursor.
    void apply();
    /// Lets the window close (on exitRequested, or on a signal).
    void allowClose() { m_closeAllowed = true; }
    /// Changes how long the hold takes (tests).
    void setHoldDuration(int ms) { m_hold.setInterval(ms); }
    /// Whether a hold is in progress.
    [[nodiscard]] bool holding() const { return m_hold.isActive(); }

Q_SIGNALS:
    /// The person asked to leave with the documented gesture.
    void exitRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startHold();
    void stopHold();
    void updateHint();

    QPointer<QWidget> m_window;
    QPointer<QWidget> m_target;
    QTimer m_hold;
    QTimer m_hintTick;
    QElapsedTimer m_held;
    QLabel *m_hint = nullptr;
    bool m_closeAllowed = false;
    bool m_cursorHidden = false;
    bool m_screenFollowed = false;
};

} // namespace omni::gui
