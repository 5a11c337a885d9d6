// Highlights in the real window: a passage of a note selected with the keyboard, highlighted
// with the toolbar button, linked to a backlog item through the dialog's search-as-you-type
// picker; after a restart the passage is still marked in the editor and listed under the note
// with its item. Run through tests/e2e/run.sh.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { findProcesses, newSession, screenshot, waitFor, waitForAppExit } from './webdriver.mjs';

const APP = process.env.NORTHSTAR_APP ? path.resolve(process.env.NORTHSTAR_APP) : '';
const OUT = path.resolve(process.env.NORTHSTAR_E2E_OUT || path.join('target', 'e2e'));
const UI_TIMEOUT = 15_000;
const STEP_TIMEOUT = 8_000;
const VIEWS = 'nav[aria-label="Views"] button';
const TITLE = 'Call with Ari';
const BODY = 'Ari sends invoices by hand and it takes forever every month.';
const PASSAGE = 'takes forever';
const AFTER = ' every month.';
const ITEM = 'Invoice from a template in two minutes';
const KEYS = { END: '\uE010', LEFT: '\uE012', SHIFT: '\uE008', NULL: '\uE000' };

async function openResearch(s) {
  await s.click(await s.waitForName(VIEWS, 'Research', { timeout: UI_TIMEOUT }));
  await s.waitForElement('.cm-editor', { timeout: UI_TIMEOUT });
}

/** The texts of the editor's highlight marks. */
function markedTexts(s) {
  return s.execute(`return [...document.querySelectorAll('.cm-content [data-highlight-id]')].map((m) => m.textContent);`);
}

test('Highlights: select a passage, highlight it, link an item; still marked and listed after a restart', {
  timeout: 300_000,
  skip: APP ? false : 'NORTHSTAR_APP is not set (use tests/e2e/run.sh)',
}, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'northstar-highlights-'));
  const db = path.join(dir, 'northstar.db');
  let s = null;
  let failed = false;
  try {
    s = await newSession({ application: APP, args: ['--db', db] });
    await openResearch(s);
    await s.click(await s.waitForText('button', 'New note', { timeout: STEP_TIMEOUT }));
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
    await s.sendKeys(body, BODY);
    // The passage: from the end, past " every month.", then Shift+← over it.
    await s.sendKeys(body, KEYS.END + KEYS.LEFT.repeat(AFTER.length) + KEYS.SHIFT + KEYS.LEFT.repeat(PASSAGE.length) + KEYS.NULL);
    const button = await waitFor(() => s.findByName('button', 'Highlight the selected passage'), {
      timeout: STEP_TIMEOUT,
      message: 'the Highlight button, enabled by the selection',
    });
    await s.click(button);

    const search = await s.waitForName('input', 'Link a backlog item', { timeout: STEP_TIMEOUT });
    const quote = await s.execute(`return document.querySelector('[role="dialog"] blockquote')?.textContent ?? null;`);
    assert.equal(quote, PASSAGE, "the dialog quotes the passage Rust took from the saved body");
    await s.sendKeys(search, 'template');
    await s.click(await s.waitForText('[role="dialog"] button', `Link ${ITEM}`, { timeout: STEP_TIMEOUT }));
    await s.waitForName('button', `Unlink “${ITEM}”`, { timeout: STEP_TIMEOUT });
    await s.click(await s.waitForText('[role="dialog"] button', 'Done', { timeout: STEP_TIMEOUT }));
    await waitFor(async () => (await markedTexts(s)).join('|') === PASSAGE, { timeout: STEP_TIMEOUT, message: 'the passage marked' });

    const ended = await s.delete({ timeout: 15_000 });
    if (ended) t.diagnostic(`delete session: ${ended.message}`);
    await waitForAppExit(APP, db, { timeout: 45_000 });

    s = await newSession({ application: APP, args: ['--db', db] });
    await openResearch(s);
    await s.click(await s.waitForText('ol[aria-label="Notes"] button span', TITLE, { timeout: UI_TIMEOUT }));
    await waitFor(async () => (await markedTexts(s)).join('|') === PASSAGE, {
      timeout: STEP_TIMEOUT,
      message: 'the passage still marked after a restart',
    });
    const listed = await waitFor(
      async () => {
        const text = await s.execute(`return document.querySelector('ul[aria-label="Highlights in this note"]')?.textContent ?? '';`);
        return text.includes(ITEM) ? text : null;
      },
      { timeout: STEP_TIMEOUT, message: 'the highlight listed under the note with its item' },
    );
    assert.ok(listed.includes(PASSAGE));
    const closed = await s.delete({ timeout: 15_000 });
    if (closed) t.diagnostic(`delete session: ${closed.message}`);
  } catch (err) {
    failed = true;
    if (s && !s.deleted) await screenshot(path.join(OUT, 'failure-highlights.png')).catch(() => {});
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
