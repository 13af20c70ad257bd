// SPDX-License-Identifier: MIT
// The window's replay: the timeline under the dashboard, File → Open recording…, and recordings dropped on it.
#include "dashboard.h"
#include "mainwindow.h"
#include "runtime.h"
#include "timeline.h"

#include <omni/replaysource.h>

#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QKeyEvent>
#include <QMessageBox>
#include <QMimeData>
#include <QToolBar>

namespace omni::gui {

namespace {

/// The first local .mcap file among `mime`'s URLs, or empty.
QString droppedRecording(const QMimeData *mime)
{
    if (mime == nullptr || !mime->hasUrls()) {
        return {};
    }
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".mcap"), Qt::CaseInsensitive)) {
            return url.toLocalFile();
        }
    }
    return {};
}

} // namespace

void MainWindow::buildTimeline()
{
    m_timeline = new Timeline(this);
    m_timelineBar = new QToolBar(this);
    m_timelineBar->setObjectName(QStringLiteral("timeline"));
    m_timelineBar->setMovable(false);
    m_timelineBar->setFloatable(false);
    m_timelineBar->addWidget(m_timeline);
    addToolBar(Qt::BottomToolBarArea, m_timelineBar);
    m_timelineBar->hide();
    setAcceptDrops(!m_kiosk);
    connect(&m_runtime, &app::Runtime::replayChanged, this, &MainWindow::showReplay);
    if (m_runtime.replay() != nullptr) {
        showReplay(m_runtime.replay());
    }
}

void MainWindow::showReplay(ReplaySource *replay)
{
    m_timeline->setReplay(replay);
    m_timelineBar->setVisible(replay != nullptr);
    m_dashboard->setRemote(nullptr);
    updateTitle();
    if (replay != nullptr) {
        m_timeline->setFocus();
    }
}

bool MainWindow::openRecording(const QString &path, bool quiet)
{
    QString error;
    if (m_runtime.openRecording(path, &error)) {
        return true;
    }
    if (!quiet) {
        QMessageBox::warning(this, tr("Cannot open the recording"), error);
    }
    return false;
}

void MainWindow::openRecordingDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open recording"), QString(),
                                                      tr("MCAP recordings (*.mcap);;All files (*)"));
    if (!path.isEmpty()) {
        openRecording(path);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_kiosk && !droppedRecording(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedRecording(event->mimeData());
    if (!m_kiosk && !path.isEmpty()) {
        event->acceptProposedAction();
        openRecording(path);
    }
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    // Keys no widget took (the dashboard takes none of these) drive the replay, wherever the focus is.
    if (m_timeline->replay() != nullptr) {
        QCoreApplication::sendEvent(m_timeline, event);
        if (event->isAccepted()) {
            return;
        }
    }
    QMainWindow::keyPressEvent(event);
}

} // namespace omni::gui
