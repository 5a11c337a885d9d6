// The decision log in the real window: the demo's decisions are listed; a decision recorded with
// the dialog, linked to an item found by typing, is in the log after a restart and in
// `northstar export` (read from the file after the app quit). Run through tests/e2e/run.sh.

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
const DIALOG = '[role="dialog"]';
const DECISION = 'Offline receipts wait for the mobile app';

/** The decisions shown in the log, newest first: [{ decision, items }]. */
function shownDecisions(s) {
  return s.execute(
    `return [...document.querySelectorAll('ol[aria-label="Decisions"] article')].map((row) => ({
       decision: row.querySelector('h2')?.textContent ?? '',
       items: [...row.querySelectorAll('ul[aria-label="Items it is about"] li span')].map((chip) => chip.textContent),
     }));`,
  );
}

/** `northstar export`: the first product's decisions with their items' titles. */
function exportedDecisions(db) {
  const json = execFileSync(APP, ['--db', db, 'export', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  const product = JSON.parse(json).products[0];
  const titles = new Map(product.items.map((item) => [item.id, item.title]));
  return product.decisions.map((d) => ({ decision: d.decision, rationale: d.rationale, items: d.itemIds.map((id) => titles.get(id)) }));
}

async function openLog(s) {
  await s.click(await s.waitForName(VIEWS, 'Decision log', { timeout: UI_TIMEOUT }));
  await waitFor(async () => (await shownDecisions(s)).length >= 4, { timeout: STEP_TIMEOUT, message: 'the demo decisions' });
}

/** The field of the open dialog with this accessible name. */
function field(s, name) {
  return s.waitForName(`${DIALOG} input, ${DIALOG} textarea`, name, { timeout: STEP_TIMEOUT });
}

test('Decision log: a decision recorded with a linked item survives a restart and is exported', {
  timeout: 240_000,
  skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)',
}, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'northstar-decisions-'));
  const db = path.join(dir, 'northstar.db');
  let s = null;
  let failed = false;
  try {
    s = await newSession({ application: APP, args: ['--db', db] });
    await openLog(s);
    const demo = await shownDecisions(s);
    assert.equal(demo[0].decision, 'No mileage tracking this year', 'the demo log, newest first');

    await s.click(await s.waitForText('button', 'Record decision…', { timeout: STEP_TIMEOUT }));
    await s.sendKeys(await field(s, 'Decision'), DECISION);
    await s.sendKeys(await field(s, 'Rationale'), 'Receipts are photographed on phones; the desktop flow can wait.');
    await s.sendKeys(await field(s, 'Find items'), 'receipt');
    // The search has narrowed the list (it is rendered a moment after the typing), then the item
    // is chosen: its chip is in the dialog before the decision is recorded.
    const options = `${DIALOG} ul[aria-label="Matching items"] input[type="checkbox"]`;
    await waitFor(async () => (await s.execute(`return document.querySelectorAll(${JSON.stringify(options)}).length;`)) === 1, {
      timeout: STEP_TIMEOUT,
      message: 'the search to leave one matching item',
    });
    await s.click(await s.waitForName(options, 'Receipt capture with the phone camera', { timeout: STEP_TIMEOUT }));
    await s.waitForText(`${DIALOG} ul[aria-label="Chosen items"] li span`, 'Receipt capture with the phone camera', { timeout: STEP_TIMEOUT });
    await s.click(await s.waitForText(`${DIALOG} button`, 'Record decision', { timeout: STEP_TIMEOUT }));
    await waitFor(async () => (await shownDecisions(s)).some((d) => d.decision === DECISION), {
      timeout: STEP_TIMEOUT,
      message: 'the new decision in the log',
    });
    const shown = (await shownDecisions(s)).find((d) => d.decision === DECISION);
    assert.deepEqual(shown.items, ['Receipt capture with the phone camera']);

    let ended = await s.delete({ timeout: 15_000 });
    if (ended) t.diagnostic(`delete session: ${ended.message}`);
    await waitForAppExit(APP, db, { timeout: 20_000 });

    const exported = exportedDecisions(db);
    assert.equal(exported.length, 6, 'the five demo decisions (one an accepted evidence suggestion) and the new one');
    assert.deepEqual(exported.at(-1).items, ['Receipt capture with the phone camera']);
    assert.equal(exported.find((d) => d.decision === DECISION)?.rationale, 'Receipts are photographed on phones; the desktop flow can wait.');

    s = await newSession({ application: APP, args: ['--db', db] });
    await openLog(s);
    const after = await shownDecisions(s);
    assert.deepEqual(after.find((d) => d.decision === DECISION)?.items, ['Receipt capture with the phone camera'], 'after a restart');
    ended = await s.delete({ timeout: 15_000 });
    if (ended) t.diagnostic(`delete session: ${ended.message}`);
  } catch (err) {
    failed = true;
    if (s && !s.deleted) await screenshot(path.join(OUT, 'failure-decisions.png')).catch(() => {});
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
