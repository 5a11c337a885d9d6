// What the window benchmark measures inside the page, through WebDriver scripts.
//
// Every timing is taken in the page with performance.now(): a capture listener on `window`
// notes the moment the input event (click, keydown, pointerup) arrives, a MutationObserver sees
// the DOM reach the awaited state, and "painted" is the first frame after that: a
// requestAnimationFrame callback (which runs before the frame is painted), then a task posted
// from it (which runs after). The result is left in `window.__northstarBench` and collected by
// one async script, so no WebDriver round trip is inside a measured interval.
//
// Rows are found by `[data-row-id]` inside the backlog's list (the nearest grid, listbox, list,
// ol, ul or table around them), so a drag overlay's copy of a row is not counted. A row counts
// as moved down once it comes after the row that followed it before, in DOM order: this holds
// for a plain list and for a virtualised one, whatever the absolute indexes rendered.

import { Key, waitFor } from './webdriver.mjs';

export const ROW = '[data-row-id]';
const NAV_ITEMS = 'nav a, nav button, [role="navigation"] a, [role="navigation"] button';
const RESULT = '__northstarBench';
const SCRIPT_TIMEOUT_MS = 120_000;

/** In-page helpers shared by the arming scripts. */
export const PAGE_HELPERS = String.raw`
  const ROW = ${JSON.stringify(ROW)};
  const CONTAINER = '[role="grid"], [role="treegrid"], [role="listbox"], [role="list"], ol, ul, table';
  const afterPaint = (fn) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(0);
  });
  const visible = (el) => el.getClientRects().length > 0;
  const rowOf = (id) => {
    for (const row of document.querySelectorAll(ROW)) {
      if (row.getAttribute('data-row-id') === id && row.closest(CONTAINER)) return row;
    }
    return null;
  };
  /** True when the row of later comes after the row of earlier in the same list. */
  const comesAfter = (laterId, earlierId) => {
    const later = rowOf(laterId);
    const earlier = rowOf(earlierId);
    if (!later || !earlier || !visible(later)) return false;
    if (later.closest(CONTAINER) !== earlier.closest(CONTAINER)) return false;
    return Boolean(earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING);
  };
  const state = { state: 'armed', t0: null };
  const finish = (observer, extra) => {
    observer.disconnect();
    afterPaint(() => Object.assign(state, extra, { ms: performance.now() - state.t0, state: 'done' }));
  };
  window.${RESULT} = state;
`;

/** Long-running scripts (a 10,000-row render) must not hit the driver's 30 s default. */
export function allowLongScripts(s) {
  return s.cmd('POST', '/timeouts', { script: SCRIPT_TIMEOUT_MS });
}

/** Wait for the armed measurement to finish; returns its milliseconds or throws with `what`. */
export async function collect(s, what, timeoutMs) {
  const result = await s.executeAsync(
    `const [key, timeoutMs] = arguments;
     const done = arguments[arguments.length - 1];
     const start = performance.now();
     (function poll() {
       const r = window[key];
       if (r && r.state === 'done') return done(r);
       if (performance.now() - start > timeoutMs) return done({ state: 'timeout', started: !!(r && r.t0 !== null) });
       setTimeout(poll, 20);
     })();`,
    [RESULT, timeoutMs],
    { timeout: timeoutMs + 30_000 },
  );
  if (result?.state !== 'done') {
    const why = result?.started ? 'the page never reached it' : 'the input event never arrived';
    throw new Error(`${what}: not within ${Math.round(timeoutMs / 1000)} s (${why})`);
  }
  return result.ms;
}

/** Wait until the app shows its shell (the sidebar's navigation or a heading). */
export function waitForShell(s, timeout = 60_000) {
  return waitFor(() => s.execute('return !!document.querySelector("nav, h1");'), {
    timeout, message: 'the app shell (nav or h1)',
  });
}

/**
 * Resolve once the DOM has not changed for `quietMs` (rendering and refetches are over), or
 * after `timeoutMs`; returns whether it went quiet.
 */
export async function waitForQuiet(s, { quietMs = 400, timeoutMs = 60_000 } = {}) {
  return s.executeAsync(
    `const [quietMs, timeoutMs] = arguments;
     const done = arguments[arguments.length - 1];
     const start = performance.now();
     let last = performance.now();
     const observer = new MutationObserver(() => { last = performance.now(); });
     observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
     (function check() {
       const now = performance.now();
       if (now - last >= quietMs || now - start > timeoutMs) {
         observer.disconnect();
         return done(now - last >= quietMs);
       }
       setTimeout(check, 50);
     })();`,
    [quietMs, timeoutMs],
    { timeout: timeoutMs + 30_000 },
  );
}

/** The sidebar entry named `name` (a link or button in a navigation), or null. */
export function findNavItem(s, name) {
  return s.findByName(NAV_ITEMS, name);
}

/**
 * Leave the backlog if the app opened on it, so that opening it can be timed; true if it had
 * to (the rows may then come from the UI's cache).
 */
export async function leaveBacklog(s) {
  const backlog = await waitFor(() => findNavItem(s, 'Backlog'), { timeout: 30_000, message: 'the Backlog nav item' });
  if ((await s.attribute(backlog, 'aria-current')) !== 'page') return false;
  const home = await findNavItem(s, 'Home');
  if (!home) throw new Error('the app opened on the backlog and offers no Home nav item to leave it');
  await s.click(home);
  await waitFor(async () => (await s.execute(`return document.querySelectorAll(${JSON.stringify(ROW)}).length;`)) === 0, {
    timeout: 30_000, message: 'the backlog rows to go away after opening Home',
  });
  return true;
}

/**
 * Click Backlog in the sidebar; with `timed`, the milliseconds from the click to the first
 * backlog row painted.
 */
export async function openBacklog(s, { timed, timeoutMs = 90_000 }) {
  const backlog = await waitFor(() => findNavItem(s, 'Backlog'), { timeout: 30_000, message: 'the Backlog nav item' });
  if (!timed) {
    await s.click(backlog);
    await waitFor(() => s.execute('return [...document.querySelectorAll("h1")].some((h) => h.textContent.includes("Backlog"));'), {
      timeout: timeoutMs, message: 'the Backlog heading',
    });
    return null;
  }
  const armed = await s.execute(
    `${PAGE_HELPERS}
     if ([...document.querySelectorAll(ROW)].some(visible)) return 'rows are already shown';
     const firstRow = () => [...document.querySelectorAll(ROW)].some((row) => row.closest(CONTAINER) && visible(row));
     const onClick = () => { if (state.t0 === null) state.t0 = performance.now(); };
     window.addEventListener('click', onClick, { capture: true, once: true });
     const observer = new MutationObserver(() => {
       if (state.t0 !== null && firstRow()) finish(observer);
     });
     observer.observe(document.documentElement, { childList: true, subtree: true });
     return 'armed';`,
  );
  if (armed !== 'armed') throw new Error(`cannot time opening the backlog: ${armed}`);
  await s.click(backlog);
  return collect(s, 'the first backlog row', timeoutMs);
}

/** Elements in the whole document and backlog rows among them. */
export function countDom(s) {
  return s.execute(
    `return { elements: document.getElementsByTagName('*').length,
              rows: document.querySelectorAll(${JSON.stringify(ROW)}).length };`,
  );
}

/** The ids of the first `count` rows of the backlog list, in DOM order. */
function firstRowIds(s, count) {
  return s.execute(
    `${PAGE_HELPERS}
     const first = [...document.querySelectorAll(ROW)].find((row) => row.closest(CONTAINER));
     if (!first) return [];
     return [...first.closest(CONTAINER).querySelectorAll(ROW)].slice(0, arguments[0])
       .map((row) => row.getAttribute('data-row-id'));`,
    [count],
  );
}

/**
 * Focus the backlog's second row and press Alt+↓: the milliseconds from the keydown to the row
 * painted below its old neighbour.
 */
export async function timeKeyboardMove(s, { timeoutMs = 60_000 } = {}) {
  const [, moving, next] = await firstRowIds(s, 3);
  if (!moving || !next) throw new Error('the backlog has fewer than 3 rows');
  const focused = await s.execute(
    `${PAGE_HELPERS}
     const [id] = arguments;
     const row = rowOf(id);
     row.focus();
     // A grid may take focus on a cell rather than the row; a row's buttons keep keys to themselves.
     const cells = row.querySelectorAll('[role="gridcell"], [role="option"], [tabindex]:not(button):not(a):not(input)');
     for (const cell of cells) {
       if (row.contains(document.activeElement)) break;
       cell.focus();
     }
     return row.contains(document.activeElement);`,
    [moving],
  );
  if (!focused) throw new Error('the second backlog row cannot take focus');
  await s.execute(
    `${PAGE_HELPERS}
     const [moving, next] = arguments;
     // Alt's own keydown comes first: wait for the arrow's.
     const onKey = (event) => {
       if (state.t0 !== null || !event.altKey || event.key !== 'ArrowDown') return;
       state.t0 = performance.now();
       window.removeEventListener('keydown', onKey, { capture: true });
     };
     window.addEventListener('keydown', onKey, { capture: true });
     const observer = new MutationObserver(() => {
       if (state.t0 !== null && comesAfter(moving, next)) finish(observer);
     });
     observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });`,
    [moving, next],
  );
  await s.pressChord(Key.ALT, Key.ARROW_DOWN);
  return collect(s, 'the row moved by Alt+↓', timeoutMs);
}

/**
 * The drag handle of a backlog row and where to drop it: a dnd-kit sortable or draggable
 * (aria-roledescription), an element marked data-drag-handle, or the row itself when it is
 * one of those. Null when the page offers no pointer drag.
 */
function dragPlan(s, movingId, targetId) {
  return s.execute(
    `${PAGE_HELPERS}
     const HANDLE = '[data-drag-handle], [aria-roledescription="sortable"], [aria-roledescription="draggable"]';
     const [movingId, targetId] = arguments;
     const row = rowOf(movingId);
     const target = rowOf(targetId);
     if (!row || !target) return null;
     const handle = row.matches(HANDLE) ? row : row.querySelector(HANDLE);
     if (!handle || !visible(handle)) return null;
     const h = handle.getBoundingClientRect();
     const t = target.getBoundingClientRect();
     return { x: Math.round(h.left + h.width / 2), y: Math.round(h.top + h.height / 2),
              toY: Math.round(t.top + t.height * 0.75) };`,
    [movingId, targetId],
  );
}

/**
 * W3C pointer actions for a drag the way dnd-kit sees a person's: to the handle, press, then
 * `steps` moves of `stepMs` each (WebKitWebDriver sends one pointermove per action), a pause
 * for the last move to be handled, release.
 */
export function dragActions({ x, y, toX = x, toY }, { steps = 8, stepMs = 25, settleMs = 100 } = {}) {
  const moves = [];
  for (let i = 1; i <= steps; i += 1) {
    moves.push({
      type: 'pointerMove',
      duration: stepMs,
      origin: 'viewport',
      x: Math.round(x + ((toX - x) * i) / steps),
      y: Math.round(y + ((toY - y) * i) / steps),
    });
  }
  return {
    actions: [{
      type: 'pointer',
      id: 'mouse',
      parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', duration: 0, origin: 'viewport', x, y },
        { type: 'pointerDown', button: 0 },
        ...moves,
        { type: 'pause', duration: settleMs },
        { type: 'pointerUp', button: 0 },
      ],
    }],
  };
}

/** The figure reported when the backlog has nothing to drag. */
export const NO_DRAG = 'n/a (no drag-and-drop)';

/**
 * Drag the backlog's second row down onto the fourth: the milliseconds from the drop
 * (pointerup) to the row painted below its old neighbour, or {na} when rows are not draggable.
 */
export async function timeDrag(s, { timeoutMs = 60_000 } = {}) {
  const [, moving, next, target] = await firstRowIds(s, 4);
  if (!moving || !target) throw new Error('the backlog has fewer than 4 rows');
  const plan = await dragPlan(s, moving, target);
  if (!plan) return { na: NO_DRAG };
  await s.execute(
    `${PAGE_HELPERS}
     const [moving, next] = arguments;
     const onUp = () => { if (state.t0 === null) state.t0 = performance.now(); };
     window.addEventListener('pointerup', onUp, { capture: true, once: true });
     const observer = new MutationObserver(() => {
       if (state.t0 !== null && comesAfter(moving, next)) finish(observer);
     });
     observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });`,
    [moving, next],
  );
  try {
    await s.cmd('POST', '/actions', dragActions(plan));
  } finally {
    await s.cmd('DELETE', '/actions');
  }
  return collect(s, 'the dropped row', timeoutMs);
}
