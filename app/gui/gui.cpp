// SPDX-License-Identifier: MIT
#include "gui.h"

#include "fleetwindow.h"
#include "kiosk.h"
#include "mainwindow.h"
#include "settings.h"

#include "options.h"
#include "runtime.h"

#include <QApplication>
#include <QStyleFactory>

#include <memory>

namespace omni::gui {

void prepareApplication()
{
    // Fusion looks the same on a desktop, under cage and on eglfs, and takes our palettes fully.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

int runGui(app::Runtime &runtime, const app::Options &options)
{
    if (runtime.fleet() != nullptr) {
        FleetWindow fleet(runtime.fleet());
        std::unique_ptr<KioskGuard> kiosk;
        if (options.kiosk) {
            // The same documented ways out as the robot's kiosk: hold the status line, or Ctrl+Alt+Q.
            kiosk = std::make_unique<KioskGuard>(&fleet, fleet.statusLabel());
            QObject::connect(kiosk.get(), &KioskGuard::exitRequested, qApp, &QApplication::quit, Qt::QueuedConnection);
            kiosk->apply();
            fleet.showFullScreen();
        } else {
            fleet.show();
        }
        QApplication::setQuitOnLastWindowClosed(!options.kiosk);
        return QApplication::exec();
    }
    Settings settings;
    MainWindow::Mode mode;
    mode.kiosk = options.kiosk;
    MainWindow window(runtime, settings, mode);
    window.present();
    // The kiosk keeps running when the robot or the network comes and goes, and even when its window is
    // hidden: only quit() ends it.
    QApplication::setQuitOnLastWindowClosed(!options.kiosk);
    return QApplication::exec();
}

} // namespace omni::gui
