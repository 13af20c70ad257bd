// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace omni::mqtt {
class Client;
} // namespace omni::mqtt

namespace omni::gui {

/// The MQTT connection of --mqtt in the window's status bar: connected, or what failed (and that it retries).
class MqttIndicator : public QLabel
{
    Q_OBJECT
public:
    /// Follows `client` (not owned; must outlive the indicator).
    explicit MqttIndicator(mqtt::Client *client, QWidget *parent = nullptr);

private:
    void update();

    mqtt::Client *m_client;
};

} // namespace omni::gui
