// SPDX-License-Identifier: MIT
#pragma once

#include <omni/linewriter.h>

#include <QObject>

#include <cstdio>
#include <memory>

namespace omni {
class Hub;
}

namespace omni::app {

/// `--print-json`: writes each new state and each link change of the hub as one JSON line.
///
/// The lines are written by an omni::LineWriter thread, never on the hub's (the GUI's) thread: a reader that
/// stops reading stdout cannot freeze the hub, the server or the window. While it does not read, link lines
/// wait (up to 1024) and only the newest state does; when it reads again it gets those, then live states.
class JsonPrinter : public QObject
{
    Q_OBJECT
public:
    /// Prints what `hub` receives to `out` (not owned; its stdio buffer is flushed first, then written around).
    explicit JsonPrinter(const Hub *hub, FILE *out = stdout, QObject *parent = nullptr);
    ~JsonPrinter() override;

private:
    std::unique_ptr<LineWriter> m_writer;
};

} // namespace omni::app
