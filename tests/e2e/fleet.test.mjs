// SPDX-License-Identifier: MIT
// The fleet page (omniscient --headless --fleet) in the browser, against a real mosquitto started here on a free
// loopback port and robots publishing with --mqtt: tiles sorted by name, offline greyed, newcomers without a reload.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Child, freePort, launchBrowser, openPage, startOmniscient, waitFor } from './lib/harness.mjs';

const mosquittoBin = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => fs.existsSync(p));
let browser;
const children = [];
let brokerUrl;
let tmp;

function track(child) {
    children.push(child);
    return child;
}

async function startBroker() {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omni-e2e-mqtt-'));
    const port = await freePort();
    const conf = path.join(tmp, 'mosquitto.conf');
    const user = os.userInfo().username; // as root, mosquitto would switch to the "mosquitto" user
    fs.writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nuser ${user}\n`);
    track(new Child('fleet-mosquitto', mosquittoBin, ['-c', conf]));
    await waitFor('mosquitto to listen', () => new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
        s.on('error', () => resolve(false));
    }), 10000);
    brokerUrl = `mqtt://127.0.0.1:${port}`;
}

async function robot(name) {
    return track(await startOmniscient(`fleet-robot-${name}`, await freePort(),
        ['--simulate', '--no-sound', '--mqtt', brokerUrl, '--robot-name', name]));
}

function readTiles(page) {
    return page.$$eval('[data-testid="fleet-tile"]', (tiles) => tiles.map((t) => ({
        name: t.dataset.robot,
        presence: t.dataset.presence,
        href: t.getAttribute('href'),
        filter: getComputedStyle(t).filter,
        facts: t.querySelector('[data-testid="facts"]').textContent,
    })));
}

describe('fleet page', { skip: mosquittoBin ? false : 'mosquitto is not installed (scripts/install-deps.sh --test)' }, () => {
    before(async () => {
        browser = await launchBrowser();
        await startBroker();
    });

    after(async () => {
        await browser?.close();
        await Promise.all(children.reverse().map((c) => c.stop()));
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    test('shows every robot of the broker, greys the offline, and takes newcomers without a reload', async () => {
        const beta = await robot('beta');
        const alpha = await robot('alpha');
        const fleet = track(await startOmniscient('fleet-view', await freePort(), ['--fleet', brokerUrl]));
        const page = await openPage(browser, `${fleet.base}fleet`);
        try {
            const tiles = await waitFor('two online tiles', async () => {
                const t = await readTiles(page);
                return t.length === 2 && t.every((x) => x.presence === 'online') && t;
            }, 15000);
            assert.deepEqual(tiles.map((t) => t.name), ['alpha', 'beta'], 'sorted by name');
            assert.match(tiles[0].href, new RegExp(`:${new URL(alpha.base).port}/$`), "a tile opens the robot's page");
            assert.match(tiles[0].facts, /Hz/);

            await beta.stop(); // a clean exit: "offline" at once
            const offline = await waitFor('beta offline', async () => {
                const t = (await readTiles(page)).find((x) => x.name === 'beta');
                return t?.presence === 'offline' && t;
            }, 5000);
            assert.match(offline.filter, /grayscale/, 'an offline robot is greyed');
            assert.match(offline.facts, /last seen/);

            await robot('gamma');
            await waitFor('gamma to appear', async () => {
                const t = await readTiles(page);
                return t.map((x) => x.name).join() === 'alpha,beta,gamma' && t[2].presence === 'online';
            }, 15000);
            const summary = await page.textContent('[data-testid="fleet-summary"]');
            assert.match(summary, /3 robots, 2 online/);
            assert.deepEqual(page.problems, []);
        } finally {
            await page.context().close();
        }
    });
    test("a robot's own page says where its MQTT connection stands, and shows no MQTT row without --mqtt", async () => {
        const delta = await robot('delta');
        const nowhere = track(await startOmniscient('fleet-robot-nowhere', await freePort(),
            ['--simulate', '--no-sound', '--mqtt', `mqtt://127.0.0.1:${await freePort()}`, '--robot-name', 'nowhere']));
        const plain = track(await startOmniscient('fleet-robot-plain', await freePort(), ['--simulate', '--no-sound']));
        const pages = [];
        try {
            const page = await openPage(browser, delta.base);
            pages.push(page);
            const text = await waitFor('the MQTT row to say connected', async () => {
                const v = await page.textContent('[data-testid="mqtt"]');
                return /^connected to /.test(v) && v;
            }, 10000);
            assert.equal(text, `connected to ${brokerUrl} as delta`);
            assert.equal(await page.isVisible('#row-mqtt'), true);

            const down = await openPage(browser, `${nowhere.base}?lang=de`);
            pages.push(down);
            const downText = await waitFor('the MQTT row to say unreachable', async () => {
                const v = await down.textContent('[data-testid="mqtt"]');
                return /nicht erreichbar/.test(v) && v;
            }, 10000);
            assert.match(downText, /^mqtt:\/\/127\.0\.0\.1:\d+ nicht erreichbar, neuer Versuch$/);
            assert.notEqual(await down.getAttribute('[data-testid="mqtt"]', 'title'), '', 'the reason, for whoever fixes it');

            const none = await openPage(browser, plain.base);
            pages.push(none);
            await waitFor('the plain page to be live', async () =>
                (await none.getAttribute('[data-testid="link-badge"]', 'data-link')) === 'live', 10000);
            const answer = await fetch(new URL('api/mqtt', plain.base));
            assert.deepEqual(await answer.json(), { status: 'off' }, 'no --mqtt');
            assert.equal(await none.isVisible('#row-mqtt'), false);
            for (const p of pages) assert.deepEqual(p.problems, []);
        } finally {
            await Promise.all(pages.map((p) => p.context().close()));
        }
    });
});
