// SPDX-License-Identifier: MIT
// The one button: chicken sounds on/off round-trips through the server, and every other client sees the change.
// Also the access token: the page passes its own ?token= on to /ws and /api.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
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

describe('sound toggle', () => {
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
