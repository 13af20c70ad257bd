// SPDX-License-Identifier: MIT
// The page's pure modules, without a browser: every language has every string with the same placeholders, code
// labels follow docs/protocol.md, and the reconnect backoff grows, is capped and is jittered.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './lib/harness.mjs';

const web = (file) => import(pathToFileURL(path.join(repoRoot, 'resources/web', file)).href);
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

describe('translations', () => {
    test('every language has exactly the English keys, with the same placeholders', async () => {
        const en = (await web('lang/en.js')).default;
        for (const lang of ['de', 'es', 'fr']) {
            const table = (await web(`lang/${lang}.js`)).default;
            assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort(), `${lang}: keys`);
            for (const [key, text] of Object.entries(en)) {
                assert.equal(placeholders(table[key]), placeholders(text), `${lang}: placeholders of ${key}`);
                assert.ok(table[key].trim().length > 0, `${lang}: ${key} is empty`);
            }
        }
    });

    test('code labels match docs/protocol.md in English and translate unknown codes', async () => {
        const i18n = await web('i18n.js');
        i18n.setLanguage('en');
        assert.equal(i18n.directionLabel(2), 'rotate left');
        assert.equal(i18n.directionLabel(7), 'stopped');
        assert.equal(i18n.botModeLabel(2), 'manual control');
        assert.equal(i18n.botModeLabel(9), 'unknown (9)');
        assert.equal(i18n.obstacleModeLabel(null), 'not in the 56-byte layout');
        assert.equal(i18n.sensorModeLabel(1), '5 sensor weighted');
        assert.equal(i18n.actionLabel({ direction: 0, go_left: 1, go_right: 0, obstacle: 0, obstacle_mode: 0 }),
            'steering left');
        assert.equal(i18n.actionLabel({ direction: 0, obstacle: 1, obstacle_mode: 1, labels: {} }), 'avoiding an obstacle');
        i18n.setLanguage('es');
        assert.equal(i18n.botModeLabel(9), 'desconocido (9)');
        assert.equal(i18n.actionLabel({ labels: { action: 'reversing' } }), 'retrocediendo');
        i18n.setLanguage('en');
    });

    test('the browser language picks the first supported one, English otherwise', async () => {
        const { pickLanguage } = await web('i18n.js');
        assert.equal(pickLanguage(['pt-BR', 'fr-CA', 'de']), 'fr');
        assert.equal(pickLanguage(['DE_at']), 'de');
        assert.equal(pickLanguage(['ja']), 'en');
        assert.equal(pickLanguage([]), 'en');
    });
});

describe('line sensors', () => {
    test('the page\'s left-to-right table is omni_shm.h\'s OMNI_SENSOR_LEFT_TO_RIGHT', async () => {
        const header = fs.readFileSync(path.join(repoRoot, 'robot/include/omniscient/omni_shm.h'), 'utf8');
        const macro = header.match(/#define OMNI_SENSOR_LEFT_TO_RIGHT \{([^}]*)\}/);
        assert.ok(macro, 'omni_shm.h defines OMNI_SENSOR_LEFT_TO_RIGHT');
        const { SENSOR_LEFT_TO_RIGHT, SENSOR_POSITIONS } = await web('robot.js');
        assert.deepEqual(SENSOR_LEFT_TO_RIGHT, macro[1].split(',').map((n) => Number(n.trim())));
        assert.equal(SENSOR_POSITIONS.length, SENSOR_LEFT_TO_RIGHT.length);
    });

    test('four sensors leave the centre empty; only 1 is lit, 0 unlit, anything else a value', async () => {
        const { sensorAtPosition, sensorLook } = await web('robot.js');
        assert.deepEqual([0, 1, 2, 3, 4].map((p) => sensorAtPosition(p, 5)), [0, 1, 4, 2, 3]);
        assert.deepEqual([0, 1, 2, 3, 4].map((p) => sensorAtPosition(p, 4)), [0, 1, -1, 2, 3]);
        assert.deepEqual([1, 0, 7, -1, 2].map(sensorLook), ['on', 'off', 'value', 'value', 'value']);
    });
});

describe('reconnect backoff', () => {
    test('doubles from 1 s, is capped at 15 s, and jitters within the upper half', async () => {
        const { backoffDelay } = await web('ws.js');
        assert.equal(backoffDelay(0, () => 1), 1000);
        assert.equal(backoffDelay(0, () => 0), 500);
        assert.equal(backoffDelay(1, () => 1), 2000);
        assert.equal(backoffDelay(3, () => 1), 8000);
        assert.equal(backoffDelay(4, () => 1), 15000);
        assert.equal(backoffDelay(60, () => 1), 15000);
        assert.equal(backoffDelay(60, () => 0), 7500);
    });
});

describe('link sentences', () => {
    test('ABI versions come from the link\'s numbers, never from its English detail', async () => {
        const i18n = await web('i18n.js');
        i18n.setLanguage('en');
        const { sayFor } = await web('panel.js');
        globalThis.window ??= { location: { host: 'pi:3001' } };
        const model = (link) => ({ conn: { phase: 'open' }, link, state: null });
        const detail = 'segment ABI 7, this build reads ABI 9';
        const said = sayFor('incompatible', model({
            link: 'incompatible', reason: 'abi_newer', detail, segment_abi: 2, reader_abi: 1,
        }), 0);
        assert.match(said, /ABI 2/);
        assert.match(said, /ABI 1/);
        assert.doesNotMatch(said, /[79]/);
        const plain = sayFor('incompatible', model({ link: 'incompatible', reason: 'abi_older', detail }), 0);
        assert.equal(plain, i18n.t('say.abi_older_plain'), 'no numbers: the sentence without them');
    });
});
