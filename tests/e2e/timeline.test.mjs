// The roadmap in the real window: on the timeline (months: 4 px a day) a bar dragged 7 days
// later and another's end edge dragged 5 days later, and on the Now / Next / Later board a card
// dragged from Now to Next, all with W3C pointer actions (stepped moves, as WebKitWebDriver
// needs); after the app quits `northstar export` has the new dates and horizon, and a restart
// shows them. Run through tests/e2e/run.sh (see backlog.test.mjs for the environment).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { findProcesses, newSession, screenshot, waitFor, waitForAppExit } from './webdriver.mjs';

const APP = process.env.NORTHSTAR_APP ? path.resolve(process.env.NORTHSTAR_APP) : '';
const OUT = path.resolve(process.env.NORTHSTAR_E2E_OUT || path.join('target', 'e2e'));
const UI_TIMEOUT = 15_000;
const STEP_TIMEOUT = 8_000;
const VIEWS = 'nav[aria-label="Views"] button';
const MOVED = 'Automatic tax pot';
const RESIZED = '“Safe to spend” figure on the home screen';

/** `northstar export`: the first product's items by title, and its roadmap board's columns. */
function exported(db) {
  const json = execFileSync(APP, ['--db', db, 'export', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  const product = JSON.parse(json).products[0];
  const titles = new Map(product.items.map((item) => [item.id, item.title]));
  const board = product.boards.find((candidate) => candidate.board === 'horizon');
  return {
    items: Object.fromEntries(product.items.map((item) => [item.title, item])),
    lanes: Object.fromEntries(board.columns.map((c) => [c.column, c.itemIds.map((id) => titles.get(id))])),
  };
}

/** A day `days` after `day` (YYYY-MM-DD), on the calendar (UTC midnights: no time zone moves it). */
function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A bar as shown: its days and its box (viewport px). */
function barOf(s, title) {
  return s.execute(
    `const bar = [...document.querySelectorAll('[data-timeline-bar]')]
       .find((b) => b.getAttribute('aria-label').startsWith(arguments[0] + ', '));
     if (!bar) return null;
     const r = bar.getBoundingClientRect();
     return { start: bar.dataset.start, end: bar.dataset.end, left: r.left, right: r.right, y: r.top + r.height / 2 };`,
    [title],
  );
}

/** The cards of a board column as shown, first first: [{title, x, y}]. */
function cards(s, label) {
  return s.execute(
    `const grid = document.querySelector('[role="grid"][aria-label="' + arguments[0] + ' column"]');
     if (!grid) return null;
     return [...grid.querySelectorAll('[role="row"][data-row-id]')]
       .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
       .map((row) => {
         const r = row.getBoundingClientRect();
         return { title: row.getAttribute('aria-label').replace(/^\\d+\\. /, '').replace(/, .*$/, ''),
                  x: r.left + r.width / 3, y: r.top + r.height / 2 };
       });`,
    [label],
  );
}

async function openTimeline(s) {
  await s.click(await s.waitForName(VIEWS, 'Timeline', { timeout: UI_TIMEOUT }));
  await waitFor(async () => (await barOf(s, MOVED)) !== null, { timeout: STEP_TIMEOUT, message: 'the timeline bars' });
}

/** Drags from `from` by `dx` px, in steps; waits until the bar shows `expected` days. */
async function dragBar(s, t, title, from, dx, expected) {
  t.diagnostic(`dragging "${title}" from ${JSON.stringify(from)} by ${dx} px`);
  await s.drag(from, { x: from.x + dx, y: from.y }, { steps: 8, stepMs: 25, activation: 0 });
  await waitFor(async () => {
    const now = await barOf(s, title);
    return now?.start === expected.start && now?.end === expected.end;
  }, { timeout: STEP_TIMEOUT, message: `"${title}" shown ${expected.start} – ${expected.end}` });
}

async function quit(s, db, t) {
  const ended = await s.delete({ timeout: 15_000 });
  if (ended) t.diagnostic(`delete session: ${ended.message}`);
  await waitForAppExit(APP, db, { timeout: 20_000 });
}

test('Roadmap: a bar dragged and an edge dragged on the timeline, a card dragged Now → Next, saved and shown after a restart', {
  timeout: 300_000,
  skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)',
}, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'northstar-timeline-'));
  const db = path.join(dir, 'northstar.db');
  let s = null;
  let failed = false;
  try {
    s = await newSession({ application: APP, args: ['--db', db] });
    await openTimeline(s);
    const moved = await barOf(s, MOVED);
    const movedTo = { start: addDays(moved.start, 7), end: addDays(moved.end, 7) };
    // 29 px is 7.25 days at 4 px a day: snapped to 7.
    await dragBar(s, t, MOVED, { x: Math.round((moved.left + moved.right) / 2), y: Math.round(moved.y) }, 29, movedTo);
    const resized = await barOf(s, RESIZED);
    const resizedTo = { start: resized.start, end: addDays(resized.end, 5) };
    await dragBar(s, t, RESIZED, { x: Math.round(resized.right - 3), y: Math.round(resized.y) }, 20, resizedTo);

    await s.click(await s.waitForName(VIEWS, 'Now / Next / Later', { timeout: UI_TIMEOUT }));
    await waitFor(async () => (await cards(s, 'Next'))?.length > 0, { timeout: STEP_TIMEOUT, message: 'the Next lane' });
    const [card] = await cards(s, 'Now');
    const next = await cards(s, 'Next');
    await s.drag({ x: card.x, y: card.y }, { x: next[0].x, y: next[0].y - 20 }, { steps: 8, stepMs: 25 });
    await waitFor(async () => (await cards(s, 'Next'))?.[0]?.title === card.title, {
      timeout: STEP_TIMEOUT,
      message: `"${card.title}" first in Next`,
    });
    await quit(s, db, t);

    const saved = exported(db);
    assert.equal(saved.items[MOVED].startDate, movedTo.start);
    assert.equal(saved.items[MOVED].endDate, movedTo.end);
    assert.equal(saved.items[RESIZED].startDate, resizedTo.start);
    assert.equal(saved.items[RESIZED].endDate, resizedTo.end);
    assert.equal(saved.items[card.title].horizon, 'next');
    assert.equal(saved.lanes.next[0], card.title);
    assert.ok(!saved.lanes.now.includes(card.title));

    s = await newSession({ application: APP, args: ['--db', db] });
    await openTimeline(s);
    const after = await barOf(s, MOVED);
    assert.deepEqual({ start: after.start, end: after.end }, movedTo, 'after a restart the bar is where it was dropped');
    await quit(s, db, t);
  } catch (err) {
    failed = true;
    if (s && !s.deleted) await screenshot(path.join(OUT, 'failure-timeline.png')).catch(() => {});
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
