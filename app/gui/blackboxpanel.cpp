// SPDX-License-Identifier: MIT
#include "blackboxpanel.h"

#include "statustext.h"

#include <omni/blackbox.h>
#include <omni/eventfeed.h>

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

namespace omni::gui {

namespace {
constexpr std::size_t kKeptEvents = 50;
constexpr double kSpans[] = {10, 60, 600, 0}; // the menu: 10 s, 1 min, 10 min, everything
} // namespace

BlackboxPanel::BlackboxPanel(EventFeed *events, Blackbox *blackbox, QWidget *parent)
    : QFrame(parent), m_blackbox(blackbox), m_title(new QLabel(this)), m_log(new QLabel(this)),
      m_save(new QToolButton(this)), m_menu(new QMenu(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("blackboxPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4); // a strip: the dashboard above keeps the height (800 × 480)
    m_title->setAlignment(Qt::AlignTop);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_log->setTextFormat(Qt::PlainText);
    m_log->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_log->setMinimumHeight(m_log->fontMetrics().lineSpacing() * kShownEvents);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_save->setPopupMode(QToolButton::MenuButtonPopup);
    m_save->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_save->setMenu(m_menu);
    for (const double seconds : kSpans) {
        QAction *a = m_menu->addAction(QString());
        a->setData(seconds);
        connect(a, &QAction::triggered, this, [this, seconds] { save(seconds); });
    }
    connect(m_save, &QToolButton::clicked, this, [this] { save(60); });
    layout->addWidget(m_title);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_status, 0, Qt::AlignVCenter);
    layout->addWidget(m_save, 0, Qt::AlignVCenter);
    if (events) {
        connect(events, &EventFeed::eventOccurred, this, &BlackboxPanel::addEvent);
    }
    if (blackbox) {
        connect(blackbox, &Blackbox::savingChanged, this, [this] { retranslate(); });
        connect(blackbox, &Blackbox::saveFinished, this, [this](bool ok, const QString &nameOrError) {
            m_lastSaved = ok ? nameOrError : QString();
            m_lastError = ok ? QString() : nameOrError;
            retranslate();
        });
    }
    m_save->setVisible(blackbox != nullptr);
    retranslate();
}

void BlackboxPanel::save(double seconds)
{
    if (!m_blackbox || m_blackbox->isSaving()) {
        return;
    }
    m_blackbox->save(seconds, [this, guard = QPointer<BlackboxPanel>(this)](const RecordingsApi::Saved &saved) {
        if (guard && !saved.info) {
            m_lastSaved.clear();
            m_lastError = saved.errorString; // also the refusals that never start a save (nothing kept, off)
            retranslate();
        }
    });
}

QString BlackboxPanel::describe(const Event &e)
{
    const QString wheel = StatusText::wheel(e.wheel);
    switch (e.kind) {
    case EventKind::ObstacleDetected:
        return tr("Obstacle detected");
    case EventKind::ObstacleCleared:
        return tr("Obstacle cleared");
    case EventKind::LinkLive:
    case EventKind::LinkStale:
    case EventKind::LinkLost:
    case EventKind::LinkWaiting:
    case EventKind::LinkIncompatible:
        return e.kind == EventKind::LinkLost ? tr("Link lost")
                                             : tr("Link: %1").arg(StatusText::linkStatus(e.link.status));
    case EventKind::BotModeChanged:
        return tr("Mode: %1").arg(StatusText::botMode(e.to.value_or(0)));
    case EventKind::ObstacleModeChanged:
        return tr("Obstacle mode: %1").arg(StatusText::obstacleMode(e.to));
    case EventKind::SensorModeChanged:
        return tr("Sensor mode: %1").arg(StatusText::sensorMode(e.to.value_or(0)));
    case EventKind::SoundOn:
        return tr("Sound switched on");
    case EventKind::SoundOff:
        return tr("Sound switched off");
    case EventKind::WheelSaturated:
        return tr("%1 saturated (%2 %)").arg(wheel).arg(e.power);
    case EventKind::WheelSaturationEnded:
        return tr("%1 no longer saturated").arg(wheel);
    }
    return {};
}

QString BlackboxPanel::logText() const
{
    return m_log->text();
}

QString BlackboxPanel::statusText() const
{
    return m_status->text();
}

void BlackboxPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QFrame::changeEvent(event);
}

void BlackboxPanel::addEvent(const Event &event)
{
    m_events.push_back(event);
    if (m_events.size() > kKeptEvents) {
        m_events.pop_front();
    }
    showEvents();
}

void BlackboxPanel::showEvents()
{
    QStringList lines;
    for (auto it = m_events.rbegin(); it != m_events.rend() && lines.size() < kShownEvents; ++it) {
        const qint64 ms = it->wallNs > 0 ? it->wallNs / 1000000 : QDateTime::currentMSecsSinceEpoch();
        const QString time = QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
        lines.append(QStringLiteral("%1  %2").arg(time, describe(*it)));
    }
    m_log->setText(lines.isEmpty() ? tr("No events yet") : lines.join(QLatin1Char('\n')));
}

void BlackboxPanel::retranslate()
{
    m_title->setText(tr("Events"));
    const QList<QAction *> actions = m_menu->actions();
    const QString labels[] = {tr("Save the last 10 seconds"), tr("Save the last minute"),
                              tr("Save the last 10 minutes"), tr("Save everything kept")};
    for (qsizetype i = 0; i < actions.size() && i < qsizetype{std::size(labels)}; ++i) {
        actions[i]->setText(labels[i]);
    }
    m_save->setText(tr("Save the last minute"));
    const bool on = m_blackbox && m_blackbox->isOn();
    const bool saving = m_blackbox && m_blackbox->isSaving();
    m_save->setEnabled(on && !saving);
    m_save->setToolTip(
        on ? tr("Saves what the black box kept as an MCAP file in %1").arg(m_blackbox->options().store.folder)
           : tr("The black box is off (--blackbox-minutes 0)"));
    if (saving) {
        m_status->setText(tr("Saving…"));
    } else if (!m_lastError.isEmpty()) {
        m_status->setText(tr("Not saved: %1").arg(m_lastError));
    } else if (!m_lastSaved.isEmpty()) {
        m_status->setText(tr("Saved %1").arg(m_lastSaved));
    } else {
        m_status->clear();
    }
    showEvents();
}

} // namespace omni::gui
