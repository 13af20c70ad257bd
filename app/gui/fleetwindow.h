// SPDX-License-Identifier: MIT
#pragma once

#include "theme.h"

#include <QLabel>
#include <QList>
#include <QStringList>
#include <QWidget>

namespace omni {
class Hub;
} // namespace omni

namespace omni::mqtt {
class FleetModel;
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

/// One robot of the fleet fed into a Hub, for its full dashboard when its own page is out of reach: its states
/// as they arrive from the broker (at its --mqtt-rate), its link as it reported it, shown stale while the fleet
/// sees it stale or offline, and its source as "mqtt: NAME".
class FleetRobotFeed : public QObject
{
    Q_OBJECT
public:
    /// Follows `name` in `model` (not owned; must outlive the feed) into `hub` (not owned).
    FleetRobotFeed(mqtt::FleetModel *model, QString name, Hub *hub, QObject *parent = nullptr);

private:
    void push();

    mqtt::FleetModel *m_model;
    QString m_name;
    Hub *m_hub;
    qint64 m_lastStateMonoNs = -1;
};

/// The fleet window (`omniscient --fleet mqtt://HOST`, also with --kiosk): the grid of tiles and a status line.
/// A click on a tile opens that robot's full dashboard in a window of its own: from its mirror server (the
/// `dashboard` of its `meta`) when that answers within a second, otherwise from its MQTT state; the status line
/// says which. Closing that window comes back here.
class FleetWindow : public QWidget
{
    Q_OBJECT
public:
    /// A window for `fleet` (not owned; must outlive the window).
    explicit FleetWindow(mqtt::FleetSubscriber *fleet, QWidget *parent = nullptr);
    /// Closes the dashboards it opened from MQTT state.
    ~FleetWindow() override;

    /// The grid (for tests).
    [[nodiscard]] FleetGrid *grid() const { return m_grid; }
    /// The status line's text (for tests).
    [[nodiscard]] QString statusText() const { return m_status->text(); }
    /// The status line (the kiosk's long-press area).
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    /// Opens the robot `name` (see the class); returns what the status line says at once (a mirror server is
    /// tried first: the status line says what was opened when that is known).
    QString openRobot(const QString &name);
    /// The dashboards opened from MQTT state (for tests).
    [[nodiscard]] QList<QWidget *> mqttDashboards() const;

private:
    void updateStatus();
    void openFromMqtt(const QString &name, const QString &why);

    mqtt::FleetSubscriber *m_fleet;
    FleetGrid *m_grid;
    QLabel *m_status;
    QString m_note;                    ///< the last thing a click did
    QList<QWidget *> m_mqttDashboards; ///< windows opened by openFromMqtt(), until they close
};

} // namespace omni::gui
