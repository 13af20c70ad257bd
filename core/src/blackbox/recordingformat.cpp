// SPDX-License-Identifier: MIT
#include "omni/recordingformat.h"

#include <omni/recorder.h>
#include <omni/statejson.h>

namespace omni {

Result<RecordingChannels, McapError> beginRecording(McapWriter &writer)
{
    if (auto r = writer.open(); !r) {
        return r.failure();
    }
    const auto schema =
        writer.addSchema(QLatin1String(json::kStateSchemaName), QStringLiteral("jsonschema"), json::stateJsonSchema());
    if (!schema) {
        return schema.failure();
    }
    const auto json = QStringLiteral("json");
    RecordingChannels c;
    const std::pair<quint16, const char *> channels[] = {
        {*schema, topics::kState}, {0, topics::kLink}, {0, topics::kEvents}};
    quint16 *ids[] = {&c.state, &c.link, &c.events};
    for (std::size_t i = 0; i < std::size(channels); ++i) {
        const auto id = writer.addChannel(channels[i].first, QLatin1String(channels[i].second), json);
        if (!id) {
            return id.failure();
        }
        *ids[i] = *id;
    }
    return c;
}

} // namespace omni
