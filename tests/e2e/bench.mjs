// The window benchmark of `make bench`: the real Northstar window under Xvfb (started by
// bench.sh), a large backlog side by side with a small one (and, for memory, an empty one),
// measured in the same run and printed as a table of medians.
//
//   node tests/e2e/bench.mjs --app APP --generator BENCH_DB --work DIR [--json FILE]
//        [--runs 5] [--items 10000] [--small-items 25]
//
// Each run starts the app once per database (a fresh copy of a template the generator wrote
// through the core), in the order empty, small, large, and measures on that one launch:
//   1. click Backlog → first row painted (small, large);
//   2. DOM elements once the backlog is quiet (small, large);
//   3. PSS of the app and its WebKit processes once it has settled (empty, large);
//   4. Alt+↓ on the second row → row painted at its new place (small, large);
//   5. a pointer drag of the second row onto the fourth → row painted (small, large), or
//      "n/a" when the backlog has no drag handle;
//   6. click MoSCoW board → first card painted, and the DOM elements then (small, large);
//   7. a pointer drag of a card to the next column → card painted there (small, large);
//   8. click Value/effort matrix → first card painted (small, large);
//   9. click Timeline → first bar painted (the generator dates the first 2,000 items), and the
//      DOM elements then, next to the backlog's first row on the same launch.
// A figure that cannot be measured is reported as an error in the table and makes the exit
// code 1; a missed goal does not (a benchmark reports, tests gate).

import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import {
  descendants, errorNotes, formatTable, isSettled, processTreeMemory, readProcessTable, tableRows,
} from './bench-lib.mjs';
import {
  NO_DRAG, allowLongScripts, countDom, leaveBacklog, openBacklog, timeDrag, timeKeyboardMove,
  waitForQuiet, waitForShell,
} from './bench-page.mjs';
import { countElements, openMatrix, openMoscowBoard, openTimeline, timeBoardDrag } from './bench-board.mjs';
import { findProcesses, newSession, waitFor } from './webdriver.mjs';

const { values: options } = parseArgs({
  options: {
    app: { type: 'string' },
    generator: { type: 'string' },
    work: { type: 'string' },
    json: { type: 'string' },
    runs: { type: 'string', default: process.env.BENCH_RUNS || '5' },
    items: { type: 'string', default: process.env.BENCH_ITEMS || '10000' },
    'small-items': { type: 'string', default: process.env.BENCH_SMALL_ITEMS || '25' },
  },
});

function positiveInteger(name, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a whole number ≥ 1, got "${text}"`);
  return n;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

if (!options.app || !options.generator || !options.work) fail('--app, --generator and --work are required');
const RUNS = positiveInteger('runs', options.runs);
const LARGE = positiveInteger('items', options.items);
const SMALL = positiveInteger('small-items', options['small-items']);
if (SMALL < 4) fail('--small-items must be at least 4 (the drag moves the second row onto the fourth)');
const APP = path.resolve(options.app);
const WORK = path.resolve(options.work);

const count = (n) => n.toLocaleString('en-US');
const CASES = [
  { key: 'empty', items: 0, label: 'empty' },
  { key: 'small', items: SMALL, label: `${count(SMALL)} items` },
  { key: 'large', items: LARGE, label: `${count(LARGE)} items` },
];

// ---------------------------------------------------------------------------

function log(message) {
  console.error(`bench: ${message}`);
}

function run(file, args, timeout) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(file)} ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve(stdout.trim());
    });
  });
}

/** Write the template databases through the core (the generator refuses existing paths). */
async function makeTemplates() {
  const dir = path.join(WORK, 'templates');
  mkdirSync(dir, { recursive: true });
  const templates = {};
  for (const c of CASES) {
    templates[c.key] = path.join(dir, `${c.key}.db`);
    log(await run(options.generator, ['--items', String(c.items), '--out', templates[c.key]], 300_000));
  }
  return templates;
}

/**
 * The graphics driver's compiled shaders (Mesa's, under XDG_CACHE_HOME): machine state that every
 * program on a desktop shares and keeps, not the app's. Wiping it made each launch compile, in
 * software (llvmpipe under Xvfb), the shaders the backlog's first frame needs: about 1.2 s on
 * every "first row", whatever the item count. The first launch of a run warms it.
 */
const KEPT_CACHES = new Set(['mesa_shader_cache']);

/**
 * Empty the webview's data and cache folders (bench.sh points XDG_* into the work dir), so that
 * every launch starts like the first: no remembered view, theme or cached page.
 */
function resetWebviewData() {
  for (const name of ['XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME']) {
    const dir = process.env[name];
    if (!dir || !path.resolve(dir).startsWith(WORK + path.sep)) continue;
    for (const entry of readdirSync(dir)) {
      if (name === 'XDG_CACHE_HOME' && KEPT_CACHES.has(entry)) continue;
      rmSync(path.join(dir, entry), { recursive: true, force: true, maxRetries: 5 });
    }
  }
}

function removeDatabase(db) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
}

/** Sample the app's memory every 500 ms until it stops moving (±1 %) or 15 s pass. */
async function settledMemory(appPid) {
  const totals = [];
  let last;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    last = processTreeMemory(appPid);
    totals.push(last.totalKb);
    if (isSettled(totals)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return last;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * End the session and wait until the app and every process below it (its WebKit processes,
 * which free a large heap slowly) are gone, so the next launch is measured on an idle machine.
 * What has not quit after 30 s is killed: only processes of this app on this database.
 */
async function quit(session, db) {
  const table = readProcessTable();
  const tree = findProcesses([APP, '--db', db]).flatMap((pid) => descendants(pid, table));
  if (session) {
    const err = await session.delete();
    if (err) log(`  ending the session: ${err.message}`);
  }
  try {
    await waitFor(() => tree.every((pid) => !isAlive(pid)), { timeout: 30_000, interval: 100, message: 'the app to quit' });
  } catch {
    const left = tree.filter(isAlive);
    log(`  pids ${left.join(', ')} did not quit after the session ended; killing them`);
    for (const pid of left) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    }
  }
}

/** Run `measure` and file its result (a number or {na}) or its error under `figure`. */
async function record(samples, figure, measure) {
  try {
    const value = await measure();
    (samples[figure] ??= []).push(value);
    return value;
  } catch (err) {
    (samples[figure] ??= []).push({ error: err.message.split('\n')[0] });
    log(`  ${figure}: ${err.message}`);
    return null;
  }
}

/** One launch of the app on a fresh copy of the case's database. */
async function runCase(c, templates, runIndex, samples) {
  const db = path.join(WORK, `run${runIndex}-${c.key}.db`);
  copyFileSync(templates[c.key], db);
  resetWebviewData();
  const mine = samples[c.key];
  const shown = [];
  let session;
  try {
    session = await newSession({ application: APP, args: ['--db', db] });
    await allowLongScripts(session);
    await waitForShell(session);
    if (await leaveBacklog(session)) log('  the app opened on the backlog: timing Home → Backlog instead');
    await waitForQuiet(session, { quietMs: 1000, timeoutMs: 30_000 });

    if (c.key === 'empty') {
      await openBacklog(session, { timed: false });
    } else {
      const ms = await record(mine, 'firstRow', () => openBacklog(session, { timed: true }));
      shown.push(`first row ${ms === null ? 'error' : `${Math.round(ms)} ms`}`);
    }
    await waitForQuiet(session, { timeoutMs: 120_000 });

    if (c.key !== 'empty') {
      let rows = null;
      const elements = await record(mine, 'elements', async () => {
        const dom = await countDom(session);
        rows = dom.rows;
        return dom.elements;
      });
      if (rows !== null) (mine.rows ??= []).push(rows);
      shown.push(elements === null ? 'DOM count error' : `${elements} elements, ${rows} rows`);
    }
    if (c.key !== 'small') {
      const memory = await record(mine, 'pssMb', async () => {
        const [pid] = await waitFor(() => {
          const pids = findProcesses([APP, '--db', db]);
          return pids.length ? pids : null;
        }, { timeout: 5_000, message: `the app process on ${db}` });
        const tree = await settledMemory(pid);
        const parts = tree.processes.map((p) => `${p.comm} ${Math.round(p.pssKb / 1024)}`).join(', ');
        log(`  PSS by process (MiB): ${parts}`);
        return tree.totalKb / 1024;
      });
      shown.push(`PSS ${memory === null ? 'error' : `${Math.round(memory)} MiB`}`);
    }
    if (c.key !== 'empty') {
      const keyboard = await record(mine, 'keyboardMove', () => timeKeyboardMove(session));
      shown.push(`Alt+↓ ${keyboard === null ? 'error' : `${Math.round(keyboard)} ms`}`);
      await waitForQuiet(session, { timeoutMs: 120_000 });
      const drag = await record(mine, 'drag', () => timeDrag(session));
      shown.push(`drag ${typeof drag === 'number' ? `${Math.round(drag)} ms` : drag?.na ?? 'error'}`);
      shown.push(...await measureBoards(session, mine));
    }
  } catch (err) {
    // The launch itself failed: every figure of this case gets the error.
    for (const figure of ['firstRow', 'elements', 'rows', 'pssMb', 'keyboardMove', 'drag', ...BOARD_FIGURES]) {
      (mine[figure] ??= []).push({ error: err.message.split('\n')[0] });
    }
    shown.push(`failed: ${err.message.split('\n')[0]}`);
  } finally {
    await quit(session, db);
    removeDatabase(db);
  }
  log(`run ${runIndex}/${RUNS}, ${c.label}: ${shown.join(', ')}`);
}

const BOARD_FIGURES = ['boardOpen', 'boardElements', 'boardDrag', 'matrixOpen', 'timelineOpen', 'timelineElements'];
const msText = (ms) => (ms === null ? 'error' : `${Math.round(ms)} ms`);

/** The boards on the same launch: the MoSCoW board opened, its elements, a drag across its
 * columns, then the matrix opened. Returns the progress line's parts. */
async function measureBoards(session, mine) {
  await waitForQuiet(session, { timeoutMs: 120_000 });
  const open = await record(mine, 'boardOpen', () => openMoscowBoard(session, { timed: true }));
  await waitForQuiet(session, { timeoutMs: 120_000 });
  const elements = await record(mine, 'boardElements', () => countElements(session));
  const drag = await record(mine, 'boardDrag', () => timeBoardDrag(session));
  await waitForQuiet(session, { timeoutMs: 120_000 });
  const matrix = await record(mine, 'matrixOpen', () => openMatrix(session, { timed: true }));
  await waitForQuiet(session, { timeoutMs: 120_000 });
  const timeline = await record(mine, 'timelineOpen', () => openTimeline(session, { timed: true }));
  await waitForQuiet(session, { timeoutMs: 120_000 });
  const timelineElements = await record(mine, 'timelineElements', () => countElements(session));
  return [
    `MoSCoW board ${msText(open)}, ${elements ?? 'error'} elements, board drag ${msText(drag)}`,
    `matrix ${msText(matrix)}`,
    `timeline ${msText(timeline)}, ${timelineElements ?? 'error'} elements`,
  ];
}

function figures(samples) {
  const small = CASES[1].label;
  return [
    { figure: 'click Backlog → first row painted', unit: 'ms', baselineLabel: small,
      baseline: samples.small.firstRow, large: samples.large.firstRow, goal: { max: 300, of: 'large' } },
    { figure: 'DOM elements on the backlog', unit: 'count', baselineLabel: small,
      baseline: samples.small.elements, large: samples.large.elements, goal: { max: 1500, of: 'large' } },
    { figure: 'backlog rows in the DOM', unit: 'count', baselineLabel: small,
      baseline: samples.small.rows, large: samples.large.rows, goal: null },
    { figure: 'PSS, app + WebKit processes', unit: 'mib', baselineLabel: 'empty',
      baseline: samples.empty.pssMb, large: samples.large.pssMb, goal: { max: 1.3, of: 'ratio' } },
    { figure: 'Alt+↓ → row painted at new place', unit: 'ms', baselineLabel: small,
      baseline: samples.small.keyboardMove, large: samples.large.keyboardMove, goal: null },
    { figure: 'drag: drop → row painted', unit: 'ms', baselineLabel: small,
      baseline: samples.small.drag, large: samples.large.drag, goal: null },
    { figure: 'click MoSCoW board → first card painted', unit: 'ms', baselineLabel: small,
      baseline: samples.small.boardOpen, large: samples.large.boardOpen, goal: null },
    { figure: 'DOM elements on the MoSCoW board', unit: 'count', baselineLabel: small,
      baseline: samples.small.boardElements, large: samples.large.boardElements, goal: { max: 1500, of: 'large' } },
    { figure: 'board drag across columns: drop → card painted', unit: 'ms', baselineLabel: small,
      baseline: samples.small.boardDrag, large: samples.large.boardDrag, goal: null },
    { figure: 'click Value/effort matrix → first card painted', unit: 'ms', baselineLabel: small,
      baseline: samples.small.matrixOpen, large: samples.large.matrixOpen, goal: null },
    // The timeline of the large backlog (2,000 dated items), next to the backlog opened on the
    // same launches: what a view of this size costs against the app's main list.
    { figure: 'click Timeline → first bar painted (2,000 bars)', unit: 'ms', baselineLabel: 'backlog, same launches',
      baseline: samples.large.firstRow, large: samples.large.timelineOpen, goal: { max: 300, of: 'large' } },
    { figure: 'DOM elements on the timeline (2,000 bars)', unit: 'count', baselineLabel: 'backlog, same launches',
      baseline: samples.large.elements, large: samples.large.timelineElements, goal: { max: 1500, of: 'large' } },
  ];
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const templates = await makeTemplates();
  const samples = { empty: {}, small: {}, large: {} };
  const loadAtStart = os.loadavg()[0].toFixed(1);
  const started = Date.now();
  for (let r = 1; r <= RUNS; r += 1) {
    for (const c of CASES) await runCase(c, templates, r, samples);
  }
  const list = figures(samples);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nNorthstar window benchmarks — the real app (${path.relative(process.cwd(), APP) || APP}) under Xvfb, `
    + `medians of ${RUNS} launch${RUNS === 1 ? "" : "es"} per database, measured in the same run (${seconds} s; `
    + `load average ${loadAtStart} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  console.log(formatTable(tableRows(list, CASES[2].label)));
  console.log('Baseline: the same app and view on a small backlog (memory: on an empty one). '
    + `"${NO_DRAG}" would mean the view found no drag handle to measure.`);
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify({ runs: RUNS, cases: CASES, samples }, null, 2)}\n`);
  }
  const errors = errorNotes(list, CASES[2].label);
  for (const line of errors) console.log(`error: ${line}`);
  process.exit(errors.length ? 1 : 0);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`stopped by ${signal}`);
    process.exit(130);
  });
}

main().catch((err) => {
  console.error(`bench: ${err.stack || err.message}`);
  process.exit(1);
});
