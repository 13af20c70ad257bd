// SPDX-License-Identifier: MIT
// The dashboard: keeps the newest message of each kind in a small model and renders it. Rendering happens on
// message arrival (throttled with timers, never requestAnimationFrame alone, which stops in background tabs), so
// a kiosk or a hidden tab keeps up to date; a slow clock tick moves ages and countdowns along.
import { t, pickLanguage, setLanguage, translateDocument } from './i18n.js';
import { Connection, withToken } from './ws.js';
import { RobotView } from './robot.js';
import { History, drawMotors, drawSensors } from './sparklines.js';
import { Panel, viewStatus } from './panel.js';
import { BlackboxCard } from './blackbox.js';
import { ReplayBar } from './replay.js';
import { MqttRow } from './mqtt.js';

const RENDER_INTERVAL_MS = 33; // ≤ 30 renders a second
const TICK_MS = 250;

const params = new URLSearchParams(window.location.search);
const token = params.get('token') || '';
setLanguage(params.get('lang') || pickLanguage(navigator.languages || [navigator.language]));
translateDocument();

const replayBar = new ReplayBar(token);
const model = {
    conn: { phase: 'connecting', retryAt: 0, auth: false, connectedOnce: false },
    hello: null,
    sound: null,
    soundOutput: '',
    cluckHere: false,
    cluckBlocked: false,
    soundBusy: false,
    soundError: '',
    state: null,
    stateAt: 0,
    link: null,
    lastLink: null,
};

const robot = new RobotView(document.getElementById('robot'));
const panel = new Panel();
const history = new History();
const blackbox = new BlackboxCard(token);
const mqttRow = new MqttRow(token);
const motorsCanvas = document.getElementById('spark-motors');
const sensorsCanvas = document.getElementById('spark-sensors');

let lastRender = 0;
let renderTimer = 0;

function now() {
    return Date.now();
}

function render() {
    clearTimeout(renderTimer);
    renderTimer = 0;
    lastRender = now();
    robot.update(model.state);
    panel.render(model, lastRender);
    drawSparklines();
}

function drawSparklines() {
    const time = now();
    const status = viewStatus(model, time);
    const dimmed = status !== 'live' && status !== 'replay'; // a replay is shown in full, under its REPLAY badge
    drawMotors(motorsCanvas, history, time, dimmed);
    drawSensors(sensorsCanvas, history, time, dimmed);
}

/// Renders now if the last render is long enough ago, otherwise once the interval allows (the newest wins).
function requestRender() {
    const wait = RENDER_INTERVAL_MS - (now() - lastRender);
    if (wait <= 0) {
        render();
    } else if (!renderTimer) {
        renderTimer = setTimeout(render, wait);
    }
}

function applyLink(m) {
    model.link = {
        link: m.link, reason: m.reason ?? null, detail: m.detail ?? '', layout: m.layout ?? 'none', source: m.source ?? '',
        segment_abi: m.segment_abi ?? 0, reader_abi: m.reader_abi ?? 0,
    };
    replayBar.follow(model.link);
}

function onMessage(m) {
    switch (m.type) {
    case 'hello':
        model.hello = m;
        if (typeof m.sound === 'boolean') {
            model.sound = m.sound;
        }
        model.soundOutput = typeof m.sound_output === 'string' ? m.sound_output : '';
        document.getElementById('server').textContent = t('footer.server', { server: m.server ?? '?' });
        break;
    case 'state':
        model.state = m;
        model.stateAt = now();
        applyLink(m);
        history.add(m, model.stateAt);
        break;
    case 'link':
        applyLink(m);
        break;
    case 'sound':
        if (typeof m.enabled === 'boolean') {
            model.sound = m.enabled;
        }
        if (typeof m.output === 'string') {
            model.soundOutput = m.output;
        }
        break;
    case 'cue':
        cluckAlong(m);
        return;
    case 'event':
        blackbox.add(m);
        return;
    default:
        return; // unknown types are ignored, as the protocol asks
    }
    requestRender();
}

function onStatus(status) {
    const wasOpen = model.conn.phase === 'open';
    model.conn = status;
    if (wasOpen && status.phase !== 'open') {
        // What the server told us about the link is history now; the next hello brings the newest. Where the
        // data came from (layout, source) stays on show as a fact about the last state.
        model.lastLink = model.link ?? model.lastLink;
        model.link = null;
    }
    requestRender();
}

async function toggleSound() {
    if (typeof model.sound !== 'boolean' || model.soundBusy) {
        return;
    }
    const wanted = !model.sound;
    model.soundBusy = true;
    model.soundError = '';
    requestRender();
    try {
        const response = await fetch(withToken('api/sound', token), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ enabled: wanted }),
            cache: 'no-store',
        });
        if (!response.ok) {
            throw new Error(`HTTP ${response.status}`);
        }
        const body = await response.json().catch(() => null);
        // The server's answer (and its sound message to every client) is the truth, not our wish.
        model.sound = typeof body?.enabled === 'boolean' ? body.enabled : wanted;
    } catch (e) {
        model.soundError = t('sound.failed', { why: e.message || String(e) });
    } finally {
        model.soundBusy = false;
        requestRender();
    }
}

document.getElementById('sound').addEventListener('click', toggleSound);

// "Cluck here too": this device plays the sound the robot's omniscient plays, when it plays it (the `cue`
// message names the file the server serves). Off by default; the choice is remembered by this browser.
const CLUCK_HERE_KEY = 'omniscient.cluckHere';
const samples = new Map(); // served path → Audio, each loaded once

function remembered() {
    try {
        return window.localStorage.getItem(CLUCK_HERE_KEY) === 'true';
    } catch {
        return false; // storage may be off (private mode, file policy): the switch then just starts off
    }
}

function remember(on) {
    try {
        window.localStorage.setItem(CLUCK_HERE_KEY, String(on));
    } catch {
        // not remembered, but still switched for this page
    }
}

function cluckAlong(m) {
    if (!model.cluckHere || model.sound !== true || typeof m.sample !== 'string' || !m.sample.startsWith('sounds/')) {
        return;
    }
    let audio = samples.get(m.sample);
    if (!audio) {
        audio = new Audio(new URL(m.sample, document.baseURI).href);
        audio.preload = 'auto';
        samples.set(m.sample, audio);
    }
    for (const other of samples.values()) {
        if (other !== audio) {
            other.pause(); // never two at once, as on the robot
        }
    }
    audio.currentTime = 0;
    audio.play().then(() => {
        if (model.cluckBlocked) {
            model.cluckBlocked = false;
            requestRender();
        }
    }).catch(() => {
        // Autoplay policy: a remembered switch needs one tap on the page before the browser lets it play.
        model.cluckBlocked = true;
        requestRender();
    });
}

const cluckHere = document.getElementById('cluck-here');
model.cluckHere = remembered();
cluckHere.checked = model.cluckHere;
cluckHere.addEventListener('change', () => {
    model.cluckHere = cluckHere.checked;
    model.cluckBlocked = false;
    remember(model.cluckHere);
    requestRender();
});

// Ages, countdowns and the sparklines' time axis move on even when no message comes.
setInterval(() => {
    panel.tick(model, now());
    drawSparklines();
}, TICK_MS);
window.addEventListener('resize', () => requestRender());
document.addEventListener('visibilitychange', () => requestRender());

const connection = new Connection({ token, onMessage, onStatus });
render();
blackbox.render();
blackbox.load();
mqttRow.start();
connection.start();

// For tests and curious people: the model as the page sees it.
window.omniscient = { model, history, render, replayBar, mqttRow };
