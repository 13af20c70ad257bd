// SPDX-License-Identifier: MIT
#pragma once

#include "theme.h"

#include <QLabel>
#include <QStringList>
#include <QWidget>

namespace omni::mqtt {
class FleetSubscriber;
struct FleetRobot;
} // namespace omni::mqtt

namespace omni::gui {

/// The tiles of the fleet: one per robot, sorted by name, painted in a grid; repaints only the tiles that change
/// (and every tile once a second, for ages and staleness). A click asks to open that robot.
class FleetGrid : public QWidget
{
    Q_OBJECT
public:
    /// Shows `fleet` (not owned; must outlive the grid) in `theme`.
    explicit FleetGrid(mqtt::FleetSubscriber *fleet, Theme theme, QWidget *parent = nullptr);

    /// The robots in the order of their tiles.
    [[nodiscard]] const QStringList &names() const { return m_names; }
    /// The rectangle of tile `index`, in the widget.
    [[nodiscard]] QRect tileRect(int index) const;
    /// Preferred size for the tiles at the current width.
    [[nodiscard]] QSize sizeHint() const override;
    /// Height for `width`: as many rows as the tiles need.
    [[nodiscard]] int heightForWidth(int width) const override;
    /// Whether heightForWidth() matters (yes).
    [[nodiscard]] bool hasHeightForWidth() const override { return true; }

Q_SIGNALS:
    /// The tile of `name` was clicked or tapped.
    void robotActivated(const QString &name);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void refreshNames();
    void paintTile(QPainter &p, const QRect &r, const mqtt::FleetRobot &robot) const;
    [[nodiscard]] int columns(int width) const;

    mqtt::FleetSubscriber *m_fleet;
    Theme m_theme;
    QStringList m_names;
};

/// The fleet window (`omniscient --fleet mqtt://HOST`, also with --kiosk): the grid of tiles and a status line.
/// A click on a tile opens that robot's full dashboard in a window of its own, from its mirror server (the
/// `dashboard` of its `meta`); closing that window comes back here.
class FleetWindow : public QWidget
{
    Q_OBJECT
public:
    /// A window for `fleet` (not owned; must outlive the window).
    explicit FleetWindow(mqtt::FleetSubscriber *fleet, QWidget *parent = nullptr);

    /// The grid (for tests).
    [[nodiscard]] FleetGrid *grid() const { return m_grid; }
    /// The status line's text (for tests).
    [[nodiscard]] QString statusText() const { return m_status->text(); }
    /// The status line (the kiosk's long-press area).
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    /// Opens the robot `name`; returns what the status line then says.
    QString openRobot(const QString &name);

private:
    void updateStatus();

    mqtt::FleetSubscriber *m_fleet;
    FleetGrid *m_grid;
    QLabel *m_status;
    QString m_note; ///< the last thing a click did
};

} // namespace omni::gui
