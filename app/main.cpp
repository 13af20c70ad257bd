// SPDX-License-Identifier: MIT
#include "displaydetect.h"
#include "exportcommand.h"
#include "gui.h"
#include "language.h"
#include "options.h"
#include "runtime.h"
#include "samplelibrary.h"
#include "servicenotifier.h"
#include "testhooks.h"
#include "unixsignals.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    // A window needs a QApplication, headless only a QCoreApplication: a first, untranslated look at the
    // options decides which to make; they are parsed again (translated) below.
    QStringList rawArgs;
    for (int i = 0; i < argc; ++i) {
        rawArgs.append(QString::fromLocal8Bit(argv[i]));
    }
    if (omni::app::isExportCommand(rawArgs)) { // a tool of its own: no window, no robot, no server
        const QCoreApplication tool(argc, argv);
        return omni::app::runExport(QCoreApplication::arguments());
    }
    const auto early = omni::app::parseOptions(rawArgs, qEnvironmentVariable("OMNISCIENT_TOKEN"),
                                               qEnvironmentVariable("OMNISCIENT_MQTT_PASSWORD"));
    const bool window = early.action == omni::app::ParseResult::Action::Run &&
                        omni::app::uiMode(early.options) == omni::app::UiMode::Window;
    omni::audio::chooseBackend(); // before anything of Qt Multimedia exists
    std::unique_ptr<QCoreApplication> app =
        window ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("omniscient"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OMNI_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("omniscient"));
    omni::gui::setupLanguage(early.options.lang);

    const auto parsed = omni::app::parseOptions(QCoreApplication::arguments(), qEnvironmentVariable("OMNISCIENT_TOKEN"),
                                                qEnvironmentVariable("OMNISCIENT_MQTT_PASSWORD"));
    switch (parsed.action) {
    case omni::app::ParseResult::Action::Help:
    case omni::app::ParseResult::Action::Version:
        std::fprintf(stdout, "%s\n", qPrintable(parsed.message));
        return 0;
    case omni::app::ParseResult::Action::Error:
        std::fprintf(stderr, "omniscient: %s\n%s\n", qPrintable(parsed.message),
                     qPrintable(QCoreApplication::translate("omni::app", "Try 'omniscient --help' for the options.")));
        return 2;
    case omni::app::ParseResult::Action::Run:
        break;
    }

    omni::app::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &omni::app::UnixSignals::terminationRequested, app.get(),
                     [] { QCoreApplication::exit(0); });

    omni::app::Options options = parsed.options;
    if (omni::app::uiMode(options) == omni::app::UiMode::HeadlessNoDisplay) {
        std::fprintf(stderr, "omniscient: %s\n", qPrintable(omni::app::noDisplayNote()));
        options.headless = true; // the runtime then prints the dashboard's URLs
    }

    omni::app::Runtime runtime(options);
    QString error;
    if (!runtime.start(&error)) {
        std::fprintf(stderr, "omniscient: %s\n", qPrintable(error));
        return 1;
    }
    // The server listens and the source runs: tell systemd (Type=notify units), and keep the watchdog fed.
    omni::app::ServiceNotifier notifier(runtime.hub(), runtime.server());
    QObject::connect(&unixSignals, &omni::app::UnixSignals::terminationRequested, &notifier,
                     &omni::app::ServiceNotifier::stopping);
    notifier.ready();
    omni::app::testhooks::armHangFromEnvironment();
    if (window) {
        omni::gui::prepareApplication();
        return omni::gui::runGui(runtime, options);
    }
    return QCoreApplication::exec();
}
