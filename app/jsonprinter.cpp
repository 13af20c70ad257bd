// SPDX-License-Identifier: MIT
#include "jsonprinter.h"

#include <omni/hub.h>
#include <omni/statejson.h>

namespace omni::app {

JsonPrinter::JsonPrinter(const Hub *hub, FILE *out, QObject *parent) : QObject(parent)
{
    std::fflush(out); // whatever stdio holds goes first; from here on the writer owns the descriptor
    m_writer = std::make_unique<LineWriter>(fileno(out));
    connect(hub, &Hub::linkChanged, this,
            [this](const LinkInfo &link) { m_writer->write(json::linkMessage(link), LineKind::Keep); });
    // The hub's shared frame: serialised once for stdout, the WebSocket stream and /api/state together.
    connect(hub, &Hub::stateChanged, this, [this, hub] { m_writer->write(hub->stateJson(), LineKind::Latest); });
}

JsonPrinter::~JsonPrinter() = default;

} // namespace omni::app
