// SPDX-License-Identifier: MIT
// The robot seen from above, front at the top, as an SVG: three omni wheels 120° apart (left, right, bottom)
// with their power and spin, the five front line sensors on an arc and the two edge sensors, the obstacle sensor,
// the steering indicators and an arrow for the direction of travel or rotation. The geometry is the desktop's
// (app/gui/robotlayout.cpp): the same 524 × 524 view box, the same places.
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
    { key: 'left', angle: 210, badge: [-171, -165] },
    { key: 'right', angle: 330, badge: [171, -165] },
    { key: 'bottom', angle: 90, badge: [0, 216] },
];

function polar(angleDeg, r) {
    const a = (angleDeg * Math.PI) / 180;
    return [r * Math.cos(a), r * Math.sin(a)];
}

/// The index in `sensors` of each position on the front arc, left to right: omni_shm.h's OMNI_SENSOR_LEFT_TO_RIGHT
/// (tests/e2e/units.test.mjs checks that they agree). The original robot's fifth sensor was added in the centre.
export const SENSOR_LEFT_TO_RIGHT = [0, 1, 4, 2, 3];

/// The front arc's diamonds by position, left to right: [0], [3] and the centre [4] a little lower than [1], [2].
export const SENSOR_POSITIONS = [
    { x: -76, y: -106 }, { x: -38, y: -118 }, { x: 0, y: -106 }, { x: 38, y: -118 }, { x: 76, y: -106 },
];
/// The edge sensors, left and right: part of the picture, fed by no field.
export const EDGE_SENSORS = [{ x: -104, y: -72 }, { x: 104, y: -72 }];

/// The sensor index shown at `position` of a robot with `count` sensors, or -1 (the centre of a four-sensor robot).
export function sensorAtPosition(position, count) {
    const index = SENSOR_LEFT_TO_RIGHT[position];
    return index !== undefined && index < count ? index : -1;
}

/// How a sensor value is shown: 1 lit, 0 unlit, anything else as the number itself.
export function sensorLook(value) {
    return value === 1 ? 'on' : value === 0 ? 'off' : 'value';
}

export class RobotView {
    constructor(container) {
        this.svg = el('svg', {
            viewBox: '-262 -262 524 524',
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
        const front = el('text', { x: 0, y: -142, class: 'front-label', 'data-i18n': 'robot.front' }, svg);
        front.textContent = t('robot.front');

        this.obstacleWarn = el('g', { class: 'obstacle-warn', 'data-testid': 'obstacle-indicator' }, svg);
        for (const r of [26, 44]) {
            el('path', { d: `M ${-r * 1.2} ${-184 - r * 0.2} Q 0 ${-190 - r * 1.1} ${r * 1.2} ${-184 - r * 0.2}`,
                class: 'wave' }, this.obstacleWarn);
        }
        // Clear of the outer wave, whose top is at -218.
        const pill = el('g', { transform: 'translate(0 -238)' }, this.obstacleWarn);
        el('rect', { x: -66, y: -14, width: 132, height: 28, rx: 14, class: 'warn-pill', 'data-testid': 'obstacle-pill' },
            pill);
        const warnText = el('text', { x: 0, y: 5, class: 'warn-text', 'data-i18n': 'robot.obstacle' }, pill);
        warnText.textContent = t('robot.obstacle');

        this.obstacleSensor = el('rect', {
            x: -26, y: -BODY_R - 11, width: 52, height: 22, rx: 5, class: 'obstacle-sensor',
            'data-testid': 'obstacle-sensor',
        }, svg);

        this.wheels = WHEELS.map((w, index) => this.buildWheel(w, index));

        for (const [side, pos] of [['left', EDGE_SENSORS[0]], ['right', EDGE_SENSORS[1]]]) {
            const g = el('g', {
                transform: `translate(${pos.x} ${pos.y})`, class: 'sensor edge', 'data-testid': `edge-sensor-${side}`,
            }, svg);
            el('rect', { x: -11, y: -11, width: 22, height: 22, rx: 3, class: 'sensor-shape' }, g);
            this.edgeTitles = [...(this.edgeTitles ?? []), el('title', {}, g)];
        }
        this.sensorGroup = el('g', { class: 'sensors', 'data-testid': 'sensor-row' }, svg);
        this.sensors = [];
        this.noSensor = el('g', { class: 'no-sensor', 'data-testid': 'no-sensor', display: 'none' }, svg);
        el('path', { d: 'M 0 -14 L 14 0 L 0 14 L -14 0 Z', class: 'no-sensor-shape' }, this.noSensor);
        el('path', { d: 'M -5 -5 L 5 5 M -5 5 L 5 -5', class: 'no-sensor-cross' }, this.noSensor);
        this.noSensorTitle = el('title', {}, this.noSensor);

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
        this.dirLabel = el('text', { x: 0, y: 98, class: 'dir-label', 'data-testid': 'direction-label' }, svg);
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
        // The badge sits outside the circle, upright, clear of its wheel: above the upper wheels (beside them it
        // would leave the view box), below the bottom one. Wide enough for "−100 %".
        const [bx, by] = w.badge;
        const badge = el('g', {
            class: 'power-badge', transform: `translate(${bx} ${by})`, 'data-testid': `badge-${w.key}`,
        }, this.svg);
        el('rect', { x: -48, y: -18, width: 96, height: 36, rx: 18, class: 'badge-bg' }, badge);
        const text = el('text', { x: 0, y: 7, class: 'badge-text', 'data-testid': `power-${w.key}` }, badge);
        return { group: g, flip, march, text, key: w.key };
    }

    /// One diamond per sensor, in index order (sensor-0 … sensor-N), each at its position on the arc.
    ensureSensors(count) {
        if (count === this.sensorCount) {
            return;
        }
        this.sensorCount = count;
        this.sensorGroup.replaceChildren();
        this.sensors = [];
        let empty = -1;
        SENSOR_POSITIONS.forEach((pos, position) => {
            const index = sensorAtPosition(position, count);
            if (index < 0) {
                empty = position;
                return;
            }
            const g = el('g', {
                transform: `translate(${pos.x} ${pos.y})`, class: 'sensor front',
                'data-testid': `sensor-${index}`, 'data-position': position,
            });
            el('path', { d: 'M 0 -14 L 14 0 L 0 14 L -14 0 Z', class: 'sensor-shape' }, g);
            const value = el('text', { x: 0, y: 4.5, class: 'sensor-value' }, g);
            const title = el('title', {}, g);
            this.sensors[index] = { g, value, title };
        });
        for (const sensor of this.sensors) {
            if (sensor) {
                this.sensorGroup.appendChild(sensor.g);
            }
        }
        const pos = SENSOR_POSITIONS[empty];
        this.noSensor.setAttribute('display', pos ? 'inline' : 'none');
        if (pos) {
            this.noSensor.setAttribute('transform', `translate(${pos.x} ${pos.y})`);
        }
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

        // The array's length says how many sensors the robot has: 5, or 4 for the original 56-byte layout.
        const sensors = Array.isArray(s?.sensors) ? s.sensors : [];
        this.ensureSensors(Math.min(sensors.length || 5, SENSOR_POSITIONS.length));
        this.sensors.forEach(({ g, value: label, title }, i) => {
            const value = Number.isFinite(sensors[i]) ? sensors[i] : 0;
            const look = sensorLook(value);
            g.classList.toggle('on', look === 'on');
            g.classList.toggle('odd', look === 'value');
            g.dataset.active = look === 'on' ? '1' : '0';
            g.dataset.value = String(value);
            const shown = look === 'value' ? String(value).replace('-', '−') : '';
            label.textContent = shown;
            // A long number is squeezed into the diamond rather than cut: it is shown as it is.
            if (shown.length > 3) {
                label.setAttribute('textLength', '24');
                label.setAttribute('lengthAdjust', 'spacingAndGlyphs');
            } else {
                label.removeAttribute('textLength');
            }
            title.textContent = t(`sensor.${look}`, { index: i, value });
        });
        this.noSensorTitle.textContent = t('sensor.none');
        for (const title of this.edgeTitles) {
            title.textContent = t('sensor.edge');
        }

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
