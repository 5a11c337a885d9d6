// The MoSCoW board in the real window: a card dragged from Should to the top of Must with W3C
// pointer actions (stepped moves, as WebKitWebDriver needs) is there after the app quits, as
// `northstar export` reads the file; in a second session a drag undone with Ctrl+Z leaves the
// file as it was. Run through tests/e2e/run.sh (see backlog.test.mjs for the environment).

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
const column = (label) => `[role="grid"][aria-label="${label} column"]`;

/** `northstar export`: the first product's MoSCoW board, column → titles in order. */
function exportedMoscow(db) {
  const json = execFileSync(APP, ['--db', db, 'export', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  const product = JSON.parse(json).products[0];
  const titles = new Map(product.items.map((item) => [item.id, item.title]));
  const board = product.boards.find((candidate) => candidate.board === 'moscow');
  return Object.fromEntries(board.columns.map((c) => [c.column, c.itemIds.map((id) => titles.get(id))]));
}

/** The cards of a column as shown: [{id, title, x, y}] (centres in viewport px). */
function cards(s, label) {
  return s.execute(
    `const grid = document.querySelector(arguments[0]);
     if (!grid) return null;
     return [...grid.querySelectorAll('[role="row"][data-row-id]')]
       .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
       .map((row) => {
         const r = row.getBoundingClientRect();
         return { id: row.getAttribute('data-row-id'), title: row.getAttribute('aria-label').replace(/^\\d+\\. /, ''),
                  x: r.left + r.width / 3, y: r.top + r.height / 2 };
       });`,
    [column(label)],
  );
}

async function openMoscow(s) {
  await s.click(await s.waitForName(VIEWS, 'MoSCoW board', { timeout: UI_TIMEOUT }));
  await waitFor(async () => (await cards(s, 'Should'))?.length > 1, { timeout: STEP_TIMEOUT, message: 'the Should column' });
}

/** Drags the first Should card onto the upper half of the first Must card (so it goes before
 * it: the Must column is full to its bottom on the demo data); returns its title. */
async function dragShouldToMust(s, t) {
  const [card] = await cards(s, 'Should');
  const must = await cards(s, 'Must');
  const first = must[0];
  const target = { x: first.x, y: first.y - 20 };
  t.diagnostic(`dragging "${card.title}" from ${JSON.stringify(card)} to ${JSON.stringify(target)}`);
  await s.drag({ x: card.x, y: card.y }, target, { steps: 8, stepMs: 25 });
  await waitFor(async () => {
    const now = await cards(s, 'Must');
    return now?.length === must.length + 1 && now[0].title === card.title;
  }, { timeout: STEP_TIMEOUT, message: `"${card.title}" first in Must` });
  // Saved: the announcement comes once Rust's board is in.
  const said = `“${card.title}” moved to Must, position 1 of ${must.length + 1}`;
  await waitFor(async () => (await s.execute('return document.getElementById("announcements")?.textContent ?? "";')) === said, {
    timeout: STEP_TIMEOUT,
    message: `the live region saying ${said}`,
  });
  return card.title;
}

async function quit(s, db, t) {
  const ended = await s.delete({ timeout: 15_000 });
  if (ended) t.diagnostic(`delete session: ${ended.message}`);
  await waitForAppExit(APP, db, { timeout: 20_000 });
}

test('MoSCoW board: a drag from Should to Must is saved, survives a restart, and undo takes it back', {
  timeout: 240_000,
  skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)',
}, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'northstar-boards-'));
  const db = path.join(dir, 'northstar.db');
  let s = null;
  let failed = false;
  try {
    s = await newSession({ application: APP, args: ['--db', db] });
    await openMoscow(s);
    const moved = await dragShouldToMust(s, t);
    await quit(s, db, t);

    const saved = exportedMoscow(db);
    assert.equal(saved.must[0], moved, `the export has "${moved}" first in Must`);
    assert.equal(saved.must.length, 7);
    assert.ok(!saved.should.includes(moved), 'and no longer in Should');

    // A restart shows it there; a second drag, undone, changes nothing in the file.
    s = await newSession({ application: APP, args: ['--db', db] });
    await openMoscow(s);
    assert.equal((await cards(s, 'Must'))[0].title, moved, 'after a restart the card is first in Must');
    const shouldBefore = (await cards(s, 'Should')).map((c) => c.title);
    const second = await dragShouldToMust(s, t);
    t.diagnostic(`focus before Ctrl+Z: ${await s.execute('return document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName;')}`);
    await s.pressChord(Key.CONTROL, 'z');
    await waitFor(async () => (await cards(s, 'Should'))?.[0]?.title === second, {
      timeout: STEP_TIMEOUT,
      message: `Ctrl+Z puts "${second}" back first in Should`,
    });
    assert.deepEqual((await cards(s, 'Should')).map((c) => c.title), shouldBefore);
    await quit(s, db, t);

    assert.deepEqual(exportedMoscow(db), saved, 'after the undo the file holds the first drag only');
  } catch (err) {
    failed = true;
    if (s && !s.deleted) await screenshot(path.join(OUT, 'failure-boards.png')).catch(() => {});
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
