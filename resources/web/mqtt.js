// SPDX-License-Identifier: MIT
// The MQTT row of the info card: when this omniscient publishes its robot to a broker (--mqtt), the page shows
// where that connection stands, from GET api/mqtt (docs/protocol.md, "MQTT"). Without --mqtt the route answers
// {"status":"off"} and the row stays hidden.
import { t } from './i18n.js';
import { withToken } from './ws.js';

const POLL_MS = 2000;
const STATUSES = ['idle', 'connecting', 'connected', 'unreachable', 'refused', 'tls_failed'];

export class MqttRow {
    constructor(token) {
        this.token = token;
        this.row = document.getElementById('row-mqtt');
        this.value = document.getElementById('v-mqtt');
        this.status = null;
        this.timer = null;
    }

    async start() {
        if (await this.poll()) {
            this.timer = setInterval(() => this.poll(), POLL_MS);
        }
    }

    /// False when this omniscient does not publish ("off", or an older omniscient without the route): nothing
    /// to follow.
    async poll() {
        try {
            const response = await fetch(withToken('api/mqtt', this.token), { cache: 'no-store' });
            if (response.status === 404) {
                return false;
            }
            if (response.ok) {
                const status = await response.json();
                if (status?.status === 'off') {
                    return false;
                }
                this.status = status;
                this.render();
            }
        } catch {
            // the connection's own status says what is wrong; try again at the next poll
        }
        return true;
    }

    render() {
        const s = this.status;
        if (!s) {
            return;
        }
        const status = STATUSES.includes(s.status) ? s.status : 'idle';
        this.row.hidden = false;
        this.row.dataset.mqtt = status;
        this.value.textContent = t(`mqtt.${status}`, { broker: String(s.broker ?? ''), robot: String(s.robot ?? '') });
        // The library's own words (English) on what failed, for the person who fixes the broker.
        this.value.title = s.error ? String(s.error) : '';
    }
}
