// SPDX-License-Identifier: MIT
// For harnesses that drive real sockets: one QCoreApplication for the process, and waiting on a condition
// while the event loop runs (bounded, never a bare sleep).
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <chrono>
#include <functional>

namespace omni::fuzz {

/// Creates the process's QCoreApplication once (libFuzzer calls LLVMFuzzerInitialize before any input).
inline void ensureApplication()
{
    if (QCoreApplication::instance() == nullptr) {
        static int argc = 1;
        static char name[] = "omni-fuzz";
        static char *argv[] = {name, nullptr};
        new QCoreApplication(argc, argv); // lives as long as the process
    }
}

/// Runs the event loop until `done()` is true or `timeout` passes; returns done().
inline bool spinUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    QElapsedTimer clock;
    clock.start();
    QTimer tick; // wakes the blocking processEvents() at least every millisecond
    tick.start(1);
    while (!done()) {
        if (clock.hasExpired(timeout.count())) {
            return done();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/// Lets objects scheduled with deleteLater() go (processEvents() alone does not at the top level).
inline void flushDeferredDeletes()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

} // namespace omni::fuzz
