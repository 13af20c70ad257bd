// SPDX-License-Identifier: MIT
// Language choice and translated labels. Code labels are made from the raw codes of a state, never from the
// English labels the server sends, so every language (and "unknown (N)") comes out of the same tables.
import en from './lang/en.js';
import de from './lang/de.js';
import es from './lang/es.js';
import fr from './lang/fr.js';

const tables = { en, de, es, fr };
export const languages = Object.keys(tables);

/// Whether `lang` is one of ours: an own property only, so that "constructor", "__proto__" or "toString" from a
/// crafted ?lang= link never reach Object.prototype.
function known(lang) {
    return typeof lang === 'string' && Object.hasOwn(tables, lang);
}

/// The first supported language of `wanted` (e.g. navigator.languages), by primary subtag; English otherwise.
export function pickLanguage(wanted) {
    for (const tag of wanted || []) {
        const primary = String(tag).toLowerCase().split(/[-_]/)[0];
        if (known(primary)) {
            return primary;
        }
    }
    return 'en';
}

let current = en;
let currentLang = 'en';

export function setLanguage(lang) {
    currentLang = known(lang) ? lang : 'en';
    current = tables[currentLang];
    return currentLang;
}

export function language() {
    return currentLang;
}

/// The string for `key` in the current language (English if missing), with {name} placeholders filled.
export function t(key, params = {}) {
    const own = (table) => (Object.hasOwn(table, key) ? table[key] : undefined);
    const text = own(current) ?? own(en) ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/// A number in the current language's notation.
export function num(value, fractionDigits = 0) {
    return Number(value).toLocaleString(currentLang, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
    });
}

function isInt(v) {
    return Number.isInteger(v);
}

function coded(prefix, code, known) {
    if (isInt(code) && known.includes(code)) {
        return t(`${prefix}.${code}`);
    }
    return t('code.unknown', { n: code });
}

/// direction: 0..3, anything else reads "stopped" (as in docs/protocol.md).
export function directionLabel(code) {
    return isInt(code) && code >= 0 && code <= 3 ? t(`direction.${code}`) : t('direction.other');
}

export function botModeLabel(code) {
    return coded('bot_mode', code, [0, 1, 2]);
}

export function obstacleLabel(code) {
    return code === 0 ? t('obstacle.0') : t('obstacle.other');
}

export function obstacleModeLabel(code) {
    if (code === null || code === undefined) {
        return t('obstacle_mode.null');
    }
    return coded('obstacle_mode', code, [0, 1]);
}

export function sensorModeLabel(code) {
    return coded('sensor_mode', code, [0, 1, 2]);
}

// The action is derived by core; its English label is a fixed protocol identifier (docs/protocol.md).
const actionKeys = {
    'stopped': 'stopped',
    'driving forward': 'forward',
    'reversing': 'backward',
    'rotating left': 'rotate_left',
    'rotating right': 'rotate_right',
    'steering left': 'steer_left',
    'steering right': 'steer_right',
    'avoiding an obstacle': 'avoid',
};

/// The same derivation as core's omni::actionOf(), used when a server sends no (or an unknown) action.
export function deriveAction(s) {
    const moving = isInt(s.direction) && s.direction >= 0 && s.direction <= 3;
    if (moving && s.obstacle !== 0 && (s.obstacle_mode ?? 0) === 1) {
        return 'avoid';
    }
    switch (s.direction) {
    case 0:
        if (s.go_left && !s.go_right) {
            return 'steer_left';
        }
        if (s.go_right && !s.go_left) {
            return 'steer_right';
        }
        return 'forward';
    case 1:
        return 'backward';
    case 2:
        return 'rotate_left';
    case 3:
        return 'rotate_right';
    default:
        return 'stopped';
    }
}

/// The action key of a state: core's decision when it names a known action, else derived from the codes.
export function actionKey(s) {
    const label = s.labels?.action;
    return typeof label === 'string' && Object.hasOwn(actionKeys, label) ? actionKeys[label] : deriveAction(s);
}

export function actionLabel(s) {
    return t(`action.${actionKey(s)}`);
}

export function layoutLabel(layout) {
    const key = `layout.${layout}`;
    return key in en ? t(key) : String(layout ?? '');
}

/// Applies the current language to every element with data-i18n (text) or data-i18n-aria (aria-label).
export function translateDocument(root = document) {
    document.documentElement.lang = currentLang;
    for (const el of root.querySelectorAll('[data-i18n]')) {
        el.textContent = t(el.dataset.i18n);
    }
    for (const el of root.querySelectorAll('[data-i18n-aria]')) {
        el.setAttribute('aria-label', t(el.dataset.i18nAria));
    }
}
