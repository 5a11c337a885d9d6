// The boards' part of the window benchmark: opening the MoSCoW board and the value/effort
// matrix (click in the sidebar → first card painted) and a pointer drag of a card across the
// MoSCoW board's columns (drop → card painted in its new column). Timed in the page like the
// backlog's figures (bench-page.mjs): a capture listener notes the input event, a
// MutationObserver sees the awaited state, "painted" is the first frame after it.

import { PAGE_HELPERS, collect, dragActions, findNavItem } from './bench-page.mjs';
import { waitFor } from './webdriver.mjs';

const BOARD_CARD = '[data-board-column] [data-row-id]';
const MATRIX_CARD = '[data-matrix-card]';
const TIMELINE_BAR = '[data-timeline-bar]';

/**
 * Click the sidebar entry `name` and time it until the first element matching `card` is
 * painted; untimed (null) when `timed` is false.
 */
async function openView(s, name, card, { timed, timeoutMs = 90_000 }) {
  const entry = await waitFor(() => findNavItem(s, name), { timeout: 30_000, message: `the ${name} nav item` });
  if (!timed) {
    await s.click(entry);
    await waitFor(() => s.execute(`return !!document.querySelector(${JSON.stringify(card)});`), {
      timeout: timeoutMs, message: `a card of the ${name}`,
    });
    return null;
  }
  const armed = await s.execute(
    `${PAGE_HELPERS}
     const [card] = arguments;
     if ([...document.querySelectorAll(card)].some(visible)) return 'cards are already shown';
     const onClick = () => { if (state.t0 === null) state.t0 = performance.now(); };
     window.addEventListener('click', onClick, { capture: true, once: true });
     const observer = new MutationObserver(() => {
       if (state.t0 !== null && [...document.querySelectorAll(card)].some(visible)) finish(observer);
     });
     observer.observe(document.documentElement, { childList: true, subtree: true });
     return 'armed';`,
    [card],
  );
  if (armed !== 'armed') throw new Error(`cannot time opening the ${name}: ${armed}`);
  await s.click(entry);
  return collect(s, `the first card of the ${name}`, timeoutMs);
}

/** Click "MoSCoW board" → first card painted (ms), or just open it. */
export function openMoscowBoard(s, options) {
  return openView(s, 'MoSCoW board', BOARD_CARD, options);
}

/** Click "Value/effort matrix" → first card painted (ms), or just open it. */
export function openMatrix(s, options) {
  return openView(s, 'Value/effort matrix', MATRIX_CARD, options);
}

/** Click "Timeline" → first bar painted (ms), or just open it. */
export function openTimeline(s, options) {
  return openView(s, 'Timeline', TIMELINE_BAR, options);
}

/** The DOM elements of the page now (the board's share of it is what is not the shell's). */
export function countElements(s) {
  return s.execute("return document.getElementsByTagName('*').length;");
}

/**
 * The first card of the first column that has one, and where to drop it: on the first card of
 * the next column (or that column's heading when it is empty).
 */
function boardDragPlan(s) {
  return s.execute(
    `const columns = [...document.querySelectorAll('[data-board-column]')];
     const from = columns.findIndex((column) => column.querySelector('[data-row-id]'));
     const to = columns[from + 1];
     if (from < 0 || !to) return null;
     const card = columns[from].querySelector('[data-row-id]');
     const target = to.querySelector('[data-row-id]') ?? to.querySelector('h2') ?? to;
     const c = card.getBoundingClientRect();
     const t = target.getBoundingClientRect();
     return { id: card.getAttribute('data-row-id'), to: to.getAttribute('data-board-column'),
              x: Math.round(c.left + c.width / 3), y: Math.round(c.top + c.height / 2),
              toX: Math.round(t.left + t.width / 3), toY: Math.round(t.top + t.height / 3) };`,
  );
}

/**
 * Drag a card of the MoSCoW board to the next column: the milliseconds from the drop
 * (pointerup) to the card painted in that column.
 */
export async function timeBoardDrag(s, { timeoutMs = 60_000 } = {}) {
  const plan = await boardDragPlan(s);
  if (!plan) throw new Error('the MoSCoW board has no card with a column after it');
  await s.execute(
    `${PAGE_HELPERS}
     const [id, to] = arguments;
     const landed = () => [...document.querySelectorAll('[data-board-column="' + CSS.escape(to) + '"] [data-row-id]')]
       .some((row) => row.getAttribute('data-row-id') === id && visible(row));
     const onUp = () => { if (state.t0 === null) state.t0 = performance.now(); };
     window.addEventListener('pointerup', onUp, { capture: true, once: true });
     const observer = new MutationObserver(() => {
       if (state.t0 !== null && landed()) finish(observer);
     });
     observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });`,
    [plan.id, plan.to],
  );
  try {
    await s.cmd('POST', '/actions', dragActions(plan));
  } finally {
    await s.cmd('DELETE', '/actions');
  }
  return collect(s, `the card dropped in ${plan.to}`, timeoutMs);
}
