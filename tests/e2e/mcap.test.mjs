// SPDX-License-Identifier: MIT
// `omniscient --record` checked by an independent reader: npm's @mcap/core (with @mcap/support's zstd and lz4)
// reads what the real binary wrote, in every compression: cleanly stopped (indexed: schema, channels, statistics,
// every message) and killed with SIGKILL (streamed: every complete chunk).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { McapIndexedReader, McapStreamReader } from '@mcap/core';
import { loadDecompressHandlers } from '@mcap/support';
import { Child, freePort, omniscientBin, sleep, startOmniscient, waitFor } from './lib/harness.mjs';

const decompressHandlers = await loadDecompressHandlers();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omni-mcap-'));

/// A readable over a whole file in memory, as McapIndexedReader wants one.
function readableOf(bytes) {
    return {
        size: async () => BigInt(bytes.byteLength),
        read: async (offset, size) => bytes.subarray(Number(offset), Number(offset + size)),
    };
}

/// Runs `omniscient --headless --simulate --record FILE --record-compression C` until it has recorded for `ms`.
async function record(name, compression, ms) {
    const file = path.join(tmp, `${name}.mcap`);
    const child = new Child(`mcap-${name}`, omniscientBin,
        ['--headless', '--simulate', '--no-server', '--no-sound', '--sim-rate', '100', '--record', file,
            '--record-compression', compression]);
    await waitFor(`${name}: the recording to start`, async () => fs.existsSync(file) && fs.statSync(file).size > 0);
    await sleep(ms);
    return { child, file };
}

const decoder = new TextDecoder();

describe('omniscient --record', () => {
    for (const compression of ['zstd', 'lz4', 'none']) {
        test(`${compression}: stopped with SIGTERM, McapIndexedReader reads every message`, async () => {
            const { child, file } = await record(`clean-${compression}`, compression, 1500);
            const exit = await child.stop();
            assert.equal(exit.code, 0, `omniscient exits cleanly; its log:\n${child.log()}`);

            const bytes = new Uint8Array(fs.readFileSync(file));
            const reader = await McapIndexedReader.Initialize({ readable: readableOf(bytes), decompressHandlers });
            assert.match(reader.header.library, /^omniscient /);
            const schemas = [...reader.schemasById.values()];
            assert.deepEqual(schemas.map((s) => s.name).sort(),
                ['omniscient.Event', 'omniscient.Link', 'omniscient.RobotState']);
            for (const s of schemas) {
                assert.equal(s.encoding, 'jsonschema');
            }
            const stateSchema = schemas.find((s) => s.name === 'omniscient.RobotState');
            const schema = JSON.parse(decoder.decode(stateSchema.data));
            assert.ok(schema.properties.motor_power && schema.properties.link.enum.includes('live'));
            const topics = [...reader.channelsById.values()].map((c) => c.topic).sort();
            assert.deepEqual(topics, ['/robot/events', '/robot/link', '/robot/state']);
            const schemaOf = { '/robot/state': 'omniscient.RobotState', '/robot/link': 'omniscient.Link',
                '/robot/events': 'omniscient.Event' };
            for (const c of reader.channelsById.values()) {
                assert.equal(c.messageEncoding, 'json');
                assert.equal(reader.schemasById.get(c.schemaId).name, schemaOf[c.topic]);
            }
            const expectedCompression = compression === 'none' ? '' : compression;
            assert.ok(reader.chunkIndexes.length >= 1);
            for (const ci of reader.chunkIndexes) {
                assert.equal(ci.compression, expectedCompression);
            }
            assert.equal(reader.metadataIndexes.length, 1);

            const byTopic = new Map();
            let count = 0;
            for await (const m of reader.readMessages({ validateCrcs: true })) {
                const topic = reader.channelsById.get(m.channelId).topic;
                const message = JSON.parse(decoder.decode(m.data));
                if (!byTopic.has(topic)) {
                    byTopic.set(topic, []);
                }
                byTopic.get(topic).push({ m, message });
                ++count;
            }
            const stats = reader.statistics;
            assert.equal(BigInt(count), stats.messageCount, 'every message of the statistics is read');
            assert.equal(stats.channelCount, 3);
            assert.equal(stats.schemaCount, 3);
            assert.equal(stats.chunkCount, reader.chunkIndexes.length);
            for (const [id, n] of stats.channelMessageCounts) {
                const topic = reader.channelsById.get(id).topic;
                assert.equal(BigInt(byTopic.get(topic)?.length ?? 0), n, `${topic}: the count of the statistics`);
            }

            const states = byTopic.get('/robot/state') ?? [];
            assert.ok(states.length >= 100, `about 1.5 s of a 100 Hz robot, got ${states.length} states`);
            let last = -1;
            for (const { m, message } of states) {
                assert.equal(message.type, 'state');
                assert.ok(message.seq > last, `seq increases (${message.seq} after ${last})`);
                last = message.seq;
                assert.equal(m.sequence, message.seq % 2 ** 32);
                const logMs = Number(m.logTime / 1000n) / 1e3; // µs, exact in a double
                assert.ok(Math.abs(logMs - message.t_publish_ms) < 0.002, // ms with 3 decimals, as a double
                    `log time ${m.logTime} ns is the publish time ${message.t_publish_ms} ms`);
            }
            const links = (byTopic.get('/robot/link') ?? []).map(({ message }) => message.link);
            assert.ok(links.includes('live'), `the link went live: ${links}`);
            const events = (byTopic.get('/robot/events') ?? []).map(({ message }) => message.kind);
            assert.ok(events.includes('link_live'), `a link_live event: ${events}`);
        });
    }

    test('killed with SIGKILL after more than 2 s: McapStreamReader reads the complete chunks', async () => {
        const { child, file } = await record('killed', 'zstd', 2600);
        child.signal('SIGKILL');
        const exit = await child.exited;
        assert.equal(exit.signal, 'SIGKILL');

        const bytes = new Uint8Array(fs.readFileSync(file));
        await assert.rejects(McapIndexedReader.Initialize({ readable: readableOf(bytes), decompressHandlers }),
            'a killed recording has no summary');
        const reader = new McapStreamReader({ decompressHandlers, validateCrcs: true });
        reader.append(bytes);
        const kinds = new Map();
        const seqs = [];
        for (let r; (r = reader.nextRecord());) {
            kinds.set(r.type, (kinds.get(r.type) ?? 0) + 1);
            if (r.type === 'Message' && r.channelId === 0) {
                seqs.push(JSON.parse(decoder.decode(r.data)).seq);
            }
        }
        assert.equal(reader.done(), false, 'the file ends without a footer');
        assert.equal(kinds.get('Header'), 1);
        assert.equal(kinds.get('Schema'), 3);
        assert.equal(kinds.get('Channel'), 3);
        assert.ok((kinds.get('MessageIndex') ?? 0) >= 2, 'at least two chunks closed by age');
        assert.ok(!kinds.has('Footer') && !kinds.has('DataEnd'));
        // Chunks close once a second: of about 2.6 s, at least the first 1.5 s of states are there.
        assert.ok(seqs.length >= 150, `states of the complete chunks: ${seqs.length}`);
        assert.deepEqual([...seqs].sort((a, b) => a - b), seqs, 'in order');
    });
});

describe('POST /api/recordings (the black box)', () => {
    for (const compression of ['zstd', 'lz4', 'none']) {
        test(`${compression}: a saved minute is read by McapIndexedReader, every message`, async () => {
            const folder = path.join(tmp, `saved-${compression}`);
            const child = await startOmniscient(`mcap-save-${compression}`, await freePort(),
                ['--simulate', '--no-sound', '--sim-rate', '100', '--recordings-dir', folder,
                    '--record-compression', compression]);
            try {
                await sleep(1500);
                const r = await fetch(new URL('api/recordings', child.base), {
                    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"seconds":60}',
                });
                assert.equal(r.status, 201, await r.clone().text());
                const saved = await r.json();
                const bytes = new Uint8Array(fs.readFileSync(path.join(folder, saved.name)));
                assert.equal(saved.bytes, bytes.byteLength);
                const reader = await McapIndexedReader.Initialize({ readable: readableOf(bytes), decompressHandlers });
                assert.equal([...reader.schemasById.values()][0].name, 'omniscient.RobotState');
                for (const ci of reader.chunkIndexes) {
                    assert.equal(ci.compression, compression === 'none' ? '' : compression);
                }
                let count = 0;
                let states = 0;
                let last = -1;
                for await (const m of reader.readMessages({ validateCrcs: true })) {
                    ++count;
                    if (reader.channelsById.get(m.channelId).topic === '/robot/state') {
                        const message = JSON.parse(decoder.decode(m.data));
                        assert.ok(message.seq > last, 'states in order');
                        last = message.seq;
                        assert.equal(m.sequence, message.seq % 2 ** 32);
                        const logMs = Number(m.logTime / 1000n) / 1e3;
                        assert.ok(Math.abs(logMs - message.t_publish_ms) < 1, 'log time is the publish time');
                        ++states;
                    }
                }
                assert.equal(count, saved.messages);
                assert.equal(BigInt(count), reader.statistics.messageCount);
                assert.ok(states >= 100, `about 1.5 s of a 100 Hz robot, got ${states} states`);
            } finally {
                await child.stop();
            }
        });
    }
});
