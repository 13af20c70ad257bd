// SPDX-License-Identifier: MIT
#pragma once

#include <omni/event.h>

#include <QFrame>
#include <QPointer>

#include <deque>

class QLabel;
class QMenu;
class QToolButton;

namespace omni {
class Blackbox;
class EventFeed;
} // namespace omni

namespace omni::gui {

/// The black box's strip under the dashboard (desktop and kiosk): the last few events, newest first, and the
/// "Save the last minute" button with a menu of other spans (10 s, 1 min, 10 min, everything). Saving runs in
/// the black box's worker thread: the button shows it is busy and the strip says where the file went.
class BlackboxPanel : public QFrame
{
    Q_OBJECT
public:
    /// Events shown at once.
    static constexpr int kShownEvents = 3;

    /// A strip for `events` and `blackbox` (not owned; either may be null: no log, or no button).
    BlackboxPanel(EventFeed *events, Blackbox *blackbox, QWidget *parent = nullptr);

    /// Saves the last `seconds` (0: everything), as the button and its menu do.
    void save(double seconds);
    /// One event in the person's words, e.g. "Obstacle detected" (translated).
    static QString describe(const Event &event);

    /// The log as shown (tests).
    [[nodiscard]] QString logText() const;
    /// The save status as shown (tests).
    [[nodiscard]] QString statusText() const;
    /// The save button (tests).
    [[nodiscard]] QToolButton *saveButton() const { return m_save; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void addEvent(const Event &event);
    void showEvents();
    void retranslate();

    QPointer<Blackbox> m_blackbox;
    std::deque<Event> m_events; ///< newest last
    QLabel *m_title;
    QLabel *m_log;
    QToolButton *m_save;
    QMenu *m_menu;
    QLabel *m_status;
    QString m_lastSaved; ///< the last saved file's name, or empty
    QString m_lastError; ///< the last save's error, or empty
};

} // namespace omni::gui
