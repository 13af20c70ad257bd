// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QIcon>
#include <QWidget>

class QLabel;

namespace omni::gui {

/// The legend of the original observer, in its colours: omni wheel, obstacle sensor, front and edge line
/// sensors, steering, obstacle detected. Two columns of small pictures and words.
class Legend : public QWidget
{
    Q_OBJECT
public:
    explicit Legend(QWidget *parent = nullptr);
    /// Size relative to the 800 × 480 design.
    void setScale(double scale);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QList<QWidget *> m_icons;
    QList<QLabel *> m_texts;
};

/// The sound button's picture: a speaker with waves (on) or crossed out (off), `px` logical pixels.
QIcon speakerIcon(bool on, const QColor &color, int px);

} // namespace omni::gui
