// SPDX-License-Identifier: MIT
#pragma once

#include "theme.h"

#include <omni/robotstate.h>

#include <QImage>
#include <QWidget>

#include <array>
#include <deque>

namespace omni::gui {

/// The last ~30 s of motor powers and line sensors, thinned to one sample per bucket so a robot
/// publishing at 1 kHz costs no more to draw than one at 30 Hz.
class History
{
public:
    /// One remembered state.
    struct Sample {
        qint64 tMs = 0;                  ///< local monotonic time it arrived
        std::array<qint32, 3> motors{};  ///< percent
        std::array<qint32, 5> sensors{}; ///< raw values
        int sensorCount = 5;             ///< meaningful sensors
    };

    /// Keeps `windowMs` of history at one sample per `bucketMs`.
    explicit History(qint64 windowMs = 30'000, qint64 bucketMs = 33);

    /// Adds `state` seen at `tMs` (monotonic, never decreasing).
    void add(const RobotState &state, qint64 tMs);
    /// Forgets everything (another source, another robot).
    void clear()
    {
        m_samples.clear();
        ++m_clears;
    }
    /// How often clear() was called: a drawing cached from the samples is stale when it changed.
    [[nodiscard]] quint64 clears() const { return m_clears; }
    /// Drops samples older than the window before `nowMs`.
    void prune(qint64 nowMs);
    /// The samples, oldest first.
    [[nodiscard]] const std::deque<Sample> &samples() const { return m_samples; }
    /// The window in milliseconds.
    [[nodiscard]] qint64 windowMs() const { return m_windowMs; }
    /// Whether a sparkline whose right edge is `nowMs` shows any sample (the newest is inside the window).
    [[nodiscard]] bool visibleAt(qint64 nowMs) const
    {
        return !m_samples.empty() && nowMs - m_samples.back().tMs <= m_windowMs;
    }

private:
    qint64 m_windowMs;
    qint64 m_bucketMs;
    std::deque<Sample> m_samples;
    quint64 m_clears = 0;
};

/// Draws a History: the three motor powers as lines (−100..100 %), or the line sensors as lit cells.
class Sparkline : public QWidget
{
    Q_OBJECT
public:
    /// What is drawn.
    enum class Kind { Motors, Sensors };

    /// A sparkline of `kind` over `history` (not owned; it must outlive the widget).
    Sparkline(Kind kind, const History *history, QWidget *parent = nullptr);

    /// Colours, and whether to draw greyed out (not live); repaints when that changes.
    void setLook(const Theme &theme, bool live);
    /// The time the right edge shows (monotonic ms, as History samples); repaints only while samples are
    /// on show or were at the last paint.
    void setNow(qint64 nowMs);
    /// The kind drawn.
    [[nodiscard]] Kind kind() const { return m_kind; }
    /// How many times the widget was painted (tests check the repaint budget).
    [[nodiscard]] quint64 paintCount() const { return m_paints; }

    /// The motor lines as the widget last drew them (series only, over transparency), and the time their right
    /// edge shows (for tests: the lines are kept between paints and scrolled, see paintMotors()).
    [[nodiscard]] const QImage &linesImage() const { return m_lines; }
    [[nodiscard]] double linesNowMs() const { return m_linesNowMs; }
    /// The motor lines drawn whole for a right edge at `nowMs`, as linesImage() would hold them.
    [[nodiscard]] QImage linesAt(double nowMs) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintMotors(class QPainter &p, const QRectF &r);
    void paintSensors(class QPainter &p, const QRectF &r);
    /// Where a sample of `tMs` is drawn in `r` when the right edge shows `nowMs`.
    [[nodiscard]] double xOf(qint64 tMs, double nowMs, const QRectF &r) const;
    /// The content rectangle of the strip (where the samples go).
    [[nodiscard]] QRectF contentRect() const;
    /// Brings m_lines up to m_nowMs: scrolled by whole device pixels, only the newest part drawn again.
    void updateLines(const QRectF &r);
    /// Draws the motor lines for a right edge at `nowMs` into `image`, only within `area` (logical coordinates),
    /// which is cleared first.
    void drawLines(QImage &image, double nowMs, const QRectF &r, const QRectF &area) const;

    Kind m_kind;
    const History *m_history;
    Theme m_theme = Theme::light();
    bool m_live = true;
    qint64 m_nowMs = 0;
    qint64 m_paintedNowMs = 0;  ///< m_nowMs at the last paint
    bool m_drewSamples = false; ///< the last paint showed samples: a repaint is needed to clear them
    quint64 m_paints = 0;
    QImage m_lines;              ///< the motor lines at m_linesNowMs (device pixels, transparent elsewhere)
    double m_linesNowMs = 0;     ///< the right edge's time in m_lines
    qint64 m_linesSettledMs = 0; ///< samples up to this time are final in m_lines (later ones may change)
    quint64 m_linesClears = 0;   ///< History::clears() when m_lines was drawn
    bool m_linesValid = false;   ///< false: draw whole at the next paint (new look, size, history)
};

} // namespace omni::gui
