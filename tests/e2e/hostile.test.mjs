// SPDX-License-Identifier: MIT
// What a hostile web page can do (issue 17 §1b), in a real Chromium: it cannot frame the dashboard, the page works
// under its own Content-Security-Policy with no violation, and a crafted ?lang= link cannot blank the fields.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { freePort, launchBrowser, openPage, readDashboard, simulatedServer, waitFor } from './lib/harness.mjs';

let server;
let browser;
let foreign;
let foreignBase;

before(async () => {
    server = await simulatedServer('hostile-omniscient');
    browser = await launchBrowser();
    // Another site: a page that frames the dashboard, as a clickjacker would (invisibly, over a bait button).
    const port = await freePort();
    foreign = http.createServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(`<!doctype html><title>bait</title><iframe id="victim" src="${server.base}" width="800" height="600"
            style="opacity:0"></iframe>`);
    });
    await new Promise((resolve) => foreign.listen(port, '127.0.0.1', resolve));
    foreignBase = `http://localhost:${port}/`; // another origin than 127.0.0.1's server
});

after(async () => {
    await new Promise((resolve) => (foreign ? foreign.close(resolve) : resolve()));
    await browser?.close();
    await server?.stop();
});

describe('a hostile page', () => {
    test('cannot frame the dashboard', async () => {
        const page = await openPage(browser, foreignBase);
        try {
            const frame = await waitFor('the frame to settle', async () => {
                const f = page.frames().find((x) => x !== page.mainFrame());
                return f && f.url() !== 'about:blank' ? f : null;
            });
            // A blocked frame shows Chromium's error page, never the dashboard.
            await new Promise((resolve) => setTimeout(resolve, 500));
            const robot = await frame.$('#robot').catch(() => null);
            assert.equal(robot, null, 'the dashboard rendered inside a foreign page');
            assert.ok(page.problems.some((p) => p.includes('frame-ancestors')),
                `Chromium did not report the refusal: ${page.problems.join(' | ')}`);
        } finally {
            await page.context().close();
        }
    });

    test('the page runs under its Content-Security-Policy without a single violation', async () => {
        const response = await fetch(server.base);
        const csp = response.headers.get('content-security-policy');
        assert.match(csp, /frame-ancestors 'none'/);
        assert.match(csp, /default-src 'self'/);
        assert.equal(response.headers.get('x-frame-options'), 'DENY');
        const page = await openPage(browser, `${server.base}?lang=en`);
        try {
            await waitFor('the page to go live over its WebSocket', async () => (await readDashboard(page)).link === 'live');
            // The sound switch posts JSON (connect-src), and the page's scripts, styles and icons all load.
            const before = (await readDashboard(page)).sound;
            await page.click('[data-testid="sound"]');
            await waitFor('the switch to flip', async () => (await readDashboard(page)).sound !== before);
            await page.click('[data-testid="sound"]');
            await waitFor('the switch to flip back', async () => (await readDashboard(page)).sound === before);
            assert.deepEqual(page.problems, []);
        } finally {
            await page.context().close();
        }
    });

    for (const lang of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        test(`a crafted link ?lang=${lang} falls back to English and fills every field`, async () => {
            const page = await openPage(browser, `${server.base}?lang=${lang}`);
            try {
                await waitFor('the page to go live', async () => (await readDashboard(page)).link === 'live');
                const shown = await readDashboard(page);
                for (const field of ['botMode', 'action', 'direction', 'obstacle', 'sensorMode']) {
                    assert.ok(shown[field] && shown[field] !== '—', `${field} is blank: ${JSON.stringify(shown[field])}`);
                }
                assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
                assert.equal(await page.evaluate(() => document.querySelector('[data-i18n="field.action"]').textContent),
                    'Current action');
                assert.deepEqual(page.problems, []);
            } finally {
                await page.context().close();
            }
        });
    }
});
