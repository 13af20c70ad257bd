// SPDX-License-Identifier: MIT
// The replay bar: when omniscient plays a recording (--replay), the page shows where it is and drives it through
// GET and POST /api/replay (docs/protocol.md, "Replay"). Without a replay the bar stays hidden.
import { t, num } from './i18n.js';
import { withToken } from './ws.js';

const POLL_MS = 250;
const $ = (id) => document.getElementById(id);

function clock(s) {
    const tenths = Math.floor(Math.max(0, s) * 10);
    const min = Math.floor(tenths / 600);
    const sec = String(Math.floor(tenths / 10) % 60).padStart(2, '0');
    return `${min}:${sec}.${tenths % 10}`;
}

export class ReplayBar {
    constructor(token) {
        this.token = token;
        this.status = null;
        this.busy = false;
        this.queued = null;
        this.seeking = false;
        this.timer = null;
        $('replay-play').addEventListener('click', () => this.send({ action: this.status?.playing ? 'pause' : 'play' }));
        $('replay-back').addEventListener('click', () => this.send({ action: 'step', count: -1 }));
        $('replay-forward').addEventListener('click', () => this.send({ action: 'step', count: 1 }));
        $('replay-prev').addEventListener('click', () => this.send({ action: 'previous_event' }));
        $('replay-next').addEventListener('click', () => this.send({ action: 'next_event' }));
        $('replay-speed').addEventListener('change', (e) => this.send({ action: 'speed', speed: Number(e.target.value) }));
        $('replay-loop').addEventListener('change', (e) => this.send({ action: 'loop', loop: e.target.checked }));
        const seek = $('replay-seek');
        seek.addEventListener('input', () => {
            this.seeking = true;
            $('replay-position').textContent = `${clock(Number(seek.value))} / ${clock(this.status?.duration_s ?? 0)}`;
        });
        seek.addEventListener('change', () => {
            this.seeking = false;
            this.send({ action: 'seek', position_s: Number(seek.value) });
        });
        document.addEventListener('keydown', (e) => this.key(e));
    }

    /// The desktop timeline's keys: Space plays or pauses, ←/→ step one state, PageUp/PageDown go to the
    /// previous/next event, ↑/↓ change the speed. Left to the control that has the focus when it uses them itself.
    key(e) {
        const target = e.target;
        if (!this.status || e.altKey || e.ctrlKey || e.metaKey
            || (target instanceof HTMLElement && target.closest('input, select, textarea, button, [contenteditable]'))) {
            return;
        }
        // The speed steps from what the menu shows, which moves at once: two quick presses go two steps.
        const menu = $('replay-speed');
        const speeds = [...menu.options].map((o) => Number(o.value));
        const at = menu.selectedIndex;
        const commands = {
            ' ': { action: this.status.playing ? 'pause' : 'play' },
            ArrowLeft: { action: 'step', count: -1 },
            ArrowRight: { action: 'step', count: 1 },
            PageUp: { action: 'previous_event' },
            PageDown: { action: 'next_event' },
            ArrowUp: at >= 0 && at + 1 < speeds.length ? { action: 'speed', speed: speeds[at + 1] } : null,
            ArrowDown: at > 0 ? { action: 'speed', speed: speeds[at - 1] } : null,
        };
        if (!(e.key in commands)) {
            return;
        }
        e.preventDefault(); // no page scrolling
        const command = commands[e.key];
        if (command?.action === 'speed') {
            menu.value = String(command.speed);
        } else if (e.key === ' ') {
            this.status.playing = !this.status.playing; // a second quick press toggles back
        }
        if (command) {
            this.send(command);
        }
    }

    /// Follows the link: polls while the server replays, stops (and hides) otherwise.
    follow(link) {
        const replaying = link?.link === 'replay';
        if (replaying && !this.timer) {
            this.poll();
            this.timer = setInterval(() => this.poll(), POLL_MS);
        } else if (!replaying && this.timer) {
            clearInterval(this.timer);
            this.timer = null;
            this.show(null);
        }
    }

    async poll() {
        try {
            const response = await fetch(withToken('api/replay', this.token), { cache: 'no-store' });
            this.show(response.ok ? await response.json() : null);
        } catch {
            // the connection's own status says what is wrong
        }
    }

    async send(command) {
        if (this.busy) {
            this.queued = command; // the newest waits for the one on its way (a key held, two quick clicks)
            return;
        }
        this.busy = true;
        $('replay-error').textContent = '';
        try {
            const response = await fetch(withToken('api/replay', this.token), {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(command),
                cache: 'no-store',
            });
            if (!response.ok) {
                throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
            }
            this.show(await response.json());
        } catch (e) {
            $('replay-error').textContent = t('replay.failed', { why: e.message || String(e) });
        } finally {
            this.busy = false;
            const next = this.queued;
            this.queued = null;
            if (next) {
                this.send(next);
            }
        }
    }

    show(status) {
        this.status = status;
        const bar = $('replay');
        bar.hidden = !status;
        document.body.classList.toggle('replaying', Boolean(status));
        if (!status) {
            return;
        }
        const play = $('replay-play');
        play.textContent = status.playing ? '❚❚' : '▶';
        play.setAttribute('aria-label', t(status.playing ? 'replay.pause' : 'replay.play'));
        play.dataset.playing = String(Boolean(status.playing));
        $('replay-file').textContent = status.file ?? '';
        const seek = $('replay-seek');
        seek.max = String(status.duration_s ?? 0);
        if (!this.seeking) {
            seek.value = String(status.position_s ?? 0);
            $('replay-position').textContent = `${clock(status.position_s ?? 0)} / ${clock(status.duration_s ?? 0)}`;
        }
        const speed = $('replay-speed');
        // Not while a command is on its way: a poll answered before it would put back the speed it changes.
        if (!this.busy && Number(speed.value) !== status.speed) {
            speed.value = String(status.speed);
        }
        $('replay-loop').checked = Boolean(status.loop);
        $('replay-events').textContent = t('replay.events', { n: num(status.events?.length ?? 0, 0) });
        const marks = $('replay-marks');
        const duration = status.duration_s > 0 ? status.duration_s : 1;
        const wanted = (status.events ?? []).map((e) => `${(100 * e.t_s) / duration}`).join(',');
        if (marks.dataset.marks !== wanted) {
            marks.dataset.marks = wanted;
            marks.replaceChildren(...(status.events ?? []).map((e) => {
                const mark = document.createElement('i');
                mark.style.left = `${Math.min(100, Math.max(0, (100 * e.t_s) / duration))}%`;
                mark.title = e.kind;
                return mark;
            }));
        }
    }
}
