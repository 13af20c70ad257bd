// SPDX-License-Identifier: MIT
#include "legend.h"

#include "theme.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>

namespace omni::gui {

namespace {

enum class Glyph { Wheel, Obstacle, Alert, Front, Edge, Steer };

/// A small picture of one legend entry, in the legend's colours.
class LegendIcon : public QWidget
{
public:
    LegendIcon(Glyph glyph, QWidget *parent) : QWidget(parent), m_glyph(glyph) { setFixedSize(28, 20); }
    void setScale(double s) { setFixedSize(scaledDown(28, s), scaledDown(20, s)); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(width() / 28.0, height() / 20.0);
        const QPointF c(14, 10);
        switch (m_glyph) {
        case Glyph::Wheel:
            p.setPen(QPen(legend::wheelBorder, 2));
            p.setBrush(legend::wheelFill);
            p.drawRoundedRect(QRectF(2, 4, 24, 12), 3, 3);
            break;
        case Glyph::Obstacle:
            p.setPen(QPen(legend::obstacleBorder, 2));
            p.setBrush(legend::obstacleFill);
            p.drawRoundedRect(QRectF(4, 5, 20, 10), 2, 2);
            break;
        case Glyph::Alert:
            p.setPen(Qt::NoPen);
            p.setBrush(legend::alert);
            p.drawRoundedRect(QRectF(2, 4, 24, 12), 6, 6);
            break;
        case Glyph::Front:
            p.setPen(QPen(legend::frontBorder, 2));
            p.setBrush(legend::frontFill);
            p.drawPolygon(QPolygonF({c + QPointF(0, -8), c + QPointF(8, 0), c + QPointF(0, 8), c + QPointF(-8, 0)}));
            break;
        case Glyph::Edge:
            p.setPen(QPen(legend::edgeBorder, 2));
            p.setBrush(legend::edgeFill);
            p.drawRect(QRectF(8, 4, 12, 12));
            break;
        case Glyph::Steer:
            p.setPen(QPen(legend::steerBorder, 1.5));
            p.setBrush(legend::steerFill);
            p.drawPolygon(QPolygonF({{6, 3}, {16, 10}, {6, 17}, {9, 10}}));
            p.drawPolygon(QPolygonF({{13, 3}, {23, 10}, {13, 17}, {16, 10}}));
            break;
        }
    }

private:
    Glyph m_glyph;
};

} // namespace

QIcon speakerIcon(bool on, const QColor &color, int px)
{
    QPixmap pm(px * 2, px * 2);
    pm.setDevicePixelRatio(2.0);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(px / 24.0, px / 24.0);
    p.setPen(QPen(color, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(color);
    p.drawPolygon(QPolygonF({{3, 9}, {7, 9}, {12, 4}, {12, 20}, {7, 15}, {3, 15}}));
    p.setBrush(Qt::NoBrush);
    if (on) {
        p.drawArc(QRectF(9, 7, 8, 10), -60 * 16, 120 * 16);
        p.drawArc(QRectF(8, 3, 14, 18), -60 * 16, 120 * 16);
    } else {
        p.drawLine(QPointF(16, 9), QPointF(22, 15));
        p.drawLine(QPointF(22, 9), QPointF(16, 15));
    }
    return QIcon(pm);
}

Legend::Legend(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);
    const Glyph glyphs[] = {Glyph::Wheel, Glyph::Obstacle, Glyph::Front, Glyph::Edge, Glyph::Steer, Glyph::Alert};
    for (int i = 0; i < 6; ++i) {
        auto *icon = new LegendIcon(glyphs[i], this);
        auto *text = new QLabel(this);
        text->setObjectName(QStringLiteral("legend"));
        text->setWordWrap(true);
        m_icons.append(icon);
        m_texts.append(text);
        grid->addWidget(icon, i / 2, (i % 2) * 2);
        grid->addWidget(text, i / 2, (i % 2) * 2 + 1);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    retranslate();
}

void Legend::setScale(double scale)
{
    for (QWidget *icon : std::as_const(m_icons)) {
        static_cast<LegendIcon *>(icon)->setScale(scale);
    }
}

void Legend::retranslate()
{
    const QStringList texts{tr("Omni wheel, power, spin"),    tr("Obstacle sensor"),     tr("Front line sensor"),
                            tr("Edge line sensor (no data)"), tr("Steering left/right"), tr("Obstacle detected")};
    for (int i = 0; i < m_texts.size(); ++i) {
        m_texts[i]->setText(texts.value(i));
    }
}

void Legend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace omni::gui
