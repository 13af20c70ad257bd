// SPDX-License-Identifier: MIT
#include "dashboard.h"

#include <omni/hub.h>
#include <omni/remotesource.h>

#include <QBoxLayout>
#include <QEvent>
#include <QFrame>
#include <QLabel>

#include <algorithm>

namespace omni::gui {

Dashboard::Dashboard(Hub *hub, QWidget *parent) : QWidget(parent), m_hub(hub)
{
    setObjectName(QStringLiteral("dashboard"));
    setAutoFillBackground(true);
    m_clock.start();

    // Landscape: the panel on the left, the banner over the robot on the right. Portrait: banner and robot
    // on top, the panel below. The panel never depends on the banner, so it keeps its size.
    m_body = new QBoxLayout(QBoxLayout::LeftToRight, this);
    m_info = new InfoPanel(&m_history, this);
    m_info->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Ignored);
    m_body->addWidget(m_info);
    m_right = new QVBoxLayout;
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    auto *bannerBox = new QVBoxLayout(m_banner);
    m_bannerTitle = new QLabel(m_banner);
    m_bannerTitle->setObjectName(QStringLiteral("bannerTitle"));
    m_bannerTitle->setWordWrap(true);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerFacts = new QLabel(m_banner);
    m_bannerFacts->setObjectName(QStringLiteral("bannerFacts"));
    m_bannerFacts->setWordWrap(true);
    bannerBox->addWidget(m_bannerTitle);
    bannerBox->addWidget(m_bannerText);
    bannerBox->addWidget(m_bannerFacts);
    m_banner->hide();
    m_right->addWidget(m_banner);
    m_robot = new RobotView(this);
    m_right->addWidget(m_robot, 1);
    m_body->addLayout(m_right, 1);
    connect(m_info, &InfoPanel::soundToggled, this, &Dashboard::soundToggled);

    m_frame.setSingleShot(true);
    m_frame.setTimerType(Qt::PreciseTimer);
    connect(&m_frame, &QTimer::timeout, this, &Dashboard::refresh);
    m_tick.setInterval(kTickIntervalMs); // started by refresh() while something on screen moves with time
    connect(&m_tick, &QTimer::timeout, this, &Dashboard::markDirty);

    connect(hub, &Hub::stateChanged, this, [this](const RobotState &s) {
        m_history.add(s, nowMs());
        markDirty();
    });
    connect(hub, &Hub::linkChanged, this, &Dashboard::markDirty);
    connect(hub, &Hub::soundEnabledChanged, this, &Dashboard::markDirty);
    retranslate();
    setTheme(Theme::light());
    relayout();
    refreshNow();
}

void Dashboard::retranslate()
{
    m_robot->setAccessibleName(tr("The robot seen from above, front at the top"));
    m_describeRobot = true;
}

void Dashboard::setRemote(RemoteSource *remote)
{
    if (m_remote) {
        disconnect(m_remote, nullptr, this, nullptr);
    }
    m_remote = remote;
    if (remote) {
        connect(remote, &RemoteSource::networkChanged, this, &Dashboard::markDirty);
    }
    m_history.clear();
    markDirty();
}

void Dashboard::setSegmentName(const QString &name)
{
    m_segmentName = name;
    markDirty();
}

void Dashboard::setTheme(const Theme &theme)
{
    m_theme = theme;
    QPalette pal = palette();
    pal.setColor(QPalette::Window, theme.background);
    setPalette(pal);
    m_info->setTheme(theme);
    m_robot->setTheme(theme);
    buildBannerStyles();
    applyBanner();
    markDirty();
}

void Dashboard::setSoundNote(const QString &note, const QString &detail)
{
    if (note.isEmpty() != m_soundNote.isEmpty()) {
        // The panel's height changes: show the note, then fit the panel again.
        QMetaObject::invokeMethod(
            this,
            [this] {
                refreshNow();
                relayout();
            },
            Qt::QueuedConnection);
    }
    m_soundNote = note;
    m_soundNoteDetail = detail;
    markDirty();
}

void Dashboard::markDirty()
{
    m_dirty = true;
    if (m_frame.isActive()) {
        return; // a refresh is already due: this change rides along
    }
    const qint64 since = nowMs() - m_lastRefreshMs;
    m_frame.start(static_cast<int>(std::clamp<qint64>(kFrameIntervalMs - since, 0, kFrameIntervalMs)));
}

void Dashboard::refreshNow()
{
    m_frame.stop();
    m_dirty = true;
    refresh();
}

Situation Dashboard::situation() const
{
    Situation s;
    s.link = m_hub->link();
    s.haveState = m_hub->latest().has_value();
    s.ageMs = m_hub->ageMs();
    s.segmentName = m_segmentName;
    if (m_remote) {
        s.remote = true;
        s.network = m_remote->networkStatus();
        s.networkDetail = m_remote->networkDetail();
        s.url = m_remote->displayUrl();
        s.retryMs = m_remote->msUntilRetry();
        s.serverSchema = m_remote->serverSchema();
    }
    return s;
}

void Dashboard::refresh()
{
    if (!m_dirty) {
        return;
    }
    m_dirty = false;
    const qint64 now = nowMs();
    m_lastRefreshMs = now;
    ++m_refreshes;

    const Situation sit = situation();
    const bool netOk = !sit.remote || sit.network == NetworkStatus::Connected;
    // A replay's states are shown in full colour: the badge and the timeline say they are a recording.
    const bool live = (sit.link.status == LinkStatus::Live || sit.link.status == LinkStatus::Replay) && netOk;
    m_problem = StatusText::problem(sit);

    InfoPanel::Model im;
    im.state = m_hub->latest();
    im.link = sit.link;
    im.rateHz = m_hub->rateHz();
    im.ageMs = sit.ageMs;
    im.remote = sit.remote;
    im.network = sit.network;
    im.upstream = m_remote ? m_remote->upstreamSource() : QString();
    im.soundOn = m_hub->soundEnabled();
    im.soundEnabled = netOk; // remote: the switch lives on the server
    im.soundNote = m_soundNote;
    im.soundNoteDetail = m_soundNoteDetail;
    m_info->setModel(im);

    RobotView::Model rm;
    rm.state = m_hub->latest();
    rm.live = live;
    if (!live && m_problem) {
        const ProblemKind k = m_problem->kind;
        rm.overlayColor = m_theme.colors(toneOf(k)).fg;
        rm.overlayTitle = k == ProblemKind::Stale          ? tr("STALE")
                          : k == ProblemKind::Incompatible ? tr("INCOMPATIBLE")
                          : k == ProblemKind::Offline      ? tr("OFFLINE")
                                                           : tr("WAITING");
        rm.overlaySub = sit.haveState && sit.ageMs >= 0 ? tr("last update %1 ago").arg(StatusText::age(sit.ageMs))
                                                        : tr("no state from the robot yet");
    }
    if (m_describeRobot || !(rm == m_robot->model())) { // a parked robot's new seq changes nothing here
        m_robot->setModel(rm);
        m_robot->setAccessibleDescription(rm.state ? StatusText::robotSummary(*rm.state) : rm.overlaySub);
        m_describeRobot = false;
    }

    m_history.prune(now);
    for (Sparkline *sp : {m_info->motorSparkline(), m_info->sensorSparkline()}) {
        sp->setNow(now); // repaints only while it shows samples
    }
    applyBanner();

    // Keep ticking only while something on screen moves with time alone.
    const bool ageCounts = sit.haveState && sit.ageMs >= 0 && !live;
    const bool countdown = sit.remote && sit.network == NetworkStatus::Unreachable && sit.retryMs >= 0; // "in N s"
    if ((ageCounts || countdown || m_history.visibleAt(now)) && isVisible()) {
        if (!m_tick.isActive()) {
            m_tick.start();
        }
    } else {
        m_tick.stop();
    }
}

void Dashboard::buildBannerStyles()
{
    const auto px = [this](double v) { return scaled(v, m_scale); };
    for (const ProblemKind k :
         {ProblemKind::Waiting, ProblemKind::Stale, ProblemKind::Incompatible, ProblemKind::Offline}) {
        const auto [fg, bg] = m_theme.colors(toneOf(k));
        m_bannerCss.at(static_cast<size_t>(k)) = QStringLiteral("#banner { background: %1; border: %3px solid %2;"
                                                                " border-radius: %4px; }"
                                                                "QLabel { color: %5; font-size: %6px; }"
                                                                "#bannerTitle { color: %2; font-size: %7px;"
                                                                " font-weight: 800; }"
                                                                "#bannerFacts { color: %8; font-size: %9px; }")
                                                     .arg(bg.name(), fg.name())
                                                     .arg(std::max(2, px(2.5)))
                                                     .arg(px(12))
                                                     .arg(m_theme.text.name())
                                                     .arg(px(14))
                                                     .arg(px(18))
                                                     .arg(m_theme.muted.name())
                                                     .arg(px(11.5));
    }
    m_bannerCssApplied = -1;
}

void Dashboard::applyBanner()
{
    if (!m_problem) {
        m_banner->hide();
        return;
    }
    const int kind = static_cast<int>(m_problem->kind);
    if (kind != m_bannerCssApplied) { // built by setTheme() and relayout(), applied when the kind changes
        m_banner->setStyleSheet(m_bannerCss.at(static_cast<size_t>(kind)));
        m_bannerCssApplied = kind;
    }
    m_bannerTitle->setText(m_problem->title);
    m_bannerText->setText(m_problem->sentence);
    const QString facts = m_problem->facts.isEmpty() ? QString() : tr("Details: %1").arg(m_problem->facts);
    m_bannerFacts->setText(facts);
    m_bannerFacts->setVisible(!facts.isEmpty());
    m_banner->show();
}

void Dashboard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void Dashboard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        markDirty();
        // Other words, other wraps: fit the panel again once every widget has its new texts.
        QMetaObject::invokeMethod(this, &Dashboard::relayout, Qt::QueuedConnection);
    }
    QWidget::changeEvent(event);
}

void Dashboard::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    markDirty(); // brings everything up to date and starts the tick when something moves
}

void Dashboard::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (!isVisible()) { // hidden, not just minimised (a minimised window still counts as visible)
        m_tick.stop();
    }
}

void Dashboard::relayout()
{
    const int w = std::max(1, width());
    const int h = std::max(1, height());
    // 800 × 480 (the Pi's touchscreen) is scale 1; a 1920 × 1080 screen is 2.25.
    m_scale = std::clamp(std::min(w / 800.0, h / 480.0), 0.75, 3.0);
    const int margin = scaledDown(10, m_scale);
    m_body->setContentsMargins(margin, margin, margin, margin);
    m_body->setSpacing(margin);
    m_right->setSpacing(margin);
    const bool landscape = w >= h;
    int panelH = h - 2 * margin;
    int panelW = w - 2 * margin;
    if (landscape) {
        m_body->setDirection(QBoxLayout::LeftToRight);
        m_info->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Ignored);
        panelW = std::clamp(w - h, static_cast<int>(w * 0.36), static_cast<int>(w * 0.45));
        m_info->setFixedWidth(panelW);
    } else {
        m_body->setDirection(QBoxLayout::BottomToTop); // robot on top, panel below
        m_info->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        m_info->setMinimumWidth(0);
        m_info->setMaximumWidth(QWIDGETSIZE_MAX);
        panelH = std::max(h - w, h / 2) - margin;
        m_info->setFixedHeight(panelH);
    }
    // The panel shows everything when it fits; otherwise it drops the section title, then shrinks its text
    // down to 85 %, and only then drops the legend.
    double textScale = m_scale;
    m_info->setScale(textScale);
    m_info->setCompact(false);
    m_info->setLegendVisible(true);
    const auto needed = [this, panelW] {
        // Wrapped labels (the legend, notes, the title) need their height for the panel's width.
        m_info->layout()->invalidate();
        return m_info->layout()->hasHeightForWidth() ? m_info->layout()->totalHeightForWidth(panelW)
                                                     : m_info->layout()->totalSizeHint().height();
    };
    if (needed() > panelH) {
        m_info->setCompact(true);
    }
    while (needed() > panelH && textScale > m_scale * 0.85) {
        textScale *= 0.95;
        m_info->setScale(textScale);
    }
    if (needed() > panelH) {
        m_info->setLegendVisible(false);
        textScale = m_scale;
        m_info->setScale(textScale);
    }
    while (needed() > panelH && textScale > 0.6) {
        textScale *= 0.95;
        m_info->setScale(textScale);
    }
    buildBannerStyles();
    applyBanner();
}

} // namespace omni::gui
