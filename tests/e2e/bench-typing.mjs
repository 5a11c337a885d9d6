// The typing benchmark of `make bench`: keypress → paint in the research note editor of the
// real window (Xvfb, started by bench.sh), in a 50,000-word note next to a 20-word note typed
// into on the same launches. Each launch starts the app on a fresh database, writes both
// notes (the long one pasted into CodeMirror, as a person pastes a transcript, and saved by the
// autosave), then types KEYS characters at the end of each note, one W3C key action at a time:
// a keydown listener stamps the time and the frame after the editor's DOM changed ends the
// sample. Medians are printed as one table.
//
//   node tests/e2e/bench-typing.mjs --app APP --work DIR [--runs 3] [--keys 30] [--words 50000]

import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { formatTable, tableRows } from './bench-lib.mjs';
import { allowLongScripts, waitForQuiet, waitForShell } from './bench-page.mjs';
import { findProcesses, newSession, waitFor, waitForAppExit } from './webdriver.mjs';

const { values } = parseArgs({
  options: {
    app: { type: 'string' },
    work: { type: 'string' },
    runs: { type: 'string', default: '3' },
    keys: { type: 'string', default: '30' },
    words: { type: 'string', default: '50000' },
  },
});
if (!values.app || !values.work) {
  console.error('usage: bench-typing.mjs --app APP --work DIR [--runs N] [--keys N] [--words N]');
  process.exit(2);
}
const APP = path.resolve(values.app);
const WORK = path.resolve(values.work);
const RUNS = Number(values.runs);
const KEYS = Number(values.keys);
const WORDS = Number(values.words);
const log = (message) => console.error(`[bench-typing] ${message}`);

/** Writes a note's body by pasting it into the open editor, then waits for the save. */
async function pasteBody(s, words) {
  await s.execute(`
    const vocabulary = ['invoice', 'client', 'export', 'bank', 'tax', 'month', 'late', 'reminder', 'the', 'a',
      'she', 'said', 'we', 'pay', 'every', 'quarter', 'spreadsheet', 'account', 'sync', 'budget'];
    const words = [];
    for (let i = 0; i < arguments[0]; i += 1) {
      words.push(vocabulary[(i * 7 + (i >> 3)) % vocabulary.length] + (i % 12 === 11 ? '.' : ''));
      if (i % 120 === 119) words.push('\\n\\n');
    }
    const text = words.join(' ');
    const content = document.querySelector('.cm-content');
    content.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return text.length;`, [words]);
  const status = () => s.execute(`return document.querySelector('[data-status]')?.getAttribute('data-status');`);
  // The paste is waiting for the autosave's pause first; then the save itself.
  await waitFor(async () => (await status()) !== 'saved', { timeout: 5_000, interval: 20, message: 'the paste seen' }).catch(() => {});
  await waitFor(
    async () => (await s.execute(`return document.querySelector('[data-status]')?.getAttribute('data-status');`)) === 'saved',
    { timeout: 120_000, interval: 200, message: 'the pasted body saved' },
  );
}

/** Types KEYS characters at the end of the open note; returns each keypress → paint in ms. */
async function timeTyping(s) {
  await s.execute(`
    const content = document.querySelector('.cm-content');
    content.focus();
    const state = { t0: null, samples: [] };
    window.__typing = state;
    content.addEventListener('keydown', () => { state.t0 = performance.now(); }, true);
    new MutationObserver(() => {
      if (state.t0 === null) return;
      const t0 = state.t0;
      state.t0 = null;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => state.samples.push(performance.now() - t0);
        channel.port2.postMessage(0);
      });
    }).observe(content, { childList: true, subtree: true, characterData: true });`);
  // The caret to the end of the note.
  await s.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [
    { type: 'keyDown', value: '\uE009' }, { type: 'keyDown', value: '\uE010' },
    { type: 'keyUp', value: '\uE010' }, { type: 'keyUp', value: '\uE009' }] }] });
  await s.cmd('DELETE', '/actions');
  for (let key = 1; key <= KEYS; key += 1) {
    await s.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [
      { type: 'keyDown', value: 'x' }, { type: 'keyUp', value: 'x' }] }] });
    await waitFor(async () => (await s.execute('return window.__typing.samples.length;')) >= key, {
      timeout: 10_000, interval: 20, message: `keypress ${key} painted`,
    });
  }
  await s.cmd('DELETE', '/actions');
  return s.execute('return window.__typing.samples;');
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function newNote(s, title) {
  await s.click(await s.waitForText('button', 'New note', { timeout: 15_000 }));
  const field = await waitFor(async () => {
    const found = await s.findByName('input', 'Title');
    return found && (await s.property(found, 'value')) === 'Untitled note' ? found : null;
  }, { timeout: 15_000, message: 'the new note' });
  await s.clear(field);
  await s.sendKeys(field, `${title}\uE007`);
  await s.waitForText('ol[aria-label="Notes"] button span', title, { timeout: 15_000 });
}

async function openNote(s, title) {
  await s.click(await s.waitForText('ol[aria-label="Notes"] button span', title, { timeout: 15_000 }));
  await waitFor(async () => {
    const field = await s.findByName('input', 'Title');
    return field && (await s.property(field, 'value')) === title;
  }, { timeout: 15_000, message: title });
}

async function runOnce(run, samples) {
  const db = path.join(WORK, `typing-${run}.db`);
  let s = null;
  try {
    s = await newSession({ application: APP, args: ['--db', db] });
    await allowLongScripts(s);
    await waitForShell(s);
    await s.click(await s.waitForName('nav[aria-label="Views"] button', 'Research', { timeout: 30_000 }));
    await s.waitForElement('.cm-editor', { timeout: 30_000 });
    await newNote(s, 'Short note');
    await pasteBody(s, 20);
    await newNote(s, 'Long note');
    await pasteBody(s, WORDS);
    await waitForQuiet(s, { quietMs: 1000, timeoutMs: 120_000 });
    const long = await timeTyping(s);
    await openNote(s, 'Short note');
    await waitForQuiet(s, { quietMs: 1000, timeoutMs: 60_000 });
    const short = await timeTyping(s);
    samples.long.push(median(long));
    samples.short.push(median(short));
    log(`run ${run}/${RUNS}: keypress → paint median ${median(short).toFixed(1)} ms (short), ${median(long).toFixed(1)} ms (${WORDS} words)`);
  } catch (err) {
    samples.long.push({ error: err.message.split('\n')[0] });
    samples.short.push({ error: err.message.split('\n')[0] });
    log(`run ${run}/${RUNS} failed: ${err.message}`);
  } finally {
    if (s && !s.deleted) await s.delete({ timeout: 15_000 });
    await waitForAppExit(APP, db, { timeout: 30_000 }).catch(() => {
      for (const pid of findProcesses([APP, '--db', db])) process.kill(pid, 'SIGKILL');
    });
    rmSync(db, { force: true });
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
  }
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const samples = { short: [], long: [] };
  for (let run = 1; run <= RUNS; run += 1) await runOnce(run, samples);
  const label = `${WORDS.toLocaleString('en-US')}-word note`;
  console.log(`\nNorthstar typing benchmark — the note editor of the real window under Xvfb, medians of ${KEYS} keypresses `
    + `per note, then the median of ${RUNS} launches`);
  console.log(formatTable(tableRows([
    { figure: 'keypress → paint in the note editor', unit: 'ms', baselineLabel: '20-word note',
      baseline: samples.short, large: samples.long, goal: { max: 50, of: 'large' } },
  ], label)));
  if ([...samples.short, ...samples.long].some((sample) => typeof sample !== 'number')) process.exitCode = 1;
}

await main();
