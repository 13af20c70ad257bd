// SPDX-License-Identifier: MIT
#include "infopanel.h"

#include "legend.h"
#include "statustext.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace omni::gui {

InfoPanel::InfoPanel(const History *history, QWidget *parent) : QFrame(parent), m_history(history)
{
    setObjectName(QStringLiteral("infoPanel"));
    auto *box = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setWordWrap(true); // long translations wrap rather than hide under the chip
    m_chip = new QLabel(this);
    m_chip->setObjectName(QStringLiteral("chip"));
    m_chip->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_chip);
    box->addLayout(head);

    m_rows = new QGridLayout;
    m_rows->setColumnStretch(1, 1);
    for (int i = 0; i < kFieldCount; ++i) {
        addRow(static_cast<Field>(i));
    }
    box->addLayout(m_rows);

    m_sparkTitle = new QLabel(this);
    m_sparkTitle->setObjectName(QStringLiteral("section"));
    box->addWidget(m_sparkTitle);
    auto *motorHead = new QHBoxLayout;
    m_motorsTitle = new QLabel(this);
    m_motorsTitle->setWordWrap(true);
    m_motorKeys = new QLabel(this);
    m_motorKeys->setObjectName(QStringLiteral("muted"));
    motorHead->addWidget(m_motorsTitle, 1);
    motorHead->addWidget(m_motorKeys);
    box->addLayout(motorHead);
    m_motors = new Sparkline(Sparkline::Kind::Motors, history, this);
    box->addWidget(m_motors);
    m_sensorsTitle = new QLabel(this);
    box->addWidget(m_sensorsTitle);
    m_sensors = new Sparkline(Sparkline::Kind::Sensors, history, this);
    box->addWidget(m_sensors);

    m_legend = new Legend(this);
    box->addWidget(m_legend);

    m_sound = new QPushButton(this);
    m_sound->setObjectName(QStringLiteral("sound"));
    m_sound->setCheckable(true);
    m_sound->setFocusPolicy(Qt::StrongFocus);
    connect(m_sound, &QPushButton::clicked, this, [this](bool checked) { Q_EMIT soundToggled(checked); });
    box->addWidget(m_sound);
    m_soundNote = new QLabel(this);
    m_soundNote->setObjectName(QStringLiteral("muted"));
    m_soundNote->setWordWrap(true);
    m_soundNote->hide();
    box->addWidget(m_soundNote);

    retranslate();
    applyStyle();
}

void InfoPanel::addRow(Field field)
{
    auto *name = new QLabel(this);
    name->setObjectName(QStringLiteral("muted"));
    auto *value = new QLabel(QStringLiteral("—"), this);
    value->setProperty("value", true);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    value->setTextInteractionFlags(Qt::NoTextInteraction);
    value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long sources must not widen the panel
    value->installEventFilter(this); // elides again whenever its width or font changes
    const int gridRow = m_rows->rowCount();
    m_rows->addWidget(name, gridRow, 0);
    m_rows->addWidget(value, gridRow, 1);
    row(field) = Row{name, value, QString(), QColor(), false};
}

QLabel *InfoPanel::valueLabel(Field field) const
{
    return row(field).value;
}

QString InfoPanel::valueText(Field field) const
{
    return valueLabel(field)->property("fullText").toString();
}

QString InfoPanel::fieldName(Field field)
{
    switch (field) {
    case Field::Mode:
        return tr("Mode");
    case Field::Action:
        return tr("Action");
    case Field::Obstacle:
        return tr("Obstacle");
    case Field::ObstacleMode:
        return tr("Obstacle mode");
    case Field::SensorMode:
        return tr("Sensor mode");
    case Field::Link:
        return tr("Robot link");
    case Field::Network:
        return tr("Network");
    case Field::Rate:
        return tr("Publish rate");
    case Field::Age:
        return tr("State age");
    case Field::Source:
        return tr("Source");
    }
    return {};
}

void InfoPanel::retranslate()
{
    m_title->setText(tr("omni chicken info"));
    for (int i = 0; i < kFieldCount; ++i) {
        row(static_cast<Field>(i)).name->setText(fieldName(static_cast<Field>(i)));
    }
    m_sparkTitle->setText(tr("Last 30 seconds"));
    m_motorsTitle->setText(tr("Motor power"));
    m_sensorsTitle->setText(tr("Line sensors"));
    m_sound->setToolTip(tr("Chicken sounds on or off, for everyone watching this robot"));
    setModel(m_model);
    applyStyle();
}

void InfoPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QFrame::changeEvent(event);
}

void InfoPanel::setTheme(const Theme &theme)
{
    m_theme = theme;
    applyStyle();
    setModel(m_model);
}

void InfoPanel::setScale(double scale)
{
    if (std::abs(scale - m_scale) < 0.01) {
        return;
    }
    m_scale = scale;
    m_legend->setScale(scale);
    applyStyle();
}

void InfoPanel::setCompact(bool compact)
{
    m_sparkTitle->setVisible(!compact);
}

void InfoPanel::setLegendVisible(bool visible)
{
    m_legend->setVisible(visible);
}

void InfoPanel::applyStyle()
{
    const auto px = [this](double v) { return QString::number(scaled(v, m_scale)); };
    const QString css =
        QStringLiteral("#infoPanel { background: %1; border: 1px solid %2; border-radius: %3px; }"
                       "QLabel { color: %4; font-size: %5px; }"
                       "#title { font-size: %6px; font-weight: 700; }"
                       "#muted, #legend { color: %7; }"
                       "#legend { font-size: %8px; }"
                       "#section { color: %7; font-size: %8px; font-weight: 700; text-transform: uppercase; }"
                       "QLabel[value=\"true\"] { font-weight: 600; }")
            .arg(m_theme.card.name(), m_theme.cardEdge.name(), px(14), m_theme.text.name(), px(14), px(20),
                 m_theme.muted.name(), px(11.5));
    setStyleSheet(css);
    m_soundPx = -1; // another scale or theme: fit and style the button again
    fitSoundText();
    const auto down = [this](double v) { return scaledDown(v, m_scale); };
    layout()->setContentsMargins(down(14), down(10), down(14), down(12));
    layout()->setSpacing(down(5));
    m_rows->setVerticalSpacing(down(2));
    m_motors->setMinimumHeight(down(36));
    m_sensors->setMinimumHeight(down(28));
    m_sound->setIconSize(QSize(down(24), down(24)));
    QString keys;
    const QString names[3] = {tr("left"), tr("right"), tr("bottom")};
    for (int i = 0; i < 3; ++i) {
        keys +=
            QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2 ").arg(m_theme.series[i].name(), names[i]);
    }
    m_motorKeys->setText(keys.trimmed());
}

bool InfoPanel::setValue(Field field, const QString &text, const QColor &color)
{
    Row &r = row(field);
    if (r.set && r.text == text && r.color == color) {
        return false; // the same again (most refreshes): no property, no elision, no style sheet
    }
    QLabel *l = r.value;
    if (!r.set || r.text != text) {
        l->setProperty("fullText", text);
        elide(l);
    }
    if (!r.set || r.color != color) {
        l->setStyleSheet(color.isValid() ? QStringLiteral("color: %1;").arg(color.name()) : QString());
    }
    r.text = text;
    r.color = color;
    r.set = true;
    return true;
}

bool InfoPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::FontChange) {
        if (auto *label = qobject_cast<QLabel *>(watched); label && label->property("value").toBool()) {
            elide(label);
        }
    }
    return QFrame::eventFilter(watched, event);
}

void InfoPanel::elide(QLabel *label)
{
    const QString full = label->property("fullText").toString();
    const int room = label->width();
    // Before the first layout the width is meaningless: show the whole text then. A text that fits even in its
    // widest characters needs no measuring (the rate and the age, fifty times a second).
    const QFontMetrics fm = label->fontMetrics();
    const bool surelyFits = static_cast<qint64>(full.size()) * fm.maxWidth() <= room;
    label->setText(room > 20 && !surelyFits ? fm.elidedText(full, Qt::ElideRight, room) : full);
}

void InfoPanel::fitSoundText()
{
    // As large as the design wants, smaller when a long translation would not fit the button.
    const int room = m_sound->width() - m_sound->iconSize().width() - scaledDown(36, m_scale) - 8;
    if (m_soundPx >= 0 && room == m_soundFitRoom && m_sound->text() == m_soundFitText) {
        return; // same text, same room, same scale: same size
    }
    m_soundFitRoom = room;
    m_soundFitText = m_sound->text();
    QFont f = m_sound->font();
    f.setBold(true);
    int px = scaled(16, m_scale);
    for (; px > 9; --px) {
        f.setPixelSize(px);
        if (room <= 0 || QFontMetrics(f).horizontalAdvance(m_sound->text()) <= room) {
            break;
        }
    }
    if (px == m_soundPx) {
        return;
    }
    m_soundPx = px;
    // The button's whole style lives on the button: a style sheet of its own replaces the panel's rules.
    m_sound->setStyleSheet(
        QStringLiteral("QPushButton { font-size: %1px; font-weight: 700; min-height: %2px; border-radius: %3px;"
                       " border: 2px solid %4; background: %5; color: %6; padding: 0 %7px; text-align: left; }"
                       "QPushButton:checked { background: %9; border-color: %10; color: %11; }"
                       "QPushButton:disabled { color: %8; }")
            .arg(px)
            .arg(std::max(44, scaled(44, m_scale))) // a finger's size, however small the screen
            .arg(scaled(12, m_scale))
            .arg(m_theme.cardEdge.name(), m_theme.background.name(), m_theme.text.name())
            .arg(scaled(14, m_scale))
            .arg(m_theme.muted.name(), legend::wheelFill.name(), legend::wheelBorder.name(), legend::wheelText.name()));
}

void InfoPanel::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitSoundText(); // the value labels elide themselves (eventFilter)
}

void InfoPanel::setModel(const Model &m)
{
    m_model = m;
    const RobotState *s = m.state ? &*m.state : nullptr;
    const QString none = QStringLiteral("—");
    setValue(Field::Mode, s ? StatusText::botMode(s->botMode) : none);
    setValue(Field::Action, s ? StatusText::action(actionOf(*s)) : none);
    setValue(Field::Obstacle, s ? StatusText::obstacle(s->obstacle) : none,
             s && s->obstacle != 0 ? m_theme.incompatible : QColor());
    setValue(Field::ObstacleMode, s ? StatusText::obstacleMode(s->obstacleMode) : none);
    setValue(Field::SensorMode, s ? StatusText::sensorMode(s->sensorMode) : none);
    const Tone linkTone = toneOf(m.link.status);
    setValue(Field::Link, StatusText::linkStatus(m.link.status), m_theme.colors(linkTone).fg);
    const bool netOk = m.network == NetworkStatus::Connected;
    setValue(Field::Network, StatusText::networkStatus(m.network),
             m_theme.colors(netOk ? Tone::Live : Tone::Offline).fg);
    setValue(Field::Rate, StatusText::rate(m.rateHz));
    const bool current = m.link.status == LinkStatus::Live || m.link.status == LinkStatus::Replay;
    setValue(Field::Age, StatusText::age(m.ageMs), current ? QColor() : m_theme.stale);
    const QString source = StatusText::source(m.link, m.upstream);
    if (setValue(Field::Source, source)) {
        valueLabel(Field::Source)->setToolTip(source);
    }
    row(Field::Network).name->setVisible(m.remote);
    row(Field::Network).value->setVisible(m.remote);

    // The chip: one word for the whole situation, network first.
    const bool offline = m.remote && !netOk;
    const QString chip = offline ? tr("OFFLINE") : StatusText::linkStatus(m.link.status).toUpper();
    const auto [fg, bg] = m_theme.colors(offline ? Tone::Offline : linkTone);
    m_chip->setText(QStringLiteral("● ") + chip); // QLabel ignores the same text
    const Look chipLook{fg, bg, QColor(), false, m_scale};
    if (m_chipLook != chipLook) { // a style sheet only when the chip looks different
        m_chipLook = chipLook;
        m_chip->setStyleSheet(QStringLiteral("color: %1; background: %2; border: 1px solid %1; border-radius: %3px;"
                                             " padding: %4px %5px; font-weight: 700; font-size: %6px;")
                                  .arg(fg.name(), bg.name())
                                  .arg(scaledDown(6, m_scale))
                                  .arg(scaledDown(2, m_scale))
                                  .arg(scaledDown(10, m_scale))
                                  .arg(scaledDown(12, m_scale)));
    }

    m_sound->setChecked(m.soundOn);
    m_sound->setEnabled(m.soundEnabled);
    m_sound->setText(m.soundOn ? tr("Chicken sounds: on") : tr("Chicken sounds: off"));
    fitSoundText(); // returns at once unless the text changed
    const QColor iconColor = m.soundOn ? legend::wheelText : m_theme.text;
    const Look iconLook{QColor(), QColor(), iconColor, m.soundOn, m_scale};
    if (m_iconLook != iconLook) { // a new pixmap only when it looks different
        m_iconLook = iconLook;
        m_sound->setIcon(speakerIcon(m.soundOn, iconColor, scaledDown(24, m_scale)));
    }
    m_soundNote->setText(m.soundNote);
    if (m_soundNote->toolTip() != m.soundNoteDetail) {
        m_soundNote->setToolTip(m.soundNoteDetail);
    }
    m_soundNote->setVisible(!m.soundNote.isEmpty());

    const bool live =
        (m.link.status == LinkStatus::Live || m.link.status == LinkStatus::Replay) && (!m.remote || netOk);
    m_motors->setLook(m_theme, live);
    m_sensors->setLook(m_theme, live);
}

} // namespace omni::gui
