// SPDX-License-Identifier: MIT
// Runtime's MQTT side (docs/FLEET.md): --mqtt publishes this robot, --fleet serves every robot of a broker.
#include "runtime.h"

#include <omni/fleetmodel.h>
#include <omni/mirrorserver.h>
#include <omni/mqttpublisher.h>

#include <QHostInfo>

#include <cstdio>

namespace omni::app {

namespace {

mqtt::ClientOptions clientOptions(const Options &o, const QString &url)
{
    mqtt::ClientOptions co;
    co.broker = *mqtt::parseBrokerUrl(url); // checked by parseOptions()
    co.password = o.mqttPassword;
    co.caFile = o.mqttCaFile;
    co.keepaliveSeconds = o.mqttKeepalive;
    return co;
}

} // namespace

void Runtime::startMqtt()
{
    if (m_options.mqttUrl.isEmpty()) {
        return;
    }
    mqtt::PublisherOptions po;
    po.client = clientOptions(m_options, m_options.mqttUrl);
    po.client.clientId = QStringLiteral("omniscient-%1").arg(m_options.robotName);
    po.robotName = m_options.robotName;
    po.maxRateHz = m_options.mqttRate;
    po.homeAssistant = m_options.mqttHomeAssistant;
    if (m_server) {
        // The address the fleet's browsers can open: this machine's name, not localhost.
        po.dashboardUrl = QStringLiteral("http://%1:%2/").arg(QHostInfo::localHostName()).arg(m_server->port());
    }
    m_mqtt = new mqtt::Publisher(m_hub, m_events, po, this);
    m_mqtt->start();
}

bool Runtime::startFleet(QString *error)
{
    if (!m_options.noServer && !startServer(error)) {
        return false;
    }
    m_fleet = new mqtt::FleetSubscriber(clientOptions(m_options, m_options.fleetUrl), {}, this);
    m_fleet->start();
    if (m_server) {
        m_server->setApiRoute(QByteArrayLiteral("/api/fleet"), [this] { return m_fleet->json(); });
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("omniscient: the fleet of %1 is at /fleet on port %2")
                                    .arg(m_options.fleetUrl)
                                    .arg(m_server->port())));
        std::fflush(stderr);
    }
    return true;
}

} // namespace omni::app
