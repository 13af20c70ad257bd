// SPDX-License-Identifier: MIT
// The fleet page (omniscient --headless --fleet): one tile per robot of the broker, from /api/fleet.
const token = new URLSearchParams(location.search).get('token');
const api = '/api/fleet' + (token ? '?token=' + encodeURIComponent(token) : '');
const grid = document.getElementById('fleet');
const summary = document.querySelector('[data-testid="fleet-summary"]');
const empty = document.querySelector('[data-testid="fleet-empty"]');
const svgNs = 'http://www.w3.org/2000/svg';
const tiles = new Map();

function el(name, attrs, ns) {
  const e = ns ? document.createElementNS(ns, name) : document.createElement(name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

// A small robot seen from above: the circle, the direction, three wheels with their power, the obstacle.
function drawing() {
  const svg = el('svg', { viewBox: '-50 -50 100 100', 'aria-hidden': 'true' }, svgNs);
  svg.append(el('circle', { r: 40, fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }, svgNs));
  const arrow = el('line', { x1: 0, y1: 0, x2: 0, y2: -30, stroke: '#0d47a1', 'stroke-width': 4 }, svgNs);
  const obstacle = el('circle', { cx: 0, cy: -44, r: 5, fill: '#90caf9', stroke: '#0d47a1' }, svgNs);
  const wheels = [-150, -30, 90].map((deg) => {
    const g = el('g', { transform: `rotate(${deg + 90}) translate(0 -40)` }, svgNs);
    const bar = el('rect', { x: -3, y: 0, width: 6, height: 0, fill: '#ffe082', stroke: '#e65100' }, svgNs);
    g.append(bar);
    svg.append(g);
    return bar;
  });
  svg.append(arrow, obstacle);
  return { svg, arrow, obstacle, wheels };
}

function tileFor(name) {
  let t = tiles.get(name);
  if (t) return t;
  const a = el('a', { class: 'tile', 'data-testid': 'fleet-tile', 'data-robot': name });
  const h = el('h2');
  h.textContent = name;
  const badge = el('span', { class: 'badge', 'data-testid': 'presence' });
  const d = drawing();
  const facts = el('p', { class: 'facts', 'data-testid': 'facts' });
  const event = el('p', { class: 'facts', 'data-testid': 'last-event' });
  a.append(h, badge, d.svg, facts, event);
  t = { a, badge, facts, event, d };
  tiles.set(name, t);
  return t;
}

function age(ms) {
  if (ms < 0) return 'no state yet';
  return ms < 2000 ? `${ms} ms old` : `${Math.round(ms / 1000)} s old`;
}

function render(fleet) {
  const names = new Set(fleet.robots.map((r) => r.name));
  for (const [name, t] of tiles) {
    if (!names.has(name)) { t.a.remove(); tiles.delete(name); }
  }
  fleet.robots.forEach((r, i) => {
    const t = tileFor(r.name);
    if (grid.children[i] !== t.a) grid.insertBefore(t.a, grid.children[i] || null);
    t.a.dataset.presence = r.presence;
    t.badge.className = 'badge ' + r.presence;
    t.badge.textContent = r.presence;
    if (r.dashboard) t.a.href = r.dashboard; else t.a.removeAttribute('href');
    const seen = r.presence === 'offline' && r.last_seen_ms > 0
      ? `last seen ${new Date(r.last_seen_ms).toLocaleTimeString()}` : `${r.rate_hz} Hz · ${age(r.age_ms)}`;
    t.facts.textContent = seen;
    t.event.textContent = r.last_event ? `last event: ${r.last_event.kind}` : '';
    const s = r.state;
    if (s) {
      const dir = { 0: 0, 1: 180, 2: -90, 3: 90 }[s.direction] ?? 0;
      t.d.arrow.setAttribute('transform', `rotate(${dir})`);
      t.d.obstacle.setAttribute('visibility', s.obstacle ? 'visible' : 'hidden');
      s.motor_power.forEach((p, w) => {
        const h = Math.min(100, Math.abs(p)) * 0.25;
        t.d.wheels[w].setAttribute('height', h);
        t.d.wheels[w].setAttribute('y', p >= 0 ? -h : 0);
      });
    }
  });
  const online = fleet.robots.filter((r) => r.presence === 'online').length;
  summary.textContent = `${fleet.robots.length} robots, ${online} online · broker ${fleet.broker}`;
  empty.hidden = fleet.robots.length > 0;
}

async function poll() {
  try {
    const res = await fetch(api, { cache: 'no-store' });
    if (res.ok) render(await res.json());
    else summary.textContent = `the fleet is not available (HTTP ${res.status})`;
  } catch {
    summary.textContent = 'omniscient is not reachable; retrying…';
  }
  setTimeout(poll, 500);
}
poll();
