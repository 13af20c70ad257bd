// SPDX-License-Identifier: MIT
// The one button: chicken sounds on/off round-trips through the server, and every other client sees the change.
// Also the access token: the page passes its own ?token= on to /ws and /api.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import {
    freePort, launchBrowser, openPage, readDashboard, simulatedServer, startOmniscient, waitFor, WsClient, wsUrl,
} from './lib/harness.mjs';

let server;
let browser;

before(async () => {
    server = await simulatedServer('sound-omniscient');
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

async function soundOnServer(base, token = '') {
    const url = new URL('api/sound', base);
    if (token) {
        url.searchParams.set('token', token);
    }
    const response = await fetch(url);
    assert.equal(response.status, 200);
    return (await response.json()).enabled;
}

async function setSound(base, enabled) {
    const response = await fetch(new URL('api/sound', base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ enabled }),
    });
    assert.ok(response.ok, `POST /api/sound answered ${response.status}`);
}

/// A page of another origin: a bare HTML page on its own port, opened by `host` (another site when it is not the
/// server's own host name, the same site on another port when it is).
async function foreignOrigin() {
    const other = http.createServer((_, res) => res.end('<!doctype html><title>another site</title>'));
    await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
    return { port: other.address().port, close: () => new Promise((resolve) => other.close(resolve)) };
}

describe('sound toggle', () => {
    test('GET /toggle-sound flips the setting as the original did; other sites\' pages cannot', async () => {
        await setSound(server.base, true);
        const page = await openPage(browser, `${server.base}?lang=en`);
        const foreign = await foreignOrigin();
        try {
            await waitFor('the page to go live with sound on', async () => {
                const s = await readDashboard(page);
                return s.link === 'live' && s.sound === 'true';
            });
            const toggle = new URL('toggle-sound', server.base).href;
            const typed = await fetch(toggle); // as a person typing it, or curl: no Origin, no Sec-Fetch-Site
            assert.equal(typed.status, 200);
            assert.deepEqual(await typed.json(), { status: 'off' });
            await waitFor('the page\'s button to show off', async () => (await readDashboard(page)).sound === 'false');
            const fromPage = await page.evaluate(async () => (await fetch('/toggle-sound')).json());
            assert.deepEqual(fromPage, { status: 'on' }, 'the page\'s own origin may');
            await waitFor('the page\'s button to show on', async () => (await readDashboard(page)).sound === 'true');

            // An <img> and a no-cors fetch from another site (localhost is not 127.0.0.1) and from the same site on
            // another port: the browser says where they come from, and the server refuses them all.
            for (const host of ['localhost', '127.0.0.1']) {
                const hostile = await openPage(browser, `http://${host}:${foreign.port}/`);
                try {
                    await hostile.evaluate(async (target) => {
                        await fetch(target, { mode: 'no-cors' });
                        const img = new Image();
                        await new Promise((resolve) => {
                            img.onload = resolve;
                            img.onerror = resolve;
                            img.src = `${target}?img`;
                        });
                    }, toggle);
                } finally {
                    await hostile.context().close();
                }
                assert.equal(await soundOnServer(server.base), true, `a page on ${host}:${foreign.port} switched it`);
            }
            const metrics = await (await fetch(new URL('metrics', server.base))).text();
            assert.match(metrics, /omniscient_commands_total\{result="refused"\} [1-9]/);
        } finally {
            await page.context().close();
            await foreign.close();
        }
    });

    test('a click turns the sound off on the server and on other clients; a POST elsewhere shows on the page', async () => {
        await setSound(server.base, true);
        const other = new WsClient(wsUrl(server.base));
        await other.opened;
        const page = await openPage(browser, `${server.base}?lang=en`);
        try {
            await waitFor('the page to go live with sound on', async () => {
                const s = await readDashboard(page);
                return s.link === 'live' && s.sound === 'true' && !s.soundDisabled;
            });
            const button = page.getByRole('button', { name: /Chicken sounds are on/ });
            await button.click();

            await waitFor('the button to show off', async () => (await readDashboard(page)).sound === 'false');
            assert.equal(await soundOnServer(server.base), false);
            await waitFor('the other client to hear of it', async () => other.messages.some(
                (m) => m.type === 'sound' && m.enabled === false));
            assert.equal(await page.locator('#sound-state').textContent(), 'off');

            await setSound(server.base, true);
            await waitFor('the page to show on again', async () => (await readDashboard(page)).sound === 'true');
            assert.equal(await page.locator('#sound-state').textContent(), 'on');
            assert.ok(await page.getByRole('button', { name: /Chicken sounds are on/ }).isEnabled());
            assert.deepEqual(page.problems, []);
        } finally {
            other.close();
            await page.context().close();
            await setSound(server.base, true);
        }
    });
});

describe('cluck here too', () => {
    // Records what the page asks the browser to play (headless Chromium may have no audio device to play on).
    const recordPlays = () => {
        window.__played = [];
        HTMLMediaElement.prototype.play = function play() {
            window.__played.push(this.src);
            return Promise.resolve();
        };
    };

    test('off by default; on, the page plays the sound the robot plays, served by the server; remembered', async () => {
        await setSound(server.base, true);
        const cues = new WsClient(wsUrl(server.base));
        await cues.opened;
        const page = await openPage(browser, `${server.base}?lang=en`, { initScript: recordPlays });
        try {
            const soundState = await (await fetch(new URL('api/sound', server.base))).json();
            assert.equal(typeof soundState.output, 'string', '/api/sound says where the robot clucks');
            await waitFor('the page to go live', async () => (await readDashboard(page)).link === 'live');
            const toggle = page.getByRole('checkbox', { name: 'Cluck here too' });
            assert.equal(await toggle.isChecked(), false, 'off by default');
            assert.equal(await page.getByTestId('sound-output').getAttribute('data-output'), soundState.output);
            if (soundState.output === 'none') {
                assert.match(await page.getByTestId('sound-output').textContent(), /no speaker/);
            }

            // Switched off: a cue comes (a cluck every 2.5–10 s while the robot is live), nothing plays here.
            const seen = cues.messages.length;
            await waitFor('a cue from the server', async () => cues.messages.slice(seen).some((m) => m.type === 'cue'),
                15000);
            await new Promise((resolve) => setTimeout(resolve, 300));
            assert.deepEqual(await page.evaluate(() => window.__played), [], 'switched off: silent');

            await toggle.check();
            const cueCount = cues.messages.filter((m) => m.type === 'cue').length;
            const played = await waitFor('the page to play the next cue', async () => {
                const p = await page.evaluate(() => window.__played);
                return p.length > 0 && p;
            }, 15000);
            const cue = cues.messages.filter((m) => m.type === 'cue')[cueCount];
            assert.ok(cue, 'the cue the page played was sent to every client');
            assert.match(cue.sample, /^sounds\/[a-z_]+(-\d+)?\.(wav|ogg|mp3)$/);
            assert.equal(played[0], new URL(cue.sample, server.base).href, 'the same sound, from this server');

            const file = await fetch(played[0]);
            assert.equal(file.status, 200);
            assert.match(file.headers.get('content-type'), /^audio\//);
            const bytes = Buffer.from(await file.arrayBuffer());
            assert.equal(bytes.subarray(0, 4).toString('latin1'), 'RIFF', 'a WAV file');

            await page.reload();
            await waitFor('the page to go live again', async () => (await readDashboard(page)).link === 'live');
            assert.equal(await page.getByRole('checkbox', { name: 'Cluck here too' }).isChecked(), true,
                'remembered by this browser');

            // The shared switch off: no cue is played here either.
            await setSound(server.base, false);
            await page.evaluate(() => { window.__played = []; });
            await new Promise((resolve) => setTimeout(resolve, 11000));
            assert.deepEqual(await page.evaluate(() => window.__played), [], 'sound off: the page is silent too');
            assert.deepEqual(page.problems, []);
        } finally {
            cues.close();
            await page.context().close();
            await setSound(server.base, true);
        }
    });
});

describe('access token', () => {
    test('the page passes ?token= on to /ws and /api; without it, it says what to do', async () => {
        const token = 'e2e-secret-token';
        const guarded = await startOmniscient('token-omniscient', await freePort(), ['--simulate', '--token', token]);
        const withToken = await openPage(browser, `${guarded.base}?lang=en&token=${token}`);
        const without = await openPage(browser, `${guarded.base}?lang=en`);
        try {
            await waitFor('the page with the token to go live', async () => (await readDashboard(withToken)).link === 'live');
            await withToken.getByRole('button', { name: /Chicken sounds are on/ }).click();
            await waitFor('the sound to be off', async () => (await soundOnServer(guarded.base, token)) === false);

            const refused = await waitFor('the page without the token to explain', async () => {
                const s = await readDashboard(without);
                return s.link === 'offline' && /token/.test(s.say) && s;
            });
            assert.match(refused.say, /\?token=/);
        } finally {
            await withToken.context().close();
            await without.context().close();
            await guarded.stop();
        }
    });
});
