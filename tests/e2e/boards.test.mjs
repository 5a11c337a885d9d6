// The MoSCoW and Kano boards in the real window: a card dragged from Should to the top of Must,
// and one from Performance to the top of Must-be, with W3C pointer actions (stepped moves, as
// WebKitWebDriver needs) are there after the app quits, as `northstar export` reads the file; in
// a second session a drag on each board undone with Ctrl+Z leaves the file as it was. Run
// through tests/e2e/run.sh (see backlog.test.mjs for the environment).

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

/** `northstar export`: the first product's boards, board → column → titles in order. */
function exportedBoards(db) {
  const json = execFileSync(APP, ['--db', db, 'export', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  const product = JSON.parse(json).products[0];
  const titles = new Map(product.items.map((item) => [item.id, item.title]));
  return Object.fromEntries(
    product.boards.map((board) => [
      board.board,
      Object.fromEntries(board.columns.map((c) => [c.column, c.itemIds.map((id) => titles.get(id))])),
    ]),
  );
}

const MOSCOW = { view: 'MoSCoW board', from: 'Should', to: 'Must' };
const KANO = { view: 'Kano board', from: 'Performance', to: 'Must-be' };

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

async function openBoard(s, board) {
  await s.click(await s.waitForName(VIEWS, board.view, { timeout: UI_TIMEOUT }));
  await waitFor(async () => (await cards(s, board.from))?.length > 1, { timeout: STEP_TIMEOUT, message: `the ${board.from} column` });
}

/** Drags the first card of `board.from` onto the upper half of the first card of `board.to` (so
 * it goes before it: the demo's columns are full to their bottom); returns its title. */
async function dragToTop(s, t, board) {
  const [card] = await cards(s, board.from);
  const must = await cards(s, board.to);
  const first = must[0];
  const target = { x: first.x, y: first.y - 20 };
  t.diagnostic(`dragging "${card.title}" from ${JSON.stringify(card)} to ${JSON.stringify(target)}`);
  await s.drag({ x: card.x, y: card.y }, target, { steps: 8, stepMs: 25 });
  await waitFor(async () => {
    const now = await cards(s, board.to);
    return now?.length === must.length + 1 && now[0].title === card.title;
  }, { timeout: STEP_TIMEOUT, message: `"${card.title}" first in ${board.to}` });
  // Saved: the announcement comes once Rust's board is in (a rationale question may follow it).
  const said = `“${card.title}” moved to ${board.to}, position 1 of ${must.length + 1}`;
  await waitFor(async () => (await s.execute('return document.getElementById("announcements")?.textContent ?? "";')).startsWith(said), {
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

test('Boards: a drag on the MoSCoW and on the Kano board is saved, survives a restart, and undo takes a drag back', {
  timeout: 300_000,
  skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)',
}, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'northstar-boards-'));
  const db = path.join(dir, 'northstar.db');
  let s = null;
  let failed = false;
  try {
    s = await newSession({ application: APP, args: ['--db', db] });
    await openBoard(s, MOSCOW);
    const moved = await dragToTop(s, t, MOSCOW);
    await openBoard(s, KANO);
    const kanoMoved = await dragToTop(s, t, KANO);
    await quit(s, db, t);

    const saved = exportedBoards(db);
    assert.equal(saved.moscow.must[0], moved, `the export has "${moved}" first in Must`);
    assert.equal(saved.moscow.must.length, 7);
    assert.ok(!saved.moscow.should.includes(moved), 'and no longer in Should');
    assert.equal(saved.kano.must_be[0], kanoMoved, `the export has "${kanoMoved}" first in Must-be`);
    assert.ok(!saved.kano.performance.includes(kanoMoved), 'and no longer in Performance');

    // A restart shows them there; a second drag on each board, undone, changes nothing in the file.
    s = await newSession({ application: APP, args: ['--db', db] });
    for (const [board, title] of [[MOSCOW, moved], [KANO, kanoMoved]]) {
      await openBoard(s, board);
      assert.equal((await cards(s, board.to))[0].title, title, `after a restart "${title}" is first in ${board.to}`);
      const fromBefore = (await cards(s, board.from)).map((c) => c.title);
      const second = await dragToTop(s, t, board);
      t.diagnostic(`focus before Ctrl+Z: ${await s.execute('return document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName;')}`);
      await s.pressChord(Key.CONTROL, 'z');
      await waitFor(async () => (await cards(s, board.from))?.[0]?.title === second, {
        timeout: STEP_TIMEOUT,
        message: `Ctrl+Z puts "${second}" back first in ${board.from}`,
      });
      assert.deepEqual((await cards(s, board.from)).map((c) => c.title), fromBefore);
    }
    await quit(s, db, t);

    assert.deepEqual(exportedBoards(db), saved, 'after the undos the file holds the first drags only');
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
