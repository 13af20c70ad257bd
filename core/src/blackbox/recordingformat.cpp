// SPDX-License-Identifier: MIT
#include "omni/recordingformat.h"

#include "omni/recorder.h"
#include "omni/statejson.h"

namespace omni {

Result<RecordingChannels, McapError> beginRecording(McapWriter &writer, QMap<QString, QString> metadata)
{
    metadata.insert(QStringLiteral("version"), QStringLiteral(OMNI_VERSION));
    metadata.insert(QStringLiteral("compression"), names::mcapCompression(writer.compression()));
    const auto json = QStringLiteral("json");
    if (auto r = writer.open(); !r) {
        return r.failure();
    }
    // The same schemas as the Foxglove endpoint advertises (resources/schemas/, one source for both).
    RecordingChannels out;
    const struct {
        const char *schemaName;
        QByteArray schema;
        const char *topic;
        quint16 *channel;
    } channels[] = {
        {json::kStateSchemaName, json::stateJsonSchema(), topics::kState, &out.state},
        {json::kLinkSchemaName, json::linkJsonSchema(), topics::kLink, &out.link},
        {json::kEventSchemaName, json::eventJsonSchema(), topics::kEvents, &out.events},
    };
    for (const auto &c : channels) {
        const auto schema = writer.addSchema(QLatin1String(c.schemaName), QStringLiteral("jsonschema"), c.schema);
        if (!schema) {
            return schema.failure();
        }
        const auto id = writer.addChannel(*schema, QLatin1String(c.topic), json);
        if (!id) {
            return id.failure();
        }
        *c.channel = *id;
    }
    if (auto r = writer.addMetadata(QStringLiteral("omniscient"), metadata); !r) {
        return r.failure();
    }
    return out;
}

} // namespace omni
