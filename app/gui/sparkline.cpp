// SPDX-License-Identifier: MIT
#include "sparkline.h"

#include "robotlayout.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace omni::gui {

namespace {
// A longer silence between two samples is drawn as a gap, not as a line across it.
constexpr qint64 kGapMs = 500;
} // namespace

History::History(qint64 windowMs, qint64 bucketMs) : m_windowMs(windowMs), m_bucketMs(std::max<qint64>(bucketMs, 1)) {}

void History::add(const RobotState &state, qint64 tMs)
{
    Sample s;
    s.tMs = tMs;
    s.motors = state.motorPower;
    s.sensors = state.sensors;
    s.sensorCount = std::clamp(state.sensorCount, 0, 5);
    if (m_samples.size() >= 2 && tMs - m_samples[m_samples.size() - 2].tMs < m_bucketMs) {
        // Same bucket: the newest values win, but a sensor that lit in the bucket stays lit.
        Sample &last = m_samples.back();
        for (int i = 0; i < 5; ++i) {
            if (s.sensors[i] == 0 && last.sensors[i] != 0) {
                s.sensors[i] = last.sensors[i];
            }
        }
        last = s;
    } else {
        m_samples.push_back(s);
    }
    prune(tMs);
}

void History::prune(qint64 nowMs)
{
    // Keep one sample older than the window so the line enters from the left edge.
    while (m_samples.size() >= 2 && m_samples[1].tMs < nowMs - m_windowMs) {
        m_samples.pop_front();
    }
}

Sparkline::Sparkline(Kind kind, const History *history, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_history(history)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding); // spare height goes to the history
}

void Sparkline::setLook(const Theme &theme, bool live)
{
    if (live == m_live && theme == m_theme) {
        return;
    }
    m_theme = theme;
    m_live = live;
    m_linesValid = false;
    update();
}

void Sparkline::setNow(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (!m_drewSamples) {
        if (m_history->visibleAt(nowMs)) {
            update(); // the first samples: at once
        }
        return;
    }
    // The strip moves one pixel every window/width ms; repainting sooner would change nothing visible but the
    // newest sample, which then shows at most one pixel's time late. At 50 Hz this spares four paints of five.
    const double msPerPixel = static_cast<double>(m_history->windowMs()) / std::max(1, width());
    if (static_cast<double>(nowMs - m_paintedNowMs) >= msPerPixel || nowMs < m_paintedNowMs) {
        update();
    }
}

QSize Sparkline::sizeHint() const
{
    return {240, std::max(24, minimumHeight())};
}

QSize Sparkline::minimumSizeHint() const
{
    return {80, 24};
}

double Sparkline::xOf(qint64 tMs, double nowMs, const QRectF &r) const
{
    const double window = static_cast<double>(m_history->windowMs());
    return r.right() - (nowMs - static_cast<double>(tMs)) / window * r.width();
}

QRectF Sparkline::contentRect() const
{
    return QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5).adjusted(2, 3, -2, -3);
}

void Sparkline::paintEvent(QPaintEvent *)
{
    ++m_paints;
    m_drewSamples = m_history->visibleAt(m_nowMs);
    m_paintedNowMs = m_nowMs;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const double radius = std::min(8.0, r.height() / 5);
    p.setPen(Qt::NoPen);
    p.setBrush(m_theme.strip);
    p.drawRoundedRect(r, radius, radius);
    p.setClipRect(r);
    if (m_kind == Kind::Motors) {
        paintMotors(p, contentRect());
    } else {
        paintSensors(p, contentRect());
    }
}

void Sparkline::paintMotors(QPainter &p, const QRectF &r)
{
    const double zero = r.center().y();
    p.setPen(QPen(m_theme.muted, 1, Qt::DashLine));
    p.setOpacity(0.5);
    p.drawLine(QPointF(r.left(), zero), QPointF(r.right(), zero));
    p.setOpacity(1.0);
    // The lines are kept as an image between paints: stroking 30 s of three series again for every pixel the
    // strip moves was most of the dashboard's time with a busy robot (perf, docs/PERFORMANCE.md).
    updateLines(r);
    p.drawImage(QPointF(0, 0), m_lines);
}

void Sparkline::updateLines(const QRectF &r)
{
    const qreal dpr = devicePixelRatioF();
    const QSize px = (QSizeF(size()) * dpr).toSize();
    const double msPerDevicePixel = static_cast<double>(m_history->windowMs()) / (r.width() * dpr);
    const auto &samples = m_history->samples();
    bool whole = !m_linesValid || m_lines.size() != px || m_lines.devicePixelRatio() != dpr ||
                 m_linesClears != m_history->clears() || static_cast<double>(m_nowMs) < m_linesNowMs;
    double drawNow = static_cast<double>(m_nowMs);
    QRectF area = rect();
    if (!whole) {
        // Scroll by whole device pixels only, so every sample keeps the sub-pixel position it was drawn at; the
        // right edge then lags the clock by less than a pixel's time.
        const auto shift = static_cast<qint64>((static_cast<double>(m_nowMs) - m_linesNowMs) / msPerDevicePixel);
        if (shift >= m_lines.width()) {
            whole = true;
        } else {
            drawNow = m_linesNowMs + static_cast<double>(shift) * msPerDevicePixel;
            if (shift > 0) {
                const auto bytes = static_cast<size_t>(shift) * 4;
                for (int y = 0; y < m_lines.height(); ++y) {
                    uchar *line = m_lines.scanLine(y);
                    std::memmove(line, line + bytes, static_cast<size_t>(m_lines.bytesPerLine()) - bytes);
                    std::memset(line + m_lines.bytesPerLine() - bytes, 0, bytes);
                }
            }
            // Samples after the settled ones may have been replaced (History keeps the newest of a bucket), and new
            // ones arrived: draw again from the last settled sample on, with room for the pen and the join before it.
            const double penReach = 3 * std::max(1.5, r.height() / 22);
            const double from = xOf(m_linesSettledMs, drawNow, r);
            area = QRectF(QPointF(std::floor(from - penReach), 0), QPointF(width(), height()));
        }
    }
    if (whole) {
        m_lines = QImage(px, QImage::Format_ARGB32_Premultiplied);
        m_lines.setDevicePixelRatio(dpr);
        m_lines.fill(Qt::transparent);
        drawNow = static_cast<double>(m_nowMs);
        area = rect();
    }
    drawLines(m_lines, drawNow, r, area);
    m_linesNowMs = drawNow;
    m_linesSettledMs = samples.size() >= 2 ? samples[samples.size() - 2].tMs
                       : samples.empty()   ? 0
                                           : samples.front().tMs;
    m_linesClears = m_history->clears();
    m_linesValid = true;
}

QImage Sparkline::linesAt(double nowMs) const
{
    const qreal dpr = devicePixelRatioF();
    QImage image((QSizeF(size()) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    drawLines(image, nowMs, contentRect(), rect());
    return image;
}

void Sparkline::drawLines(QImage &image, double nowMs, const QRectF &r, const QRectF &area) const
{
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    // Whole device pixels: the area is cleared exactly where it is drawn again.
    const QRect clip = area.toAlignedRect() & QRectF(r).adjusted(-1, -1, 1, 1).toAlignedRect();
    p.setCompositionMode(QPainter::CompositionMode_Source);
    p.fillRect(area.toAlignedRect(), Qt::transparent);
    p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    p.setClipRect(clip);
    const auto xOfAt = [&](qint64 tMs) { return xOf(tMs, nowMs, r); };
    const auto yOf = [&r](double v) { return r.center().y() - std::clamp(v, -100.0, 100.0) / 100.0 * r.height() / 2; };
    const auto &samples = m_history->samples();
    const double width = std::max(1.5, r.height() / 22);
    // Start a few samples before the area, so that the joins and pens reaching into it are the same as in a whole
    // drawing (the samples are 33 ms apart, less than a pixel on a narrow strip).
    const double startX = area.left() - 4 * width;
    auto first = std::partition_point(samples.begin(), samples.end(),
                                      [&](const History::Sample &s) { return xOfAt(s.tMs) < startX; });
    for (int back = 0; back < 3 && first != samples.begin(); ++back) {
        --first;
    }
    for (int m = 0; m < 3; ++m) {
        QPainterPath path;
        bool open = false;
        qint64 prevT = 0;
        for (auto it = first; it != samples.end(); ++it) {
            const QPointF pt(xOfAt(it->tMs), yOf(it->motors[static_cast<size_t>(m)]));
            if (!open || it->tMs - prevT > kGapMs) {
                path.moveTo(pt);
                open = true;
            } else {
                path.lineTo(pt);
            }
            prevT = it->tMs;
        }
        const QColor c = m_live ? m_theme.series[m] : greyed(m_theme.series[m], m_theme.strip);
        // Bevel joins: round ones cost an arc per sample, for nothing visible at this width.
        p.setPen(QPen(c, width, Qt::SolidLine, Qt::RoundCap, Qt::BevelJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
}

void Sparkline::paintSensors(QPainter &p, const QRectF &r)
{
    const auto &samples = m_history->samples();
    const int count = samples.empty() ? kSensorPositions : std::clamp(samples.back().sensorCount, 1, kSensorPositions);
    // One row per sensor, top to bottom as they sit left to right on the robot (robotlayout.h).
    std::vector<int> rowSensor;
    for (int pos = 0; pos < kSensorPositions; ++pos) {
        if (const int index = sensorAtPosition(pos, count); index >= 0) {
            rowSensor.push_back(index);
        }
    }
    const int rows = static_cast<int>(rowSensor.size());
    const double rowH = r.height() / rows;
    p.setPen(Qt::NoPen);
    QColor lit = m_theme.isDark ? legend::frontFill : legend::frontBorder.lighter(150);
    if (!m_live) {
        lit = greyed(lit, m_theme.strip);
    }
    p.setBrush(lit);
    for (int row = 0; row < rows; ++row) {
        const int sensor = rowSensor[static_cast<size_t>(row)];
        const double y = r.top() + row * rowH + rowH * 0.15;
        for (size_t i = 0; i < samples.size(); ++i) {
            const auto &s = samples[i];
            if (sensor >= s.sensorCount || s.sensors[static_cast<size_t>(sensor)] == 0) {
                continue;
            }
            const qint64 end = i + 1 < samples.size() ? std::min(samples[i + 1].tMs, s.tMs + kGapMs)
                                                      : std::min(m_nowMs, s.tMs + kGapMs);
            const double x0 = xOf(s.tMs, static_cast<double>(m_nowMs), r);
            const double x1 = std::max(x0 + 1.0, xOf(end, static_cast<double>(m_nowMs), r));
            p.drawRect(QRectF(x0, y, x1 - x0, rowH * 0.7));
        }
    }
}

} // namespace omni::gui
