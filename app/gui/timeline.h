// SPDX-License-Identifier: MIT
#pragma once

#include "theme.h"

#include <omni/replaysource.h>

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QToolButton;

namespace omni::gui {

/// The bar of a timeline: the recording from start to end, the play head, the events as marks. Click or drag to
/// seek. Paints only; Timeline feeds it.
class TimelineBar : public QWidget
{
    Q_OBJECT
public:
    /// An empty bar.
    explicit TimelineBar(QWidget *parent = nullptr);
    /// The recording's length, the play head, and the events (all in s from the start).
    void setTimes(double durationS, double positionS, const QList<double> &eventsS);
    /// Colours from `theme`.
    void setTheme(const Theme &theme);
    [[nodiscard]] QSize sizeHint() const override;

Q_SIGNALS:
    /// The person clicked or dragged to `positionS` seconds from the start.
    void seekRequested(double positionS);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    [[nodiscard]] double timeAt(double x) const;
    double m_duration = 0.0;
    double m_position = 0.0;
    QList<double> m_events;
    Theme m_theme = Theme::light();
};

/// The replay's controls under the dashboard: play/pause, step back/forward one state, previous/next event, the
/// bar (drag to seek, events marked), the position, the speed (0.25× to 8×) and loop. Keyboard: space plays or
/// pauses, ←/→ step one state, Page Up/Page Down jump to the previous/next event, ↑/↓ change the speed.
class Timeline : public QWidget
{
    Q_OBJECT
public:
    /// A timeline with no replay (hidden by its owner until there is one).
    explicit Timeline(QWidget *parent = nullptr);
    /// Follows and drives `replay` (not owned; null: none).
    void setReplay(ReplaySource *replay);
    /// The replay followed, or null.
    [[nodiscard]] ReplaySource *replay() const { return m_replay; }
    /// Colours from `theme`.
    void setTheme(const Theme &theme);
    /// The bar (tests click it).
    [[nodiscard]] TimelineBar *bar() const { return m_bar; }
    /// The position text, e.g. "0:12.3 / 10:00.0".
    [[nodiscard]] QString positionText() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslate();
    void stepSpeed(int direction);

    QPointer<ReplaySource> m_replay;
    TimelineBar *m_bar;
    QToolButton *m_play;
    QToolButton *m_back;
    QToolButton *m_forward;
    QToolButton *m_previousEvent;
    QToolButton *m_nextEvent;
    QLabel *m_position;
    QComboBox *m_speed;
    QCheckBox *m_loop;
    QTimer m_refresh;
};

} // namespace omni::gui
