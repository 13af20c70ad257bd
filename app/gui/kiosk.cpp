// SPDX-License-Identifier: MIT
#include "kiosk.h"

#include "theme.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QShortcut>
#include <QWidget>

namespace omni::gui {

KioskGuard::KioskGuard(QWidget *window, QWidget *holdTarget, QObject *parent)
    : QObject(parent), m_window(window), m_target(holdTarget)
{
    m_hold.setSingleShot(true);
    m_hold.setInterval(kHoldMs);
    connect(&m_hold, &QTimer::timeout, this, [this] {
        stopHold();
        allowClose();
        Q_EMIT exitRequested();
    });
    m_hintTick.setInterval(100);
    connect(&m_hintTick, &QTimer::timeout, this, &KioskGuard::updateHint);
    window->installEventFilter(this);
    if (holdTarget) {
        holdTarget->setAttribute(Qt::WA_AcceptTouchEvents);
        holdTarget->installEventFilter(this);
    }
    auto *quit = new QShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Q), window);
    quit->setContext(Qt::ApplicationShortcut);
    connect(quit, &QShortcut::activated, this, [this] {
        allowClose();
        Q_EMIT exitRequested();
    });
    m_hint = new QLabel(window);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setStyleSheet(QStringLiteral("background: rgba(%1,%2,%3,%4); color: %5; border-radius: 12px;"
                                         " padding: 16px 24px; font-size: 20px; font-weight: 700;")
                              .arg(hint::background.red())
                              .arg(hint::background.green())
                              .arg(hint::background.blue())
                              .arg(hint::background.alpha())
                              .arg(hint::text.name()));
    m_hint->hide();
}

KioskGuard::~KioskGuard()
{
    if (m_cursorHidden) {
        QGuiApplication::restoreOverrideCursor();
    }
}

void KioskGuard::apply()
{
    if (!m_window) {
        return;
    }
    m_window->setWindowFlag(Qt::FramelessWindowHint, true);
    m_window->setWindowState(m_window->windowState() | Qt::WindowFullScreen);
    // Without a window manager (bare X11) "fullscreen" is only a wish: cover the screen ourselves, and
    // follow it when it changes (a rotated or replugged display). cage and eglfs size the window anyway.
    if (QScreen *screen = m_window->screen()) {
        m_window->setGeometry(screen->geometry());
        if (!m_screenFollowed) {
            m_screenFollowed = true;
            connect(screen, &QScreen::geometryChanged, m_window, [w = m_window](const QRect &g) { w->setGeometry(g); });
        }
    }
    if (!m_cursorHidden) {
        QGuiApplication::setOverrideCursor(Qt::BlankCursor);
        m_cursorHidden = true;
    }
}

void KioskGuard::startHold()
{
    m_held.start();
    m_hold.start();
    m_hintTick.start();
    updateHint();
}

void KioskGuard::stopHold()
{
    m_hold.stop();
    m_hintTick.stop();
    if (m_hint) {
        m_hint->hide();
    }
}

void KioskGuard::updateHint()
{
    if (!m_window || !m_hint) {
        return;
    }
    // Only after a second: a tap on the title shows nothing.
    const qint64 left = m_hold.interval() - m_held.elapsed();
    if (m_held.elapsed() < 1000) {
        m_hint->hide();
        return;
    }
    m_hint->setText(tr("Keep holding to leave the kiosk: %1 s").arg((left + 999) / 1000));
    m_hint->adjustSize();
    m_hint->move((m_window->width() - m_hint->width()) / 2, (m_window->height() - m_hint->height()) / 2);
    m_hint->raise();
    m_hint->show();
}

bool KioskGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::Close && !m_closeAllowed) {
            event->ignore(); // Alt+F4, a stray window manager: the kiosk stays
            return true;
        }
        if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Escape || key->key() == Qt::Key_F11) {
                return true; // no way out by a single key
            }
        }
        return false;
    }
    if (watched == m_target) {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
            startHold();
            event->accept();
            return true;
        case QEvent::MouseButtonRelease:
        case QEvent::TouchEnd:
        case QEvent::TouchCancel:
        case QEvent::Leave:
            stopHold();
            return event->type() != QEvent::Leave;
        default:
            break;
        }
    }
    return false;
}

} // namespace omni::gui
