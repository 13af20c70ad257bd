// SPDX-License-Identifier: MIT
// The robot seen from above, front at the top, as an SVG: three omni wheels 120° apart (left, right, bottom)
// with their power and spin, the line sensors across the front, the obstacle sensor, the steering indicators and
// an arrow for the direction of travel or rotation.
import { t, directionLabel } from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';
const BODY_R = 170;
const CHEVRON_STEP = 16;

function el(name, attrs = {}, parent = null) {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attrs)) {
        node.setAttribute(key, String(value));
    }
    if (parent) {
        parent.appendChild(node);
    }
    return node;
}

// Positive power pushes the robot clockwise as seen from above (robot/sim/omni_sim_model.c): with the wheel's local
// x axis along the counter-clockwise tangent, positive power therefore spins towards local -x.
const WHEELS = [
    { key: 'left', angle: 210 },
    { key: 'right', angle: 330 },
    { key: 'bottom', angle: 90 },
];

function polar(angleDeg, r) {
    const a = (angleDeg * Math.PI) / 180;
    return [r * Math.cos(a), r * Math.sin(a)];
}

/// Sensor positions: five = edge squares outside, three front diamonds between; otherwise all diamonds.
export function sensorLayout(count) {
    const out = [];
    if (count === 5) {
        for (let i = 0; i < 5; ++i) {
            const edge = i === 0 || i === 4;
            out.push(edge ? { kind: 'edge', x: (i - 2) * 46, y: -96 } : { kind: 'front', x: (i - 2) * 40, y: -118 });
        }
        return out;
    }
    const spacing = 38;
    for (let i = 0; i < count; ++i) {
        const x = (i - (count - 1) / 2) * spacing;
        out.push({ kind: 'front', x, y: -118 + Math.abs(x) * 0.12 });
    }
    return out;
}

export class RobotView {
    constructor(container) {
        this.svg = el('svg', {
            viewBox: '-250 -250 500 500',
            class: 'robot-svg',
            role: 'img',
            'data-i18n-aria': 'robot.aria',
            'aria-label': t('robot.aria'),
        });
        container.appendChild(this.svg);
        this.sensorCount = -1;
        this.lastSpin = ['', '', ''];
        this.build();
    }

    build() {
        const svg = this.svg;
        const defs = el('defs', {}, svg);
        const marker = el('marker', {
            id: 'rot-head', viewBox: '0 0 10 10', refX: 3, refY: 5,
            markerWidth: 3.2, markerHeight: 3.2, orient: 'auto-start-reverse',
        }, defs);
        el('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'dir-head' }, marker);

        el('circle', { r: BODY_R + 8, class: 'body-halo' }, svg);
        el('circle', { r: BODY_R, class: 'body', 'data-testid': 'robot-body' }, svg);
        el('circle', { r: BODY_R - 14, class: 'body-rim' }, svg);
        const front = el('text', { x: 0, y: -138, class: 'front-label', 'data-i18n': 'robot.front' }, svg);
        front.textContent = t('robot.front');

        this.obstacleWarn = el('g', { class: 'obstacle-warn', 'data-testid': 'obstacle-indicator' }, svg);
        for (const r of [26, 44]) {
            el('path', { d: `M ${-r * 1.2} ${-184 - r * 0.2} Q 0 ${-190 - r * 1.1} ${r * 1.2} ${-184 - r * 0.2}`,
                class: 'wave' }, this.obstacleWarn);
        }
        const pill = el('g', { transform: 'translate(0 -232)' }, this.obstacleWarn);
        el('rect', { x: -62, y: -14, width: 124, height: 28, rx: 14, class: 'warn-pill' }, pill);
        const warnText = el('text', { x: 0, y: 5, class: 'warn-text', 'data-i18n': 'robot.obstacle' }, pill);
        warnText.textContent = t('robot.obstacle');

        this.obstacleSensor = el('rect', {
            x: -26, y: -BODY_R - 11, width: 52, height: 22, rx: 5, class: 'obstacle-sensor',
            'data-testid': 'obstacle-sensor',
        }, svg);

        this.wheels = WHEELS.map((w, index) => this.buildWheel(w, index));

        this.sensorGroup = el('g', { class: 'sensors', 'data-testid': 'sensor-row' }, svg);
        this.sensors = [];

        this.steer = {};
        for (const side of ['left', 'right']) {
            const sign = side === 'left' ? -1 : 1;
            const g = el('g', {
                class: 'steer', transform: `translate(${sign * 104} -6) scale(${sign} 1)`,
                'data-testid': `go-${side}`,
            }, svg);
            el('path', { d: 'M -14 -26 L 14 0 L -14 26 L -4 0 Z', class: 'steer-shape' }, g);
            el('path', { d: 'M 4 -26 L 32 0 L 4 26 L 14 0 Z', class: 'steer-shape' }, g);
            this.steer[side] = g;
        }

        this.dir = el('g', { class: 'direction', transform: 'translate(0 12)', 'data-testid': 'direction' }, svg);
        this.arrowStraight = el('path', {
            d: 'M -12 46 L -12 -14 L -32 -14 L 0 -54 L 32 -14 L 12 -14 L 12 46 Z', class: 'dir-arrow',
        }, this.dir);
        this.arrowRotate = el('path', {
            d: 'M -40 -24 A 46 46 0 1 1 -44 14', class: 'dir-rot', 'marker-end': 'url(#rot-head)',
        }, this.dir);
        this.stopShape = el('rect', { x: -26, y: -26, width: 52, height: 52, rx: 10, class: 'dir-stop' }, this.dir);
        this.dirLabel = el('text', { x: 0, y: 82, class: 'dir-label', 'data-testid': 'direction-label' }, svg);
    }

    buildWheel(w, index) {
        const [x, y] = polar(w.angle, BODY_R);
        const g = el('g', {
            class: 'wheel', transform: `translate(${x.toFixed(1)} ${y.toFixed(1)}) rotate(${w.angle - 90})`,
            'data-testid': `wheel-${w.key}`,
        }, this.svg);
        el('title', {}, g).textContent = t(`wheel.${w.key}`);
        el('rect', { x: -50, y: -18, width: 100, height: 36, rx: 8, class: 'wheel-tyre' }, g);
        const clipId = `wheel-clip-${index}`;
        const clip = el('clipPath', { id: clipId }, g);
        el('rect', { x: -46, y: -14, width: 92, height: 28, rx: 6 }, clip);
        const clipped = el('g', { 'clip-path': `url(#${clipId})` }, g);
        const flip = el('g', {}, clipped);
        const march = el('g', { class: 'chevrons' }, flip);
        for (let cx = -80; cx <= 80; cx += CHEVRON_STEP) {
            el('path', { d: `M ${cx + 5} -8 L ${cx - 3} 0 L ${cx + 5} 8`, class: 'chevron' }, march);
        }
        // The badge sits outside the circle, upright whatever the wheel's angle.
        const [bx, by] = polar(w.angle, BODY_R + 60);
        const badge = el('g', { class: 'power-badge', transform: `translate(${bx.toFixed(1)} ${by.toFixed(1)})` },
            this.svg);
        el('rect', { x: -39, y: -16, width: 78, height: 32, rx: 16, class: 'badge-bg' }, badge);
        const text = el('text', { x: 0, y: 7, class: 'badge-text', 'data-testid': `power-${w.key}` }, badge);
        return { group: g, flip, march, text, key: w.key };
    }

    ensureSensors(count) {
        if (count === this.sensorCount) {
            return;
        }
        this.sensorCount = count;
        this.sensorGroup.replaceChildren();
        this.sensors = sensorLayout(count).map((pos, i) => {
            const g = el('g', {
                transform: `translate(${pos.x} ${pos.y})`,
                class: `sensor ${pos.kind}`,
                'data-testid': `sensor-${i}`,
            }, this.sensorGroup);
            if (pos.kind === 'edge') {
                el('rect', { x: -11, y: -11, width: 22, height: 22, rx: 3, class: 'sensor-shape' }, g);
            } else {
                el('path', { d: 'M 0 -14 L 14 0 L 0 14 L -14 0 Z', class: 'sensor-shape' }, g);
            }
            return g;
        });
    }

    /// Shows state `s` (a protocol "state" message); null shows an idle robot.
    update(s) {
        const power = s ? s.motor_power : [0, 0, 0];
        this.wheels.forEach((w, i) => {
            const p = Number.isFinite(power?.[i]) ? power[i] : 0;
            w.group.dataset.power = String(p);
            w.text.textContent = `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p)} %`;
            // Bucketed so the animation is not restarted on every small change.
            const bucket = p === 0 ? '0' : `${p > 0 ? '+' : '-'}${Math.min(10, Math.ceil(Math.abs(p) / 10))}`;
            if (bucket !== this.lastSpin[i]) {
                this.lastSpin[i] = bucket;
                w.group.dataset.spin = p > 0 ? 'cw' : p < 0 ? 'ccw' : 'idle';
                w.flip.setAttribute('transform', p < 0 ? 'scale(-1 1)' : '');
                const level = Math.min(10, Math.ceil(Math.abs(p) / 10));
                w.march.style.animationDuration = `${(2.6 - level * 0.22).toFixed(2)}s`;
            }
        });

        const sensors = Array.isArray(s?.sensors) ? s.sensors : [];
        this.ensureSensors(Math.min(sensors.length, 8));
        this.sensors.forEach((g, i) => {
            const on = Boolean(sensors[i]);
            g.classList.toggle('on', on);
            g.dataset.active = on ? '1' : '0';
        });

        const obstacle = Boolean(s && s.obstacle);
        this.svg.classList.toggle('has-obstacle', obstacle);
        this.obstacleWarn.dataset.active = obstacle ? '1' : '0';
        for (const side of ['left', 'right']) {
            const on = Boolean(s && s[`go_${side}`]);
            this.steer[side].classList.toggle('on', on);
            this.steer[side].dataset.active = on ? '1' : '0';
        }

        const d = s ? s.direction : -1;
        const straight = d === 0 || d === 1;
        const rotating = d === 2 || d === 3;
        this.arrowStraight.style.display = straight ? '' : 'none';
        this.arrowStraight.setAttribute('transform', d === 1 ? 'rotate(180)' : '');
        this.arrowRotate.style.display = rotating ? '' : 'none';
        this.arrowRotate.setAttribute('transform', d === 2 ? 'scale(-1 1)' : '');
        this.stopShape.style.display = straight || rotating ? 'none' : '';
        this.dir.dataset.direction = String(d);
        this.dirLabel.textContent = s ? directionLabel(d) : '';
    }
}
