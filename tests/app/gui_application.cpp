// SPDX-License-Identifier: MIT
// The QApplication of the widget tests (tests/support/qt_gtest_main.cpp calls this instead of making a
// QCoreApplication). Settings go to a private directory so tests never touch the user's.
#include <QApplication>
#include <QStandardPaths>
#include <QStyleFactory>

#include <memory>

std::unique_ptr<QCoreApplication> omniMakeTestApplication(int &argc, char **argv)
{
    QStandardPaths::setTestModeEnabled(true);
    auto app = std::make_unique<QApplication>(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QCoreApplication::setOrganizationName(QStringLiteral("omniscient-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("omniscient-tests"));
    return app;
}
