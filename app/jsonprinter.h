// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <cstdio>

namespace omni {
class Hub;
}

namespace omni::app {

/// `--print-json`: writes each new state and each link change of the hub as one JSON line.
class JsonPrinter : public QObject
{
    Q_OBJECT
public:
    /// Prints what `hub` receives to `out` (not owned), flushing after every line.
    explicit JsonPrinter(const Hub *hub, FILE *out = stdout, QObject *parent = nullptr);

private:
    void writeLine(const QByteArray &line);

    const Hub *m_hub;
    FILE *m_out;
};

} // namespace omni::app
