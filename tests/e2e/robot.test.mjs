// SPDX-License-Identifier: MIT
// The robot picture of the web page: the line sensors where the original draws them (left to right [0] [1] [4] [2]
// [3]; a four-sensor robot has no sensor in the centre; other values shown as numbers; the edge sensors never lit),
// and no wheel, badge, sensor, label or indicator overlapping another, on a desktop and a phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, readDashboard, simulatedServer, waitFor } from './lib/harness.mjs';

let server;
let browser;

before(async () => {
    server = await simulatedServer('robot-omniscient');
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

const state = (sensors) => ({
    type: 'state', direction: 0, motor_power: [-100, -100, -100], obstacle: 0, go_left: 0, go_right: 0, sensors,
});

/// A second RobotView of the page's own module, fed `sensors`; what each sensor shows, left to right on screen.
function showSensors(page, sensors) {
    return page.evaluate(async (s) => {
        const { RobotView } = await import('./robot.js');
        document.querySelector('#probe')?.remove();
        const host = document.createElement('div');
        host.id = 'probe';
        host.style.cssText = 'position:fixed;left:0;top:0;width:524px;height:524px;background:white';
        document.body.appendChild(host);
        const view = new RobotView(host);
        view.update(s);
        const centre = (el) => {
            const r = el.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        };
        const shown = [...host.querySelectorAll('[data-testid="sensor-row"] > g')].map((g) => ({
            index: Number(g.dataset.testid.replace('sensor-', '')),
            ...centre(g),
            lit: g.classList.contains('on'),
            fill: getComputedStyle(g.querySelector('.sensor-shape')).fill,
            fillOpacity: getComputedStyle(g.querySelector('.sensor-shape')).fillOpacity,
            number: g.querySelector('.sensor-value').textContent,
            title: g.querySelector('title').textContent,
        }));
        const none = host.querySelector('[data-testid="no-sensor"]');
        const edges = ['left', 'right'].map((side) => {
            const g = host.querySelector(`[data-testid="edge-sensor-${side}"]`);
            return { ...centre(g), lit: g.classList.contains('on'), title: g.querySelector('title').textContent };
        });
        return {
            sensors: shown.sort((a, b) => a.x - b.x),
            noSensor: none.getAttribute('display') === 'none' ? null : centre(none),
            edges,
        };
    }, state(sensors));
}

describe('line sensors on the web page', () => {
    let page;
    before(async () => {
        page = await openPage(browser, `${server.base}?lang=en`);
        await waitFor('the page to go live', async () => (await readDashboard(page)).link === 'live');
    });
    after(async () => page?.context().close());

    test('five sensors sit left to right as [0] [1] [4] [2] [3], the centre one lower than its neighbours', async () => {
        const shown = await showSensors(page, [0, 0, 0, 0, 0]);
        assert.deepEqual(shown.sensors.map((s) => s.index), [0, 1, 4, 2, 3]);
        const [s0, s1, s4, s2, s3] = shown.sensors;
        assert.ok(s4.y > s1.y && s4.y > s2.y, 'the centre sensor sits lower than [1] and [2]');
        assert.ok(Math.abs(s0.y - s4.y) < 0.5 && Math.abs(s3.y - s4.y) < 0.5, '[0], [4] and [3] on one level');
        assert.ok(shown.edges[0].x < s0.x && shown.edges[1].x > s3.x, 'the edge sensors outside them');
        assert.equal(shown.noSensor, null);
    });

    test('one lit sensor lights its own position: [4] the centre, [0] the leftmost, [3] the rightmost', async () => {
        for (const [index, position] of [[4, 2], [0, 0], [3, 4], [1, 1], [2, 3]]) {
            const values = [0, 0, 0, 0, 0];
            values[index] = 1;
            const shown = await showSensors(page, values);
            assert.deepEqual(shown.sensors.map((s) => s.lit), [0, 1, 2, 3, 4].map((p) => p === position),
                `sensors[${index}] = 1 lights position ${position}`);
            assert.equal(shown.sensors[position].fillOpacity, '1');
            assert.match(shown.sensors[position].title, new RegExp(`\\[${index}\\]: on the line`));
        }
    });

    test('the edge sensors are drawn but never lit, and say they have no data', async () => {
        const shown = await showSensors(page, [1, 1, 1, 1, 1]);
        assert.ok(shown.sensors.every((s) => s.lit));
        for (const edge of shown.edges) {
            assert.equal(edge.lit, false);
            assert.match(edge.title, /no data/);
        }
    });

    test('a four-sensor robot (the sensors array has four) has [0] [1] [2] [3] outside and no sensor in the centre',
        async () => {
            const five = await showSensors(page, [0, 0, 0, 0, 0]);
            const shown = await showSensors(page, [1, 1, 1, 1]);
            assert.deepEqual(shown.sensors.map((s) => s.index), [0, 1, 2, 3]);
            assert.ok(shown.sensors.every((s) => s.lit));
            assert.ok(shown.noSensor, 'the centre shows "no sensor"');
            assert.ok(Math.abs(shown.noSensor.x - five.sensors[2].x) < 0.5, 'where [4] would be');
            assert.deepEqual(shown.sensors.map((s) => Math.round(s.x)),
                [0, 1, 3, 4].map((p) => Math.round(five.sensors[p].x)), 'at the same outer positions');
        });

    test('a value other than 0 or 1 is shown as its number, neither lit nor unlit', async () => {
        const shown = await showSensors(page, [0, 0, 0, 0, 7]);
        const centre = shown.sensors[2];
        assert.equal(centre.index, 4);
        assert.equal(centre.number, '7');
        assert.equal(centre.lit, false);
        assert.equal(centre.fillOpacity, '1', 'a solid diamond, not the faint unlit one');
        assert.notEqual(centre.fill, 'rgb(165, 214, 167)', 'not the lit green');
        assert.match(centre.title, /\[4\]: 7 \(neither 0 nor 1\)/);
        const off = await showSensors(page, [0, 0, 0, 0, 0]);
        assert.equal(off.sensors[2].number, '');
    });
});

/// Every part of the page's robot as a convex polygon in screen pixels, widened by half the widest stroke.
function robotParts(page) {
    return page.evaluate(() => {
        const svg = document.querySelector('#robot .robot-svg');
        svg.classList.add('has-obstacle'); // the warning and its waves take their place
        const dir = svg.querySelector('[data-testid="direction"]');
        for (const shape of dir.children) {
            shape.style.display = ''; // the arrow, the rotation and the stop square: the union of their places
        }
        const scale = svg.getScreenCTM().a;
        const ink = 2.5 * scale;
        const polygon = (el, pad = 0) => {
            const b = el.getBBox();
            const m = el.getScreenCTM();
            const p = (x, y) => new DOMPoint(x, y).matrixTransform(m);
            const pts = [p(b.x - pad, b.y - pad), p(b.x + b.width + pad, b.y - pad),
                p(b.x + b.width + pad, b.y + b.height + pad), p(b.x - pad, b.y + b.height + pad)];
            return pts.map((q) => [q.x, q.y]);
        };
        const parts = [];
        const add = (name, el, pad = ink / scale) => parts.push({ name, points: polygon(el, pad) });
        for (const key of ['left', 'right', 'bottom']) {
            add(`wheel ${key}`, svg.querySelector(`[data-testid="wheel-${key}"] .wheel-tyre`));
            add(`badge ${key}`, svg.querySelector(`[data-testid="badge-${key}"] .badge-bg`));
        }
        for (const g of svg.querySelectorAll('[data-testid="sensor-row"] > g')) {
            add(g.dataset.testid, g.querySelector('.sensor-shape'));
        }
        add('edge sensor left', svg.querySelector('[data-testid="edge-sensor-left"]'));
        add('edge sensor right', svg.querySelector('[data-testid="edge-sensor-right"]'));
        add('obstacle sensor', svg.querySelector('[data-testid="obstacle-sensor"]'));
        for (const wave of svg.querySelectorAll('.wave')) {
            add('obstacle waves', wave, 2.5 + ink / scale); // a 5-wide round-capped stroke; one part, nested
        }
        add('obstacle pill', svg.querySelector('[data-testid="obstacle-pill"]'));
        add('front label', svg.querySelector('.front-label'));
        add('steering left', svg.querySelector('[data-testid="go-left"]'));
        add('steering right', svg.querySelector('[data-testid="go-right"]'));
        // Forward and backward (the arrow turned about its centre): both places, whatever the robot does now.
        const straight = dir.querySelector('.dir-arrow');
        for (const turn of ['', 'rotate(180)']) {
            straight.setAttribute('transform', turn);
            add('direction', dir, 7 + ink / scale); // the rotation arc's 14-wide stroke
        }
        const label = svg.querySelector('[data-testid="direction-label"]');
        label.textContent = 'rotate right';
        add('direction label', label);
        const text = (testid) => svg.querySelector(`[data-testid="${testid}"]`);
        text('power-left').textContent = '−100 %';
        const widest = text('power-left').getBBox().width;
        const badgeWidth = svg.querySelector('[data-testid="badge-left"] .badge-bg').getBBox().width;
        // The view box on screen: what is outside it is cut off.
        const vb = svg.viewBox.baseVal;
        const m = svg.getScreenCTM();
        const tl = new DOMPoint(vb.x, vb.y).matrixTransform(m);
        const br = new DOMPoint(vb.x + vb.width, vb.y + vb.height).matrixTransform(m);
        return { parts, widest, badgeWidth, box: [tl.x, tl.y, br.x - tl.x, br.y - tl.y] };
    });
}

/// Whether two convex polygons overlap (separating axis test).
function overlap(a, b) {
    for (const poly of [a, b]) {
        for (let i = 0; i < poly.length; ++i) {
            const [x1, y1] = poly[i];
            const [x2, y2] = poly[(i + 1) % poly.length];
            const axis = [y1 - y2, x2 - x1];
            const project = (p) => p.map(([x, y]) => x * axis[0] + y * axis[1]);
            const pa = project(a);
            const pb = project(b);
            if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) {
                return false;
            }
        }
    }
    return true;
}

describe('the robot picture on the web page', () => {
    for (const [what, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
        test(`${what}: no part overlaps another, all inside the picture, "−100 %" fits its badge`, async () => {
            const page = await openPage(browser, `${server.base}?lang=de`, { viewport });
            try {
                await waitFor('the page to go live', async () => (await readDashboard(page)).link === 'live');
                const { parts, widest, badgeWidth, box } = await robotParts(page);
                assert.ok(parts.length >= 20, `${parts.length} parts`);
                const clashes = [];
                for (let i = 0; i < parts.length; ++i) {
                    for (let j = i + 1; j < parts.length; ++j) {
                        if (parts[i].name !== parts[j].name && overlap(parts[i].points, parts[j].points)) {
                            clashes.push(`${parts[i].name} / ${parts[j].name}`);
                        }
                    }
                }
                assert.deepEqual(clashes, []);
                const [bx, by, bw, bh] = box;
                const outside = parts.filter((p) => p.points.some(([x, y]) => x < bx - 0.5 || y < by - 0.5
                    || x > bx + bw + 0.5 || y > by + bh + 0.5)).map((p) => p.name);
                assert.deepEqual(outside, []);
                assert.ok(widest + 12 <= badgeWidth, `"−100 %" is ${widest} wide in a ${badgeWidth} badge`);
                assert.deepEqual(page.problems, []);
            } finally {
                await page.context().close();
            }
        });
    }
});
