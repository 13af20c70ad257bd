// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace omni::mqtt {

/// One retained Home Assistant MQTT discovery message.
struct DiscoveryConfig {
    QByteArray topic;   ///< homeassistant/<component>/omniscient_<robot>/<object>/config
    QByteArray payload; ///< the JSON config
};

/// The discovery configs of one robot: online, link, modes, obstacle, the three motor powers and the sound
/// switch, all grouped under one device and available while `status` says online.
QList<DiscoveryConfig> discoveryConfigs(const QString &robot);

} // namespace omni::mqtt
