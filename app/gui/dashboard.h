// SPDX-License-Identifier: MIT
#pragma once

#include "infopanel.h"
#include "robotview.h"
#include "sparkline.h"
#include "statustext.h"
#include "theme.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>

class QBoxLayout;
class QFrame;
class QLabel;

namespace omni {
class Hub;
class RemoteSource;
} // namespace omni

namespace omni::gui {

/// The whole dashboard: a banner when something is wrong, the info panel and the robot view.
/// Hub signals only mark it dirty; a timer applies the newest state at most 60 times a second, and
/// a slow tick lets what moves with time alone move (the age of a state that is not live, sparklines
/// that still show samples, the countdown to the next connection attempt). With nothing of the kind on
/// screen, or while hidden, the tick stops: an idle dashboard does no work. The reader never waits on it.
class Dashboard : public QWidget
{
    Q_OBJECT
public:
    /// Shortest time between two refreshes (60 Hz).
    static constexpr int kFrameIntervalMs = 16;
    /// Period of the tick that keeps ages, sparklines and countdowns moving without new states.
    static constexpr int kTickIntervalMs = 200;

    /// A dashboard showing `hub` (not owned).
    explicit Dashboard(Hub *hub, QWidget *parent = nullptr);

    /// Remote mode: also show this source's network link (null: local mode). Not owned.
    void setRemote(RemoteSource *remote);
    /// The shared-memory name awaited, for the "waiting" sentence.
    void setSegmentName(const QString &name);
    /// Colours.
    void setTheme(const Theme &theme);
    /// The theme in use.
    [[nodiscard]] const Theme &theme() const { return m_theme; }
    /// A note under the sound button (e.g. no audio device, muted here) with a longer tooltip; empty: none.
    void setSoundNote(const QString &note, const QString &detail = {});

    /// Applies the newest data now (tests and screenshots; normally the timer does it).
    void refreshNow();
    /// How many refreshes applied new data.
    [[nodiscard]] quint64 refreshCount() const { return m_refreshes; }
    /// Whether the tick runs (something on screen moves with time alone).
    [[nodiscard]] bool ticking() const { return m_tick.isActive(); }
    /// The problem on show, if any.
    [[nodiscard]] const std::optional<Problem> &problem() const { return m_problem; }

    [[nodiscard]] InfoPanel *infoPanel() const { return m_info; }
    [[nodiscard]] RobotView *robotView() const { return m_robot; }
    [[nodiscard]] QFrame *banner() const { return m_banner; }
    /// The sparklines' history (the screenshot tool fills it with a scripted past).
    [[nodiscard]] History &history() { return m_history; }
    /// The dashboard's monotonic clock, as History samples use it.
    [[nodiscard]] qint64 clockMs() const { return nowMs(); }

Q_SIGNALS:
    /// The person wants the shared sound switch `on`.
    void soundToggled(bool on);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void markDirty();
    void refresh();
    void relayout();
    void buildBannerStyles();
    void applyBanner();
    void retranslate();
    [[nodiscard]] Situation situation() const;
    [[nodiscard]] qint64 nowMs() const { return m_clock.elapsed(); }

    Hub *m_hub;
    QPointer<RemoteSource> m_remote;
    QString m_segmentName;
    Theme m_theme = Theme::light();
    History m_history;
    QElapsedTimer m_clock;
    QTimer m_frame;
    QTimer m_tick;
    qint64 m_lastRefreshMs = -1000;
    bool m_dirty = true;
    quint64 m_refreshes = 0;
    std::optional<Problem> m_problem;
    std::array<QString, 4> m_bannerCss; ///< the banner's style sheet per ProblemKind (setTheme, relayout)
    int m_bannerCssApplied = -1;        ///< the ProblemKind whose style sheet the banner has, -1 none
    bool m_describeRobot = true;        ///< the robot's accessible description must be made again
    QString m_soundNote;
    QString m_soundNoteDetail;
    double m_scale = 1.0;

    QBoxLayout *m_body;
    QBoxLayout *m_right;
    QFrame *m_banner;
    QLabel *m_bannerTitle;
    QLabel *m_bannerText;
    QLabel *m_bannerFacts;
    InfoPanel *m_info;
    RobotView *m_robot;
};

} // namespace omni::gui
