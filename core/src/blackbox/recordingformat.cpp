// SPDX-License-Identifier: MIT
#include "blackbox/recordingformat.h"

#include "omni/recorder.h"
#include "omni/statejson.h"

namespace omni {

Result<RecordingChannels, McapError> beginRecording(McapWriter &writer, QMap<QString, QString> metadata,
                                                    McapCompression compression)
{
    metadata.insert(QStringLiteral("version"), QStringLiteral(OMNI_VERSION));
    metadata.insert(QStringLiteral("compression"), names::mcapCompression(compression));
    const auto json = QStringLiteral("json");
    if (auto r = writer.open(); !r) {
        return r.failure();
    }
    const auto schema =
        writer.addSchema(QLatin1String(json::kStateSchemaName), QStringLiteral("jsonschema"), json::stateJsonSchema());
    if (!schema) {
        return schema.failure();
    }
    RecordingChannels out;
    const std::pair<quint16, const char *> channels[] = {
        {*schema, topics::kState}, {0, topics::kLink}, {0, topics::kEvents}};
    quint16 *ids[] = {&out.state, &out.link, &out.events};
    for (std::size_t i = 0; i < std::size(channels); ++i) {
        const auto id = writer.addChannel(channels[i].first, QLatin1String(channels[i].second), json);
        if (!id) {
            return id.failure();
        }
        *ids[i] = *id;
    }
    if (auto r = writer.addMetadata(QStringLiteral("omniscient"), metadata); !r) {
        return r.failure();
    }
    return out;
}

} // namespace omni
