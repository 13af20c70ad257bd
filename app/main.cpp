// SPDX-License-Identifier: MIT
#include "options.h"
#include "runtime.h"
#include "unixsignals.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("omniscient"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OMNI_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("omniscient"));

    const auto parsed =
        omni::app::parseOptions(QCoreApplication::arguments(), qEnvironmentVariable("OMNISCIENT_TOKEN"));
    switch (parsed.action) {
    case omni::app::ParseResult::Action::Help:
    case omni::app::ParseResult::Action::Version:
        std::fprintf(stdout, "%s\n", qPrintable(parsed.message));
        return 0;
    case omni::app::ParseResult::Action::Error:
        std::fprintf(stderr, "omniscient: %s\nTry 'omniscient --help' for the options.\n", qPrintable(parsed.message));
        return 2;
    case omni::app::ParseResult::Action::Run:
        break;
    }

    omni::app::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &omni::app::UnixSignals::terminationRequested, &app,
                     [] { QCoreApplication::exit(0); });

    omni::app::Runtime runtime(parsed.options);
    QString error;
    if (!runtime.start(&error)) {
        std::fprintf(stderr, "omniscient: %s\n", qPrintable(error));
        return 1;
    }
    return QCoreApplication::exec();
}
