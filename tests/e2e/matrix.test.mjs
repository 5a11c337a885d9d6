// The value/effort matrix in the real window: a card dragged to another cell with W3C pointer
// actions (stepped moves, as WebKitWebDriver needs) has that value and effort after the app
// quits, as `northstar export` reads the file; after a restart a second drag, undone with
// Ctrl+Z, leaves the file as it was. Run through tests/e2e/run.sh (see backlog.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Key, findProcesses, newSession, screenshot, waitFor, waitForAppExit } from './webdriver.mjs';

const APP = process.env.NORTHSTAR_APP ? path.resolve(process.env.NORTHSTAR_APP) : '';
const OUT = path.resolve(process.env.NORTHSTAR_E2E_OUT || path.join('target', 'e2e'));
const UI_TIMEOUT = 15_000;
const STEP_TIMEOUT = 8_000;
const VIEWS = 'nav[aria-label="Views"] button';

/** `northstar export`: the first product's items, title → { value, effort }. */
function exportedPlaces(db) {
  const json = execFileSync(APP, ['--db', db, 'export', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  const product = JSON.parse(json).products[0];
  return Object.fromEntries(product.items.map((item) => [item.title, { value: item.value, effort: item.effort }]));
}

/** A cell's centre and the cards it shows: { x, y, cards: [{ id, x, y }] } (viewport px). */
function cell(s, value, effort) {
  return s.execute(
    `const cell = document.querySelector('[data-matrix-grid] [data-value="' + arguments[0] + '"][data-effort="' + arguments[1] + '"]');
     if (!cell) return null;
     const r = cell.getBoundingClientRect();
     const cards = [...cell.querySelectorAll('[data-matrix-card]')].map((card) => {
       const c = card.getBoundingClientRect();
       return { id: card.getAttribute('data-matrix-card'), name: card.getAttribute('aria-label'), x: c.left + c.width / 2, y: c.top + c.height / 2 };
     });
     return { x: r.left + r.width / 2, y: r.top + r.height / 2, cards };`,
    [value, effort],
  );
}

/** The first cell (from the top left) that shows a card. */
function firstPlacedCell(s) {
  return s.execute(
    `const cell = [...document.querySelectorAll('[data-matrix-grid] [data-value]')].find((c) => c.querySelector('[data-matrix-card]'));
     return cell ? { value: Number(cell.dataset.value), effort: Number(cell.dataset.effort) } : null;`,
  );
}

const announced = (s) => s.execute('return document.getElementById("announcements")?.textContent ?? "";');

async function openMatrix(s) {
  await s.click(await s.waitForName(VIEWS, 'Value/effort matrix', { timeout: UI_TIMEOUT }));
  await waitFor(async () => (await firstPlacedCell(s)) !== null, { timeout: STEP_TIMEOUT, message: 'a card on the matrix' });
}

/** Drags the first card of cell `from` to the centre of cell `to`; returns its title. */
async function dragCard(s, t, from, to) {
  const source = await cell(s, from.value, from.effort);
  const target = await cell(s, to.value, to.effort);
  const [card] = source.cards;
  const title = card.name.replace(/^“(.*)”, value \d+, effort \d+$/, '$1');
  t.diagnostic(`dragging "${title}" from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
  await s.drag({ x: card.x, y: card.y }, { x: target.x, y: target.y }, { steps: 8, stepMs: 25 });
  const said = new RegExp(`^“${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” set to value ${to.value}, effort ${to.effort} — `);
  await waitFor(async () => said.test(await announced(s)), { timeout: STEP_TIMEOUT, message: `the live region saying ${said}` });
  const landed = await cell(s, to.value, to.effort);
  assert.ok(landed.cards.some((c) => c.id === card.id), `"${title}" shown in its new cell`);
  return { title, id: card.id };
}

async function quit(s, db, t) {
  const ended = await s.delete({ timeout: 15_000 });
  if (ended) t.diagnostic(`delete session: ${ended.message}`);
  await waitForAppExit(APP, db, { timeout: 20_000 });
}

test('Value/effort matrix: a card dragged to another cell keeps its value and effort after a restart, and undo takes a drag back', {
  timeout: 240_000,
  skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)',
}, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'northstar-matrix-'));
  const db = path.join(dir, 'northstar.db');
  let s = null;
  let failed = false;
  try {
    s = await newSession({ application: APP, args: ['--db', db] });
    await openMatrix(s);
    const from = await firstPlacedCell(s);
    // The opposite corner of the grid: another quadrant, whatever the demo placed where.
    const to = { value: from.value >= 6 ? 2 : 9, effort: from.effort >= 6 ? 2 : 9 };
    const moved = await dragCard(s, t, from, to);
    await quit(s, db, t);

    const saved = exportedPlaces(db);
    assert.deepEqual(saved[moved.title], to, `the export has "${moved.title}" at value ${to.value}, effort ${to.effort}`);

    // After a restart the card is in its cell; a second drag, undone, changes nothing in the file.
    s = await newSession({ application: APP, args: ['--db', db] });
    await openMatrix(s);
    await waitFor(async () => (await cell(s, to.value, to.effort))?.cards.some((c) => c.id === moved.id), {
      timeout: STEP_TIMEOUT,
      message: `"${moved.title}" in its cell after the restart`,
    });
    const next = { value: to.value === 2 ? 3 : 8, effort: to.effort === 2 ? 8 : 3 };
    await dragCard(s, t, to, next);
    await s.pressChord(Key.CONTROL, 'z');
    await waitFor(async () => (await cell(s, to.value, to.effort))?.cards.some((c) => c.id === moved.id), {
      timeout: STEP_TIMEOUT,
      message: `Ctrl+Z puts "${moved.title}" back at value ${to.value}, effort ${to.effort}`,
    });
    await quit(s, db, t);

    assert.deepEqual(exportedPlaces(db), saved, 'after the undo the file holds the first drag only');
  } catch (err) {
    failed = true;
    if (s && !s.deleted) await screenshot(path.join(OUT, 'failure-matrix.png')).catch(() => {});
    throw err;
  } finally {
    if (s) await s.delete({ timeout: 15_000 });
    await waitForAppExit(APP, db, { timeout: 20_000 }).catch(() => {
      for (const pid of findProcesses([APP, '--db', db])) process.kill(pid, 'SIGKILL');
    });
    if (failed) t.diagnostic(`kept temp dir ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
});
