// Research in the real window: the note editor's injected styles apply under the window's CSP
// (the style nonce carrier was replaced by Tauri's nonce: the test fails if the token is ever
// left as it is); a note's body typed and the window closed at once (before the autosave's
// pause) is in the file after the app quit and in the editor after a restart; search finds it
// with the match marked. Run through tests/e2e/run.sh.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { findProcesses, newSession, screenshot, waitFor, waitForAppExit } from './webdriver.mjs';

const APP = process.env.NORTHSTAR_APP ? path.resolve(process.env.NORTHSTAR_APP) : '';
const OUT = path.resolve(process.env.NORTHSTAR_E2E_OUT || path.join('target', 'e2e'));
const HERE = path.dirname(fileURLToPath(import.meta.url));
const UI_TIMEOUT = 15_000;
const STEP_TIMEOUT = 8_000;
const VIEWS = 'nav[aria-label="Views"] button';
const TITLE = 'Call with Noor';
const TYPED = 'Noor reconciles invoices on Sundays with a zucchini spreadsheet.';

function closeWindow(pid) {
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/python3', [path.join(HERE, 'close-window.py'), 'Northstar', String(pid)], { timeout: 20_000 }, (err) =>
      err ? reject(err) : resolve(),
    );
  });
}

async function openResearch(s) {
  await s.click(await s.waitForName(VIEWS, 'Research', { timeout: UI_TIMEOUT }));
  await s.waitForElement('.cm-editor', { timeout: UI_TIMEOUT });
}

/** The text of the open note's editor. */
function editorText(s) {
  return s.execute(`return document.querySelector('.cm-content')?.innerText ?? null;`);
}

function exportedNote(db) {
  const json = execFileSync(APP, ['--db', db, 'export', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  return JSON.parse(json).products[0].researchNotes.find((note) => note.title === TITLE);
}

test('Research: the editor styled under the CSP nonce, a body typed right before closing survives, search finds it', {
  timeout: 300_000,
  skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)',
}, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'northstar-research-'));
  const db = path.join(dir, 'northstar.db');
  let s = null;
  let failed = false;
  try {
    s = await newSession({ application: APP, args: ['--db', db] });
    await openResearch(s);

    // The nonce carrier holds Tauri's nonce, not the token, and CodeMirror's own stylesheet
    // (injected with that nonce) applies: its base theme makes the editor a flex column.
    const styling = await s.execute(`
      const editor = document.querySelector('.cm-editor');
      const content = document.querySelector('.cm-content');
      return {
        nonce: document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? null,
        display: getComputedStyle(editor).display,
        direction: getComputedStyle(editor).flexDirection,
        wrap: getComputedStyle(content).whiteSpace,
      };`);
    assert.ok(styling.nonce && styling.nonce !== '__TAURI_STYLE_NONCE__', `the style nonce was replaced (${styling.nonce})`);
    assert.equal(styling.display, 'flex', "CodeMirror's injected styles apply");
    assert.equal(styling.direction, 'column');
    assert.ok(['pre-wrap', 'break-spaces'].includes(styling.wrap), `line wrapping is on (white-space: ${styling.wrap})`);

    await s.click(await s.waitForText('button', 'New note', { timeout: STEP_TIMEOUT }));
    // The new note replaces the open one: its own title field, found again until it shows.
    const title = await waitFor(
      async () => {
        const field = await s.findByName('input', 'Title');
        return field && (await s.property(field, 'value')) === 'Untitled note' ? field : null;
      },
      { timeout: STEP_TIMEOUT, message: 'the new note' },
    );
    await s.clear(title);
    await s.sendKeys(title, `${TITLE}\uE007`);
    await s.waitForText('ol[aria-label="Notes"] button span', TITLE, { timeout: STEP_TIMEOUT });
    const body = await s.waitForElement('.cm-content', { timeout: STEP_TIMEOUT });
    await s.click(body);
    await s.sendKeys(body, TYPED);
    await waitFor(async () => (await editorText(s))?.includes(TYPED), { timeout: STEP_TIMEOUT, message: 'the typed text in the editor' });

    // Closed at once: the autosave's pause has not passed; the close waits for the save.
    const before = await s.execute(`return document.querySelector('[data-status]')?.getAttribute('data-status') ?? null;`);
    t.diagnostic(`save status when the window was closed: ${before} (unsaved: only the close guard can save it)`);
    const [pid] = findProcesses([APP, '--db', db]);
    assert.ok(pid, 'the app is running');
    await closeWindow(pid);
    // Under Xvfb, with no window manager, a close request now and then goes unanswered in long
    // runs (exit.test.mjs meets it too): the app keeps running and logs no close request. A user
    // would click again; a request that did arrive ends the app within the guard's 4 s, so a
    // second click 10 s later only ever replaces a lost one.
    for (let click = 2; click <= 3; click += 1) {
      const gone = await waitForAppExit(APP, db, { timeout: 10_000 }).then(() => true, () => false);
      if (gone) break;
      t.diagnostic(`the app still runs 10 s after close request ${click - 1}: clicking close again`);
      await closeWindow(pid).catch(() => {});
    }
    await waitForAppExit(APP, db, { timeout: 45_000 });
    // The app is gone; the driver's session is ended all the same (it allows one at a time).
    const closed = await s.delete({ timeout: 15_000 });
    if (closed) t.diagnostic(`delete session after closing: ${closed.message}`);
    const saved = exportedNote(db);
    assert.equal(saved?.body, TYPED, 'the text typed right before closing is in the file');

    s = await newSession({ application: APP, args: ['--db', db] });
    await openResearch(s);
    await s.click(await s.waitForText('ol[aria-label="Notes"] button span', TITLE, { timeout: UI_TIMEOUT }));
    await waitFor(async () => (await editorText(s))?.includes(TYPED), { timeout: STEP_TIMEOUT, message: 'the body after a restart' });

    await s.sendKeys(await s.waitForName('input', 'Search notes and items', { timeout: STEP_TIMEOUT }), 'zucchini');
    const marks = await waitFor(
      async () => {
        const found = await s.execute(`return [...document.querySelectorAll('ol[aria-label="Search results"] mark')].map((m) => m.textContent);`);
        return found.length > 0 ? found : null;
      },
      { timeout: STEP_TIMEOUT, message: 'a search hit with its match marked' },
    );
    assert.deepEqual(marks, ['zucchini']);
    await screenshot(path.join(OUT, 'screenshots', 'northstar-research.png')).catch((err) => t.diagnostic(`screenshot: ${err.message}`));
    const ended = await s.delete({ timeout: 15_000 });
    if (ended) t.diagnostic(`delete session: ${ended.message}`);
  } catch (err) {
    failed = true;
    if (s && !s.deleted) await screenshot(path.join(OUT, 'failure-research.png')).catch(() => {});
    throw err;
  } finally {
    if (s && !s.deleted) await s.delete({ timeout: 15_000 });
    await waitForAppExit(APP, db, { timeout: 20_000 }).catch(() => {
      for (const pid of findProcesses([APP, '--db', db])) process.kill(pid, 'SIGKILL');
    });
    if (failed) t.diagnostic(`kept temp dir ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
});
