// SPDX-License-Identifier: MIT
// The last ~30 s of motor powers (three lines) and line sensors (one lit strip per sensor), drawn on canvases.
// Samples are kept in a bounded ring (time-pruned), so a long-open page never grows.
import { SENSOR_LEFT_TO_RIGHT, sensorAtPosition } from './robot.js';

const WINDOW_MS = 30000;
const MIN_STEP_MS = 40; // at most ~25 samples a second are kept, whatever the robot's rate
const GAP_MS = 1500; // samples further apart than this are not joined: the gap is visible
const MOTOR_COLOURS = [['--m-left', '#E65100'], ['--m-right', '#1565C0'], ['--m-bottom', '#2E7D32']];

export class History {
    constructor() {
        this.samples = [];
    }

    /// Adds a state received at local time `now` (ms).
    add(state, now) {
        const last = this.samples[this.samples.length - 1];
        if (last && now - last.t < MIN_STEP_MS) {
            this.samples[this.samples.length - 1] = this.sampleOf(state, last.t);
        } else {
            this.samples.push(this.sampleOf(state, now));
        }
        this.prune(now);
    }

    sampleOf(state, t) {
        return {
            t,
            power: Array.isArray(state.motor_power) ? state.motor_power.slice(0, 3) : [0, 0, 0],
            sensors: Array.isArray(state.sensors) ? state.sensors.slice(0, 8).map((v) => (v ? 1 : 0)) : [],
        };
    }

    prune(now) {
        let drop = 0;
        while (drop < this.samples.length && this.samples[drop].t < now - WINDOW_MS - 1000) {
            ++drop;
        }
        if (drop > 0) {
            this.samples.splice(0, drop);
        }
    }
}

function fitCanvas(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { ctx, w: canvas.clientWidth, h: canvas.clientHeight };
}

function cssVar(name, fallback) {
    const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
}

/// Motor powers: −100..100 % against time, zero line in the middle, newest sample at the right edge.
export function drawMotors(canvas, history, now, dimmed) {
    const { ctx, w, h } = fitCanvas(canvas);
    ctx.clearRect(0, 0, w, h);
    const pad = 4;
    const y = (p) => pad + ((100 - Math.max(-100, Math.min(100, p))) / 200) * (h - 2 * pad);
    const x = (t) => w - ((now - t) / WINDOW_MS) * w;
    ctx.strokeStyle = cssVar('--grid', '#8884');
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 4]);
    for (const p of [50, -50]) {
        ctx.beginPath();
        ctx.moveTo(0, y(p));
        ctx.lineTo(w, y(p));
        ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.strokeStyle = cssVar('--grid-strong', '#8888');
    ctx.beginPath();
    ctx.moveTo(0, y(0));
    ctx.lineTo(w, y(0));
    ctx.stroke();

    ctx.globalAlpha = dimmed ? 0.45 : 1;
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    for (let m = 0; m < 3; ++m) {
        ctx.strokeStyle = cssVar(...MOTOR_COLOURS[m]);
        ctx.beginPath();
        let prev = null;
        for (const s of history.samples) {
            const px = x(s.t);
            const py = y(s.power[m] ?? 0);
            if (prev === null || s.t - prev > GAP_MS) {
                ctx.moveTo(px, py);
            } else {
                ctx.lineTo(px, py);
            }
            prev = s.t;
        }
        ctx.stroke();
    }
    ctx.globalAlpha = 1;
}

/// Line sensors: one row per sensor, top to bottom as they sit left to right on the robot, lit where it was active.
export function drawSensors(canvas, history, now, dimmed) {
    const { ctx, w, h } = fitCanvas(canvas);
    ctx.clearRect(0, 0, w, h);
    const samples = history.samples;
    const count = Math.min(samples.length ? samples[samples.length - 1].sensors.length : 5, SENSOR_LEFT_TO_RIGHT.length);
    const rowSensor = SENSOR_LEFT_TO_RIGHT.map((_, position) => sensorAtPosition(position, count)).filter((i) => i >= 0);
    if (rowSensor.length === 0) {
        return;
    }
    const rowH = h / rowSensor.length;
    const x = (t) => w - ((now - t) / WINDOW_MS) * w;
    ctx.fillStyle = cssVar('--strip', '#8882');
    rowSensor.forEach((_, r) => ctx.fillRect(0, r * rowH + 1.5, w, rowH - 3));
    ctx.globalAlpha = dimmed ? 0.45 : 1;
    ctx.fillStyle = '#66BB6A';
    rowSensor.forEach((sensor, r) => {
        for (let i = 0; i < samples.length; ++i) {
            const s = samples[i];
            if (!s.sensors[sensor]) {
                continue;
            }
            const next = samples[i + 1];
            const end = next && next.t - s.t <= GAP_MS ? next.t : s.t + MIN_STEP_MS;
            const x0 = x(s.t);
            const x1 = Math.max(x0 + 1, x(Math.min(end, now)));
            ctx.fillRect(x0, r * rowH + 1.5, x1 - x0, rowH - 3);
        }
    });
    ctx.globalAlpha = 1;
}
