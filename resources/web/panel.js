// SPDX-License-Identifier: MIT
// The "omni chicken info" panel, the link badge, the overlay over the robot and the sound button. All of it is
// made from a small view model (see app.js), so what it shows never depends on the order messages came in.
import {
    t, num, botModeLabel, actionLabel, obstacleLabel, obstacleModeLabel, sensorModeLabel, directionLabel, layoutLabel,
} from './i18n.js';

const $ = (id) => document.getElementById(id);

/// The status the page shows: the server connection first (a page that lost its server knows nothing
/// current), then the robot's link as the server reports it, then the page's own watchdog.
export function viewStatus(model, now) {
    if (model.conn.phase !== 'open' || !model.link) {
        return model.conn.connectedOnce || model.conn.phase === 'retrying' ? 'offline' : 'connecting';
    }
    if (model.link.link === 'live' && model.state && stateAgeMs(model, now) > liveTimeoutMs(model)) {
        return 'stale';
    }
    return model.link.link;
}

// The server says "stale" after its own timeout (1 s by default); this catches a server or network that went quiet
// without saying so, and a "live" that came with an old state.
function liveTimeoutMs(model) {
    const rate = model.state?.rate_hz;
    return Math.max(2500, rate > 0 ? 3000 / rate : 0);
}

/// The age of the shown state in ms: its age when the server made the message plus the time since it arrived.
export function stateAgeMs(model, now) {
    if (!model.state) {
        return null;
    }
    const base = Number.isFinite(model.state.age_ms) && model.state.age_ms >= 0 ? model.state.age_ms : 0;
    return base + Math.max(0, now - model.stateAt);
}

function formatAge(ms) {
    if (ms === null) {
        return t('value.none');
    }
    if (ms < 1000) {
        return t('unit.ms', { v: num(Math.round(ms)) });
    }
    return t('unit.s', { v: num(ms / 1000, ms < 10000 ? 1 : 0) });
}

// Whole seconds: an age counts up in full seconds ("2 s ago" only once two have passed), a countdown rounds up.
function seconds(ms) {
    return num(Math.max(0, Math.floor(ms / 1000)));
}

function secondsLeft(ms) {
    return num(Math.max(0, Math.ceil(ms / 1000)));
}

// The ABI versions as the server says them (docs/protocol.md: segment_abi, reader_abi), never read from the
// English detail; reader_abi 0 or missing means they are not known.
function abiNumbers(link) {
    const seg = link.segment_abi;
    const ours = link.reader_abi;
    return Number.isInteger(seg) && seg >= 0 && Number.isInteger(ours) && ours > 0
        ? { seg: String(seg), ours: String(ours) } : null;
}

/// One sentence a person can act on, for the current status.
export function sayFor(status, model, now) {
    const host = window.location.host;
    const link = model.link || {};
    switch (status) {
    case 'connecting':
        return t('say.connecting', { host });
    case 'offline':
        if (model.conn.auth) {
            return t('say.auth');
        }
        return t('say.offline', { host, s: secondsLeft(model.conn.retryAt - now) });
    case 'live':
        return t('say.live', { rate: num(model.state?.rate_hz ?? 0, 1), source: link.source || '?' });
    case 'stale':
        if (link.link === 'live') {
            return t('say.stale_local', { s: seconds(stateAgeMs(model, now) ?? 0) });
        }
        return t('say.stale', { s: seconds(stateAgeMs(model, now) ?? 0) });
    case 'waiting':
        return t('say.waiting');
    case 'replay':
        return t('say.replay', { source: (link.source || '').replace(/^replay:/, '') || '?' });
    case 'incompatible': {
        const reason = link.reason;
        if (reason === 'abi_newer' || reason === 'abi_older') {
            const abi = abiNumbers(link);
            return abi ? t(`say.${reason}`, abi) : t(`say.${reason}_plain`);
        }
        const key = `say.${reason}`;
        const text = t(key);
        return text === key ? t('say.incompatible') : text;
    }
    default:
        return '';
    }
}

function setText(id, text) {
    const node = $(id);
    if (node && node.textContent !== text) {
        node.textContent = text;
    }
}

export class Panel {
    constructor() {
        this.lastAnnounced = '';
    }

    /// Everything that changes with a new message.
    render(model, now) {
        const s = model.state;
        const none = t('value.none');
        setText('v-bot_mode', s ? botModeLabel(s.bot_mode) : none);
        setText('v-action', s ? actionLabel(s) : none);
        setText('v-direction', s ? directionLabel(s.direction) : none);
        setText('v-obstacle', s ? obstacleLabel(s.obstacle) : none);
        setText('v-obstacle_mode', s ? obstacleModeLabel(s.obstacle_mode) : none);
        setText('v-sensor_mode', s ? sensorModeLabel(s.sensor_mode) : none);
        $('v-obstacle').classList.toggle('alert', Boolean(s && s.obstacle));
        const shownLink = model.link ?? model.lastLink;
        const layout = shownLink?.layout;
        setText('v-layout', layout ? layoutLabel(layout) : none);
        const source = shownLink?.source || '';
        const pid = s && s.writer_pid > 0 ? ` · ${t('value.pid', { pid: s.writer_pid })}` : '';
        setText('v-source', source ? source + pid : none);
        setText('v-seq', s ? String(s.seq) : none);
        this.tick(model, now);
    }

    /// Everything that changes with time alone: status, ages, countdowns.
    tick(model, now) {
        const status = viewStatus(model, now);
        const s = model.state;
        document.body.dataset.link = status;

        const badgeText = t(`link.${status}`);
        for (const badge of document.querySelectorAll('.link-badge')) {
            badge.dataset.link = status;
            const label = badge.querySelector('.badge-label');
            if (label && label.textContent !== badgeText) {
                label.textContent = badgeText;
            }
        }
        // The live region only changes on a status change, so a screen reader is not told every second.
        const announce = `${t('field.link')}: ${badgeText}`;
        if (announce !== this.lastAnnounced) {
            this.lastAnnounced = announce;
            setText('link-announce', announce);
        }

        setText('say', sayFor(status, model, now));
        const detail = model.link?.detail;
        const showFacts = Boolean(detail) && status !== 'live' && status !== 'offline' && status !== 'connecting';
        setText('facts', showFacts ? t('say.facts', { detail }) : '');
        $('facts').hidden = !showFacts;

        const live = status === 'live' || status === 'replay';
        setText('v-rate', s && live ? t('unit.hz', { v: num(s.rate_hz ?? 0, 1) }) : t('unit.hz', { v: num(0, 1) }));
        setText('v-age', formatAge(stateAgeMs(model, now)));
        $('v-age').classList.toggle('alert', !live && Boolean(s));

        this.overlay(status, model, now);
        this.sound(model);
    }

    overlay(status, model, now) {
        const overlay = $('overlay');
        let title = '';
        let sub = '';
        switch (status) {
        case 'stale':
            title = t('overlay.stale');
            sub = t('overlay.stale_age', {
                s: seconds(stateAgeMs(model, now) ?? 0),
            });
            break;
        case 'waiting':
            title = t('overlay.waiting');
            sub = t('overlay.waiting_sub');
            break;
        case 'incompatible':
            title = t('overlay.incompatible');
            sub = t('overlay.incompatible_sub');
            break;
        case 'offline':
            title = t('overlay.offline');
            sub = model.conn.phase === 'retrying'
                ? t('overlay.reconnect_in', { s: secondsLeft(model.conn.retryAt - now) }) : t('overlay.connecting');
            break;
        case 'connecting':
            title = t('overlay.connecting');
            break;
        default:
            break;
        }
        overlay.hidden = status === 'live' || status === 'replay';
        overlay.dataset.link = status;
        setText('overlay-title', title);
        setText('overlay-sub', sub);
    }

    sound(model) {
        const button = $('sound');
        const known = typeof model.sound === 'boolean';
        const usable = known && model.conn.phase === 'open';
        button.disabled = !usable || model.soundBusy;
        button.setAttribute('aria-pressed', known && model.sound ? 'true' : 'false');
        button.dataset.enabled = known ? String(model.sound) : 'unknown';
        setText('sound-state', known ? t(model.sound ? 'sound.on' : 'sound.off') : t('value.none'));
        const aria = known ? t(model.sound ? 'sound.aria_on' : 'sound.aria_off') : t('sound.label');
        if (button.getAttribute('aria-label') !== aria) {
            button.setAttribute('aria-label', aria);
        }
        let output = '';
        if (model.cluckBlocked) {
            output = t('sound.blocked');
        } else if (model.soundOutput === 'none') {
            output = t('sound.output_none');
        } else if (model.soundOutput === 'off') {
            output = t('sound.output_off');
        } else if (model.soundOutput) {
            output = t('sound.output', { output: model.soundOutput });
        }
        setText('sound-output', output);
        $('sound-output').dataset.output = model.soundOutput || 'unknown';
        setText('sound-error', model.soundError || '');
    }
}
