// Baselines in the real window: a baseline saved in the Baselines view, the first card of Now
// moved to Next on the Now / Next / Later board (its menu's "Move to Next"), and Compare names
// the move ("Now → Next"); after the app quits `northstar export` has the card in Next, and
// after a restart the baseline is still listed and compares the same. Then the timeline's
// "Compare with" draws the baseline's bars (none moved: no ghost), and the board's swimlanes
// by goal are drawn from Rust (screenshots of both for the README). Run through
// tests/e2e/run.sh (see backlog.test.mjs for the environment).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { elementRef, findProcesses, Key, newSession, screenshot, waitFor, waitForAppExit } from './webdriver.mjs';

const APP = process.env.NORTHSTAR_APP ? path.resolve(process.env.NORTHSTAR_APP) : '';
const OUT = path.resolve(process.env.NORTHSTAR_E2E_OUT || path.join('target', 'e2e'));
const UI_TIMEOUT = 15_000;
const STEP_TIMEOUT = 8_000;
const VIEWS = 'nav[aria-label="Views"] button';
const BASELINE = 'Q2 planning';

/** `northstar export`: the first product's roadmap board, its columns' titles. */
function exportedLanes(db) {
  const json = execFileSync(APP, ['--db', db, 'export', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  const product = JSON.parse(json).products[0];
  const titles = new Map(product.items.map((item) => [item.id, item.title]));
  const board = product.boards.find((candidate) => candidate.board === 'horizon');
  return Object.fromEntries(board.columns.map((c) => [c.column, c.itemIds.map((id) => titles.get(id))]));
}

/** The titles of a board column as shown, first first. */
function cardTitles(s, label) {
  return s.execute(
    `const grid = document.querySelector('[role="grid"][aria-label="' + arguments[0] + ' column"]');
     if (!grid) return null;
     return [...grid.querySelectorAll('[role="row"][data-row-id]')]
       .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
       .map((row) => row.getAttribute('aria-label').replace(/^\\d+\\. /, '').replace(/, .*$/, ''));`,
    [label],
  );
}

/** The comparison's "Moved between lanes" changes as shown: [[title, words]]. */
function movedChanges(s) {
  return s.execute(
    `const group = [...document.querySelectorAll('section[aria-label]')]
       .find((section) => section.getAttribute('aria-label').startsWith('Moved between lanes'));
     if (!group) return null;
     return [...group.querySelectorAll('li')].map((li) => [...li.children].map((span) => span.textContent));`,
  );
}

async function openView(s, name) {
  await s.click(await s.waitForName(VIEWS, name, { timeout: UI_TIMEOUT }));
}

async function compare(s) {
  await openView(s, 'Baselines');
  const button = await s.waitForName('button', `Compare with “${BASELINE}”`, { timeout: UI_TIMEOUT });
  await s.click(button);
  await waitFor(async () => (await movedChanges(s)) !== null, { timeout: STEP_TIMEOUT, message: 'the comparison' });
  return movedChanges(s);
}

/** The window as it is, once the compositor has presented the last frame (see looks.test.mjs). */
async function shoot(s, name) {
  await s.afterPaint();
  await new Promise((resolve) => setTimeout(resolve, 600));
  await screenshot(path.join(OUT, 'screenshots', `${name}.png`));
}

async function quit(s, db, t) {
  const ended = await s.delete({ timeout: 15_000 });
  if (ended) t.diagnostic(`delete session: ${ended.message}`);
  await waitForAppExit(APP, db, { timeout: 20_000 });
}

test('Baselines: saved, a card moved Now → Next, compared; after a restart still listed and comparing the same', {
  timeout: 300_000,
  skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)',
}, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'northstar-baselines-'));
  const db = path.join(dir, 'northstar.db');
  let s = null;
  let failed = false;
  try {
    s = await newSession({ application: APP, args: ['--db', db] });
    await openView(s, 'Baselines');
    await s.click(await s.waitForName('button', 'Save baseline…', { timeout: UI_TIMEOUT }));
    const name = await s.waitForElement('[role="dialog"] input', { timeout: STEP_TIMEOUT });
    await s.sendKeys(name, BASELINE);
    await s.click(await s.waitForName('[role="dialog"] button', 'Save baseline', { timeout: STEP_TIMEOUT }));
    await s.waitForText('ol[aria-label="Baselines"] li', BASELINE, { timeout: STEP_TIMEOUT, contains: true });

    await openView(s, 'Now / Next / Later');
    await waitFor(async () => (await cardTitles(s, 'Now'))?.length > 0, { timeout: STEP_TIMEOUT, message: 'the Now lane' });
    const [moved] = await cardTitles(s, 'Now');
    t.diagnostic(`moving "${moved}" to Next`);
    await s.click(await s.waitForName('button', `Actions for “${moved}”`, { timeout: STEP_TIMEOUT }));
    await s.click(await s.waitForName('[role="menuitem"]', 'Move to Next', { timeout: STEP_TIMEOUT }));
    await waitFor(async () => (await cardTitles(s, 'Next'))?.includes(moved), { timeout: STEP_TIMEOUT, message: `"${moved}" in Next` });

    const before = await compare(s);
    assert.deepEqual(before, [[moved, 'Now → Next']], 'Compare names the move');
    await quit(s, db, t);

    const lanes = exportedLanes(db);
    assert.ok(lanes.next.includes(moved), 'the export has the card in Next');
    assert.ok(!lanes.now.includes(moved), 'and no longer in Now');

    s = await newSession({ application: APP, args: ['--db', db] });
    const after = await compare(s);
    assert.deepEqual(after, before, 'after a restart the baseline compares the same');

    // The timeline compared with it: the moved card kept its days, so no bar has a ghost.
    await openView(s, 'Timeline');
    await s.click(await s.waitForElement('[data-compare-with] button', { timeout: UI_TIMEOUT }));
    await s.click(await s.waitForName('[role="option"]', BASELINE, { timeout: STEP_TIMEOUT }));
    await waitFor(
      async () => s.execute(`return document.querySelector('[data-overlay-status]')?.textContent?.includes('differ') ?? false`),
      { timeout: STEP_TIMEOUT, message: 'the overlay' },
    );
    const ghosts = () => s.execute(`return document.querySelectorAll('[data-ghost-of]').length`);
    assert.equal(await ghosts(), 0, 'no bar moved since the baseline');
    // A bar moved a week later by its keys: its ghost and slip appear.
    const bar = await s.waitForElement('[data-timeline-bar]', { timeout: STEP_TIMEOUT });
    await s.execute(`arguments[0].focus()`, [elementRef(bar)]);
    await s.pressChord(Key.ALT, Key.SHIFT, Key.ARROW_RIGHT);
    await waitFor(async () => (await ghosts()) === 1, { timeout: STEP_TIMEOUT, message: 'a ghost bar' });
    const named = await s.execute(`return document.activeElement?.getAttribute('aria-label') ?? ''`);
    assert.match(named, /, baseline .+, slipped 7 days$/, 'the bar says its baseline and slip');
    await shoot(s, 'northstar-baseline-overlay');

    // The board in swimlanes by goal, drawn from Rust's rows.
    await openView(s, 'Now / Next / Later');
    await s.click(await s.waitForName('[role="group"][aria-label="Swimlanes"] button', 'Goal', { timeout: STEP_TIMEOUT }));
    await s.waitForText('h2', 'No goal', { timeout: STEP_TIMEOUT, contains: true });
    await shoot(s, 'northstar-swimlanes');
    await quit(s, db, t);
  } catch (err) {
    failed = true;
    if (s && !s.deleted) await screenshot(path.join(OUT, 'failure-baselines.png')).catch(() => {});
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
