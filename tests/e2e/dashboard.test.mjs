// SPDX-License-Identifier: MIT
// The dashboard against `omniscient --headless --simulate`: it shows exactly what the simulator published (checked
// against the same seq received by a parallel WebSocket client), in the browser's language, keeps updating without
// requestAnimationFrame in a hidden tab, and lays out for desktop and phone (screenshots in docs/screenshots/).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
    launchBrowser, openPage, readDashboard, screenshotDir, simulatedServer, sleep, waitFor, WsClient, wsUrl,
} from './lib/harness.mjs';

let server;
let browser;

before(async () => {
    server = await simulatedServer('dashboard-omniscient');
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

function powerText(p) {
    return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p)} %`;
}

/// Every difference between what the page shows and the state the server sent, as readable strings.
function differences(shown, s) {
    const diffs = [];
    const expect = (what, got, want) => {
        if (JSON.stringify(got) !== JSON.stringify(want)) {
            diffs.push(`${what}: page shows ${JSON.stringify(got)}, server sent ${JSON.stringify(want)}`);
        }
    };
    expect('bot mode', shown.botMode, s.labels.bot_mode);
    expect('action', shown.action, s.labels.action);
    expect('direction', shown.direction, s.labels.direction);
    expect('direction arrow', shown.directionCode, String(s.direction));
    expect('obstacle', shown.obstacle, s.labels.obstacle);
    expect('obstacle indicator', shown.obstacleShown, s.obstacle ? '1' : '0');
    expect('obstacle mode', shown.obstacleMode, s.labels.obstacle_mode);
    expect('sensor mode', shown.sensorMode, s.labels.sensor_mode);
    expect('wheel powers', shown.wheels.map((w) => w.power), s.motor_power);
    expect('wheel labels', shown.wheels.map((w) => w.text), s.motor_power.map(powerText));
    expect('line sensors', shown.sensors, s.sensors.map((v) => (v === 1 ? '1' : '0')));
    expect('go_left', shown.goLeft, s.go_left ? '1' : '0');
    expect('go_right', shown.goRight, s.go_right ? '1' : '0');
    expect('source', shown.source.split(' ')[0], s.source);
    return diffs;
}

describe('dashboard', () => {
    test('shows the values the simulator published, field by field, at the same seq', async () => {
        const ws = new WsClient(wsUrl(server.base));
        await ws.opened;
        const page = await openPage(browser, `${server.base}?lang=en`);
        try {
            await waitFor('the page to go live', async () => (await readDashboard(page)).link === 'live');
            const api = await (await fetch(new URL('api/state', server.base))).json();
            assert.equal(api.type, 'state');
            assert.equal(api.link, 'live');

            let compared = 0;
            for (let attempt = 0; attempt < 40 && compared < 5; ++attempt) {
                const shown = await readDashboard(page);
                const sent = ws.states.get(Number(shown.seq));
                if (sent) {
                    assert.deepEqual(differences(shown, sent), [], `seq ${shown.seq}`);
                    assert.equal(shown.link, 'live');
                    assert.ok(shown.overlayHidden, 'no overlay while live');
                    assert.match(shown.layout, new RegExp(`^${sent.layout}`));
                    assert.match(shown.rate, /^\d+\.\d Hz$/);
                    ++compared;
                }
                await sleep(150);
            }
            assert.ok(compared >= 5, `only ${compared} page renders matched a seq the WebSocket client saw`);
            assert.deepEqual(page.problems, []);
        } finally {
            ws.close();
            await page.context().close();
        }
    });

    test('speaks the browser language and translates the codes, not the English labels', async () => {
        const ws = new WsClient(wsUrl(server.base));
        await ws.opened;
        const german = await openPage(browser, server.base, { locale: 'de-DE' });
        const french = await openPage(browser, `${server.base}?lang=fr`, { locale: 'de-DE' });
        try {
            await waitFor('the German page to go live', async () => (await readDashboard(german)).link === 'live');
            const de = await readDashboard(german);
            assert.equal(await german.evaluate(() => document.documentElement.lang), 'de');
            assert.equal(de.badge, 'live');
            const sent = await waitFor('a state the page also shows', async () => {
                const shown = await readDashboard(german);
                const s = ws.states.get(Number(shown.seq));
                return s && { s, shown };
            });
            const botModes = ['Linienverfolgung', 'Hindernisverfolgung', 'manuelle Steuerung'];
            assert.equal(sent.shown.botMode, botModes[sent.s.bot_mode] ?? `unbekannt (${sent.s.bot_mode})`);
            assert.equal(sent.shown.obstacle, sent.s.obstacle ? 'erkannt' : 'keines');
            assert.equal(await german.textContent('#info-title'), 'Omni-Huhn-Info');

            await waitFor('the ?lang=fr page to go live', async () => (await readDashboard(french)).link === 'live');
            assert.equal(await french.evaluate(() => document.documentElement.lang), 'fr');
            assert.equal((await readDashboard(french)).badge, 'en direct');
        } finally {
            ws.close();
            await german.context().close();
            await french.context().close();
        }
    });

    test('keeps updating in a hidden tab without requestAnimationFrame', async () => {
        const page = await openPage(browser, `${server.base}?lang=en`, {
            initScript: () => {
                window.requestAnimationFrame = () => 0;
                Object.defineProperty(document, 'hidden', { get: () => true });
                Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
            },
        });
        try {
            await waitFor('the page to go live', async () => (await readDashboard(page)).link === 'live');
            const first = Number((await readDashboard(page)).seq);
            await waitFor('the shown seq to move on', async () => Number((await readDashboard(page)).seq) > first + 10);
        } finally {
            await page.context().close();
        }
    });

    test('desktop: the robot beside the panel; phone portrait: the robot on top, the panel below', async () => {
        fs.mkdirSync(screenshotDir, { recursive: true });
        const page = await openPage(browser, `${server.base}?lang=en`);
        try {
            await waitFor('the page to go live', async () => (await readDashboard(page)).link === 'live');
            // Let the sparklines fill a little so the screenshots show them.
            await sleep(Number(process.env.OMNI_E2E_SPARK_MS || 8000));
            const box = async (selector) => page.locator(selector).boundingBox();
            const robot = await box('.robot-card');
            const info = await box('.info');
            assert.ok(info.x >= robot.x + robot.width - 1, 'desktop: the panel is to the right of the robot');
            assert.ok(await page.locator('#sound').isVisible(), 'desktop: the sound button is on screen');
            const soundBox = await box('#sound');
            assert.ok(soundBox.y + soundBox.height <= 800, 'desktop: the sound button is within the first screen');
            await page.screenshot({ path: path.join(screenshotDir, 'web-desktop.png') });

            await page.setViewportSize({ width: 390, height: 844 });
            await sleep(500);
            const phoneRobot = await box('.robot-card');
            const phoneInfo = await box('.info');
            assert.ok(phoneInfo.y >= phoneRobot.y + phoneRobot.height - 1, 'phone: the panel is below the robot');
            assert.ok(phoneRobot.width >= 340, `phone: the robot uses the width (${phoneRobot.width}px)`);
            const sound = await box('#sound');
            assert.ok(sound.height >= 44 && sound.width >= 44, `phone: the button is touch-sized (${sound.height}px)`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `phone: no sideways scrolling (${overflow}px too wide)`);
            await page.screenshot({ path: path.join(screenshotDir, 'web-phone.png') });
            assert.deepEqual(page.problems, []);
        } finally {
            await page.context().close();
        }
    });
});
