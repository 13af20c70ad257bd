// SPDX-License-Identifier: MIT
#pragma once

#include "theme.h"

#include <omni/robotstate.h>

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
    void clear() { m_samples.clear(); }
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

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintMotors(class QPainter &p, const QRectF &r);
    void paintSensors(class QPainter &p, const QRectF &r);
    [[nodiscard]] double xOf(qint64 tMs, const QRectF &r) const;

    Kind m_kind;
    const History *m_history;
    Theme m_theme = Theme::light();
    bool m_live = true;
    qint64 m_nowMs = 0;
    qint64 m_paintedNowMs = 0;  ///< m_nowMs at the last paint
    bool m_drewSamples = false; ///< the last paint showed samples: a repaint is needed to clear them
    quint64 m_paints = 0;
};

} // namespace omni::gui
