// SPDX-License-Identifier: MIT
#pragma once

#include "sparkline.h"
#include "theme.h"

#include <omni/remotesource.h>
#include <omni/robotstate.h>

#include <QFrame>

#include <array>
#include <optional>

class QGridLayout;
class QLabel;
class QPushButton;

namespace omni::gui {

/// "omni chicken info": what the robot does, where the data comes from, the sparklines, the legend
/// and the one button (chicken sounds on/off).
class InfoPanel : public QFrame
{
    Q_OBJECT
public:
    /// The rows of values, top to bottom.
    enum class Field { Mode, Action, Obstacle, ObstacleMode, SensorMode, Link, Network, Rate, Age, Source };

    /// What to show.
    struct Model {
        std::optional<RobotState> state;             ///< the newest state, if any
        LinkInfo link;                               ///< the robot's link
        double rateHz = 0.0;                         ///< publish rate
        qint64 ageMs = -1;                           ///< age of the newest state
        bool remote = false;                         ///< show the network row
        NetworkStatus network = NetworkStatus::Idle; ///< the network link (remote)
        QString upstream;                            ///< where the server reads the robot (remote)
        bool soundOn = true;                         ///< the shared sound switch
        bool soundEnabled = true;                    ///< whether the button can be used now
        QString soundNote;                           ///< e.g. "muted on this computer"; empty: none
        QString soundNoteDetail;                     ///< the note's tooltip
    };

    /// A panel drawing sparklines from `history` (not owned).
    explicit InfoPanel(const History *history, QWidget *parent = nullptr);

    /// Shows `model` (only labels whose text changes repaint).
    void setModel(const Model &model);
    /// Colours.
    void setTheme(const Theme &theme);
    /// Size of everything relative to the 800 × 480 design (1.0).
    void setScale(double scale);
    /// Drops the sparklines' section title (small screens).
    void setCompact(bool compact);
    /// Shows or hides the legend (the smallest screens).
    void setLegendVisible(bool visible);

    /// The title (kiosk: long-press it to leave).
    [[nodiscard]] QLabel *titleLabel() const { return m_title; }
    /// The sound button.
    [[nodiscard]] QPushButton *soundButton() const { return m_sound; }
    /// The motor sparkline.
    [[nodiscard]] Sparkline *motorSparkline() const { return m_motors; }
    /// The sensor sparkline.
    [[nodiscard]] Sparkline *sensorSparkline() const { return m_sensors; }
    /// The value label of a row, for tests.
    [[nodiscard]] QLabel *valueLabel(Field field) const;
    /// The full (not elided) text of a row's value.
    [[nodiscard]] QString valueText(Field field) const;

Q_SIGNALS:
    /// The person pressed the sound button: they want sound `on`.
    void soundToggled(bool on);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static constexpr int kFieldCount = static_cast<int>(Field::Source) + 1;
    struct Row {
        QLabel *name = nullptr;
        QLabel *value = nullptr;
        QString text;     ///< the full text shown
        QColor color;     ///< its colour (invalid: the panel's)
        bool set = false; ///< text and color were applied once
    };
    /// What the chip and the sound icon were last made for: rebuilt only when it changes.
    struct Look {
        QColor fg, bg, iconColor;
        bool soundOn = false;
        double scale = 0.0;
        friend bool operator==(const Look &, const Look &) = default;
    };
    void retranslate();
    void applyStyle();
    /// Shows `text` in `color` in the row `field`; does nothing when both are already shown. True when changed.
    bool setValue(Field field, const QString &text, const QColor &color = {});
    static void elide(QLabel *label);
    void fitSoundText();
    void addRow(Field field);
    /// The row's name, translated.
    static QString fieldName(Field field);
    [[nodiscard]] Row &row(Field field) { return m_fields.at(static_cast<size_t>(field)); }
    [[nodiscard]] const Row &row(Field field) const { return m_fields.at(static_cast<size_t>(field)); }

    const History *m_history;
    QLabel *m_title;
    QLabel *m_chip;
    QGridLayout *m_rows;
    std::array<Row, kFieldCount> m_fields;
    QLabel *m_sparkTitle;
    QLabel *m_motorsTitle;
    QLabel *m_sensorsTitle;
    QLabel *m_motorKeys;
    Sparkline *m_motors;
    Sparkline *m_sensors;
    class Legend *m_legend;
    QPushButton *m_sound;
    QLabel *m_soundNote;
    Model m_model;
    Theme m_theme = Theme::light();
    double m_scale = 1.0;
    std::optional<Look> m_chipLook;
    std::optional<Look> m_iconLook;
    int m_soundPx = -1;      ///< the sound button's font size in use
    QString m_soundFitText;  ///< the text m_soundPx was fitted to
    int m_soundFitRoom = -1; ///< the room it was fitted to
};

} // namespace omni::gui
