// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "blackboxpanel.h"
#include "connectdialog.h"
#include "dashboard.h"
#include "kiosk.h"
#include "language.h"
#include "mqttindicator.h"
#include "settings.h"
#include "soundplayer.h"
#include "statustext.h"
#include "timeline.h"
#include "voice.h"

#include "runtime.h"

#include <omni/mqttpublisher.h>

#include <omni/hub.h>
#include <omni/remotesource.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace omni::gui {

MainWindow::MainWindow(app::Runtime &runtime, Settings &settings, Mode mode, QWidget *parent)
    : QMainWindow(parent), m_runtime(runtime), m_settings(settings), m_mode(mode),
      m_dashboard(new Dashboard(runtime.hub(), this))
{
    // The dashboard above, the black box's strip (events, "Save the last minute") below it.
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_dashboard, 1);
    m_blackbox = new BlackboxPanel(runtime.events(), runtime.blackbox(), central);
    column->addWidget(m_blackbox);
    setCentralWidget(central);
    m_dashboard->setSegmentName(runtime.segmentName());
    m_dashboard->setRemote(runtime.remote());
    if (runtime.remote()) {
        settings.addRecentUrl(runtime.remote()->url().toString()); // --connect counts as a recent robot
    }
    Hub *hub = runtime.hub();

    // The one button: the shared switch (in remote mode it goes to the server through the Runtime).
    connect(m_dashboard, &Dashboard::soundToggled, hub, &Hub::setSoundEnabled);
    if (!runtime.remote()) {
        if (const auto saved = settings.sound()) {
            hub->setSoundEnabled(*saved);
        }
    }
    connect(hub, &Hub::soundEnabledChanged, this, [this](bool on) {
        if (!m_runtime.remote()) {
            m_settings.setSound(on);
        }
        if (m_soundAction) {
            m_soundAction->setChecked(on);
        }
    });

    // The voice is the runtime's (the headless service clucks with the same one); the window mutes it and
    // shows its notes.
    m_voice = mode.withSound ? runtime.voice() : nullptr;
    if (m_voice) {
        m_voice->setLocalMute(settings.localMute());
        connect(m_voice, &audio::Voice::audioAvailableChanged, this, &MainWindow::updateSoundNote);
    }

    if (mode.kiosk) {
        m_kiosk = new KioskGuard(this, m_dashboard->infoPanel()->titleLabel(), this);
        connect(m_kiosk, &KioskGuard::exitRequested, qApp, &QApplication::quit, Qt::QueuedConnection);
        menuBar()->hide();
    } else {
        buildMenus();
    }
    buildTimeline();
    if (runtime.mqttPublisher() != nullptr) {
        statusBar()->addPermanentWidget(new MqttIndicator(runtime.mqttPublisher()->client(), this));
    }
    setThemeChoice(settings.theme());
    updateSoundNote();
    updateTitle();
    retranslate();
}

MainWindow::~MainWindow() = default;

void MainWindow::present()
{
    if (m_kiosk) {
        m_kiosk->apply();
        showFullScreen();
        return;
    }
    const QByteArray geometry = m_settings.geometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resize(1280, 800);
    }
    show();
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_connectAction = m_fileMenu->addAction(QString(), this, &MainWindow::openConnectDialog);
    m_openRecordingAction = m_fileMenu->addAction(QString(), this, &MainWindow::openRecordingDialog);
    m_openRecordingAction->setShortcut(QKeySequence::Open);
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::quit);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeGroup = new QActionGroup(this);
    for (ThemeChoice c : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
        QAction *a = m_themeMenu->addAction(QString());
        a->setCheckable(true);
        a->setData(static_cast<int>(c));
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, c] { setThemeChoice(c); });
    }
    m_langMenu = m_viewMenu->addMenu(QString());
    m_langGroup = new QActionGroup(this);
    for (const QString &code : shippedLanguages()) {
        QAction *a = m_langMenu->addAction(languageName(code)); // each language in its own words
        a->setCheckable(true);
        a->setChecked(code == currentLanguage());
        a->setData(code);
        m_langGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }
    m_fullScreenAction =
        m_viewMenu->addAction(QString(), this, [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
    m_fullScreenAction->setShortcut(QKeySequence::FullScreen);

    m_soundMenu = menuBar()->addMenu(QString());
    m_soundAction = m_soundMenu->addAction(QString());
    m_soundAction->setCheckable(true);
    m_soundAction->setChecked(m_runtime.hub()->soundEnabled());
    connect(m_soundAction, &QAction::triggered, m_runtime.hub(), &Hub::setSoundEnabled);
    m_localMuteAction = m_soundMenu->addAction(QString());
    m_localMuteAction->setCheckable(true);
    m_localMuteAction->setChecked(m_settings.localMute());
    connect(m_localMuteAction, &QAction::triggered, this, [this](bool muted) {
        m_settings.setLocalMute(muted);
        if (m_voice) {
            m_voice->setLocalMute(muted);
            if (muted && m_voice->player()) {
                m_voice->player()->stop();
            }
        }
        updateSoundNote();
    });
    rebuildRecent();
}

void MainWindow::retranslate()
{
    updateTitle();
    updateSoundNote();
    if (!m_fileMenu) {
        return;
    }
    m_fileMenu->setTitle(tr("&File"));
    m_connectAction->setText(tr("&Connect to a robot…"));
    m_openRecordingAction->setText(tr("&Open recording…"));
    m_recentMenu->setTitle(tr("&Recent robots"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_themeMenu->setTitle(tr("&Colours"));
    const QStringList themeNames{tr("Like the system"), tr("Light"), tr("Dark")};
    for (int i = 0; i < m_themeGroup->actions().size(); ++i) {
        m_themeGroup->actions().at(i)->setText(themeNames.value(i));
    }
    m_langMenu->setTitle(tr("&Language"));
    m_fullScreenAction->setText(tr("&Full screen"));
    m_soundMenu->setTitle(tr("&Sound"));
    m_soundAction->setText(tr("Chicken sounds (for everyone watching)"));
    m_localMuteAction->setText(tr("Mute this computer"));
    rebuildRecent();
}

void MainWindow::rebuildRecent()
{
    if (!m_recentMenu) {
        return;
    }
    m_recentMenu->clear();
    const QStringList recent = m_settings.recentUrls();
    for (const QString &u : recent) {
        m_recentMenu->addAction(RemoteSource::redact(QUrl(u)), this, [this, u] { connectTo(QUrl(u)); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
    }
}

void MainWindow::openConnectDialog()
{
    ConnectDialog dialog(m_settings.recentUrls(), this);
    if (dialog.exec() == QDialog::Accepted && dialog.url().isValid()) {
        connectTo(dialog.url());
    }
}

void MainWindow::connectTo(const QUrl &url)
{
    m_settings.addRecentUrl(url.toString());
    m_runtime.connectTo(url);
    m_dashboard->setRemote(m_runtime.remote());
    rebuildRecent();
    updateTitle();
    updateSoundNote();
}

void MainWindow::setThemeChoice(ThemeChoice choice)
{
    m_themeChoice = choice;
    m_settings.setTheme(choice);
    // "Like the system" reads the desktop's palette as it was before ours replaced it.
    static const QPalette platform = QApplication::palette();
    const Theme theme = Theme::resolve(choice, platform);
    QApplication::setPalette(theme.palette());
    m_dashboard->setTheme(theme);
    m_timeline->setTheme(theme);
    if (m_themeGroup) {
        for (QAction *a : m_themeGroup->actions()) {
            a->setChecked(a->data().toInt() == static_cast<int>(choice));
        }
    }
}

void MainWindow::setLanguage(const QString &code)
{
    m_settings.setLanguage(code);
    installLanguage(code); // every widget gets a LanguageChange event and retranslates itself
    if (m_langGroup) {
        for (QAction *a : m_langGroup->actions()) {
            a->setChecked(a->data().toString() == currentLanguage());
        }
    }
}

void MainWindow::updateSoundNote()
{
    QString note;
    QString detail;
    if (m_voice && m_voice->player() && !m_voice->audioAvailable()) {
        note = StatusText::noAudioShort(); // the voice said it once on stderr; the note stays until a device appears
        detail = StatusText::noAudioDevice();
    } else if (m_voice && m_voice->localMute()) {
        note = tr("Muted on this computer (Sound menu).");
    }
    m_dashboard->setSoundNote(note, detail);
}

void MainWindow::updateTitle()
{
    const RemoteSource *remote = m_runtime.remote();
    const QString where = remote ? remote->displayUrl() : m_runtime.segmentName();
    if (const ReplaySource *replay = m_runtime.replay()) {
        setWindowTitle(tr("omniscient — replay of %1").arg(replay->fileName()));
        return;
    }
    setWindowTitle(tr("omniscient — %1").arg(where));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeForGood()
{
    if (m_kiosk) {
        m_kiosk->allowClose();
    }
    close();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_kiosk) {
        m_settings.setGeometry(saveGeometry());
    }
    m_settings.sync();
    QMainWindow::closeEvent(event);
}

} // namespace omni::gui
