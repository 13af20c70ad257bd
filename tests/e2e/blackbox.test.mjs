// SPDX-License-Identifier: MIT
// The black box on the web page, against `omniscient --headless --simulate` with its own recordings folder: the
// event log (events kept before the page opened, and new ones from the stream) and "Save the last minute", whose
// file the page links to and npm's @mcap/core reads back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { McapIndexedReader } from '@mcap/core';
import { loadDecompressHandlers } from '@mcap/support';
import { freePort, launchBrowser, openPage, startOmniscient, waitFor } from './lib/harness.mjs';

const decompressHandlers = await loadDecompressHandlers();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'omni-blackbox-'));
let server;
let browser;

before(async () => {
    server = await startOmniscient('blackbox-omniscient', await freePort(),
        ['--simulate', '--no-sound', '--sim-rate', '200', '--recordings-dir', folder]);
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
});

async function setSound(enabled) {
    const r = await fetch(new URL('api/sound', server.base), {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ enabled }),
    });
    assert.equal(r.status, 200);
}

describe('black box on the page', () => {
    test('the event log shows the events kept before the page opened, then new ones, newest first', async () => {
        const page = await openPage(browser, `${server.base}?lang=en`);
        try {
            const items = page.locator('[data-testid="events"] li');
            await waitFor('the link_live event kept by the server', async () =>
                (await items.allTextContents()).some((x) => x.includes('Link: live')));
            await setSound(false);
            await waitFor('the sound_off event from the stream', async () =>
                (await items.first().textContent()).includes('Sound switched off'));
            assert.match(await items.first().textContent(), /^\d\d:\d\d:\d\d /);
            await setSound(true);
            await waitFor('sound_on on top', async () =>
                (await items.first().textContent()).includes('Sound switched on'));
        } finally {
            await page.close();
        }
    });

    test('"Save the last minute" saves a file the page links to and @mcap/core reads', async () => {
        const page = await openPage(browser, `${server.base}?lang=en`);
        try {
            await page.locator('[data-testid="save-recording"]').click();
            const link = page.locator('[data-testid="saved-link"]');
            await link.waitFor({ timeout: 15000 });
            const name = await link.textContent();
            assert.match(name, /^omniscient-\d{8}-\d{6}(-\d+)?\.mcap$/);
            assert.ok(fs.existsSync(path.join(folder, name)), 'the file is in --recordings-dir');

            const download = await fetch(await link.getAttribute('href'));
            assert.equal(download.status, 200);
            assert.equal(download.headers.get('content-disposition'), `attachment; filename="${name}"`);
            const bytes = new Uint8Array(await download.arrayBuffer());
            const reader = await McapIndexedReader.Initialize({
                readable: {
                    size: async () => BigInt(bytes.byteLength),
                    read: async (offset, size) => bytes.subarray(Number(offset), Number(offset + size)),
                },
                decompressHandlers,
            });
            const topics = [...reader.channelsById.values()].map((c) => c.topic).sort();
            assert.deepEqual(topics, ['/robot/events', '/robot/link', '/robot/state']);
            let states = 0;
            for await (const m of reader.readMessages()) {
                states += reader.channelsById.get(m.channelId).topic === '/robot/state' ? 1 : 0;
            }
            assert.ok(states > 50, `states saved: ${states}`);

            const list = await (await fetch(new URL('api/recordings', server.base))).json();
            const entry = list.recordings.find((r) => r.name === name);
            assert.ok(entry, 'listed');
            assert.equal(entry.bytes, bytes.byteLength);
            assert.equal(BigInt(entry.messages), reader.statistics.messageCount);
        } finally {
            await page.close();
        }
    });
});
