// SPDX-License-Identifier: MIT
#include "fleetwindow.h"

#include "dashboard.h"

#include <omni/fleetmodel.h>
#include <omni/hub.h>
#include <omni/statejson.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QProcess>
#include <QScrollArea>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace omni::gui {

namespace {
constexpr int kTileWidth = 220;
constexpr int kTileHeight = 250;
constexpr int kGap = 12;

QString presenceText(mqtt::Presence p)
{
    switch (p) {
    case mqtt::Presence::Online:
        return FleetGrid::tr("online");
    case mqtt::Presence::Stale:
        return FleetGrid::tr("stale");
    case mqtt::Presence::Offline:
        return FleetGrid::tr("offline");
    }
    return {};
}
} // namespace

FleetGrid::FleetGrid(mqtt::FleetSubscriber *fleet, Theme theme, QWidget *parent)
    : QWidget(parent), m_fleet(fleet), m_theme(theme)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    connect(fleet->model(), &mqtt::FleetModel::robotsChanged, this, &FleetGrid::refreshNames);
    connect(fleet->model(), &mqtt::FleetModel::robotChanged, this, [this](const QString &name) {
        if (const qsizetype i = m_names.indexOf(name); i >= 0) {
            update(tileRect(int(i))); // only the tile that changed
        }
    });
    auto *tick = new QTimer(this); // ages count up and robots turn stale without a message
    connect(tick, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    tick->start(1000);
    refreshNames();
}

void FleetGrid::refreshNames()
{
    m_names.clear();
    for (const mqtt::FleetRobot &r : m_fleet->model()->robots()) {
        m_names.append(r.name);
    }
    updateGeometry();
    update();
}

int FleetGrid::columns(int width) const
{
    return std::max(1, (width - kGap) / (kTileWidth + kGap));
}

QRect FleetGrid::tileRect(int index) const
{
    const int cols = columns(width());
    return {kGap + (index % cols) * (kTileWidth + kGap), kGap + (index / cols) * (kTileHeight + kGap), kTileWidth,
            kTileHeight};
}

QSize FleetGrid::sizeHint() const
{
    return {4 * (kTileWidth + kGap) + kGap, heightForWidth(4 * (kTileWidth + kGap) + kGap)};
}

int FleetGrid::heightForWidth(int width) const
{
    const int cols = columns(width);
    const int rows = std::max<int>(1, int((m_names.size() + cols - 1) / cols));
    return kGap + rows * (kTileHeight + kGap);
}

void FleetGrid::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(event->rect(), m_theme.background);
    for (int i = 0; i < m_names.size(); ++i) {
        const QRect r = tileRect(i);
        if (!r.intersects(event->rect())) {
            continue;
        }
        if (const mqtt::FleetRobot *robot = m_fleet->model()->robot(m_names.at(i))) {
            paintTile(p, r, *robot);
        }
    }
    if (m_names.isEmpty()) {
        p.setPen(m_theme.muted);
        p.drawText(rect(), Qt::AlignCenter, tr("No robot has published to this broker yet."));
    }
}

void FleetGrid::paintTile(QPainter &p, const QRect &r, const mqtt::FleetRobot &robot) const
{
    const mqtt::Presence presence = m_fleet->model()->presence(robot);
    const bool off = presence == mqtt::Presence::Offline;
    auto shade = [&](const QColor &c) { return off ? greyed(c, m_theme.card) : c; };
    p.setPen(QPen(presence == mqtt::Presence::Stale ? m_theme.stale : m_theme.cardEdge, 2));
    p.setBrush(m_theme.card);
    p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 10, 10);

    QFont bold = font();
    bold.setBold(true);
    bold.setPointSizeF(font().pointSizeF() * 1.15);
    p.setFont(bold);
    p.setPen(shade(m_theme.text));
    p.drawText(r.adjusted(10, 8, -10, 0), Qt::AlignLeft | Qt::AlignTop,
               p.fontMetrics().elidedText(robot.name, Qt::ElideRight, r.width() - 20));
    p.setFont(font());
    const Tone tone = presence == mqtt::Presence::Online  ? Tone::Live
                      : presence == mqtt::Presence::Stale ? Tone::Stale
                                                          : Tone::Offline;
    p.setPen(m_theme.colors(tone).fg);
    p.drawText(r.adjusted(10, 32, -10, 0), Qt::AlignLeft | Qt::AlignTop, presenceText(presence));

    // The robot from above: its body, the direction, the three wheels' powers, the obstacle.
    const QPointF c(r.center().x(), r.top() + 125);
    const double radius = 55;
    p.setPen(QPen(shade(m_theme.robotEdge), 2));
    p.setBrush(shade(m_theme.robotBody));
    p.drawEllipse(c, radius, radius);
    if (robot.state) {
        const RobotState &s = *robot.state;
        for (int w = 0; w < 3; ++w) {
            const double angle = (w == 0 ? 210.0 : w == 1 ? 330.0 : 90.0) * M_PI / 180.0;
            const QPointF at(c.x() + std::cos(angle) * radius, c.y() + std::sin(angle) * radius);
            const double len = std::min(100, std::abs(s.motorPower[std::size_t(w)])) * 0.3;
            p.setPen(QPen(shade(legend::wheelBorder), 1));
            p.setBrush(shade(legend::wheelFill));
            p.drawRect(QRectF(at.x() - 5, at.y() - len / 2, 10, std::max(2.0, len)));
        }
        const int dirDeg = s.direction == 1 ? 180 : s.direction == 2 ? -90 : s.direction == 3 ? 90 : 0;
        p.save();
        p.translate(c);
        p.rotate(dirDeg);
        p.setPen(QPen(shade(m_theme.direction), 4, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(0, 10), QPointF(0, -radius + 12));
        p.restore();
        p.setPen(QPen(shade(s.obstacle != 0 ? legend::alertBorder : legend::obstacleBorder), 1));
        p.setBrush(shade(s.obstacle != 0 ? legend::alert : legend::obstacleFill));
        p.drawEllipse(QPointF(c.x(), c.y() - radius - 2), 7, 7);
    }

    QString facts;
    if (off) {
        facts =
            robot.lastSeenWallMs > 0
                ? tr("last seen %1")
                      .arg(QDateTime::fromMSecsSinceEpoch(robot.lastSeenWallMs).toString(QStringLiteral("HH:mm:ss")))
                : QString();
    } else if (robot.lastStateMonoNs >= 0) {
        const qint64 ageMs = (Clock::system().monotonicNs() - robot.lastStateMonoNs) / 1'000'000;
        facts = tr("%1 Hz · %2 s old").arg(robot.rateHz, 0, 'f', 1).arg(double(ageMs) / 1000.0, 0, 'f', 1);
    }
    p.setPen(shade(m_theme.muted));
    p.drawText(r.adjusted(10, 0, -10, -28), Qt::AlignLeft | Qt::AlignBottom, facts);
    if (!robot.lastEventJson.isEmpty()) {
        const auto event = json::parse(robot.lastEventJson);
        if (event && event->type == json::Message::Type::Event) {
            p.drawText(r.adjusted(10, 0, -10, -8), Qt::AlignLeft | Qt::AlignBottom,
                       tr("last event: %1").arg(names::eventKind(event->event.kind)));
        }
    }
}

void FleetGrid::mouseReleaseEvent(QMouseEvent *event)
{
    for (int i = 0; i < m_names.size(); ++i) {
        if (tileRect(i).contains(event->position().toPoint())) {
            Q_EMIT robotActivated(m_names.at(i));
            return;
        }
    }
}

FleetWindow::FleetWindow(mqtt::FleetSubscriber *fleet, QWidget *parent)
    : QWidget(parent), m_fleet(fleet), m_grid(new FleetGrid(fleet, Theme::resolve(ThemeChoice::System, palette()))),
      m_status(new QLabel(this))
{
    setWindowTitle(tr("omniscient — fleet of %1").arg(fleet->client()->options().broker.display()));
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_grid);
    scroll->setWidgetResizable(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);
    m_status->setObjectName(QStringLiteral("fleetStatus"));
    connect(m_grid, &FleetGrid::robotActivated, this, &FleetWindow::openRobot);
    connect(fleet->client(), &mqtt::Client::statusChanged, this, &FleetWindow::updateStatus);
    connect(fleet->model(), &mqtt::FleetModel::robotsChanged, this, &FleetWindow::updateStatus);
    resize(m_grid->sizeHint() + QSize(40, 60));
    updateStatus();
}

FleetRobotFeed::FleetRobotFeed(mqtt::FleetModel *model, QString name, Hub *hub, QObject *parent)
    : QObject(parent), m_model(model), m_name(std::move(name)), m_hub(hub)
{
    connect(model, &mqtt::FleetModel::robotChanged, this, [this](const QString &changed) {
        if (changed == m_name) {
            push();
        }
    });
    auto *tick = new QTimer(this); // online turns stale or offline without a message
    connect(tick, &QTimer::timeout, this, &FleetRobotFeed::push);
    tick->start(500);
    push();
}

void FleetRobotFeed::push()
{
    const mqtt::FleetRobot *robot = m_model->robot(m_name);
    LinkInfo link;
    if (robot != nullptr) {
        if (robot->state && robot->lastStateMonoNs != m_lastStateMonoNs) {
            m_lastStateMonoNs = robot->lastStateMonoNs;
            RobotState s = *robot->state;
            s.publishMonoNs = robot->lastStateMonoNs; // ages count from its arrival here
            m_hub->acceptState(s);
        }
        link = robot->link;
        if (m_model->presence(*robot) != mqtt::Presence::Online && link.status == LinkStatus::Live) {
            link.status = LinkStatus::Stale; // stale or offline on the broker: never shown live
        }
    }
    link.source = QStringLiteral("mqtt: %1").arg(m_name);
    m_hub->acceptLink(link);
}

QString FleetWindow::openRobot(const QString &name)
{
    const mqtt::FleetRobot *robot = m_fleet->model()->robot(name);
    const QUrl page(robot != nullptr ? robot->dashboardUrl : QString());
    if (robot == nullptr || !page.isValid() || page.host().isEmpty() || page.port() <= 0) {
        openFromMqtt(name, tr("it gives no dashboard address (it runs with --no-server)"));
        return m_note;
    }
    // Its own mirror server when it answers (the full stream, its sound switch), else its MQTT state. The check
    // connects without waiting in the window; a second is enough on a classroom's network.
    const QString ws = QStringLiteral("ws://%1:%2/ws").arg(page.host()).arg(page.port());
    m_note = tr("looking for %1's dashboard at %2…").arg(name, ws);
    updateStatus();
    auto *probe = new QTcpSocket(this);
    auto *deadline = new QTimer(probe);
    deadline->setSingleShot(true);
    const QPointer<QTcpSocket> guard(probe);
    auto unreachable = [this, guard, name, ws] {
        if (!guard) {
            return;
        }
        guard->deleteLater();
        guard->disconnect(this);
        openFromMqtt(name, tr("its dashboard at %1 does not answer").arg(ws));
    };
    connect(probe, &QTcpSocket::connected, this, [this, guard, name, ws] {
        if (!guard) {
            return;
        }
        guard->disconnect(this);
        guard->deleteLater();
        // Its full dashboard, from its own mirror server, in a window of its own: closing it comes back here.
        const bool started = QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                                     {QStringLiteral("--connect"), ws, QStringLiteral("--no-sound")});
        m_note = started ? tr("opened %1's dashboard from its mirror server %2").arg(name, ws)
                         : tr("could not open %1's dashboard").arg(name);
        updateStatus();
    });
    connect(probe, &QTcpSocket::errorOccurred, this, unreachable);
    connect(deadline, &QTimer::timeout, this, unreachable);
    deadline->start(1000);
    probe->connectToHost(page.host(), static_cast<quint16>(page.port()));
    return m_note;
}

void FleetWindow::openFromMqtt(const QString &name, const QString &why)
{
    // A dashboard of its own, fed by what the broker brings (at most --mqtt-rate states a second).
    auto *window = new QWidget(nullptr, Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setObjectName(QStringLiteral("mqttDashboard"));
    window->setWindowTitle(tr("%1 — from MQTT").arg(name));
    auto *hub = new Hub(window);
    new FleetRobotFeed(m_fleet->model(), name, hub, window);
    auto *dashboard = new Dashboard(hub, window);
    auto *layout = new QVBoxLayout(window);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(dashboard, 1);
    auto *note = new QLabel(
        tr("%1's states as the broker brings them, at most its --mqtt-rate a second: %2").arg(name, why), window);
    note->setWordWrap(true);
    note->setContentsMargins(8, 4, 8, 6);
    layout->addWidget(note);
    dashboard->setSoundNote(tr("Its sound is switched on the robot's own page, not over MQTT"));
    m_mqttDashboards.append(window);
    connect(window, &QObject::destroyed, this, [this, window] { m_mqttDashboards.removeAll(window); });
    window->resize(1024, 640);
    window->show();
    m_note = tr("opened %1's dashboard from its MQTT state: %2").arg(name, why);
    updateStatus();
}

FleetWindow::~FleetWindow()
{
    // No dashboard outlives the fleet it reads; closed here, while this window's members still exist (its
    // `destroyed` comes too late for that).
    const QList<QWidget *> windows = std::exchange(m_mqttDashboards, {});
    for (QWidget *window : windows) {
        window->disconnect(this);
        delete window;
    }
}

QList<QWidget *> FleetWindow::mqttDashboards() const
{
    return m_mqttDashboards;
}

void FleetWindow::updateStatus()
{
    const QString broker = m_fleet->client()->options().broker.display();
    QString text = m_fleet->client()->status() == mqtt::ClientStatus::Connected
                       ? tr("%n robot(s) on %1", nullptr, int(m_grid->names().size())).arg(broker)
                       : tr("broker %1: %2; retrying").arg(broker, m_fleet->client()->errorString());
    if (!m_note.isEmpty()) {
        text += QStringLiteral(" — ") + m_note;
    }
    m_status->setText(text);
}

} // namespace omni::gui
