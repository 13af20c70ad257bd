// SPDX-License-Identifier: MIT
// The window around the dashboard: the connect dialog's address parsing, remembered settings, remote mode
// from the menu, palettes, and the kiosk's documented (and only) ways out.
#include "connectdialog.h"
#include "dashboard.h"
#include "kiosk.h"
#include "mainwindow.h"
#include "settings.h"

#include "runtime.h"

#include <omni/hub.h>
#include <omni/remotesource.h>

#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace omni;
using namespace omni::gui;

namespace {

/// A port nothing listens on (it was free a moment ago).
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString parsed(const QString &text)
{
    const auto url = ConnectDialog::parseAddress(text);
    return url ? url->toString() : QStringLiteral("<invalid>");
}

app::Options localOptions()
{
    app::Options o;
    o.noServer = true;
    o.shmName = QStringLiteral("omni-test-window-none");
    return o;
}

} // namespace

TEST(ConnectDialog, AcceptsWhatPeopleType)
{
    EXPECT_EQ(parsed(QStringLiteral("raspberrypi")), QStringLiteral("ws://raspberrypi:3001/ws"));
    EXPECT_EQ(parsed(QStringLiteral(" pi:4000 ")), QStringLiteral("ws://pi:4000/ws"));
    EXPECT_EQ(parsed(QStringLiteral("192.168.1.20")), QStringLiteral("ws://192.168.1.20:3001/ws"));
    EXPECT_EQ(parsed(QStringLiteral("http://pi:3001/?token=abc")), QStringLiteral("ws://pi:3001/ws?token=abc"));
    EXPECT_EQ(parsed(QStringLiteral("https://robot.example/ws")), QStringLiteral("wss://robot.example/ws"));
    EXPECT_EQ(parsed(QStringLiteral("ws://pi:3001/ws")), QStringLiteral("ws://pi:3001/ws"));
    EXPECT_EQ(parsed(QStringLiteral("[::1]:3001")), QStringLiteral("ws://[::1]:3001/ws"));
}

TEST(ConnectDialog, RefusesWhatIsNoAddress)
{
    QString why;
    EXPECT_FALSE(ConnectDialog::parseAddress(QString(), &why));
    EXPECT_FALSE(why.isEmpty());
    EXPECT_FALSE(ConnectDialog::parseAddress(QStringLiteral("ftp://pi/"), &why));
    EXPECT_TRUE(why.contains(QLatin1String("ftp")));
    EXPECT_FALSE(ConnectDialog::parseAddress(QStringLiteral("ws://"), &why));
}

TEST(ConnectDialog, OffersTheRecentAddressesAndValidatesAsYouType)
{
    ConnectDialog dialog({QStringLiteral("ws://a:3001/ws"), QStringLiteral("ws://b:3001/ws")});
    EXPECT_EQ(dialog.addressBox()->count(), 2);
    EXPECT_EQ(dialog.url(), QUrl(QStringLiteral("ws://a:3001/ws")));
    dialog.addressBox()->setEditText(QStringLiteral("gopher://x"));
    EXPECT_FALSE(dialog.url().isValid());
}

TEST(Settings, RemembersRecentAddressesMostRecentFirstWithoutDuplicates)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    {
        Settings s(path);
        for (int i = 0; i < 12; ++i) {
            s.addRecentUrl(QStringLiteral("ws://pi%1:3001/ws").arg(i));
        }
        s.addRecentUrl(QStringLiteral("ws://pi5:3001/ws"));
        s.setTheme(ThemeChoice::Dark);
        s.setLanguage(QStringLiteral("fr"));
        s.setSound(false);
    }
    Settings again(path);
    const QStringList recent = again.recentUrls();
    ASSERT_EQ(recent.size(), Settings::kMaxRecent);
    EXPECT_EQ(recent.constFirst(), QStringLiteral("ws://pi5:3001/ws"));
    EXPECT_EQ(recent.count(QStringLiteral("ws://pi5:3001/ws")), 1);
    EXPECT_EQ(again.lastUrl(), QStringLiteral("ws://pi5:3001/ws"));
    EXPECT_EQ(again.theme(), ThemeChoice::Dark);
    EXPECT_EQ(again.language(), QStringLiteral("fr"));
    EXPECT_EQ(again.sound(), std::optional<bool>(false));
}

TEST(MainWindow, ConnectingRemembersTheRobotAndShowsTheNetworkLink)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.ini")));
    app::Runtime runtime(localOptions());
    MainWindow window(runtime, settings, {false, false});
    EXPECT_FALSE(window.menuBar()->isHidden());
    EXPECT_EQ(runtime.remote(), nullptr);
    const QString url = QStringLiteral("ws://127.0.0.1:%1/ws").arg(closedPort());
    window.connectTo(QUrl(url));
    ASSERT_NE(runtime.remote(), nullptr);
    EXPECT_EQ(settings.lastUrl(), url);
    EXPECT_TRUE(window.windowTitle().contains(QLatin1String("127.0.0.1")));
    window.dashboard()->refreshNow();
    ASSERT_TRUE(window.dashboard()->problem());
}

TEST(MainWindow, RemembersTheSoundSwitchInLocalMode)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.ini")));
    settings.setSound(false);
    app::Runtime runtime(localOptions());
    MainWindow window(runtime, settings, {false, false});
    EXPECT_FALSE(runtime.hub()->soundEnabled()) << "restored";
    runtime.hub()->setSoundEnabled(true);
    EXPECT_EQ(settings.sound(), std::optional<bool>(true));
}

TEST(MainWindow, PalettesSwitchAndPersist)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.ini")));
    app::Runtime runtime(localOptions());
    MainWindow window(runtime, settings, {false, false});
    window.setThemeChoice(ThemeChoice::Dark);
    EXPECT_TRUE(window.dashboard()->theme().isDark);
    EXPECT_EQ(settings.theme(), ThemeChoice::Dark);
    window.setThemeChoice(ThemeChoice::Light);
    EXPECT_FALSE(window.dashboard()->theme().isDark);
}

class Kiosk : public ::testing::Test
{
protected:
    Kiosk()
        : settings(dir.filePath(QStringLiteral("s.ini"))), runtime(localOptions()),
          window(runtime, settings, {true, false})
    {
        window.present();
        window.kiosk()->setHoldDuration(300);
        QCoreApplication::processEvents();
    }
    QTemporaryDir dir;
    Settings settings;
    app::Runtime runtime;
    MainWindow window;
};

TEST_F(Kiosk, IsFullscreenFramelessWithoutMenuOrCursor)
{
    EXPECT_TRUE(window.windowState() & Qt::WindowFullScreen);
    EXPECT_TRUE(window.windowFlags() & Qt::FramelessWindowHint);
    EXPECT_TRUE(window.menuBar()->isHidden());
    ASSERT_NE(QGuiApplication::overrideCursor(), nullptr);
    EXPECT_EQ(QGuiApplication::overrideCursor()->shape(), Qt::BlankCursor);
}

TEST_F(Kiosk, RefusesToCloseOrLeaveOnASingleKey)
{
    EXPECT_FALSE(window.close());
    EXPECT_TRUE(window.isVisible());
    QSignalSpy exit(window.kiosk(), &KioskGuard::exitRequested);
    QTest::keyClick(&window, Qt::Key_Escape);
    QTest::keyClick(&window, Qt::Key_F11);
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    EXPECT_EQ(exit.size(), 0);
    EXPECT_TRUE(window.windowState() & Qt::WindowFullScreen);
}

TEST_F(Kiosk, CtrlAltQLeaves)
{
    QSignalSpy exit(window.kiosk(), &KioskGuard::exitRequested);
    window.activateWindow();
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier | Qt::AltModifier);
    EXPECT_EQ(exit.size(), 1);
}

TEST_F(Kiosk, AShortTapOnTheTitleDoesNothingALongPressLeaves)
{
    QLabel *title = window.dashboard()->infoPanel()->titleLabel();
    QSignalSpy exit(window.kiosk(), &KioskGuard::exitRequested);
    QTest::mousePress(title, Qt::LeftButton);
    QTest::qWait(100);
    QTest::mouseRelease(title, Qt::LeftButton);
    QTest::qWait(400);
    EXPECT_EQ(exit.size(), 0);

    QTest::mousePress(title, Qt::LeftButton);
    EXPECT_TRUE(exit.wait(2000));
    EXPECT_TRUE(window.close()) << "after the gesture the window may go";
}

TEST_F(Kiosk, ASignalLetsItGo)
{
    window.closeForGood();
    EXPECT_FALSE(window.isVisible());
}
