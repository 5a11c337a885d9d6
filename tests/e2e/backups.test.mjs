// The Backups view in the real window: a backup made with "Back up now", then restored through
// the confirmation, puts the database back as it was, as `northstar export` reads it after the
// app has quit. Run through tests/e2e/run.sh (see backlog.test.mjs for the environment it sets).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { findProcesses, newSession, screenshot, waitFor, waitForAppExit } from './webdriver.mjs';

const APP = process.env.NORTHSTAR_APP ? path.resolve(process.env.NORTHSTAR_APP) : '';
const OUT = path.resolve(process.env.NORTHSTAR_E2E_OUT || path.join('target', 'e2e'));
const UI_TIMEOUT = 15_000;
const STEP_TIMEOUT = 8_000;
const VIEWS = 'nav[aria-label="Views"] button';
const DATABASE = 'nav[aria-label="Database"] button';
const BACKLOG_LIST = '[role="grid"][aria-label="Ranked backlog"]';
const BACKUPS_TABLE = 'table';

/** The item titles of every product, in rank order, as `northstar export` reads the file. */
function exportedTitles(db) {
  const json = execFileSync(APP, ['--db', db, 'export', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  return JSON.parse(json).products.flatMap((product) => product.items.map((item) => item.title));
}

/** Adds an item in the backlog and waits until the list counts it. */
async function addItem(s, title) {
  await s.click(await s.waitForName(VIEWS, 'Backlog', { timeout: UI_TIMEOUT }));
  await s.waitForElement(BACKLOG_LIST, { timeout: STEP_TIMEOUT });
  const count = () =>
    s.execute(`const grid = document.querySelector(${JSON.stringify(BACKLOG_LIST)});
               return grid ? Number(grid.getAttribute('aria-rowcount')) - 1 : null;`);
  const before = await waitFor(count, { timeout: STEP_TIMEOUT, message: 'the backlog to count its items' });
  const input = await s.waitForName('input', 'New item title');
  await s.click(input);
  await s.sendKeys(input, title);
  await s.click(await s.waitForName('button', 'Add item'));
  await waitFor(async () => (await count()) === before + 1, { timeout: STEP_TIMEOUT, message: `"${title}" added` });
}

async function openBackups(s) {
  await s.click(await s.waitForName(DATABASE, 'Backups', { timeout: UI_TIMEOUT }));
  await s.waitForText('h1', 'Backups', { timeout: STEP_TIMEOUT });
}

/** The text of the view's own notice ("Backed up on …", "Restored the backup of …"). */
function mainText(s) {
  return s.execute('return document.querySelector("main")?.innerText ?? "";');
}

test('Back up now, a change, then Restore… of that backup: the change is gone after the app quits', {
  timeout: 240_000,
  skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)',
}, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'northstar-backups-'));
  const db = path.join(dir, 'northstar.db');
  const s = await newSession({ application: APP, args: ['--db', db] });
  let failed = false;
  try {
    const stamp = Date.now().toString(36);
    const kept = `Before the backup ${stamp}`;
    const undone = `After the backup ${stamp}`;
    await addItem(s, kept);

    await openBackups(s);
    await s.click(await s.waitForName('button', 'Back up now', { timeout: STEP_TIMEOUT }));
    await waitFor(async () => (await mainText(s)).includes('Backed up on'), {
      timeout: STEP_TIMEOUT,
      message: 'the view to say the backup was made',
    });
    const restoreName = await waitFor(
      () => s.execute(`const row = [...document.querySelectorAll(${JSON.stringify(`${BACKUPS_TABLE} tbody tr`)})]
                         .find((r) => r.innerText.includes('Backed up by you'));
                       return row?.querySelector('button')?.getAttribute('aria-label') ?? null;`),
      { timeout: STEP_TIMEOUT, message: 'a "Backed up by you" row with its Restore… button' },
    );
    t.diagnostic(`backup: ${restoreName}`);

    await addItem(s, undone);

    await openBackups(s);
    await s.click(await s.waitForName('button', restoreName, { timeout: STEP_TIMEOUT }));
    const dialog = await s.waitForElement('[role="alertdialog"]', { timeout: STEP_TIMEOUT });
    await waitFor(async () => (await s.text(dialog)).includes('The backup'), {
      timeout: STEP_TIMEOUT,
      message: 'the confirmation to say what the backup holds',
    });
    const focused = await s.execute('return document.activeElement?.textContent ?? null;');
    assert.equal(focused, 'Cancel', 'the confirmation focuses Cancel');
    await s.click(await s.waitForName('[role="alertdialog"] button', 'Restore backup'));
    await waitFor(async () => (await mainText(s)).includes('Restored the backup of'), {
      timeout: STEP_TIMEOUT,
      message: 'the view to say the backup was restored',
    });

    // Every view shows the restored file: the backlog no longer has the second change.
    await s.click(await s.waitForName(VIEWS, 'Backlog'));
    await s.waitForElement(BACKLOG_LIST, { timeout: STEP_TIMEOUT });
    const shown = await s.execute(`return document.querySelector(${JSON.stringify(BACKLOG_LIST)}).innerText;`);
    assert.ok(!shown.includes(undone), 'the backlog no longer shows the change made after the backup');

    const ended = await s.delete({ timeout: 15_000 });
    if (ended) t.diagnostic(`delete session: ${ended.message}`);
    await waitForAppExit(APP, db, { timeout: 20_000 });

    const titles = exportedTitles(db);
    assert.ok(titles.includes(kept), `the change before the backup is in the file: ${kept}`);
    assert.ok(!titles.includes(undone), `the change after the backup is not: ${undone}`);
    const backups = readdirSync(path.join(dir, 'backups'));
    t.diagnostic(`backups: ${backups.join(', ')}`);
    assert.ok(backups.some((name) => name.endsWith('.pre-restore.db')), 'the replaced file was backed up first');
  } catch (err) {
    failed = true;
    if (!s.deleted) {
      await screenshot(path.join(OUT, 'failure-backups.png')).catch(() => {});
    }
    throw err;
  } finally {
    await s.delete({ timeout: 15_000 });
    await waitForAppExit(APP, db, { timeout: 20_000 }).catch(() => {
      for (const pid of findProcesses([APP, '--db', db])) process.kill(pid, 'SIGKILL');
    });
    if (failed) t.diagnostic(`kept temp dir ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
});
