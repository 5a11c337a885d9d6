// The roadmap plan in the real window: a release created with its dialog, an item assigned to it
// in the item panel and shown in the release's load, a second assignment undone with Ctrl+Z; after
// the app quit, `northstar export` (read from the file) has the one assignment, and after a
// restart the Releases view still shows it. Run through tests/e2e/run.sh.

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
const DIALOG = '[role="dialog"]';
const RELEASE = 'Autumn cleanup';
const ASSIGNED = 'Mileage tracking';
const UNDONE = 'Client profitability report';

/** `northstar export`: the first product's releases and its items' release names by title. */
function exported(db) {
  const json = execFileSync(APP, ['--db', db, 'export', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  const product = JSON.parse(json).products[0];
  const names = new Map(product.releases.map((release) => [release.id, release.name]));
  return {
    release: product.releases.find((release) => release.name === RELEASE),
    releaseOf: (title) => {
      const item = product.items.find((candidate) => candidate.title === title);
      return item.releaseId === null ? null : names.get(item.releaseId);
    },
  };
}

/** The text of the release card named `name`, or null while it is not shown. */
function releaseCard(s, name) {
  return s.execute(
    `const heading = [...document.querySelectorAll('ol[aria-label="Releases"] h2')].find((h) => h.textContent === ${JSON.stringify(name)});
     return heading ? heading.closest('li').textContent : null;`,
  );
}

/** Sets a form control's value as typing or choosing would (React reads the native setter's value). */
function setValue(s, el, value) {
  return s.execute(
    `const el = arguments[0];
     const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
     Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);
     el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));`,
    [elementRef(el), value],
  );
}

async function openView(s, name) {
  await s.click(await s.waitForName(VIEWS, name, { timeout: UI_TIMEOUT }));
  await s.waitForText('h1', name, { timeout: STEP_TIMEOUT });
}

/** Opens the item panel of the backlog row titled `title` and picks `release` in its Release picker. */
async function assignInPanel(s, title, release) {
  await openView(s, 'Backlog');
  const rowId = await waitFor(
    () =>
      s.execute(
        `return [...document.querySelectorAll('[role="row"][data-row-id]')]
           .find((row) => (row.getAttribute('aria-label') ?? '').includes(${JSON.stringify(title)}))?.dataset.rowId ?? null;`,
      ),
    { timeout: STEP_TIMEOUT, message: `the row of ${title}` },
  );
  await s.click(await s.find(`[role="row"][data-row-id="${rowId}"]`));
  await s.pressChord('s');
  const picker = await s.waitForName(`${DIALOG} select`, 'Release', { timeout: STEP_TIMEOUT });
  const value = await waitFor(
    () => s.execute(`return [...arguments[0].options].find((o) => o.textContent === ${JSON.stringify(release)})?.value ?? null;`, [elementRef(picker)]),
    { timeout: STEP_TIMEOUT, message: `the release ${release} among the picker's options` },
  );
  await setValue(s, picker, value);
  await waitFor(async () => (await s.execute('return document.querySelector("#announcements")?.textContent ?? "";')).includes(`release “${release}”`), {
    timeout: STEP_TIMEOUT,
    message: 'the assignment to be announced',
  });
  await s.click(await s.waitForName(`${DIALOG} button`, 'Done', { timeout: STEP_TIMEOUT }));
}

test('Roadmap plan: a release and an item assigned in the item panel survive a restart; Ctrl+Z undoes an assignment', {
  timeout: 240_000,
  skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)',
}, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'northstar-plan-'));
  const db = path.join(dir, 'northstar.db');
  let s = null;
  let failed = false;
  try {
    s = await newSession({ application: APP, args: ['--db', db] });
    await openView(s, 'Releases');
    await s.click(await s.waitForText('button', 'Add release', { timeout: STEP_TIMEOUT }));
    await s.sendKeys(await s.waitForName(`${DIALOG} input`, 'Name', { timeout: STEP_TIMEOUT }), RELEASE);
    await setValue(s, await s.waitForName(`${DIALOG} input`, 'Starts on'), '2026-09-01');
    await setValue(s, await s.waitForName(`${DIALOG} input`, 'Ends on'), '2026-10-31');
    await s.sendKeys(await s.waitForName(`${DIALOG} input`, 'Capacity'), '2');
    await s.click(await s.waitForText(`${DIALOG} button`, 'Add release', { timeout: STEP_TIMEOUT }));
    await waitFor(async () => (await releaseCard(s, RELEASE))?.includes('0 of 2 person-months (0 %)'), {
      timeout: STEP_TIMEOUT,
      message: 'the new release with an empty load',
    });

    // Mileage tracking (1 person-month) and the client report (2) go in: 3 of 2, over capacity.
    await assignInPanel(s, ASSIGNED, RELEASE);
    await assignInPanel(s, UNDONE, RELEASE);
    await openView(s, 'Releases');
    await waitFor(async () => (await releaseCard(s, RELEASE))?.includes('3 of 2 person-months (150 %): over capacity by 1 person-month'), {
      timeout: STEP_TIMEOUT,
      message: 'the load of both items, over capacity',
    });

    // Ctrl+Z undoes the last assignment only.
    await s.pressChord(Key.CONTROL, 'z');
    // The load and the release's items are two reads: both follow the undo.
    await waitFor(
      async () => {
        const card = await releaseCard(s, RELEASE);
        return card?.includes('1 of 2 person-months (50 %)') && card.includes(ASSIGNED) && !card.includes(UNDONE);
      },
      { timeout: STEP_TIMEOUT, message: 'the load and the items after Ctrl+Z: the undone item left the release' },
    );

    let ended = await s.delete({ timeout: 15_000 });
    if (ended) t.diagnostic(`delete session: ${ended.message}`);
    await waitForAppExit(APP, db, { timeout: 20_000 });

    const file = exported(db);
    assert.deepEqual(
      [file.release?.startsOn, file.release?.endsOn, file.release?.capacity, file.release?.capacityUnit, file.release?.load],
      ['2026-09-01', '2026-10-31', 2, 'person_months', 1],
    );
    assert.equal(file.releaseOf(ASSIGNED), RELEASE);
    assert.equal(file.releaseOf(UNDONE), null, 'the undone assignment is not in the file');

    s = await newSession({ application: APP, args: ['--db', db] });
    await openView(s, 'Releases');
    await waitFor(async () => (await releaseCard(s, RELEASE))?.includes(ASSIGNED), {
      timeout: STEP_TIMEOUT,
      message: 'the assigned item in its release after a restart',
    });
    ended = await s.delete({ timeout: 15_000 });
    if (ended) t.diagnostic(`delete session: ${ended.message}`);
  } catch (err) {
    failed = true;
    if (s && !s.deleted) await screenshot(path.join(OUT, 'failure-roadmap-plan.png')).catch(() => {});
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
