// SPDX-License-Identifier: MIT
#include "jsonprinter.h"

#include <omni/hub.h>
#include <omni/statejson.h>

namespace omni::app {

JsonPrinter::JsonPrinter(const Hub *hub, FILE *out, QObject *parent) : QObject(parent), m_hub(hub), m_out(out)
{
    connect(hub, &Hub::linkChanged, this, [this](const LinkInfo &link) { writeLine(json::linkMessage(link)); });
    connect(hub, &Hub::stateChanged, this, [this](const RobotState &state) {
        writeLine(json::stateMessage(state, m_hub->link(), {m_hub->rateHz(), m_hub->ageMs()}));
    });
}

void JsonPrinter::writeLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), m_out);
    std::fputc('\n', m_out);
    std::fflush(m_out);
}

} // namespace omni::app
