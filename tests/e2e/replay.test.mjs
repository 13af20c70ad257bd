// SPDX-License-Identifier: MIT
// The black box, replay side, with the real binary: `omniscient export` (CSV read back by Python's csv module, a
// recording killed with SIGKILL exported up to its last complete chunk), and `omniscient --replay` in a browser:
// the page shows the replay bar, its position, and drives it (pause, seek, speed) through POST /api/replay.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import foxgloveProtocol from '@foxglove/ws-protocol';
import WebSocket from 'ws';
import {
    Child, freePort, launchBrowser, omniscientBin, openPage, sleep, startOmniscient, waitFor,
} from './lib/harness.mjs';

const { FoxgloveClient } = foxgloveProtocol; // a CommonJS package: no named exports in ESM

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omni-replay-'));
let recording;
let browser;

/// Records `ms` of a 100 Hz simulated robot into NAME.mcap; stopped with `signal`.
async function record(name, ms, signal = 'SIGTERM') {
    const file = path.join(tmp, `${name}.mcap`);
    const child = new Child(`replay-${name}`, omniscientBin,
        ['--headless', '--simulate', '--no-server', '--no-sound', '--sim-rate', '100', '--record', file]);
    await waitFor(`${name}: the recording to start`, async () => fs.existsSync(file) && fs.statSync(file).size > 0);
    await sleep(ms);
    if (signal === 'SIGKILL') {
        child.proc.kill('SIGKILL');
        await new Promise((resolve) => (child.proc.exitCode !== null ? resolve() : child.proc.once('exit', resolve)));
    } else {
        assert.equal((await child.stop()).code, 0, child.log());
    }
    return file;
}

function exportFile(file, format, out) {
    return spawnSync(omniscientBin, ['export', file, '--format', format, '-o', out], { encoding: 'utf8' });
}

/// Rows of a CSV file as Python's csv.DictReader reads them (an independent RFC 4180 reader).
function pythonCsv(file) {
    const script = 'import csv,json,sys\nprint(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="")))))';
    return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
}

before(async () => {
    recording = await record('clean', 3500);
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
});

describe('omniscient export', () => {
    test('CSV: one row per state with every column, events in their own file, read by another CSV reader', () => {
        const out = path.join(tmp, 'clean.csv');
        const r = exportFile(recording, 'csv', out);
        assert.equal(r.status, 0, r.stderr);
        const rows = pythonCsv(out);
        assert.ok(rows.length >= 200, `${rows.length} states from 3.5 s at 100 Hz`);
        const columns = Object.keys(rows[0]);
        for (const c of ['time_ns', 'time_s', 'seq', 'motor_left', 'motor_right', 'motor_bottom', 'obstacle_mode',
            'sensor_0', 'sensor_4', 'action', 'link']) {
            assert.ok(columns.includes(c), `column ${c}`);
        }
        for (let i = 1; i < rows.length; ++i) {
            assert.ok(Number(rows[i].seq) > Number(rows[i - 1].seq), 'states in publish order');
            assert.ok(Number(rows[i].time_s) >= Number(rows[i - 1].time_s));
        }
        const events = pythonCsv(path.join(tmp, 'clean.events.csv'));
        assert.ok(events.some((e) => e.kind === 'link_live'), JSON.stringify(events.map((e) => e.kind)));
        assert.equal(JSON.parse(events[0].json).type, 'event');
    });

    test('JSONL: every line is a message of docs/protocol.md', () => {
        const out = path.join(tmp, 'clean.jsonl');
        assert.equal(exportFile(recording, 'jsonl', out).status, 0);
        const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
        assert.ok(lines.filter((m) => m.type === 'state').length >= 200);
        assert.ok(lines.some((m) => m.type === 'link'));
    });

    test('a recording killed with SIGKILL is exported up to its last complete chunk', async () => {
        const killed = await record('killed', 2600, 'SIGKILL');
        const out = path.join(tmp, 'killed.csv');
        const r = exportFile(killed, 'csv', out);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stderr, /cut short/);
        const rows = pythonCsv(out);
        assert.ok(rows.length >= 100, `${rows.length} states survived`);
    });

    test('garbage and a wrong format are refused with a reason', () => {
        const junk = path.join(tmp, 'junk.mcap');
        fs.writeFileSync(junk, 'not a recording at all');
        const r = exportFile(junk, 'csv', path.join(tmp, 'junk.csv'));
        assert.equal(r.status, 1);
        assert.match(r.stderr, /not an MCAP file/);
        const bad = exportFile(recording, 'xlsx', path.join(tmp, 'x'));
        assert.equal(bad.status, 2);
        assert.match(bad.stderr, /csv or jsonl/);
    });
});

describe('omniscient --replay', () => {
    test('the page shows the replay and drives it: pause, seek, speed, and the timeline keys', async () => {
        const server = await startOmniscient('replay', await freePort(), ['--replay', recording, '--no-sound']);
        try {
            const page = await openPage(browser, server.base);
            await page.waitForSelector('[data-testid=replay]:not([hidden])', { timeout: 10000 });
            await waitFor('the badge to say replay', async () => (await page.getAttribute('body', 'data-link')) === 'replay');
            assert.match(await page.textContent('#replay-file'), /clean\.mcap/);
            const api = async () => (await fetch(new URL('api/replay', server.base))).json();
            assert.equal((await api()).playing, true, 'it plays from the start');

            await page.click('[data-testid=replay-play]');
            await waitFor('the pause to reach the server', async () => (await api()).playing === false);
            await page.$eval('#replay-seek', (el) => {
                el.value = '2';
                el.dispatchEvent(new Event('input'));
                el.dispatchEvent(new Event('change'));
            });
            await waitFor('the seek', async () => Math.abs((await api()).position_s - 2) < 0.05);
            await waitFor('the page to show 0:02.0', async () =>
                (await page.textContent('[data-testid=replay-position]')).startsWith('0:02.0'));
            const state = await (await fetch(new URL('api/state', server.base))).json();
            assert.equal(state.link, 'replay', '/api/state says replay, never live');
            await page.selectOption('#replay-speed', '4');
            await waitFor('the speed', async () => (await api()).speed === 4);

            // The desktop timeline's keys, on the page (not while a control has the focus).
            await page.click('#replay-file');
            await page.keyboard.press('ArrowUp');
            await waitFor('↑: faster', async () => (await api()).speed === 8);
            await page.keyboard.press('ArrowDown');
            await page.keyboard.press('ArrowDown');
            await waitFor('↓ twice: slower', async () => (await api()).speed === 2);
            await page.keyboard.press(' ');
            await waitFor('Space: plays', async () => (await api()).playing === true);
            await page.keyboard.press(' ');
            await waitFor('Space: pauses', async () => (await api()).playing === false);
            // Back first: at 2× the short recording may have reached its end, where a step on stays there.
            const before = (await api()).state_index;
            assert.ok(before > 0, 'paused past the first state');
            await page.keyboard.press('ArrowLeft');
            await waitFor('←: one state back', async () => (await api()).state_index === before - 1);
            await page.keyboard.press('ArrowRight');
            await waitFor('→: one state on', async () => (await api()).state_index === before);
            assert.deepEqual(page.problems, []);
        } finally {
            await server.stop();
        }
    });

    test('Foxglove clients get the time capability, a new session per recording and Time frames that follow', async () => {
        const server = await startOmniscient('replay-foxglove', await freePort(), ['--replay', recording, '--no-sound']);
        const url = new URL('/', server.base);
        url.protocol = 'ws:';
        const ws = new WebSocket(url.href, ['foxglove.websocket.v1']);
        const client = new FoxgloveClient({ ws });
        let info = null;
        const times = [];
        client.on('serverInfo', (i) => { info = i; });
        client.on('time', (t) => times.push(Number(t.timestamp / 1000000n))); // ms since the epoch
        try {
            await waitFor('serverInfo', () => info !== null);
            assert.ok(info.capabilities.includes('time'), `capabilities: ${info.capabilities}`);
            const api = async () => (await fetch(new URL('api/replay', server.base))).json();
            const post = (body) => fetch(new URL('api/replay', server.base), {
                method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
            });
            await waitFor('Time frames while it plays', () => times.length >= 5);
            for (let i = 1; i < times.length; ++i) {
                assert.ok(times[i] >= times[i - 1], `Time frames go forward while playing: ${times}`);
            }
            const first = (await (await fetch(new URL('api/state', server.base))).json()).t_publish_ms;
            assert.ok(Math.abs(times.at(-1) - first) < 60000, 'the time is the recording\'s, not this machine\'s');
            assert.equal((await post({ action: 'pause' })).status, 200);
            await waitFor('the pause', async () => (await api()).playing === false);
            const paused = (await api()).position_s;
            // The pause's own Time frame may still be on its way: wait until the frames have stopped.
            let seen = -1;
            await waitFor('the frames to stop after the pause', async () => {
                const stopped = times.length === seen;
                seen = times.length;
                await sleep(200);
                return stopped;
            });
            const target = times.at(-1) + 2000;
            assert.equal((await post({ action: 'seek', position_s: paused + 2 })).status, 200);
            await waitFor(`a Time frame 2 s further on after the seek (${times.slice(-3)}, want about ${target})`,
                () => Math.abs(times.at(-1) - target) < 100);
        } finally {
            ws.terminate();
            await server.stop();
        }
    });
});
