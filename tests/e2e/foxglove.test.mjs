// SPDX-License-Identifier: MIT
// The Foxglove WebSocket endpoint on omniscient's own port, driven by npm's @foxglove/ws-protocol FoxgloveClient
// over the `ws` package, against the real binary on the simulated robot: both subprotocol names on `/` and `/ws`,
// serverInfo, advertise, subscribe → messages valid against the advertised schema with the robot's publish time,
// unsubscribe, parameters and /api/sound, link status, bad input answered with error statuses, the token.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import foxgloveProtocol from '@foxglove/ws-protocol';
import Ajv2020 from 'ajv/dist/2020.js';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import {
    Child, freePort, omniSimBin, repoRoot, simulatedServer, startOmniscient, uniqueShmName, waitFor, WsClient, wsUrl,
} from './lib/harness.mjs';

const { FoxgloveClient } = foxgloveProtocol; // a CommonJS package: no named exports in ESM

const SUBPROTOCOLS = ['foxglove.sdk.v1', 'foxglove.websocket.v1'];
const decoder = new TextDecoder();

/// A FoxgloveClient that keeps everything the server says.
class Fox {
    constructor(url, subprotocol = SUBPROTOCOLS[0]) {
        this.ws = new WebSocket(url, [subprotocol]);
        this.client = new FoxgloveClient({ ws: this.ws });
        this.serverInfo = null;
        this.channels = [];
        this.statuses = [];
        this.removed = [];
        this.messages = [];
        this.parameterValues = [];
        this.closed = false;
        this.client.on('serverInfo', (info) => { this.serverInfo = info; });
        this.client.on('advertise', (channels) => this.channels.push(...channels));
        this.client.on('status', (s) => this.statuses.push(s));
        this.client.on('removeStatus', (r) => this.removed.push(...r.statusIds));
        this.client.on('parameterValues', (p) => this.parameterValues.push(p));
        this.client.on('message', (m) => this.messages.push({
            subscriptionId: m.subscriptionId,
            timestamp: m.timestamp,
            json: JSON.parse(decoder.decode(m.data)),
        }));
        this.client.on('close', () => { this.closed = true; });
        this.opened = new Promise((resolve, reject) => {
            this.client.on('open', resolve);
            this.client.on('error', reject);
        });
    }

    async ready() {
        await this.opened;
        await waitFor('serverInfo and advertise', () => this.serverInfo && this.channels.length === 3);
        return this;
    }

    channel(topic) {
        const c = this.channels.find((ch) => ch.topic === topic);
        assert.ok(c, `channel ${topic} advertised`);
        return c;
    }

    errors() {
        return this.statuses.filter((s) => s.level === 2 && !s.id);
    }

    close() {
        this.ws.terminate();
    }
}

function validator(channel) {
    assert.equal(channel.encoding, 'json');
    assert.equal(channel.schemaEncoding, 'jsonschema');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    return ajv.compile(JSON.parse(channel.schema));
}

function foxUrl(base, path, token = '') {
    const url = new URL(path, base);
    url.protocol = 'ws:';
    if (token) {
        url.searchParams.set('token', token);
    }
    return url.href;
}

async function soundOnServer(base) {
    const response = await fetch(new URL('api/sound', base));
    assert.equal(response.status, 200);
    return (await response.json()).enabled;
}

let server;
const open = [];
function track(fox) {
    open.push(fox);
    return fox;
}

before(async () => {
    server = await simulatedServer('foxglove-omniscient');
});

after(async () => {
    for (const f of open) {
        f.close();
    }
    await server?.stop();
});

describe('Foxglove WebSocket endpoint', () => {
    for (const subprotocol of SUBPROTOCOLS) {
        for (const path of ['/', '/ws']) {
            test(`${subprotocol} on ${path}: serverInfo, advertise, valid messages with the publish time`, async () => {
                const fox = track(await new Fox(foxUrl(server.base, path), subprotocol).ready());
                assert.equal(fox.ws.protocol, subprotocol, 'the server accepts the subprotocol the client offered');
                assert.match(fox.serverInfo.name, /^omniscient \d/);
                assert.ok(fox.serverInfo.capabilities.includes('parameters'));
                assert.ok(fox.serverInfo.capabilities.includes('parametersSubscribe'));
                assert.ok(!fox.serverInfo.capabilities.includes('time'), 'no time capability when live');
                assert.ok(fox.serverInfo.sessionId.length > 0);
                assert.match(fox.serverInfo.metadata.source, /^shm:/);
                assert.deepEqual(fox.channels.map((c) => c.topic).sort(),
                    ['/robot/events', '/robot/link', '/robot/state']);
                assert.equal(fox.messages.length, 0, 'nothing is sent before a subscription');

                const state = fox.channel('/robot/state');
                const validate = validator(state);
                assert.equal(JSON.parse(state.schema).properties.link.title, 'link');
                const sub = fox.client.subscribe(state.id);
                await waitFor('10 state messages', () => fox.messages.length >= 10);
                for (const m of fox.messages.slice(0, 10)) {
                    assert.equal(m.subscriptionId, sub);
                    assert.ok(validate(m.json), JSON.stringify(validate.errors));
                    assert.equal(m.json.type, 'state');
                    const logMs = Number(m.timestamp) / 1e6;
                    assert.ok(Math.abs(logMs - m.json.t_publish_ms) < 0.01,
                        `log time ${logMs} is the publish time ${m.json.t_publish_ms}`);
                }
                const seqs = fox.messages.map((m) => m.json.seq);
                assert.ok(seqs.every((s, i) => i === 0 || s > seqs[i - 1]), 'states in order');

                fox.client.unsubscribe(sub);
                // The server answers in order: once this answer is here, the unsubscribe was applied.
                fox.client.getParameters([], `after-unsubscribe-${sub}`);
                await waitFor('the answer after the unsubscribe',
                    () => fox.parameterValues.some((p) => p.id === `after-unsubscribe-${sub}`));
                const count = fox.messages.length;
                const clock = new WsClient(wsUrl(server.base)); // states keep coming: 10 more reach it
                await waitFor('10 states at a /ws client', () => clock.states.size >= 10);
                clock.close();
                assert.equal(fox.messages.length, count, 'unsubscribe stops the messages');
                assert.deepEqual(fox.errors(), []);
                fox.close();
            });
        }
    }

    test('/ws without a Foxglove subprotocol still speaks omniscient\'s own protocol', async () => {
        const client = new WsClient(wsUrl(server.base));
        await client.opened;
        await waitFor('hello and a state', () => client.messages.some((m) => m.type === 'state'));
        assert.equal(client.messages[0].type, 'hello');
        assert.equal(client.socket.protocol, '');
        client.close();
    });

    test('the link channel: its message valid against its schema; two subscriptions to one channel', async () => {
        const fox = track(await new Fox(foxUrl(server.base, '/')).ready());
        const link = fox.channel('/robot/link');
        const validate = validator(link);
        const a = fox.client.subscribe(link.id);
        const b = fox.client.subscribe(fox.channel('/robot/state').id);
        const c = fox.client.subscribe(fox.channel('/robot/state').id);
        await waitFor('the link message', () => fox.messages.some((m) => m.subscriptionId === a));
        const m = fox.messages.find((x) => x.subscriptionId === a);
        assert.ok(validate(m.json), JSON.stringify(validate.errors));
        assert.equal(m.json.link, 'live');
        await waitFor('states on both subscriptions', () => fox.messages.some((x) => x.subscriptionId === b) &&
            fox.messages.some((x) => x.subscriptionId === c));
        const events = validator(fox.channel('/robot/events'));
        assert.ok(events({ type: 'event', kind: 'sound_off', t_ms: 1, mono_ms: 1 }), 'the event schema compiles');
        fox.close();
    });

    test('the layout file plots and lists advertised topics and fields of their schemas', async () => {
        const fox = track(await new Fox(foxUrl(server.base, '/')).ready());
        const layout = JSON.parse(fs.readFileSync(path.join(repoRoot, 'resources/foxglove/omniscient-layout.json')));
        const panels = Object.keys(layout.configById);
        assert.ok(panels.some((p) => p.startsWith('Plot!')) && panels.some((p) => p.startsWith('Table!')));
        const paths = [];
        for (const config of Object.values(layout.configById)) {
            if (config.topicPath) {
                paths.push(config.topicPath);
            }
            for (const p of config.paths ?? []) {
                paths.push(p.value);
            }
        }
        const layoutText = JSON.stringify(layout.layout);
        for (const id of panels) {
            assert.ok(layoutText.includes(`"${id}"`), `${id} is placed in the layout`);
        }
        for (const p of paths) {
            const [, topic, field] = p.match(/^(\/robot\/[a-z]+)(?:\.([a-z_]+))?/);
            const channel = fox.channel(topic);
            if (field) {
                assert.ok(JSON.parse(channel.schema).properties[field], `${p}: ${field} is in the schema`);
            }
        }
        assert.ok(paths.includes('/robot/state.motor_power[2]') && paths.includes('/robot/events'));
        fox.close();
    });

    test('parameters: get, set, subscribe; the same switch as /api/sound', async () => {
        const fox = track(await new Fox(foxUrl(server.base, '/')).ready());
        fox.client.getParameters([], 'all');
        await waitFor('parameterValues', () => fox.parameterValues.some((p) => p.id === 'all'));
        const all = fox.parameterValues.find((p) => p.id === 'all').parameters;
        const byName = Object.fromEntries(all.map((p) => [p.name, p.value]));
        assert.equal(typeof byName['omniscient.sound.enabled'], 'boolean');
        assert.match(byName['omniscient.version'], /^\d/);
        assert.equal(byName['omniscient.layout'], 'omni-v1');

        fox.client.subscribeParameterUpdates(['omniscient.sound.enabled']);
        fox.client.setParameters([{ name: 'omniscient.sound.enabled', value: false }], 'set1');
        await waitFor('the set answer', () => fox.parameterValues.some((p) => p.id === 'set1'));
        assert.deepEqual(fox.parameterValues.find((p) => p.id === 'set1').parameters,
            [{ name: 'omniscient.sound.enabled', value: false }]);
        assert.equal(await soundOnServer(server.base), false, '/api/sound sees the change');

        const pushed = fox.parameterValues.length;
        const response = await fetch(new URL('api/sound', server.base), {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"enabled":true}',
        });
        assert.ok(response.ok);
        await waitFor('the pushed update', () => fox.parameterValues.slice(pushed).some((p) => !p.id &&
            p.parameters.some((q) => q.name === 'omniscient.sound.enabled' && q.value === true)));

        fox.client.setParameters([{ name: 'omniscient.version', value: '9' }], 'ro');
        await waitFor('a refusal', () => fox.errors().some((s) => /omniscient.version.*read-only/.test(s.message)));
        fox.client.setParameters([{ name: 'omniscient.sound.enabled', value: 'yes' }]);
        await waitFor('a type error', () => fox.errors().some((s) => /boolean/.test(s.message)));
        assert.equal(await soundOnServer(server.base), true);
        fox.close();
    });

    test('bad input gets an error status, the client stays, and others keep receiving', async () => {
        const other = track(await new Fox(foxUrl(server.base, '/')).ready());
        other.client.subscribe(other.channel('/robot/state').id);
        const fox = track(await new Fox(foxUrl(server.base, '/ws'), SUBPROTOCOLS[1]).ready());
        const cases = [
            ['not JSON', () => fox.ws.send('{nope'), /not JSON/],
            ['not an object', () => fox.ws.send('[1]'), /not an object/],
            ['no op', () => fox.ws.send('{"x":1}'), /"op"/],
            ['an unknown op', () => fox.ws.send('{"op":"fly"}'), /unknown op "fly"/],
            ['client publishing', () => fox.ws.send('{"op":"advertise","channels":[]}'), /not offered/],
            ['an unknown channel', () => fox.ws.send('{"op":"subscribe","subscriptions":[{"id":7,"channelId":99}]}'),
                /no such channel/],
            ['an unknown subscription', () => fox.ws.send('{"op":"unsubscribe","subscriptionIds":[12345]}'),
                /no such subscription/],
            ['a bad field', () => fox.ws.send('{"op":"subscribe","subscriptions":[{"id":-1,"channelId":1}]}'),
                /whole numbers/],
            ['a binary frame', () => fox.ws.send(new Uint8Array([1, 0, 0, 0, 0])), /binary/],
        ];
        for (const [what, send, expected] of cases) {
            const before = fox.errors().length;
            send();
            await waitFor(`an error status for ${what}`, () => fox.errors().length > before);
            assert.match(fox.errors().at(-1).message, expected, what);
        }
        assert.ok(!fox.closed, 'the client is not closed');
        const seen = other.messages.length;
        await waitFor('the other client still receives', () => other.messages.length > seen + 5);
        fox.client.subscribe(fox.channel('/robot/state').id);
        await waitFor('the client still works', () => fox.messages.length > 0);
        fox.close();
        other.close();
    });
});

describe('Foxglove endpoint with a token and a stopped robot', () => {
    const children = [];
    after(async () => {
        for (const c of children.reverse()) {
            await c.stop();
        }
    });

    test('the token is refused without and accepted with ?token=; status on stale, removed when live', async () => {
        const shm = uniqueShmName('foxglove');
        const sim = new Child('foxglove-omni-sim', omniSimBin, ['--shm', shm, '--rate', '50', '--quiet']);
        children.push(sim);
        const omni = await startOmniscient('foxglove-token', await freePort(), ['--shm', shm, '--token', 's3cret']);
        children.push(omni);

        const refused = new Fox(foxUrl(omni.base, '/'));
        await assert.rejects(refused.opened, /401/);
        refused.close();

        const fox = track(await new Fox(foxUrl(omni.base, '/', 's3cret')).ready());
        fox.client.subscribe(fox.channel('/robot/events').id);
        fox.client.setParameters([{ name: 'omniscient.sound.enabled', value: false }], 'tok');
        await waitFor('the write with the token', () => fox.parameterValues.some((p) => p.id === 'tok'));
        assert.equal(fox.parameterValues.find((p) => p.id === 'tok').parameters[0].value, false);
        assert.deepEqual(fox.errors(), []);

        await waitFor('a live link', async () => {
            const r = await fetch(new URL('api/state?token=s3cret', omni.base));
            return r.ok && (await r.json()).link === 'live';
        });
        sim.signal('SIGSTOP');
        try {
            await waitFor('a warning status for the stale link', () => fox.statuses.some(
                (s) => s.level === 1 && s.id === 'omniscient.link' && /stale/.test(s.message)), 6000);
        } finally {
            sim.signal('SIGCONT');
        }
        await waitFor('removeStatus when live again', () => fox.removed.includes('omniscient.link'), 6000);
        const validate = validator(fox.channel('/robot/events'));
        await waitFor('link events on /robot/events', () => fox.messages.some((m) => m.json.kind === 'link_live'));
        for (const m of fox.messages) {
            assert.ok(validate(m.json), JSON.stringify(validate.errors));
        }
        const stale = fox.messages.find((m) => m.json.kind === 'link_stale');
        assert.ok(stale, 'the link_stale event');
        assert.ok(Math.abs(Number(stale.timestamp) / 1e6 - stale.json.t_ms) < 0.01, 'its log time is its t_ms');

        await sim.stop();
        await waitFor('an error status when the link is lost', () => fox.statuses.some(
            (s) => s.level === 2 && s.id === 'omniscient.link' && /lost/.test(s.message)), 8000);
        fox.close();
    });
});

describe('Foxglove beside /ws at scale', () => {
    test('100 Foxglove clients beside 100 /ws clients all get the stream', async () => {
        const omni = await startOmniscient('foxglove-crowd', await freePort(), ['--simulate', '--max-clients', '256']);
        const foxes = [];
        const plain = [];
        try {
            for (let i = 0; i < 100; ++i) {
                foxes.push(new Fox(foxUrl(omni.base, i % 2 ? '/' : '/ws'), SUBPROTOCOLS[i % 2]));
                plain.push(new WsClient(wsUrl(omni.base)));
            }
            await Promise.all([...foxes.map((f) => f.ready()), ...plain.map((p) => p.opened)]);
            for (const f of foxes) {
                f.client.subscribe(f.channel('/robot/state').id);
            }
            const metrics = await (await fetch(new URL('metrics', omni.base))).text();
            assert.match(metrics, /^omniscient_clients 200$/m, 'one pool of 200 clients');
            assert.match(metrics, /^omniscient_foxglove_clients 100$/m);
            const startFox = foxes.map((f) => f.messages.length);
            const startPlain = plain.map((p) => p.states.size);
            await waitFor('25 new states at every client', () =>
                foxes.every((f, i) => f.messages.length >= startFox[i] + 25) &&
                plain.every((p, i) => p.states.size >= startPlain[i] + 25), 20000);
            for (const f of foxes) {
                const seqs = f.messages.map((m) => m.json.seq);
                assert.ok(seqs.every((s, i) => i === 0 || s > seqs[i - 1]), 'in order at every Foxglove client');
                assert.deepEqual(f.errors(), []);
            }
        } finally {
            for (const f of foxes) {
                f.close();
            }
            for (const p of plain) {
                p.close();
            }
            await omni.stop();
        }
    });
});
