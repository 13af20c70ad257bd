// SPDX-License-Identifier: MIT
#pragma once

#include "robotpainter.h"
#include "theme.h"

#include <omni/robotstate.h>

#include <QImage>
#include <QRegion>
#include <QWidget>

#include <array>
#include <optional>

namespace omni::gui {

/// The robot seen from above (see RobotPainter), scaled to the widget, repainted only when its model
/// changes. Not live: the whole robot is drawn grey and faded, with a notice in the middle.
class RobotView : public QWidget
{
    Q_OBJECT
public:
    /// What to draw.
    struct Model {
        std::optional<RobotState> state; ///< nothing yet: an idle robot without values
        bool live = false;               ///< false: greyed out
        QString overlayTitle;            ///< e.g. "STALE"; empty: no notice
        QString overlaySub;              ///< e.g. "last update 3.2 s ago"
        QColor overlayColor;             ///< the notice's colour

        /// Whether both hold the same robot values (RobotState::samePayload): a new seq or publish time
        /// with the same values draws the same picture.
        [[nodiscard]] bool sameRobot(const Model &other) const
        {
            return state.has_value() == other.state.has_value() && (!state || state->samePayload(*other.state));
        }
        /// Equal when they draw the same picture (see sameRobot()).
        friend bool operator==(const Model &a, const Model &b)
        {
            return a.sameRobot(b) && a.live == b.live && a.overlayTitle == b.overlayTitle &&
                   a.overlaySub == b.overlaySub && a.overlayColor == b.overlayColor;
        }
    };

    explicit RobotView(QWidget *parent = nullptr);

    /// Shows `model`; repaints only when it differs from what is shown.
    void setModel(const Model &model);
    /// What is shown.
    [[nodiscard]] const Model &model() const { return m_model; }
    /// The palette to paint with.
    void setTheme(const Theme &theme);
    /// How many times the widget was painted (tests check the repaint budget).
    [[nodiscard]] quint64 paintCount() const { return m_paints; }
    /// What the last paint covered (tests check that a new state repaints only what it changed).
    [[nodiscard]] QRegion lastPaintRegion() const { return m_lastPaint; }

    /// Where the parts of the robot go at this size, font and language (computed once for them: it measures
    /// every word the picture may show).
    [[nodiscard]] const RobotLayout &layout() const;
    /// View box → widget coordinates.
    [[nodiscard]] QTransform viewTransform() const { return layout().toWidget; }
    /// The part of the widget whose pixels may differ between the live pictures of `from` and `to` (widget
    /// coordinates; empty when they draw the same): a new state repaints only the wheels, sensors, arrow or
    /// warnings it changed, not the whole robot. Either null: the whole widget.
    [[nodiscard]] QRegion changedArea(const RobotState *from, const RobotState *to) const;
    /// Where the picture's `parts` (RobotPainter::StatePart bits) may ink, in widget coordinates.
    [[nodiscard]] QRegion partsArea(unsigned parts) const;
    /// What the part at `viewBox` shows, in words (the tooltip): a line sensor's index and value, the
    /// centre of a four-sensor robot, an edge sensor that no field feeds; empty elsewhere.
    [[nodiscard]] QString describeAt(QPointF viewBox) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;
    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int w) const override { return w; }

protected:
    void paintEvent(QPaintEvent *event) override;
    /// The unchanging body, painted once per size, theme, font and language (antialiased rings and a
    /// dashed rim are most of a frame's cost, measured with perf).
    const QImage &body();
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    [[nodiscard]] const RobotState *state() const { return m_model.state ? &*m_model.state : nullptr; }
    [[nodiscard]] QImage greyedRobot();
    [[nodiscard]] QRect partRect(RobotPainter::StatePart part) const;

    Model m_model;
    Theme m_theme = Theme::light();
    quint64 m_paints = 0;
    QRegion m_lastPaint;
    QImage m_greyCache; ///< the greyed robot, rebuilt when the model, size or theme changes
    bool m_greyDirty = true;
    QImage m_bodyCache; ///< RobotPainter::paintBody() at this size, theme, font and language
    bool m_bodyDirty = true;
    mutable std::optional<RobotLayout> m_layout; ///< layout() for m_layoutSize; reset on a font or language change
    mutable QSize m_layoutSize;
    mutable std::array<QRect, RobotPainter::kStatePartCount>
        m_partRects; ///< partRect() of each StatePart bit, with m_layout
};

} // namespace omni::gui
