// SPDX-License-Identifier: MIT
#include "robotview.h"

#include "robotpainter.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <bit>
#include <cmath>

namespace omni::gui {

RobotView::RobotView(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

QSize RobotView::sizeHint() const
{
    return {480, 480};
}

QSize RobotView::minimumSizeHint() const
{
    return {160, 160};
}

void RobotView::setModel(const Model &model)
{
    if (model == m_model) {
        return;
    }
    if (!model.sameRobot(m_model) || model.live != m_model.live) {
        m_greyDirty = true;
    }
    // Live before and after, no notice either time: only what the new values change is painted again (a
    // 50 Hz robot otherwise repaints the whole picture 50 times a second for a percent on one badge).
    const bool partial = model.live && m_model.live && model.overlayTitle.isEmpty() && m_model.overlayTitle.isEmpty();
    const QRegion dirty = partial ? changedArea(state(), model.state ? &*model.state : nullptr) : QRegion(rect());
    m_model = model;
    if (!dirty.isEmpty()) {
        update(dirty);
    }
}

const RobotLayout &RobotView::layout() const
{
    if (!m_layout || m_layoutSize != size()) {
        m_layout = computeLayout(size(), font(), RobotPainter::texts());
        m_layoutSize = size();
        const RobotPainter painter(m_theme, *m_layout);
        for (size_t k = 0; k < m_partRects.size(); ++k) {
            // A pixel more for the rounding of the mapping.
            const QRectF area = painter.partArea(static_cast<RobotPainter::StatePart>(1U << k));
            m_partRects[k] = m_layout->toWidget.mapRect(area).toAlignedRect().adjusted(-1, -1, 1, 1);
        }
    }
    return *m_layout;
}

QRegion RobotView::changedArea(const RobotState *from, const RobotState *to) const
{
    if (from == nullptr || to == nullptr) {
        return rect();
    }
    return partsArea(RobotPainter::changedParts(*from, *to));
}

QRect RobotView::partRect(RobotPainter::StatePart part) const
{
    static_cast<void>(layout()); // fills m_partRects
    return m_partRects[static_cast<size_t>(std::countr_zero(static_cast<unsigned>(part)))];
}

QRegion RobotView::partsArea(unsigned parts) const
{
    QRegion area;
    for (unsigned bit = 1; bit <= RobotPainter::AllStateParts; bit <<= 1) {
        if ((parts & bit) != 0) {
            area |= partRect(static_cast<RobotPainter::StatePart>(bit));
        }
    }
    return area & rect();
}

void RobotView::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_greyDirty = true;
    m_bodyDirty = true;
    update();
}

void RobotView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        m_layout.reset();
        m_greyDirty = true;
        m_bodyDirty = true;
        update();
    }
    QWidget::changeEvent(event);
}

QString RobotView::describeAt(QPointF viewBox) const
{
    const RobotLayout &l = layout();
    for (const QRectF &edge : l.edgeSensors) {
        if (edge.contains(viewBox)) {
            return tr("Edge line sensor: no data (no field of the robot's state feeds it)");
        }
    }
    const RobotState *s = state();
    const int count = s ? std::clamp(s->sensorCount, 0, kSensorPositions) : kSensorPositions;
    for (int pos = 0; pos < kSensorPositions; ++pos) {
        const QRectF r = l.sensors[static_cast<size_t>(pos)];
        const QPointF d = viewBox - r.center();
        if (std::abs(d.x()) + std::abs(d.y()) > r.width() / 2) { // outside the diamond
            continue;
        }
        const int index = sensorAtPosition(pos, count);
        if (index < 0) {
            return tr("No sensor here: this robot has four line sensors");
        }
        const qint32 value = s ? s->sensors[static_cast<size_t>(index)] : 0;
        if (value == 1) {
            return tr("Line sensor [%1]: on the line").arg(index);
        }
        if (value == 0) {
            return tr("Line sensor [%1]: off the line").arg(index);
        }
        return tr("Line sensor [%1]: %2 (neither 0 nor 1)").arg(index).arg(value);
    }
    return {};
}

bool RobotView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = describeAt(viewTransform().inverted().map(QPointF(help->pos())));
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void RobotView::paintEvent(QPaintEvent *event)
{
    ++m_paints;
    m_lastPaint = event->region();
    const RobotLayout &l = layout();
    const RobotPainter robot(m_theme, l);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_model.live) {
        // Rectangle by rectangle: the whole image under a clip of several rectangles would be blended line by
        // line over its full height (and handed to Qt's thread pool in slices).
        const QImage &cached = body();
        const qreal dpr = cached.devicePixelRatio();
        for (const QRect &r : event->region()) {
            p.drawImage(QRectF(r), cached, QRectF(QPointF(r.topLeft()) * dpr, QSizeF(r.size()) * dpr));
        }
        // Only the parts that reach into what is being painted: the rest is already on screen (a state
        // usually changes a badge or two, see setModel()).
        unsigned parts = 0;
        for (unsigned bit = 1; bit <= RobotPainter::AllStateParts; bit <<= 1) {
            if (event->region().intersects(partRect(static_cast<RobotPainter::StatePart>(bit)))) {
                parts |= bit;
            }
        }
        p.setTransform(l.toWidget);
        robot.paintState(p, state(), parts);
    } else {
        p.drawImage(QPointF(0, 0), greyedRobot());
        p.setTransform(l.toWidget);
    }
    robot.paintOverlay(p, m_model.overlayTitle, m_model.overlaySub, m_model.overlayColor);
}

const QImage &RobotView::body()
{
    const qreal dpr = devicePixelRatioF();
    const QSize px = (QSizeF(size()) * dpr).toSize();
    if (m_bodyDirty || m_bodyCache.size() != px) {
        m_bodyCache = QImage(px, QImage::Format_ARGB32_Premultiplied);
        m_bodyCache.setDevicePixelRatio(dpr);
        m_bodyCache.fill(Qt::transparent);
        QPainter ip(&m_bodyCache);
        ip.setRenderHint(QPainter::Antialiasing);
        const RobotLayout &l = layout();
        ip.setTransform(l.toWidget);
        RobotPainter(m_theme, l).paintBody(ip);
        m_bodyDirty = false;
    }
    return m_bodyCache;
}

QImage RobotView::greyedRobot()
{
    const qreal dpr = devicePixelRatioF();
    const QSize px = (QSizeF(size()) * dpr).toSize();
    if (!m_greyDirty && m_greyCache.size() == px) {
        return m_greyCache;
    }
    QImage img(px, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    img.fill(Qt::transparent);
    {
        QPainter ip(&img);
        ip.setRenderHint(QPainter::Antialiasing);
        const RobotLayout &l = layout();
        ip.setTransform(l.toWidget);
        RobotPainter(m_theme, l).paint(ip, state());
    }
    // Grey and faded: unmistakably not live, still legible as "the last thing we saw".
    for (int y = 0; y < img.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            const QRgb c = line[x];
            const int a = qAlpha(c) * 45 / 100;
            const int g = qGray(c) * 45 / 100;
            line[x] = qRgba(g, g, g, a);
        }
    }
    m_greyCache = img;
    m_greyDirty = false;
    return m_greyCache;
}

} // namespace omni::gui
