// SPDX-License-Identifier: MIT
#include "timeline.h"

#include <omni/replaysource.h>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QToolButton>

#include <algorithm>
#include <array>
#include <cmath>

namespace omni::gui {

namespace {

constexpr std::array<double, 6> kSpeeds = {0.25, 0.5, 1.0, 2.0, 4.0, 8.0};
constexpr int kMargin = 6;

QString clock(double s)
{
    const auto tenths = static_cast<qint64>(std::floor(std::max(0.0, s) * 10.0));
    return QStringLiteral("%1:%2.%3")
        .arg(tenths / 600)
        .arg((tenths / 10) % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}

} // namespace

TimelineBar::TimelineBar(QWidget *parent) : QWidget(parent)
{
    setMinimumWidth(120);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize TimelineBar::sizeHint() const
{
    return {400, 28};
}

void TimelineBar::setTimes(double durationS, double positionS, const QList<double> &eventsS)
{
    if (durationS == m_duration && positionS == m_position && eventsS == m_events) {
        return;
    }
    m_duration = durationS;
    m_position = positionS;
    m_events = eventsS;
    update();
}

void TimelineBar::setTheme(const Theme &theme)
{
    m_theme = theme;
    update();
}

double TimelineBar::timeAt(double x) const
{
    const double width = std::max(1, this->width() - 2 * kMargin);
    return std::clamp((x - kMargin) / width, 0.0, 1.0) * m_duration;
}

void TimelineBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF track(kMargin, height() / 2.0 - 3, width() - 2 * kMargin, 6);
    p.setPen(Qt::NoPen);
    p.setBrush(m_theme.line);
    p.drawRoundedRect(track, 3, 3);
    const double fraction = m_duration > 0 ? std::clamp(m_position / m_duration, 0.0, 1.0) : 0.0;
    p.setBrush(m_theme.series[0]);
    p.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * fraction, track.height()), 3, 3);
    // Events: a mark across the track each.
    p.setPen(QPen(m_theme.incompatible, 2));
    for (const double e : m_events) {
        const double x = track.left() + track.width() * (m_duration > 0 ? std::clamp(e / m_duration, 0.0, 1.0) : 0);
        p.drawLine(QPointF(x, 3), QPointF(x, height() - 3));
    }
    p.setPen(QPen(m_theme.text, 1.5));
    p.setBrush(m_theme.card);
    p.drawEllipse(QPointF(track.left() + track.width() * fraction, height() / 2.0), 7, 7);
}

void TimelineBar::mousePressEvent(QMouseEvent *event)
{
    Q_EMIT seekRequested(timeAt(event->position().x()));
}

void TimelineBar::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) != 0) {
        Q_EMIT seekRequested(timeAt(event->position().x()));
    }
}

Timeline::Timeline(QWidget *parent)
    : QWidget(parent), m_bar(new TimelineBar(this)), m_play(new QToolButton(this)), m_back(new QToolButton(this)),
      m_forward(new QToolButton(this)), m_previousEvent(new QToolButton(this)), m_nextEvent(new QToolButton(this)),
      m_position(new QLabel(this)), m_speed(new QComboBox(this)), m_loop(new QCheckBox(this))
{
    setFocusPolicy(Qt::StrongFocus);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 8, 4);
    const auto icon = [this](QToolButton *b, QStyle::StandardPixmap pixmap) {
        b->setIcon(style()->standardIcon(pixmap));
        b->setFocusPolicy(Qt::NoFocus); // the keys stay with the timeline
    };
    icon(m_previousEvent, QStyle::SP_MediaSkipBackward);
    icon(m_back, QStyle::SP_MediaSeekBackward);
    icon(m_play, QStyle::SP_MediaPlay);
    icon(m_forward, QStyle::SP_MediaSeekForward);
    icon(m_nextEvent, QStyle::SP_MediaSkipForward);
    for (QWidget *w : std::initializer_list<QWidget *>{m_previousEvent, m_back, m_play, m_forward, m_nextEvent, m_bar,
                                                       m_position, m_speed, m_loop}) {
        row->addWidget(w);
    }
    for (const double s : kSpeeds) {
        m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    }
    m_speed->setFocusPolicy(Qt::NoFocus);
    m_loop->setFocusPolicy(Qt::NoFocus);
    m_position->setMinimumWidth(m_position->fontMetrics().horizontalAdvance(QStringLiteral("00:00.0 / 00:00.0")));

    const auto drive = [this](auto &&change) {
        if (m_replay) {
            change(m_replay->controller());
            m_replay->update();
            refresh();
        }
    };
    connect(m_play, &QToolButton::clicked, this, [drive] { drive([](ReplayController &c) { c.togglePlay(); }); });
    connect(m_back, &QToolButton::clicked, this, [drive] { drive([](ReplayController &c) { c.step(-1); }); });
    connect(m_forward, &QToolButton::clicked, this, [drive] { drive([](ReplayController &c) { c.step(1); }); });
    connect(m_previousEvent, &QToolButton::clicked, this,
            [drive] { drive([](ReplayController &c) { c.previousEvent(); }); });
    connect(m_nextEvent, &QToolButton::clicked, this, [drive] { drive([](ReplayController &c) { c.nextEvent(); }); });
    connect(m_bar, &TimelineBar::seekRequested, this, [drive](double s) {
        drive([s](ReplayController &c) { c.seek(c.startNs() + static_cast<qint64>(s * 1e9)); });
    });
    connect(m_speed, &QComboBox::activated, this, [this, drive](int i) {
        const double s = m_speed->itemData(i).toDouble();
        drive([s](ReplayController &c) { c.setSpeed(s); });
    });
    connect(m_loop, &QCheckBox::toggled, this,
            [drive](bool on) { drive([on](ReplayController &c) { c.setLoop(on); }); });
    m_refresh.setInterval(50); // the play head moves smoothly enough at 20 Hz; the dashboard shows the states
    connect(&m_refresh, &QTimer::timeout, this, &Timeline::refresh);
    retranslate();
}

void Timeline::setReplay(ReplaySource *replay)
{
    if (m_replay) {
        disconnect(m_replay, nullptr, this, nullptr);
    }
    m_replay = replay;
    if (replay != nullptr) {
        connect(replay, &ReplaySource::statusChanged, this, &Timeline::refresh);
        m_refresh.start();
    } else {
        m_refresh.stop();
    }
    refresh();
}

void Timeline::setTheme(const Theme &theme)
{
    m_bar->setTheme(theme);
}

QString Timeline::positionText() const
{
    return m_position->text();
}

void Timeline::refresh()
{
    if (!m_replay) {
        m_bar->setTimes(0, 0, {});
        m_position->clear();
        return;
    }
    const ReplayController &c = m_replay->controller();
    const double duration = static_cast<double>(c.endNs() - c.startNs()) / 1e9;
    const double position = static_cast<double>(c.positionNs() - c.startNs()) / 1e9;
    QList<double> events;
    for (const ReplayEvent &e : m_replay->events()) {
        events.append(static_cast<double>(e.timeNs - c.startNs()) / 1e9);
    }
    m_bar->setTimes(duration, position, events);
    m_position->setText(QStringLiteral("%1 / %2").arg(clock(position), clock(duration)));
    m_play->setIcon(style()->standardIcon(c.playing() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(c.playing() ? tr("Pause (Space)") : tr("Play (Space)"));
    const int speedIndex = m_speed->findData(c.speed());
    if (speedIndex >= 0 && speedIndex != m_speed->currentIndex()) {
        m_speed->setCurrentIndex(speedIndex);
    }
    if (m_loop->isChecked() != c.loop()) {
        const QSignalBlocker quiet(m_loop);
        m_loop->setChecked(c.loop());
    }
}

void Timeline::stepSpeed(int direction)
{
    if (!m_replay) {
        return;
    }
    const double now = m_replay->controller().speed();
    const auto it = std::find_if(kSpeeds.begin(), kSpeeds.end(), [now](double s) { return s >= now; });
    const auto at = static_cast<int>(it - kSpeeds.begin());
    const int next = std::clamp(at + direction, 0, static_cast<int>(kSpeeds.size()) - 1);
    m_replay->controller().setSpeed(kSpeeds[static_cast<std::size_t>(next)]);
    m_replay->update();
    refresh();
}

void Timeline::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Space:
        m_play->click();
        break;
    case Qt::Key_Left:
        m_back->click();
        break;
    case Qt::Key_Right:
        m_forward->click();
        break;
    case Qt::Key_PageUp:
        m_previousEvent->click();
        break;
    case Qt::Key_PageDown:
        m_nextEvent->click();
        break;
    case Qt::Key_Up:
        stepSpeed(1);
        break;
    case Qt::Key_Down:
        stepSpeed(-1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void Timeline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void Timeline::retranslate()
{
    m_back->setToolTip(tr("Back one state (←)"));
    m_forward->setToolTip(tr("Forward one state (→)"));
    m_previousEvent->setToolTip(tr("Previous event (Page Up)"));
    m_nextEvent->setToolTip(tr("Next event (Page Down)"));
    m_bar->setToolTip(tr("Click or drag to move through the recording; the marks are events."));
    m_speed->setToolTip(tr("Speed (↑/↓)"));
    m_loop->setText(tr("Loop"));
    refresh();
}

} // namespace omni::gui
