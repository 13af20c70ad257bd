// SPDX-License-Identifier: MIT
// Helpers for the browser end-to-end tests: omniscient / omni-sim processes on free ports, Debian's chromium
// driven by playwright-core, a plain WebSocket client, and polling with deadlines.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const omniscientBin = process.env.OMNI_BIN || path.join(repoRoot, 'build/dev/app/omniscient');
export const omniSimBin = process.env.OMNI_SIM || path.join(repoRoot, 'build/dev/robot/sim/omni-sim');
export const legacyRobotBin = process.env.OMNI_LEGACY_ROBOT
    || path.join(path.dirname(path.dirname(omniSimBin)), 'examples/omni-legacy-robot');
// Test runs write their screenshots beside the other artifacts; scripts/screenshots.sh points this at docs/screenshots.
export const screenshotDir = process.env.OMNI_SCREENSHOT_DIR || path.join(repoRoot, 'tests/e2e/artifacts/screenshots');
const artifactDir = path.join(here, '..', 'artifacts');

export const CHROMIUM_ARGS = [
    '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic',
];

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/// Polls `probe` until it returns a truthy value, or throws with `what` and the last value after `timeoutMs`.
export async function waitFor(what, probe, timeoutMs = 10000, intervalMs = 100) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
        try {
            last = await probe();
            if (last) {
                return last;
            }
        } catch (e) {
            last = e;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(last)}`);
        }
        await sleep(intervalMs);
    }
}

function describe(value) {
    if (value instanceof Error) {
        return value.message;
    }
    try {
        return JSON.stringify(value);
    } catch (e) {
        return String(value);
    }
}

export function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/// A unique shared-memory name, so tests can run beside each other and beside a real robot.
export function uniqueShmName(tag) {
    return `omni-e2e-${tag}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/// A child process whose output is kept in tests/e2e/artifacts/<name>.log.
export class Child {
    constructor(name, file, args) {
        fs.mkdirSync(artifactDir, { recursive: true });
        this.name = name;
        this.logPath = path.join(artifactDir, `${name}.log`);
        const log = fs.openSync(this.logPath, 'w');
        this.proc = spawn(file, args, { stdio: ['ignore', log, log] });
        fs.closeSync(log);
        this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
        this.proc.on('error', (e) => fs.appendFileSync(this.logPath, `spawn failed: ${e.message}\n`));
    }

    get pid() {
        return this.proc.pid;
    }

    signal(sig) {
        if (this.proc.exitCode === null && this.proc.signalCode === null) {
            this.proc.kill(sig);
        }
    }

    /// SIGTERM, then SIGKILL if it has not exited within `graceMs`.
    async stop(graceMs = 5000) {
        if (this.proc.exitCode !== null || this.proc.signalCode !== null) {
            return this.exited;
        }
        this.proc.kill('SIGTERM');
        const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
        const result = await this.exited;
        clearTimeout(timer);
        return result;
    }

    log() {
        try {
            return fs.readFileSync(this.logPath, 'utf8');
        } catch (e) {
            return '';
        }
    }
}

/// Starts `omniscient --headless` with `args` on 127.0.0.1:port and waits until /healthz answers.
export async function startOmniscient(name, port, args) {
    const child = new Child(name, omniscientBin, ['--headless', '--port', String(port), '--bind', '127.0.0.1', ...args]);
    const base = `http://127.0.0.1:${port}/`;
    try {
        await waitFor(`${name} to answer /healthz on port ${port}`, async () => {
            if (child.proc.exitCode !== null) {
                throw new Error(`${name} exited with ${child.proc.exitCode}`);
            }
            return (await fetch(new URL('healthz', base))).ok;
        }, 15000);
    } catch (e) {
        await child.stop();
        throw new Error(`${e.message}\n--- ${name} log ---\n${child.log()}`);
    }
    child.base = base;
    return child;
}

export async function launchBrowser() {
    return chromium.launch({
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
    });
}

/// A new page with its own context; console errors and page errors are collected in page.problems.
export async function openPage(browser, url, options = {}) {
    const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'en-US',
        colorScheme: 'light',
        ...options,
    });
    const page = await context.newPage();
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
        if (m.type() === 'error') {
            page.problems.push(`console: ${m.text()}`);
        }
    });
    if (options.initScript) {
        await page.addInitScript(options.initScript);
    }
    await page.goto(url);
    return page;
}

/// A WebSocket client that keeps every message, states by seq.
export class WsClient {
    constructor(url) {
        this.messages = [];
        this.states = new Map();
        this.socket = new WebSocket(url);
        this.socket.on('message', (data) => {
            const m = JSON.parse(String(data));
            this.messages.push(m);
            if (m.type === 'state') {
                this.states.set(m.seq, m);
                if (this.states.size > 5000) {
                    this.states.delete(this.states.keys().next().value);
                }
            }
        });
        this.opened = new Promise((resolve, reject) => {
            this.socket.once('open', resolve);
            this.socket.once('error', reject);
        });
    }

    close() {
        this.socket.terminate();
    }
}

/// What the dashboard shows, read from the DOM in one go (one consistent render).
export function readDashboard(page) {
    return page.evaluate(() => {
        const q = (id) => document.querySelector(`[data-testid="${id}"]`);
        const text = (id) => q(id)?.textContent.trim() ?? null;
        const wheel = (key) => ({ power: Number(q(`wheel-${key}`).dataset.power), text: text(`power-${key}`) });
        return {
            link: q('link-status').dataset.link,
            badge: text('link-status'),
            overlayHidden: q('overlay').hidden,
            overlay: q('overlay').textContent.replace(/\s+/g, ' ').trim(),
            say: text('say'),
            seq: text('seq'),
            botMode: text('bot-mode'),
            action: text('action'),
            direction: text('direction-text'),
            directionCode: q('direction').dataset.direction,
            obstacle: text('obstacle'),
            obstacleShown: q('obstacle-indicator').dataset.active,
            obstacleMode: text('obstacle-mode'),
            sensorMode: text('sensor-mode'),
            rate: text('rate'),
            age: text('age'),
            layout: text('layout'),
            source: text('source'),
            wheels: [wheel('left'), wheel('right'), wheel('bottom')],
            sensors: [...document.querySelectorAll('[data-testid="sensor-row"] > [data-testid^="sensor-"]')].map((s) => s.dataset.active),
            goLeft: q('go-left').dataset.active,
            goRight: q('go-right').dataset.active,
            sound: q('sound').getAttribute('aria-pressed'),
            soundDisabled: q('sound').disabled,
            robotFilter: getComputedStyle(document.querySelector('.robot-svg')).filter,
        };
    });
}

/// The `omniscient --headless --simulate` that run.sh started (OMNI_E2E_URL), or a new one for this file alone.
export async function simulatedServer(name) {
    if (process.env.OMNI_E2E_URL) {
        return { base: new URL(process.env.OMNI_E2E_URL).href, stop: async () => {}, log: () => '' };
    }
    const child = await startOmniscient(name, await freePort(), ['--simulate']);
    return { base: child.base, stop: () => child.stop(), log: () => child.log() };
}

export function wsUrl(base, token = '') {
    const url = new URL('ws', base);
    url.protocol = 'ws:';
    if (token) {
        url.searchParams.set('token', token);
    }
    return url.href;
}
