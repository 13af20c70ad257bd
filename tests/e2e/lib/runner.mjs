// SPDX-License-Identifier: MIT
// Runs the given test files one after another with node's own test runner and its spec reporter.
// `node --test --test-concurrency=1` would do the same, but that flag needs Node.js 20; Debian 12 ships 18, where
// `node --test` runs files in parallel on machines with more than two cores, and the files share one omniscient.
// Usage: node lib/runner.mjs FILE...   (exit status 1 when any test fails, 2 without files)
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import path from 'node:path';

const files = process.argv.slice(2).map((f) => path.resolve(f));
if (files.length === 0) {
    console.error('usage: node lib/runner.mjs FILE...');
    process.exit(2);
}

run({ files, concurrency: 1 })
    .on('test:fail', () => {
        process.exitCode = 1;
    })
    .compose(new spec())
    .pipe(process.stdout);
