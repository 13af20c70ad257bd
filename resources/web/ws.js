// SPDX-License-Identifier: MIT
// The WebSocket link to omniscient: connects, hands each parsed message on, and reconnects by itself with
// exponential backoff plus jitter (capped). The server sends hello + the newest state on every connect, so a
// reconnect never replays a backlog.

const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 15000;
const QUIET_PROBE_MS = 15000; // no message for this long: ask /healthz whether the server is still there
const PROBE_TIMEOUT_MS = 5000;

/// Adds the page's ?token= (if any) to a URL relative to the page.
export function withToken(path, token, base = window.location.href) {
    const url = new URL(path, base);
    if (token) {
        url.searchParams.set('token', token);
    }
    return url;
}

/// The delay before reconnect attempt `attempt` (0-based): doubling from 1 s up to 15 s, the upper half jittered
/// so that many pages do not reconnect in lockstep after a server restart.
export function backoffDelay(attempt, random = Math.random) {
    const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt, 16));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export class Connection {
    /// onMessage(object) for each JSON message; onStatus(status) whenever `status` changes.
    constructor({ token, onMessage, onStatus }) {
        this.token = token;
        this.onMessage = onMessage;
        this.onStatus = onStatus;
        this.socket = null;
        this.attempt = 0;
        this.retryTimer = 0;
        this.quietTimer = 0;
        /// phase: 'connecting' | 'open' | 'retrying'; retryAt: ms timestamp of the next attempt; auth: token refused
        this.status = { phase: 'connecting', retryAt: 0, auth: false, connectedOnce: false };
        document.addEventListener('visibilitychange', () => {
            if (!document.hidden) {
                this.retryNow();
            }
        });
        window.addEventListener('online', () => this.retryNow());
    }

    start() {
        this.connect();
    }

    setStatus(patch) {
        this.status = { ...this.status, ...patch };
        this.onStatus(this.status);
    }

    connect() {
        clearTimeout(this.retryTimer);
        const url = withToken('ws', this.token);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        this.setStatus({ phase: 'connecting', retryAt: 0 });
        let socket;
        try {
            socket = new WebSocket(url);
        } catch (e) {
            this.scheduleRetry();
            return;
        }
        this.socket = socket;
        let opened = false;
        socket.addEventListener('open', () => {
            opened = true;
            this.setStatus({ phase: 'open', auth: false, connectedOnce: true });
            this.armQuietProbe();
        });
        socket.addEventListener('message', (event) => {
            this.armQuietProbe();
            let message;
            try {
                message = JSON.parse(event.data);
            } catch (e) {
                return; // not ours to show; the next message will do
            }
            if (message && typeof message === 'object') {
                if (message.type === 'hello') {
                    this.attempt = 0; // a server that greets us is healthy: start backing off from scratch again
                }
                this.onMessage(message);
            }
        });
        socket.addEventListener('close', () => {
            if (this.socket !== socket) {
                return;
            }
            this.socket = null;
            clearTimeout(this.quietTimer);
            if (!opened) {
                this.checkAuth();
            }
            this.scheduleRetry();
        });
    }

    scheduleRetry() {
        clearTimeout(this.retryTimer);
        const delay = backoffDelay(this.attempt++);
        this.setStatus({ phase: 'retrying', retryAt: Date.now() + delay });
        this.retryTimer = setTimeout(() => this.connect(), delay);
    }

    /// Skips the wait (tab shown again, network back). Does nothing while connected or connecting.
    retryNow() {
        if (this.status.phase === 'retrying') {
            this.attempt = Math.max(0, this.attempt - 1);
            this.connect();
        }
    }

    // A refused upgrade looks like any failed connect to a page; the API says 401/403 when it is the token.
    async checkAuth() {
        try {
            const response = await fetch(withToken('api/state', this.token), { cache: 'no-store' });
            this.setStatus({ auth: response.status === 401 || response.status === 403 });
        } catch (e) {
            this.setStatus({ auth: false });
        }
    }

    // A silently dropped network (Wi-Fi gone) can leave a socket "open" for minutes: after a quiet spell, check that
    // the server answers at all, and start over if it does not.
    armQuietProbe() {
        clearTimeout(this.quietTimer);
        this.quietTimer = setTimeout(async () => {
            const socket = this.socket;
            const abort = new AbortController();
            const timer = setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS);
            let alive = false;
            try {
                const response = await fetch(new URL('healthz', window.location.href), {
                    cache: 'no-store',
                    signal: abort.signal,
                });
                alive = response.ok;
            } catch (e) {
                alive = false;
            }
            clearTimeout(timer);
            if (socket && socket === this.socket) {
                if (alive) {
                    this.armQuietProbe();
                } else {
                    this.socket = null; // its close event may come much later: do not wait for it
                    socket.close();
                    this.scheduleRetry();
                }
            }
        }, QUIET_PROBE_MS);
    }
}
