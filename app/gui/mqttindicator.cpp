// SPDX-License-Identifier: MIT
#include "mqttindicator.h"

#include <omni/mqttclient.h>

namespace omni::gui {

MqttIndicator::MqttIndicator(mqtt::Client *client, QWidget *parent) : QLabel(parent), m_client(client)
{
    setObjectName(QStringLiteral("mqttIndicator"));
    connect(client, &mqtt::Client::statusChanged, this, &MqttIndicator::update);
    update();
}

void MqttIndicator::update()
{
    const QString broker = m_client->options().broker.display();
    switch (m_client->status()) {
    case mqtt::ClientStatus::Connected:
        setText(tr("MQTT: publishing to %1").arg(broker));
        break;
    case mqtt::ClientStatus::Idle:
    case mqtt::ClientStatus::Connecting:
        setText(tr("MQTT: connecting to %1…").arg(broker));
        break;
    case mqtt::ClientStatus::Unreachable:
        setText(tr("MQTT: %1 is unreachable; retrying").arg(broker));
        break;
    case mqtt::ClientStatus::Refused:
        setText(tr("MQTT: %1 refused the user or password; retrying").arg(broker));
        break;
    case mqtt::ClientStatus::TlsFailed:
        setText(tr("MQTT: the TLS certificate of %1 is not trusted (--mqtt-cafile); retrying").arg(broker));
        break;
    }
    setToolTip(m_client->errorString()); // the facts, in English, as the log says them
}

} // namespace omni::gui
