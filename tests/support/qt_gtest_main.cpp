// SPDX-License-Identifier: MIT
// GoogleTest main with a Qt application object. Defaults to the offscreen platform so that
// gtest_discover_tests (which runs the binary at build time) works where no display exists.
#include <gtest/gtest.h>

#include <QCoreApplication>

#include <memory>

// Test binaries that need a QGuiApplication/QApplication define this (see tests/app).
std::unique_ptr<QCoreApplication> omniMakeTestApplication(int &argc, char **argv) __attribute__((weak));

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    ::testing::InitGoogleTest(&argc, argv);
    std::unique_ptr<QCoreApplication> app = omniMakeTestApplication != nullptr
                                                ? omniMakeTestApplication(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    return RUN_ALL_TESTS();
}
