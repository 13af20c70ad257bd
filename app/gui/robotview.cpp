// SPDX-License-Identifier: MIT
#include "robotview.h"

#include "robotpainter.h"

#include <QEvent>
#include <QPainter>

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
    m_model = model;
    update();
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
        m_greyDirty = true;
        m_bodyDirty = true;
        update();
    }
    QWidget::changeEvent(event);
}

QTransform RobotView::viewTransform() const
{
    const double side = std::min(width(), height());
    const double scale = side / (2 * kHalf);
    QTransform t;
    t.translate(width() / 2.0, height() / 2.0);
    t.scale(scale, scale);
    return t;
}

void RobotView::paintEvent(QPaintEvent *)
{
    ++m_paints;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_model.live) {
        p.drawImage(QPointF(0, 0), body());
        p.setTransform(viewTransform());
        painter().paintState(p, state());
    } else {
        p.drawImage(QPointF(0, 0), greyedRobot());
        p.setTransform(viewTransform());
    }
    painter().paintOverlay(p, m_model.overlayTitle, m_model.overlaySub, m_model.overlayColor);
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
        ip.setTransform(viewTransform());
        painter().paintBody(ip);
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
        ip.setTransform(viewTransform());
        painter().paint(ip, state());
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
