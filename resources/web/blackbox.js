// SPDX-License-Identifier: MIT
// The black box on the page: the last events (from GET api/events, then the `event` messages of the stream),
// newest first, and "Save the last minute" (POST api/recordings), with a link to download what was saved.
import { t, botModeLabel, obstacleModeLabel, sensorModeLabel } from './i18n.js';
import { withToken } from './ws.js';

const SHOWN = 6;

/// One event in the page's language.
export function describeEvent(e) {
    const wheel = ['left', 'right', 'bottom'].includes(e.wheel) ? t(`spark.${e.wheel}`) : '?';
    switch (e.kind) {
    case 'obstacle_detected': return t('event.obstacle_detected');
    case 'obstacle_cleared': return t('event.obstacle_cleared');
    case 'link_lost': return t('event.link_lost');
    case 'link_live': case 'link_stale': case 'link_waiting': case 'link_incompatible':
        return t('event.link', { status: t(`link.${e.link}`) });
    case 'bot_mode_changed': return t('event.bot_mode', { mode: botModeLabel(e.to) });
    case 'obstacle_mode_changed': return t('event.obstacle_mode', { mode: obstacleModeLabel(e.to) });
    case 'sensor_mode_changed': return t('event.sensor_mode', { mode: sensorModeLabel(e.to) });
    case 'sound_on': return t('event.sound_on');
    case 'sound_off': return t('event.sound_off');
    case 'wheel_saturated': return t('event.wheel_saturated', { wheel, power: e.power });
    case 'wheel_saturation_ended': return t('event.wheel_saturation_ended', { wheel });
    default: return String(e.kind ?? '?');
    }
}

function clock(ms) {
    const d = new Date(ms);
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export class BlackboxCard {
    constructor(token) {
        this.token = token;
        this.events = []; // newest first
        this.list = document.getElementById('events');
        this.button = document.getElementById('save-recording');
        this.status = document.getElementById('save-status');
        this.button.addEventListener('click', () => this.save(60));
    }

    /// Fills the log with what the server kept (the page may open long after the events).
    async load() {
        try {
            const response = await fetch(withToken('api/events', this.token), { cache: 'no-store' });
            const body = response.ok ? await response.json() : null;
            if (Array.isArray(body?.events) && this.events.length === 0) {
                this.events = body.events.slice(-SHOWN).reverse();
                this.render();
            }
        } catch {
            // the stream's events still arrive
        }
    }

    add(e) {
        this.events.unshift(e);
        this.events.length = Math.min(this.events.length, SHOWN);
        this.render();
    }

    render() {
        const items = this.events.map((e) => {
            const li = document.createElement('li');
            const time = document.createElement('time');
            time.textContent = clock(typeof e.t_ms === 'number' ? e.t_ms : Date.now());
            li.append(time, ' ', describeEvent(e));
            li.dataset.kind = String(e.kind);
            return li;
        });
        if (items.length === 0) {
            const li = document.createElement('li');
            li.className = 'none';
            li.textContent = t('event.none');
            items.push(li);
        }
        this.list.replaceChildren(...items);
    }

    async save(seconds) {
        this.button.disabled = true;
        this.status.textContent = t('save.busy');
        try {
            const response = await fetch(withToken('api/recordings', this.token), {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ seconds }),
                cache: 'no-store',
            });
            if (response.status !== 201) {
                throw new Error((await response.text()).trim() || `HTTP ${response.status}`);
            }
            const saved = await response.json();
            const link = document.createElement('a');
            link.href = withToken(saved.url.replace(/^\//, ''), this.token);
            link.download = saved.name;
            link.textContent = saved.name;
            link.dataset.testid = 'saved-link';
            this.status.replaceChildren(t('save.done'), ' ', link);
        } catch (e) {
            this.status.textContent = t('save.failed', { why: e.message || String(e) });
        } finally {
            this.button.disabled = false;
        }
    }
}
