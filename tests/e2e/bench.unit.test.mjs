// Unit tests of the window benchmark's pure helpers (no app, no display needed):
//   node --test tests/e2e/bench.unit.test.mjs
// The benchmark itself (bench.mjs) is not a test file: `make test` never runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  descendants,
  errorNotes,
  formatTable,
  isSettled,
  judge,
  median,
  parsePssKb,
  parseStat,
  processTreeMemory,
  ratioOf,
  summarise,
  tableRows,
} from './bench-lib.mjs';
import { NO_DRAG, dragActions } from './bench-page.mjs';

const SMAPS_ROLLUP = `55d0c0a8e000-7ffd6a3f1000 ---p 00000000 00:00 0                          [rollup]
Rss:              163220 kB
Pss:              102611 kB
Pss_Dirty:         61234 kB
Pss_Anon:          60120 kB
Shared_Clean:      98000 kB
Private_Dirty:     60000 kB
Swap:                  0 kB
SwapPss:               0 kB
`;

test('median: odd and even counts, non-numbers ignored, empty → null', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([10, { error: 'x' }, 30, NaN, 20]), 20);
  assert.equal(median([]), null);
  assert.equal(median([{ na: 'n/a' }]), null);
});

test('isSettled: the last two samples within the tolerance', () => {
  assert.equal(isSettled([100]), false);
  assert.equal(isSettled([100, 150]), false);
  assert.equal(isSettled([100, 150, 150.5]), true);
  assert.equal(isSettled([1000, 1009], 0.01), true);
  assert.equal(isSettled([1000, 1020], 0.01), false);
  assert.equal(isSettled([0, 0]), false);
});

test('parsePssKb reads the Pss line, not Pss_Dirty or SwapPss', () => {
  assert.equal(parsePssKb(SMAPS_ROLLUP), 102611);
  assert.equal(parsePssKb('Rss: 10 kB\nPss_Anon: 5 kB\n'), null);
  assert.equal(parsePssKb(''), null);
});

test('parseStat: command names with spaces and parentheses', () => {
  assert.deepEqual(parseStat('4242 (WebKitWebProces) S 4200 4200 4200 0 -1 4194560 1 2 3'), {
    pid: 4242, comm: 'WebKitWebProces', ppid: 4200,
  });
  assert.deepEqual(parseStat('17 (a (b) c) R 3 17 17 0'), { pid: 17, comm: 'a (b) c', ppid: 3 });
  assert.equal(parseStat('garbage'), null);
  assert.equal(parseStat('12 (x)'), null);
});

test('descendants: the whole subtree of the root, nothing else', () => {
  const table = new Map([
    [1, { ppid: 0 }],
    [100, { ppid: 1 }], // the app
    [101, { ppid: 100 }], // WebKitNetworkProcess
    [102, { ppid: 100 }], // a sandbox wrapper
    [103, { ppid: 102 }], // WebKitWebProcess under it
    [200, { ppid: 1 }], // another app
    [201, { ppid: 200 }],
  ]);
  assert.deepEqual(descendants(100, table), [100, 101, 102, 103]);
  assert.deepEqual(descendants(201, table), [201]);
});

test('processTreeMemory sums the PSS of the app and its children from a /proc tree', (t) => {
  const proc = mkdtempSync(path.join(tmpdir(), 'bench-proc-'));
  t.after(() => rmSync(proc, { recursive: true, force: true }));
  const fake = (pid, comm, ppid, pssKb) => {
    mkdirSync(path.join(proc, String(pid)));
    writeFileSync(path.join(proc, String(pid), 'stat'), `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1`);
    if (pssKb !== undefined) writeFileSync(path.join(proc, String(pid), 'smaps_rollup'), `Rss: 1 kB\nPss: ${pssKb} kB\n`);
  };
  fake(1, 'init', 0, 10);
  fake(300, 'northstar', 1, 150_000);
  fake(301, 'WebKitNetworkProcess', 300, 40_000);
  fake(302, 'WebKitWebProcess', 300, 200_000);
  fake(303, 'zombie', 300); // no smaps_rollup: left out
  fake(400, 'other', 1, 999_999);
  writeFileSync(path.join(proc, 'meminfo'), 'not a process');

  const tree = processTreeMemory(300, proc);
  assert.equal(tree.totalKb, 390_000);
  assert.deepEqual(tree.processes.map((p) => p.comm), ['northstar', 'WebKitNetworkProcess', 'WebKitWebProcess']);
  assert.throws(() => processTreeMemory(999, proc), /process 999 is not running/);
});

test('summarise: median of numbers; n/a only when nothing was measured; an error wins', () => {
  assert.deepEqual(summarise([3, 1, 2]), { value: 2, runs: 3 });
  assert.deepEqual(summarise([{ na: NO_DRAG }, { na: NO_DRAG }]), { value: null, na: NO_DRAG, runs: 0 });
  assert.deepEqual(summarise([1, { error: 'timed out' }]), { value: null, error: 'timed out', runs: 1 });
  assert.deepEqual(summarise(undefined), { value: null, runs: 0 });
});

test('ratio and verdicts against absolute and ratio goals', () => {
  assert.equal(ratioOf(100, 250), 2.5);
  assert.equal(ratioOf(0, 250), null);
  assert.equal(ratioOf(null, 250), null);
  assert.equal(judge({ max: 300, of: 'large' }, 299, 99), 'meets');
  assert.equal(judge({ max: 300, of: 'large' }, 301, 0.5), 'misses');
  assert.equal(judge({ max: 1.3, of: 'ratio' }, 5000, 1.3), 'meets');
  assert.equal(judge({ max: 1.3, of: 'ratio' }, 5000, 5), 'misses');
  assert.equal(judge(null, 1, 1), '');
  assert.equal(judge({ max: 1.3, of: 'ratio' }, 1, null), '');
});

test('tableRows and formatTable: one aligned Markdown table with medians, ratios and goals', () => {
  const rows = tableRows([
    { figure: 'first row', unit: 'ms', baselineLabel: '25 items', baseline: [40, 50, 60],
      large: [6400, 6500, 6300], goal: { max: 300, of: 'large' } },
    { figure: 'PSS', unit: 'mib', baselineLabel: 'empty', baseline: [373.2], large: [1866.4],
      goal: { max: 1.3, of: 'ratio' } },
    { figure: 'drag', unit: 'ms', baselineLabel: '25 items', baseline: [{ na: NO_DRAG }],
      large: [{ na: NO_DRAG }], goal: null },
    { figure: 'elements', unit: 'count', baselineLabel: '25 items', baseline: [{ error: 'boom' }],
      large: [120034], goal: { max: 1500, of: 'large' } },
  ], '10,000 items');
  assert.deepEqual(rows[0], ['figure', 'baseline', '10,000 items', 'ratio', 'goal', 'verdict']);
  assert.deepEqual(rows[1], ['first row', '50 ms (25 items)', '6,400 ms', '128×', '≤ 300 ms', 'misses']);
  assert.deepEqual(rows[2], ['PSS', '373 MiB (empty)', '1,866 MiB', '5.00×', 'ratio ≤ 1.3', 'misses']);
  assert.deepEqual(rows[3], ['drag', NO_DRAG, NO_DRAG, '—', '—', '']);
  assert.deepEqual(rows[4], ['elements', 'error (see below)', '120,034', '—', '≤ 1,500', 'misses']);

  const text = formatTable(rows);
  const lines = text.split('\n');
  assert.equal(lines.length, 6);
  assert.match(lines[1], /^\|-+\|-+\|-+\|-+\|-+\|-+\|$/);
  assert.equal(new Set(lines.map((l) => l.length)).size, 1, 'every line has the same width');
  assert.ok(lines[2].startsWith('| first row '));
});

test('dragActions: to the handle, press, stepped moves, pause, release', () => {
  const { actions: [pointer] } = dragActions({ x: 10, y: 100, toY: 180 }, { steps: 4, stepMs: 20, settleMs: 50 });
  assert.equal(pointer.type, 'pointer');
  assert.deepEqual(pointer.parameters, { pointerType: 'mouse' });
  assert.deepEqual(pointer.actions.map((a) => a.type),
    ['pointerMove', 'pointerDown', 'pointerMove', 'pointerMove', 'pointerMove', 'pointerMove', 'pause', 'pointerUp']);
  assert.deepEqual(pointer.actions[0], { type: 'pointerMove', duration: 0, origin: 'viewport', x: 10, y: 100 });
  assert.deepEqual(pointer.actions.slice(2, 6).map((a) => [a.x, a.y, a.duration]),
    [[10, 120, 20], [10, 140, 20], [10, 160, 20], [10, 180, 20]]);
  assert.deepEqual(pointer.actions.at(-2), { type: 'pause', duration: 50 });
});

test('errorNotes: one line per figure and case that failed', () => {
  const figures = [
    { figure: 'first row', baselineLabel: '25 items', baseline: [1, 2], large: [{ error: 'timed out' }] },
    { figure: 'drag', baselineLabel: '25 items', baseline: [{ error: 'no rows' }], large: [{ na: NO_DRAG }] },
  ];
  assert.deepEqual(errorNotes(figures, '10,000 items'), [
    'first row, 10,000 items: timed out',
    'drag, 25 items: no rows',
  ]);
});
