// End-to-end tests of the real Northstar window (tauri-driver + WebKitWebDriver under Xvfb).
// Run through tests/e2e/run.sh, which starts Xvfb and tauri-driver and sets:
//   NORTHSTAR_APP          absolute path of the app binary (required; the tests skip without it)
//   NORTHSTAR_WEBDRIVER_URL tauri-driver's URL (default http://127.0.0.1:4444)
//   NORTHSTAR_DRIVER_LOG   tauri-driver's log, printed when a session fails to start
//   NORTHSTAR_E2E_OUT      where screenshots go (default target/e2e)
// Each test gets a fresh temp dir for its database.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  ACCESSIBLE_NAME_JS,
  Key,
  findProcesses,
  newSession,
  screenshot,
  waitFor,
  waitForAppExit,
} from './webdriver.mjs';

const APP = process.env.NORTHSTAR_APP ? path.resolve(process.env.NORTHSTAR_APP) : '';
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.resolve(process.env.NORTHSTAR_E2E_OUT || path.join(REPO, 'target', 'e2e'));

const UI_TIMEOUT = 15_000; // first paint of the UI after the session started
const STEP_TIMEOUT = 5_000; // one action → its visible result

const PRODUCTS_NAV = 'nav[aria-label="Products"]';
const VIEWS_NAV = 'nav[aria-label="Views"]';
const BACKLOG_LIST = '[role="grid"][aria-label="Ranked backlog"]';
const PROBLEM_HEADING = 'This file can’t be opened'; // U+2019, as in the contract

// ---------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------

/**
 * A test with a fresh temp dir, sessions that are always deleted, and a screenshot
 * (target/e2e/failure-<name>.png) when it fails.
 */
function e2e(name, fn) {
  test(name, { timeout: 240_000, skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)' }, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'northstar-e2e-'));
    const sessions = [];
    const ctx = {
      t,
      dir,
      /** Launch the app on `dbPath` and wait until its UI shows something. */
      async launch(dbPath) {
        const s = await newSession({ application: APP, args: ['--db', dbPath] });
        sessions.push(s);
        t.diagnostic(`session start: ${s.startMs} ms`);
        const t0 = Date.now();
        await waitFor(
          () => s.execute(`return !!document.querySelector(${JSON.stringify(`${PRODUCTS_NAV}, h1, h2`)});`),
          { timeout: UI_TIMEOUT, message: 'the UI to render (nav Products or a heading)' },
        );
        t.diagnostic(`UI rendered ${Date.now() - t0} ms after the session started`);
        return s;
      },
      /** End the session and wait until the app process on `dbPath` is gone. */
      async quit(s, dbPath) {
        const err = await s.delete();
        if (err) t.diagnostic(`delete session: ${err.message}`);
        await waitForAppExit(APP, dbPath);
      },
    };
    let failed = false;
    try {
      await fn(ctx);
    } catch (err) {
      failed = true;
      const live = sessions.filter((s) => !s.deleted);
      if (live.length) {
        const file = path.join(OUT, `failure-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
        try {
          await screenshot(file);
          t.diagnostic(`failure screenshot: ${file}`);
        } catch (e) {
          t.diagnostic(`failure screenshot failed: ${e.message}`);
        }
        try {
          const html = await live.at(-1).execute('return document.body ? document.body.innerText : "(no body)";');
          t.diagnostic(`page text at failure: ${String(html).slice(0, 1500).replace(/\n+/g, ' | ')}`);
        } catch (e) {
          t.diagnostic(`reading the page at failure failed: ${e.message}`);
        }
      }
      throw err;
    } finally {
      for (const s of sessions) {
        const err = await s.delete();
        if (err) t.diagnostic(`delete session: ${err.message}`);
      }
      // An app left running would keep WebKitWebDriver's single session busy for the next test.
      const leftovers = findProcesses([APP, '--db']).filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').some((a) => a.startsWith(dir));
        } catch {
          return false;
        }
      });
      if (leftovers.length) {
        try {
          await waitFor(() => leftovers.every((pid) => !isAlive(pid)), { timeout: 10_000, message: 'the app to quit' });
        } catch {
          t.diagnostic(`the app did not quit after its session was deleted; killing pids ${leftovers.join(', ')}`);
          for (const pid of leftovers) {
            try {
              process.kill(pid, 'SIGKILL');
            } catch { /* already gone */ }
          }
        }
      }
      if (failed) t.diagnostic(`kept temp dir ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  });
}

/**
 * The rendered rows of the ranked backlog, in rank order: [{id, label}], or null when the list is
 * absent. The list is virtualised: only the rows in view (and a margin) are in the DOM.
 */
function readRows(s) {
  return s.execute(
    `const grid = document.querySelector(${JSON.stringify(BACKLOG_LIST)});
     if (!grid) return null;
     return [...grid.querySelectorAll('[role="row"][data-row-id]')]
       .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
       .map((row) => ({ id: row.getAttribute('data-row-id'), label: row.getAttribute('aria-label') }));`,
  );
}

/** How many items the backlog has (the grid's aria-rowcount, minus its header row). */
async function itemCount(s) {
  const count = await s.execute(
    `const grid = document.querySelector(${JSON.stringify(BACKLOG_LIST)});
     return grid ? Number(grid.getAttribute('aria-rowcount')) - 1 : null;`,
  );
  return count;
}

/** The title in a row's accessible name "12. Title, Kind, Status". */
const titleOf = (label) => label.replace(/^\d+\. /, '').replace(/, [^,]+, [^,]+$/, '');

/** Wait until the rows satisfy `pred(rows)`; returns the rows. */
async function waitForRows(s, pred, message, timeout = STEP_TIMEOUT) {
  let rows = null;
  try {
    await waitFor(async () => {
      rows = await readRows(s);
      return rows && pred(rows);
    }, { timeout, message: `backlog rows: ${message}` });
  } catch (err) {
    const now = rows === null ? 'no ranked backlog list' : `${rows.length} rows: ${summary(rows)}`;
    err.message += `; ${now}`;
    throw err;
  }
  return rows;
}

/** The first rows' labels, for error messages. */
function summary(rows, max = 6) {
  const shown = rows.slice(0, max).map((r) => `[${r.label}]`).join(' ');
  return rows.length > max ? `${shown} … [${rows.at(-1).label}]` : shown;
}

/** The rendered rows are named "{position}. {title}, …" with positions 1..n in order (no gaps). */
function assertPositions(rows) {
  rows.forEach((r, i) => {
    assert.ok(
      r.label && r.label.startsWith(`${i + 1}. `),
      `row ${i + 1} has aria-label ${JSON.stringify(r.label)}, expected it to start with "${i + 1}. "`,
    );
    assert.ok(r.id, `row ${i + 1} (${r.label}) has no data-row-id`);
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const ids = (rows) => rows.map((r) => r.id);

const VIEW_BUTTONS = `${VIEWS_NAV} button, ${VIEWS_NAV} a`;

async function openBacklog(s) {
  await s.click(await s.waitForName(VIEW_BUTTONS, 'Backlog', { timeout: UI_TIMEOUT }));
  await s.waitForText('h1', 'Backlog', { timeout: STEP_TIMEOUT });
  await s.waitForElement(BACKLOG_LIST, { timeout: STEP_TIMEOUT });
  // Found again on each poll: the view button may be re-rendered.
  await waitFor(
    async () => (await s.attribute(await s.findByName(VIEW_BUTTONS, 'Backlog'), 'aria-current')) === 'page',
    { timeout: STEP_TIMEOUT, message: 'the Backlog view button to have aria-current="page"' },
  );
}

/** All product buttons in the Products nav (not "New product", not the menu buttons). */
function productButtons(s) {
  return s.execute(
    `${ACCESSIBLE_NAME_JS}
     return [...document.querySelectorAll(${JSON.stringify(`${PRODUCTS_NAV} button`)})]
       .map((b) => ({ name: nameOf(b), current: b.getAttribute('aria-current') }))
       .filter((b) => b.name && b.name !== 'New product' && !b.name.startsWith('Product actions for'));`,
  );
}

/** Texts of all role=status live regions (visually hidden ones included). */
function liveRegionTexts(s) {
  return s.execute(
    `return [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent.replace(/\\s+/g, ' ').trim());`,
  );
}

/** Describe what has focus (keyboard shortcuts are ignored in text fields). */
function activeElementInfo(s) {
  return s.execute(
    `const a = document.activeElement;
     return a ? { tag: a.tagName.toLowerCase(), type: a.type || null, label: a.getAttribute('aria-label'),
                  text: (a.textContent || '').trim().slice(0, 60) } : null;`,
  );
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

e2e('empty database shows the demo product and its backlog', async ({ t, dir, launch }) => {
  const db = path.join(dir, 'northstar.db');
  const s = await launch(db);

  assert.equal(await s.title(), 'Northstar', 'document title');

  const products = await waitFor(async () => {
    const list = await productButtons(s);
    return list.length > 0 ? list : null;
  }, { timeout: UI_TIMEOUT, message: `a product button in ${PRODUCTS_NAV}` });
  t.diagnostic(`products: ${products.map((p) => p.name).join(', ')}`);
  const current = products.filter((p) => p.current === 'true');
  assert.equal(current.length, 1, `exactly one product has aria-current="true": ${JSON.stringify(products)}`);

  await openBacklog(s);
  const rows = await waitForRows(s, (r) => r.length >= 8, 'the first demo items');
  assertPositions(rows);
  assert.equal(new Set(ids(rows)).size, rows.length, 'data-row-ids are unique');
  assert.equal(await itemCount(s), 25, 'the demo backlog has 25 items');
  assert.ok(rows.length < 25, `virtualised: ${rows.length} of 25 rows in the DOM`);
  t.diagnostic(`demo backlog: ${rows.length} of 25 rows rendered`);
});

e2e('new item: move to top, undo, redo, and the order survives a restart', async ({ t, dir, launch, quit }) => {
  const db = path.join(dir, 'northstar.db');
  let s = await launch(db);
  await openBacklog(s);
  const initial = await waitForRows(s, (r) => r.length >= 5, 'the demo items');
  assertPositions(initial);
  const total = await itemCount(s);

  // Create an item: it is appended as the last row (scroll there to see it).
  const title = `E2E item ${Date.now().toString(36)}`;
  const input = await s.waitForName('input', 'New item title');
  await s.click(input);
  await s.sendKeys(input, title);
  await s.click(await s.waitForName('button', 'Add item'));
  const n = total + 1;
  await waitFor(async () => (await itemCount(s)) === n, { timeout: STEP_TIMEOUT, message: `${n} items` });
  await s.execute(`document.querySelector(${JSON.stringify(BACKLOG_LIST)}).scrollTop = 1e9;`);
  const atBottom = await waitForRows(s, (r) => r.at(-1)?.label === `${n}. ${title}, Feature, Idea`, `"${n}. ${title}" last`);
  const newId = atBottom.at(-1).id;

  // Its menu → Move to top: it is row 1 (the list follows it), the others keep their order.
  await s.click(await s.waitForName('button', `Actions for “${title}”`));
  // A menu item is named by what it shows: its label and its shortcut.
  await s.click(await s.waitForName('[role="menuitem"]', 'Move to top, Alt+Shift+↑'));
  const expectedTop = [newId, ...ids(initial)];
  // The list follows the moved row to the top: the rendered rows become 1, 2, 3… again.
  const contiguous = (r) => r.every((row, i) => row.label?.startsWith(`${i + 1}. `));
  const afterTop = await waitForRows(s, (r) => r[0]?.id === newId && contiguous(r), `"1. ${title}" first, the list at the top`);
  assertPositions(afterTop);
  assert.deepEqual(ids(afterTop).slice(0, initial.length), expectedTop.slice(0, initial.length), 'order after Move to top');

  // The live region announces the move.
  await waitFor(async () => (await liveRegionTexts(s)).some((x) => x.includes(title) && x.includes(`position 1 of ${n}`)), {
    timeout: STEP_TIMEOUT,
    message: `a role=status region announcing "“${title}” moved to position 1 of ${n}"`,
  });

  // Ctrl+Z → last again (shortcuts are ignored in text fields: make sure focus is elsewhere).
  const focus = await activeElementInfo(s);
  t.diagnostic(`focus before Ctrl+Z: ${JSON.stringify(focus)}`);
  if (focus && (focus.tag === 'textarea' || (focus.tag === 'input' && focus.type !== 'checkbox'))) {
    t.diagnostic('focus was in a text field after the menu action; blurring it');
    await s.execute('document.activeElement.blur();');
  }
  // The moved row keeps the keyboard, and the list follows it back to the bottom and up again.
  const isLast = (r) => r.at(-1)?.id === newId && r.at(-1).label.startsWith(`${n}. `);
  await s.pressChord(Key.CONTROL, 'z');
  await waitForRows(s, isLast, 'Ctrl+Z puts the new item back at the bottom');

  // Ctrl+Shift+Z → first again.
  await s.pressChord(Key.CONTROL, Key.SHIFT, 'z');
  await waitForRows(s, (r) => r[0]?.id === newId && contiguous(r), 'Ctrl+Shift+Z redoes Move to top');

  // The toolbar buttons do the same; Undo's title names the action.
  const undo = await s.waitForName('button', 'Undo');
  const undoTitle = await s.attribute(undo, 'title');
  t.diagnostic(`Undo title: ${undoTitle}`);
  assert.ok(undoTitle && undoTitle.includes(title), `Undo's title names the item: ${JSON.stringify(undoTitle)}`);
  await s.click(undo);
  await waitForRows(s, isLast, 'the Undo button puts the new item back at the bottom');
  const redo = await s.waitForName('button', 'Redo');
  await waitFor(async () => (await s.attribute(redo, 'aria-disabled')) === 'false', {
    timeout: STEP_TIMEOUT, message: 'Redo to be enabled',
  });
  await s.click(redo);
  const beforeRestart = await waitForRows(s, (r) => r[0]?.id === newId && contiguous(r), 'the Redo button redoes');

  // Quit and start again on the same file: same order, the new item still first.
  await quit(s, db);
  s = await launch(db);
  await openBacklog(s);
  const afterRestart = await waitForRows(s, (r) => r.length >= 5 && r[0]?.id === newId, 'the new item first after the restart', UI_TIMEOUT);
  assertPositions(afterRestart);
  assert.equal(await itemCount(s), n, `${n} items after the restart`);
  const shown = Math.min(afterRestart.length, beforeRestart.length);
  assert.deepEqual(ids(afterRestart).slice(0, shown), ids(beforeRestart).slice(0, shown), 'the order after the restart equals the order before');
});

e2e('a file that is not a Northstar database shows the problem screen and is left untouched', async ({ t, dir, launch, quit }) => {
  const db = path.join(dir, 'broken.db');
  const line = 'This is a plain text file, not a Northstar database.\n';
  writeFileSync(db, line.repeat(Math.ceil(4096 / line.length)).slice(0, 4096));
  const before = sha256(db);

  const s = await launch(db);
  await s.waitForText('h1, h2, h3, [role="heading"]', PROBLEM_HEADING, { timeout: UI_TIMEOUT });
  await s.waitForName('input', 'Database file path');
  await s.waitForName('button', 'Open file');
  await s.waitForName('button', 'Start a new database');
  const others = await s.execute(
    `return [${JSON.stringify(PRODUCTS_NAV)}, ${JSON.stringify(VIEWS_NAV)}, ${JSON.stringify(BACKLOG_LIST)}]
       .filter((css) => { const e = document.querySelector(css); return e && e.getClientRects().length > 0; });`,
  );
  assert.deepEqual(others, [], 'nothing but the problem screen is shown');
  await quit(s, db);

  assert.equal(readFileSync(db).length, 4096, 'size unchanged');
  assert.equal(sha256(db), before, 'broken.db is byte-for-byte unchanged');
  const files = readdirSync(dir).sort();
  if (files.length !== 1) t.diagnostic(`note: files next to broken.db after the session: ${files.join(', ')}`);
});

e2e('keyboard: Alt+ArrowUp / Alt+ArrowDown move the focused row', async ({ t, dir, launch }) => {
  const db = path.join(dir, 'northstar.db');
  const s = await launch(db);
  await openBacklog(s);
  const initial = await waitForRows(s, (r) => r.length >= 3, 'at least 3 demo items');
  const total = await itemCount(s);
  const moving = initial[2];
  const title = titleOf(moving.label);

  /** Focus the row of `id` (the <li> itself, else the first focusable control in it that is not its menu button). */
  const focusRow = () => s.execute(
    `const row = document.querySelector('${BACKLOG_LIST} [data-row-id="' + CSS.escape(arguments[0]) + '"]');
     if (!row) return 'no row';
     row.focus();
     return document.activeElement === row ? 'row' : 'not focusable';`,
    [moving.id],
  );

  const focused = await focusRow();
  t.diagnostic(`focused in row: ${focused}`);
  assert.ok(focused !== 'no row' && focused !== 'not focusable', `the row "${moving.label}" can take focus (${focused})`);

  await s.pressChord(Key.ALT, Key.ARROW_UP);
  const up = [initial[0].id, moving.id, initial[1].id, ...ids(initial).slice(3)];
  const afterUp = await waitForRows(s, (r) => ids(r).slice(0, up.length).join() === up.join(), `Alt+ArrowUp moves "${title}" to position 2`);
  assertPositions(afterUp);
  await waitFor(async () => (await liveRegionTexts(s)).some((x) => x.includes(title) && x.includes(`position 2 of ${total}`)), {
    timeout: STEP_TIMEOUT,
    message: `a role=status region announcing "“${title}” moved to position 2 of ${total}"`,
  });

  // Focus stays with the moved row, so a second chord moves it back down.
  const stillFocused = await s.execute(
    `const row = document.querySelector('${BACKLOG_LIST} [data-row-id="' + CSS.escape(arguments[0]) + '"]');
     return !!row && row === document.activeElement;`,
    [moving.id],
  );
  assert.ok(stillFocused, 'focus stays on the moved row after Alt+ArrowUp');
  await s.pressChord(Key.ALT, Key.ARROW_DOWN);
  await waitForRows(s, (r) => ids(r).slice(0, initial.length).join() === ids(initial).join(), `Alt+ArrowDown moves "${title}" back to position 3`);
});

/** The centre of the rendered row `id`, in viewport CSS px. */
function rowCentre(s, id) {
  return s.execute(
    `const row = document.querySelector('${BACKLOG_LIST} [data-row-id="' + CSS.escape(arguments[0]) + '"]');
     if (!row) return null;
     const r = row.getBoundingClientRect();
     return { x: r.left + r.width / 3, y: r.top + r.height / 2 };`,
    [id],
  );
}

/** `northstar --db DB export`: the items of the first product, in rank order. */
function exportedTitles(db) {
  const json = execFileSync(APP, ['--db', db, 'export', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  const items = JSON.parse(json).products[0].items;
  items.forEach((item, index) => assert.equal(item.position, index + 1, 'export positions are 1..n in order'));
  return items.map((item) => item.title);
}

e2e('drag: a row dropped higher in the backlog is saved there (export after a restart)', async ({ t, dir, launch, quit }) => {
  const db = path.join(dir, 'northstar.db');
  const s = await launch(db);
  await openBacklog(s);
  const initial = await waitForRows(s, (r) => r.length >= 6, 'the first demo items');
  const moving = initial[4];
  const target = initial[1];
  const title = titleOf(moving.label);
  const from = await rowCentre(s, moving.id);
  const to = await rowCentre(s, target.id);
  t.diagnostic(`dragging "${title}" from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);

  await s.drag(from, to, { steps: 8, stepMs: 25 });
  const expected = [initial[0].id, moving.id, ...ids(initial).filter((id) => id !== initial[0].id && id !== moving.id)];
  const afterDrop = await waitForRows(
    s,
    (r) => ids(r).slice(0, 6).join() === expected.slice(0, 6).join(),
    `"${title}" dropped at position 2`,
  );
  assertPositions(afterDrop);
  await waitFor(async () => (await liveRegionTexts(s)).some((x) => x.includes(title) && x.includes('position 2 of 25')), {
    timeout: STEP_TIMEOUT,
    message: `the live region announcing "“${title}” moved to position 2 of 25"`,
  });

  await quit(s, db);
  const titles = exportedTitles(db);
  assert.equal(titles.length, 25);
  assert.equal(titles[1], title, `the export has "${title}" second`);
  assert.deepEqual(titles.slice(0, 6), expected.slice(0, 6).map((id) => titleOf(initial.find((r) => r.id === id).label)));
});

e2e('Ctrl+K opens the palette, which runs the command typed', async ({ dir, launch }) => {
  const db = path.join(dir, 'northstar.db');
  const s = await launch(db);
  await s.waitForElement('main h1', { timeout: UI_TIMEOUT });
  await s.pressChord(Key.CONTROL, 'k');
  const input = await s.waitForElement('[role="dialog"][aria-label="Command palette"] [role="combobox"]', { timeout: STEP_TIMEOUT });
  await waitFor(async () => (await activeElementInfo(s))?.tag === 'input', { timeout: STEP_TIMEOUT, message: 'the palette input to have the focus' });
  await s.sendKeys(input, 'go to backlog');
  await s.waitForText('[role="option"]', 'Go to Backlog', { contains: true, timeout: STEP_TIMEOUT });
  await s.pressChord(Key.ENTER);
  await s.waitForText('h1', 'Backlog', { timeout: STEP_TIMEOUT });
  await waitFor(async () => (await s.execute('return location.hash;')).endsWith('/backlog'), {
    timeout: STEP_TIMEOUT,
    message: 'the route to be the backlog',
  });
  await waitFor(async () => (await activeElementInfo(s))?.text === 'Backlog', {
    timeout: STEP_TIMEOUT,
    message: 'the Backlog heading to have the focus',
  });
  await waitForRows(s, (r) => r.length >= 5, 'the backlog rows');
});
