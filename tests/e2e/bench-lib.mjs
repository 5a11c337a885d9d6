// Pure helpers of the window benchmark (tests/e2e/bench.mjs): statistics, /proc parsing for
// memory, and the result table. No app, no display: unit-tested in bench.unit.test.mjs.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------

/** The median of the finite numbers in `values`, or null when there is none. */
export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * True when the last two of `samples` differ by at most `tolerance` (a fraction of the last),
 * i.e. the memory figure has stopped moving.
 */
export function isSettled(samples, tolerance = 0.01) {
  if (samples.length < 2) return false;
  const [previous, last] = samples.slice(-2);
  return last > 0 && Math.abs(last - previous) <= tolerance * last;
}

// ---------------------------------------------------------------------------
// /proc: the app's process tree and its memory
// ---------------------------------------------------------------------------

/** The proportional set size in kB from /proc/<pid>/smaps_rollup's text, or null. */
export function parsePssKb(smapsRollup) {
  const match = /^Pss:\s+(\d+)\s+kB/m.exec(smapsRollup);
  return match ? Number(match[1]) : null;
}

/**
 * {pid, comm, ppid} from /proc/<pid>/stat's text. The command name sits in parentheses and may
 * itself hold spaces or parentheses, so the fields after it are read from the last ")".
 */
export function parseStat(stat) {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const pid = Number(stat.slice(0, open).trim());
  const fields = stat.slice(close + 1).trim().split(/\s+/); // state, ppid, …
  const ppid = Number(fields[1]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return null;
  return { pid, comm: stat.slice(open + 1, close), ppid };
}

/** `root` and every process below it (children, grandchildren, …), given pid → {ppid}. */
export function descendants(root, table) {
  const children = new Map();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const found = [];
  const queue = [root];
  const seen = new Set();
  while (queue.length) {
    const pid = queue.shift();
    if (seen.has(pid)) continue;
    seen.add(pid);
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found.sort((a, b) => a - b);
}

/** pid → {ppid, comm} of every process that can be read now. */
export function readProcessTable(procDir = '/proc') {
  const table = new Map();
  for (const name of readdirSync(procDir)) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseStat(readFileSync(path.join(procDir, name, 'stat'), 'utf8'));
      if (stat) table.set(stat.pid, { ppid: stat.ppid, comm: stat.comm });
    } catch {
      // the process ended while we looked
    }
  }
  return table;
}

/**
 * The PSS of `rootPid` and all its descendants (the app, its WebKitWebProcess and
 * WebKitNetworkProcess): {totalKb, processes: [{pid, comm, pssKb}]}. Processes that end while
 * being read are left out.
 */
export function processTreeMemory(rootPid, procDir = '/proc') {
  const table = readProcessTable(procDir);
  if (!table.has(rootPid)) throw new Error(`process ${rootPid} is not running`);
  const processes = [];
  for (const pid of descendants(rootPid, table)) {
    let pssKb;
    try {
      pssKb = parsePssKb(readFileSync(path.join(procDir, String(pid), 'smaps_rollup'), 'utf8'));
    } catch {
      continue;
    }
    if (pssKb !== null) processes.push({ pid, comm: table.get(pid).comm, pssKb });
  }
  return { totalKb: processes.reduce((sum, p) => sum + p.pssKb, 0), processes };
}

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

/**
 * A figure's value in one case from its samples: each sample is a number, {na: reason} (the
 * figure does not apply, e.g. no drag-and-drop) or {error: message}.
 * → {value: median|null, na?: reason, error?: message, runs: count of numbers}
 */
export function summarise(samples = []) {
  const numbers = samples.filter((s) => typeof s === 'number');
  const na = samples.find((s) => s && typeof s === 'object' && 'na' in s);
  const error = samples.find((s) => s && typeof s === 'object' && 'error' in s);
  if (error) return { value: null, error: error.error, runs: numbers.length };
  if (na && numbers.length === 0) return { value: null, na: na.na, runs: 0 };
  return { value: median(numbers), runs: numbers.length };
}

const UNITS = {
  ms: (v) => `${Math.round(v).toLocaleString('en-US')} ms`,
  count: (v) => Math.round(v).toLocaleString('en-US'),
  mib: (v) => `${Math.round(v).toLocaleString('en-US')} MiB`,
};

/** A summary as table text. */
export function formatValue(summary, unit) {
  if (summary.error) return 'error (see below)';
  if (summary.na) return summary.na;
  if (summary.value === null) return '—';
  return UNITS[unit](summary.value);
}

/** large / baseline, or null when either is missing or the baseline is 0. */
export function ratioOf(baseline, large) {
  if (typeof baseline !== 'number' || typeof large !== 'number' || baseline === 0) return null;
  return large / baseline;
}

/**
 * Whether the goal is met: goal = {max, of: 'large' | 'ratio'}. → 'meets' | 'misses' | ''
 * ('' when there is no goal or nothing to judge).
 */
export function judge(goal, largeValue, ratio) {
  if (!goal) return '';
  const value = goal.of === 'ratio' ? ratio : largeValue;
  if (typeof value !== 'number') return '';
  return value <= goal.max ? 'meets' : 'misses';
}

/** The goal as table text. */
export function formatGoal(goal, unit) {
  if (!goal) return '—';
  if (goal.of === 'ratio') return `ratio ≤ ${goal.max}`;
  return `≤ ${UNITS[unit](goal.max)}`;
}

/**
 * Table rows from figures: [{figure, unit, baselineLabel, baseline: samples, large: samples,
 * goal}] → arrays of cell texts, with the header first.
 */
export function tableRows(figures, largeLabel) {
  const header = ['figure', 'baseline', largeLabel, 'ratio', 'goal', 'verdict'];
  const rows = figures.map((f) => {
    const baseline = summarise(f.baseline);
    const large = summarise(f.large);
    const ratio = ratioOf(baseline.value, large.value);
    return [
      f.figure,
      baseline.value === null ? formatValue(baseline, f.unit) : `${formatValue(baseline, f.unit)} (${f.baselineLabel})`,
      formatValue(large, f.unit),
      ratio === null ? '—' : `${ratio.toFixed(ratio >= 10 ? 0 : 2)}×`,
      formatGoal(f.goal, f.unit),
      judge(f.goal, large.value, ratio),
    ];
  });
  return [header, ...rows];
}

/** One line per figure and case that could not be measured: "figure, case: message". */
export function errorNotes(figures, largeLabel) {
  const notes = [];
  for (const f of figures) {
    for (const [label, samples] of [[f.baselineLabel, f.baseline], [largeLabel, f.large]]) {
      const { error } = summarise(samples);
      if (error) notes.push(`${f.figure}, ${label}: ${error}`);
    }
  }
  return notes;
}

/** A Markdown table with padded columns (readable in a terminal, valid Markdown). */
export function formatTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(3, ...rows.map((row) => String(row[column]).length)));
  const line = (row) => `| ${row.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
