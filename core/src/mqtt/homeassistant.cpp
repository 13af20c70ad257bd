// SPDX-License-Identifier: MIT
// Home Assistant MQTT discovery: each robot appears as one device whose entities read the robot's topics.
#include "mqtt/homeassistant.h"

#include "omni/mqtttopics.h"
#include "omni/statejson.h"

namespace omni::mqtt {

namespace {

/// The robot's name as Home Assistant's object ids allow it: [a-zA-Z0-9_-], the rest as '_'.
QByteArray objectId(const QString &robot)
{
    QByteArray id = robot.toUtf8();
    for (char &c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
            c = '_';
        }
    }
    return "omniscient_" + id;
}

struct Entity {
    const char *component;
    const char *object;
    const char *name;
    Topic source;
    const char *valueTemplate; ///< null: the payload as it is
    const char *extra;         ///< more JSON members, starting with ','
};

} // namespace

QList<DiscoveryConfig> discoveryConfigs(const QString &robot)
{
    static const Entity entities[] = {
        {"binary_sensor", "online", "Online", Topic::Status, nullptr,
         ",\"payload_on\":\"online\",\"payload_off\":\"offline\",\"device_class\":\"connectivity\""},
        {"sensor", "link", "Link", Topic::State, "{{ value_json.link }}", ""},
        {"sensor", "bot_mode", "Mode", Topic::State, "{{ value_json.labels.bot_mode }}", ""},
        {"sensor", "obstacle_mode", "Obstacle mode", Topic::State, "{{ value_json.labels.obstacle_mode }}", ""},
        {"sensor", "sensor_mode", "Sensor mode", Topic::State, "{{ value_json.labels.sensor_mode }}", ""},
        {"binary_sensor", "obstacle", "Obstacle", Topic::State, "{{ 'ON' if value_json.obstacle != 0 else 'OFF' }}",
         ""},
        {"sensor", "motor_left", "Left wheel", Topic::State, "{{ value_json.motor_power[0] }}",
         ",\"unit_of_measurement\":\"%\",\"state_class\":\"measurement\""},
        {"sensor", "motor_right", "Right wheel", Topic::State, "{{ value_json.motor_power[1] }}",
         ",\"unit_of_measurement\":\"%\",\"state_class\":\"measurement\""},
        {"sensor", "motor_bottom", "Bottom wheel", Topic::State, "{{ value_json.motor_power[2] }}",
         ",\"unit_of_measurement\":\"%\",\"state_class\":\"measurement\""},
        {"switch", "sound", "Chicken sounds", Topic::Sound, nullptr, ""},
    };
    const QByteArray id = objectId(robot);
    const QByteArray device = ",\"device\":{\"identifiers\":[" + json::quoted(QString::fromUtf8(id)) +
                              "],\"name\":" + json::quoted(robot) +
                              ",\"manufacturer\":\"omniscient\",\"sw_version\":\"" OMNI_VERSION "\"}";
    const QByteArray availability =
        ",\"availability_topic\":" + json::quoted(QString::fromUtf8(topic(robot, Topic::Status))) +
        ",\"payload_available\":\"online\",\"payload_not_available\":\"offline\"";
    QList<DiscoveryConfig> out;
    for (const Entity &e : entities) {
        QByteArray p = "{\"name\":" + json::quoted(QString::fromUtf8(e.name));
        p += ",\"unique_id\":" + json::quoted(QString::fromUtf8(id + '_' + e.object));
        p += ",\"state_topic\":" + json::quoted(QString::fromUtf8(topic(robot, e.source)));
        if (e.valueTemplate != nullptr) {
            p += ",\"value_template\":" + json::quoted(QString::fromUtf8(e.valueTemplate));
        }
        if (e.source == Topic::Sound) {
            p += ",\"command_topic\":" + json::quoted(QString::fromUtf8(topic(robot, Topic::SoundSet)));
            p += ",\"payload_on\":\"ON\",\"payload_off\":\"OFF\"";
        }
        if (e.source != Topic::Status) {
            p += availability;
        }
        p += e.extra;
        p += device + '}';
        out.append({"homeassistant/" + QByteArray(e.component) + '/' + id + '/' + e.object + "/config", p});
    }
    return out;
}

} // namespace omni::mqtt
