// SPDX-License-Identifier: MIT
// The link as the page shows it, against real processes: a robot (omni-sim) that freezes, resumes and exits; a
// segment from a newer ABI; the original 56- and 64-byte robots; an omniscient that is killed and restarted on its port.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
    Child, freePort, launchBrowser, legacyRobotBin, omniSimBin, openPage, readDashboard, startOmniscient,
    uniqueShmName, waitFor,
} from './lib/harness.mjs';

let browser;
const children = [];

function track(child) {
    children.push(child);
    return child;
}

before(async () => {
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await Promise.all(children.map((c) => c.stop()));
});

/// Samples the page every 100 ms until `done`; fails if it ever shows `forbidden` as its link status.
async function watchUntil(page, what, done, forbidden, timeoutMs) {
    return waitFor(what, async () => {
        const shown = await readDashboard(page);
        assert.notEqual(shown.link, forbidden, `the page showed "${forbidden}" while waiting for ${what}`);
        return done(shown) && shown;
    }, timeoutMs);
}

describe('link status', () => {
    test('turns stale when the robot stops publishing, live when it resumes, waiting when it exits', async () => {
        const shm = uniqueShmName('stale');
        const sim = track(new Child('stale-omni-sim', omniSimBin, ['--shm', shm, '--rate', '50', '--quiet']));
        const server = track(await startOmniscient('stale-omniscient', await freePort(), ['--shm', shm]));
        const page = await openPage(browser, `${server.base}?lang=en`);
        try {
            await waitFor('live', async () => (await readDashboard(page)).link === 'live');

            sim.signal('SIGSTOP'); // the writer stops between two ticks: the segment stays, no new states
            const stopped = Date.now();
            const stale = await watchUntil(page, 'stale', (s) => s.link === 'stale', null, 6000);
            assert.ok(Date.now() - stopped < 4500, 'stale within the stale timeout plus a margin');
            assert.ok(!stale.overlayHidden, 'the overlay is shown');
            assert.match(stale.overlay, /^STALE last update \d+ s ago$/);
            assert.match(stale.robotFilter, /grayscale/, 'the robot is greyed out');
            assert.equal(stale.rate, '0.0 Hz');
            // The age keeps counting up between messages.
            const before = stale.age;
            await waitFor('the age to count up', async () => (await readDashboard(page)).age !== before, 3000);
            const frozenSeq = stale.seq;
            assert.equal((await readDashboard(page)).seq, frozenSeq, 'no new state while stopped');
            // A page opened now gets the old state with the hello: it must never show it as live.
            const late = await openPage(browser, `${server.base}?lang=en`);
            try {
                const lateShown = await watchUntil(late, 'the late page to show stale',
                    (s) => s.link === 'stale' && s.seq === frozenSeq, 'live', 5000);
                assert.ok(!lateShown.overlayHidden);
            } finally {
                await late.context().close();
            }

            sim.signal('SIGCONT');
            await watchUntil(page, 'live again', (s) => s.link === 'live' && s.seq !== frozenSeq, null, 5000);

            await sim.stop(); // SIGTERM: omni-sim removes its segment
            const waiting = await watchUntil(page, 'waiting', (s) => s.link === 'waiting', 'live', 10000);
            assert.match(waiting.overlay, /^WAITING/);
            assert.match(waiting.say, /start its program/);
            assert.deepEqual(page.problems, []);
        } finally {
            await page.context().close();
            await server.stop();
        }
    });

    test('explains an incompatible segment in words a person can act on', async () => {
        const shm = uniqueShmName('abi');
        // A segment from the future: our magic, ABI 2, otherwise plausible.
        const segment = Buffer.alloc(128);
        segment.writeUInt32LE(0x494e4d4f, 0);
        segment.writeUInt32LE(2, 4);
        segment.writeUInt32LE(64, 8);
        segment.writeUInt32LE(60, 12);
        fs.writeFileSync(`/dev/shm/${shm}`, segment);
        const server = track(await startOmniscient('abi-omniscient', await freePort(), ['--shm', shm]));
        const page = await openPage(browser, `${server.base}?lang=en`);
        try {
            const shown = await waitFor('incompatible', async () => {
                const s = await readDashboard(page);
                return s.link === 'incompatible' && s;
            });
            assert.equal(shown.badge, 'incompatible');
            assert.match(shown.overlay, /^INCOMPATIBLE/);
            assert.equal(shown.say, 'The robot’s shared memory uses ABI 2; this omniscient reads ABI 1 — update omniscient.');
        } finally {
            await page.context().close();
            await server.stop();
            fs.rmSync(`/dev/shm/${shm}`, { force: true });
        }
    });

    test('shows the original 56-byte robot: four sensors, no obstacle mode', async (t) => {
        if (!fs.existsSync(legacyRobotBin)) {
            t.skip(`${legacyRobotBin} is not built`);
            return;
        }
        const shm = uniqueShmName('legacy');
        const robot = track(new Child('legacy-robot', legacyRobotBin, ['--shm', shm]));
        const server = track(await startOmniscient('legacy-omniscient', await freePort(), ['--shm', shm]));
        const page = await openPage(browser, `${server.base}?lang=en`);
        try {
            const shown = await waitFor('live from the legacy robot', async () => {
                const s = await readDashboard(page);
                return s.link === 'live' && s;
            });
            assert.equal(shown.sensors.length, 4);
            assert.equal(shown.obstacleMode, 'not in the 56-byte layout');
            assert.equal(shown.layout, 'original 56-byte layout');
        } finally {
            await page.context().close();
            await server.stop();
            await robot.stop();
            fs.rmSync(`/dev/shm/${shm}`, { force: true });
        }
    });

    test('shows the original\'s last 64-byte robot: its layout, five sensors, obstacle mode and values', async (t) => {
        if (!fs.existsSync(legacyRobotBin)) {
            t.skip(`${legacyRobotBin} is not built`);
            return;
        }
        const shm = uniqueShmName('legacy64');
        // 4 updates a second: each stays on the page long enough to compare it with /api/state.
        const robot = track(new Child('legacy64-robot', legacyRobotBin,
            ['--shm', shm, '--layout', '64', '--rate', '4', '--seed', '5']));
        const server = track(await startOmniscient('legacy64-omniscient', await freePort(), ['--shm', shm]));
        const page = await openPage(browser, `${server.base}?lang=en`);
        const sensorsByIndex = () => page.evaluate(() => [0, 1, 2, 3, 4].map(
            (i) => document.querySelector(`[data-testid="sensor-${i}"]`)?.dataset.active ?? null));
        try {
            // The same update on the page before and after the request: the page and the server agree on it.
            const { shown, sensors, state } = await waitFor('the page showing the update /api/state has', async () => {
                const before = await readDashboard(page);
                const res = await fetch(new URL('api/state', server.base));
                if (before.link !== 'live' || res.status !== 200) {
                    return false;
                }
                const m = await res.json();
                const lit = await sensorsByIndex();
                const after = await readDashboard(page);
                return before.seq === String(m.seq) && after.seq === before.seq && m.seq > 2
                    && { shown: after, sensors: lit, state: m };
            }, 15000);
            assert.equal(state.layout, 'legacy-64');
            assert.equal(shown.layout, 'original 64-byte layout');
            assert.equal(shown.sensors.length, 5);
            assert.ok(state.obstacle_mode === 0 || state.obstacle_mode === 1, `obstacle_mode ${state.obstacle_mode}`);
            assert.equal(shown.obstacleMode, state.obstacle_mode === 0 ? 'obstacle tracking' : 'obstacle avoidance');
            assert.deepEqual(shown.wheels.map((w) => w.power), state.motor_power);
            assert.equal(shown.directionCode, String(state.direction));
            assert.equal(state.sensors.length, 5);
            assert.deepEqual(sensors, state.sensors.map((v) => (v === 1 ? '1' : '0')), 'sensors[i] on sensor-i');
            assert.match(shown.source, new RegExp(shm));
        } finally {
            await page.context().close();
            await server.stop();
            await robot.stop();
            fs.rmSync(`/dev/shm/${shm}`, { force: true });
        }
    });

    test('reconnects by itself after the server restarts, and shows the newest state', async () => {
        const port = await freePort();
        let server = track(await startOmniscient('reconnect-omniscient-1', port, ['--simulate']));
        const page = await openPage(browser, `${server.base}?lang=en`);
        try {
            await waitFor('live', async () => (await readDashboard(page)).link === 'live');
            await server.stop();
            const offline = await watchUntil(page, 'reconnecting', (s) => s.link === 'offline', null, 5000);
            assert.match(offline.overlay, /^CONNECTION LOST reconnecting in \d+ s…$/);
            assert.match(offline.robotFilter, /grayscale/);
            assert.equal(offline.soundDisabled, true, 'the sound button is disabled while offline');

            server = track(await startOmniscient('reconnect-omniscient-2', port, ['--simulate']));
            const live = await watchUntil(page, 'live again', (s) => s.link === 'live', null, 20000);
            // The new server's simulator started from scratch: the page shows its states, not a backlog.
            const api = await (await fetch(new URL('api/state', server.base))).json();
            assert.ok(Math.abs(Number(live.seq) - api.seq) < 200, `page seq ${live.seq}, server seq ${api.seq}`);
            assert.ok(live.overlayHidden);
        } finally {
            await page.context().close();
            await server.stop();
        }
    });
});
