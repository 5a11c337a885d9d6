// A small W3C WebDriver client for the real Northstar window, on Node's global
// fetch (Node 20, no npm dependencies). It talks to tauri-driver, which forwards
// to WebKitWebDriver, which launches the app.
//
// Rules this client keeps:
// - every HTTP request has a client-side timeout (AbortSignal.timeout);
// - waiting is done by polling a condition (waitFor), never by fixed sleeps;
// - screenshots are taken with ImageMagick's `import` on the X display, because
//   WebKitWebDriver's /screenshot endpoint hangs.

import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';

/** The W3C key that marks a web element reference in JSON. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** W3C key codes (WebDriver spec, "keyboard actions"). */
export const Key = Object.freeze({
  NULL: '\uE000',
  CANCEL: '\uE001',
  BACKSPACE: '\uE003',
  TAB: '\uE004',
  ENTER: '\uE007',
  SHIFT: '\uE008',
  CONTROL: '\uE009',
  ALT: '\uE00A',
  ESCAPE: '\uE00C',
  SPACE: '\uE00D',
  END: '\uE010',
  HOME: '\uE011',
  ARROW_LEFT: '\uE012',
  ARROW_UP: '\uE013',
  ARROW_RIGHT: '\uE014',
  ARROW_DOWN: '\uE015',
  DELETE: '\uE017',
});

export const DEFAULT_DRIVER_URL = 'http://127.0.0.1:4444';
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_SESSION_TIMEOUT_MS = 90_000;

/** An error answered by the driver ({value:{error,message}}) or a transport failure. */
export class WebDriverError extends Error {
  constructor(message, { error = 'unknown error', status = 0, method, url, cause } = {}) {
    super(message, cause ? { cause } : undefined);
    this.name = 'WebDriverError';
    this.error = error; // W3C error code, e.g. "no such element"; "timeout" for client timeouts
    this.status = status;
    this.method = method;
    this.url = url;
  }
}

// ---------------------------------------------------------------------------
// Pure helpers (unit-tested in webdriver.unit.test.mjs)
// ---------------------------------------------------------------------------

/** The capabilities for a new session of the Tauri app. */
export function buildCapabilities(application, args = []) {
  if (!application) throw new Error('buildCapabilities: application path is required');
  return {
    capabilities: {
      alwaysMatch: {
        browserName: 'wry',
        'tauri:options': { application, args: [...args] },
      },
    },
  };
}

/** The element id inside a W3C web element reference, or null when `value` is not one. */
export function elementIdOf(value) {
  if (value && typeof value === 'object' && typeof value[ELEMENT_KEY] === 'string') {
    return value[ELEMENT_KEY];
  }
  return null;
}

/** A web element reference for sending an element as a script argument. */
export function elementRef(id) {
  return { [ELEMENT_KEY]: id };
}

/**
 * W3C key actions for a chord: press every key in order, release in reverse.
 * chordActions(Key.CONTROL, 'z') → Ctrl+Z; chordActions(Key.ALT, Key.ARROW_UP) → Alt+↑.
 */
export function chordActions(...keys) {
  if (keys.length === 0) throw new Error('chordActions: at least one key');
  for (const k of keys) {
    if (typeof k !== 'string' || [...k].length !== 1) {
      throw new Error(`chordActions: each key must be one character, got ${JSON.stringify(k)}`);
    }
  }
  const down = keys.map((value) => ({ type: 'keyDown', value }));
  const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
  return { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] };
}

/**
 * W3C pointer actions for a mouse drag from `from` to `to` (viewport CSS px), as a person does
 * it: move to the start, press, then `steps` moves of `stepMs` ms each, then release.
 * WebKitWebDriver sends one pointermove per action (no interpolation), so the path is split
 * here; the first step moves `activation` px towards the target to start a drag that waits for
 * a distance (dnd-kit's 8 px).
 */
export function pointerDragActions(from, to, { steps = 8, stepMs = 25, activation = 12 } = {}) {
  if (steps < 2) throw new Error('pointerDragActions: at least 2 steps');
  const round = (v) => Math.round(v);
  const direction = Math.sign(to.y - from.y) || 1;
  const start = { x: from.x, y: from.y + direction * activation };
  const path = [start];
  for (let i = 1; i < steps; i += 1) {
    const t = i / (steps - 1);
    path.push({ x: start.x + (to.x - start.x) * t, y: start.y + (to.y - start.y) * t });
  }
  const move = (point, duration) => ({ type: 'pointerMove', origin: 'viewport', x: round(point.x), y: round(point.y), duration });
  return {
    actions: [{
      type: 'pointer',
      id: 'mouse',
      parameters: { pointerType: 'mouse' },
      actions: [
        move(from, 0),
        { type: 'pointerDown', button: 0 },
        ...path.map((point) => move(point, stepMs)),
        { type: 'pause', duration: stepMs },
        { type: 'pointerUp', button: 0 },
      ],
    }],
  };
}

/** Turn a parsed W3C response body into its value, or throw its error. */
export function unwrapResponse(status, body, { method = '?', url = '?' } = {}) {
  const value = body && typeof body === 'object' && 'value' in body ? body.value : undefined;
  if (status >= 400 || (value && typeof value === 'object' && typeof value.error === 'string')) {
    const error = value?.error ?? `http ${status}`;
    const message = value?.message ?? JSON.stringify(body);
    throw new WebDriverError(`${method} ${url} → ${status} ${error}: ${message}`, {
      error,
      status,
      method,
      url,
    });
  }
  return value;
}

/** True for driver errors that mean "not there (yet)", which waitFor treats as a falsy result. */
export function isTransientLookupError(err) {
  return (
    err instanceof WebDriverError &&
    ['no such element', 'stale element reference', 'element not interactable',
      'element click intercepted'].includes(err.error)
  );
}

/**
 * Poll `condition` until it returns a truthy value (which is returned) or `timeout` ms pass.
 * Lookup errors (no such element, stale element) count as "not yet"; any other error is
 * rethrown at once. The timeout error names `message` and the last value seen.
 */
export async function waitFor(condition, { timeout = 10_000, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastErr;
  for (;;) {
    try {
      last = await condition();
      lastErr = undefined;
      if (last) return last;
    } catch (err) {
      if (!isTransientLookupError(err)) throw err;
      lastErr = err;
    }
    if (Date.now() >= deadline) {
      const seen = lastErr ? `last error: ${lastErr.message}` : `last value: ${safeJson(last)}`;
      throw new Error(`waitFor timed out after ${timeout} ms waiting for ${message} (${seen})`);
    }
    await new Promise((r) => setTimeout(r, Math.min(interval, Math.max(0, deadline - Date.now()))));
  }
}

function safeJson(v) {
  try {
    const s = JSON.stringify(v);
    return s && s.length > 500 ? `${s.slice(0, 500)}…` : s;
  } catch {
    return String(v);
  }
}

/** The last `maxBytes` of a text file, or a note why it can't be read. */
export function tailOfFile(file, maxBytes = 8000) {
  try {
    const text = readFileSync(file, 'utf8');
    return text.length > maxBytes ? `…${text.slice(-maxBytes)}` : text;
  } catch (err) {
    return `(cannot read ${file}: ${err.message})`;
  }
}

/**
 * In-page JS (for execute scripts) defining norm(s), textOf(node) and nameOf(el): an
 * approximation of the accessible name: aria-label, else aria-labelledby's text, else a
 * form control's <label> text, else the element's text without aria-hidden parts.
 */
export const ACCESSIBLE_NAME_JS = String.raw`
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const textOf = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    if (node.getAttribute('aria-hidden') === 'true' || node.hidden) return '';
    if (node.hasAttribute('aria-label')) return ' ' + node.getAttribute('aria-label') + ' ';
    return [...node.childNodes].map(textOf).join('');
  };
  const nameOf = (el) => {
    if (el.hasAttribute('aria-label')) return norm(el.getAttribute('aria-label'));
    if (el.hasAttribute('aria-labelledby')) {
      return norm(el.getAttribute('aria-labelledby').split(/\s+/)
        .map((id) => { const l = document.getElementById(id); return l ? textOf(l) : ''; }).join(' '));
    }
    if (el.labels && el.labels.length && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) {
      return norm([...el.labels].map(textOf).join(' '));
    }
    return norm([...el.childNodes].map(textOf).join(''));
  };
`;

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

/** One W3C request with a client timeout. Returns the response's `value`. */
export async function wdRequest(baseUrl, method, path_, body, { timeout = DEFAULT_REQUEST_TIMEOUT_MS } = {}) {
  const url = `${baseUrl}${path_}`;
  let res;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
  } catch (err) {
    const timedOut = err?.name === 'TimeoutError' || err?.name === 'AbortError';
    throw new WebDriverError(
      timedOut
        ? `${method} ${url}: no answer within ${timeout} ms`
        : `${method} ${url}: ${err?.cause?.message ?? err?.message ?? err}`,
      { error: timedOut ? 'timeout' : 'transport', method, url, cause: err },
    );
  }
  let text;
  try {
    text = await res.text();
  } catch (err) {
    throw new WebDriverError(`${method} ${url}: reading the answer failed: ${err.message}`, {
      error: err?.name === 'TimeoutError' ? 'timeout' : 'transport', status: res.status, method, url, cause: err,
    });
  }
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new WebDriverError(`${method} ${url} → ${res.status}, not JSON: ${text.slice(0, 300)}`, {
        error: 'invalid response', status: res.status, method, url,
      });
    }
  }
  return unwrapResponse(res.status, parsed, { method, url });
}

/** Poll the driver's /status until it answers ready. */
export async function waitForDriver(baseUrl = DEFAULT_DRIVER_URL, { timeout = 30_000 } = {}) {
  return waitFor(async () => {
    try {
      const v = await wdRequest(baseUrl, 'GET', '/status', undefined, { timeout: 2000 });
      return v && v.ready !== false ? v : null;
    } catch (err) {
      if (err instanceof WebDriverError) return null;
      throw err;
    }
  }, { timeout, interval: 200, message: `WebDriver at ${baseUrl}/status` });
}

// ---------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------

/**
 * Start the app in a new session.
 * @param {object} o
 * @param {string} o.application absolute path of the app binary
 * @param {string[]} [o.args] app arguments, e.g. ["--db", "/tmp/x.db"]
 * @param {string} [o.driverUrl]
 * @param {string} [o.driverLog] tauri-driver's log file; its tail is put into the error if the start fails
 */
export async function newSession({
  application,
  args = [],
  driverUrl = process.env.NORTHSTAR_WEBDRIVER_URL || DEFAULT_DRIVER_URL,
  driverLog = process.env.NORTHSTAR_DRIVER_LOG,
  timeout = DEFAULT_SESSION_TIMEOUT_MS,
} = {}) {
  const started = Date.now();
  let value;
  try {
    value = await wdRequest(driverUrl, 'POST', '/session', buildCapabilities(application, args), { timeout });
  } catch (err) {
    const log = driverLog ? `\n--- tail of ${driverLog} ---\n${tailOfFile(driverLog)}\n--- end of log ---` : '';
    if (log) console.error(`new session failed: ${err.message}${log}`);
    err.message += log;
    throw err;
  }
  if (!value?.sessionId) throw new WebDriverError(`POST /session: no sessionId in ${safeJson(value)}`);
  const session = new Session(driverUrl, value.sessionId, value.capabilities);
  session.startMs = Date.now() - started;
  return session;
}

export class Session {
  constructor(driverUrl, id, capabilities) {
    this.driverUrl = driverUrl;
    this.id = id;
    this.capabilities = capabilities;
    this.deleted = false;
  }

  cmd(method, p, body, opts) {
    return wdRequest(this.driverUrl, method, `/session/${this.id}${p}`, body, opts);
  }

  // --- finding ---------------------------------------------------------------

  /** The element id for a CSS selector; throws "no such element" when absent. */
  async find(css, { from } = {}) {
    const prefix = from ? `/element/${from}` : '';
    return elementIdOf(await this.cmd('POST', `${prefix}/element`, { using: 'css selector', value: css }));
  }

  /** All element ids for a CSS selector (possibly none). */
  async findAll(css, { from } = {}) {
    const prefix = from ? `/element/${from}` : '';
    const list = await this.cmd('POST', `${prefix}/elements`, { using: 'css selector', value: css });
    return list.map(elementIdOf);
  }

  /**
   * The first element matching `css` whose whitespace-normalised text equals `text`
   * (or, with {contains:true}, contains it), or null. Elements that are not rendered
   * (display:none / hidden) are skipped unless {includeHidden:true}.
   */
  async findByText(css, text, { contains = false, includeHidden = false } = {}) {
    const v = await this.execute(
      `const [css, text, contains, includeHidden] = arguments;
       const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
       for (const el of document.querySelectorAll(css)) {
         if (!includeHidden && el.getClientRects().length === 0) continue;
         const t = norm(el.textContent);
         if (contains ? t.includes(text) : t === text) return el;
       }
       return null;`,
      [css, text, contains, includeHidden],
    );
    return elementIdOf(v);
  }

  /**
   * The first element matching `css` whose accessible name is `name`: its aria-label, else the
   * text of its aria-labelledby elements, else its own text (whitespace-normalised), or null.
   * Inputs also match by the text of their <label>. Unrendered elements are skipped.
   */
  async findByName(css, name) {
    const v = await this.execute(
      `${ACCESSIBLE_NAME_JS}
       const [css, name] = arguments;
       for (const el of document.querySelectorAll(css)) {
         if (el.getClientRects().length === 0) continue;
         if (nameOf(el) === name) return el;
       }
       return null;`,
      [css, name],
    );
    return elementIdOf(v);
  }

  /** Wait until an element matching `css` named `name` is there (see findByName), return its id. */
  waitForName(css, name, { timeout = 10_000 } = {}) {
    return waitFor(() => this.findByName(css, name), {
      timeout,
      message: `${css} named ${JSON.stringify(name)}`,
    });
  }

  /** Wait until `css` matches, return the element id. */
  waitForElement(css, { timeout = 10_000 } = {}) {
    return waitFor(() => this.find(css), { timeout, message: `element ${css}` });
  }

  /** Wait until an element matching `css` with text `text` is there, return its id. */
  waitForText(css, text, { timeout = 10_000, contains = false } = {}) {
    return waitFor(() => this.findByText(css, text, { contains }), {
      timeout,
      message: `${css} with text ${JSON.stringify(text)}`,
    });
  }

  // --- interacting ---------------------------------------------------------

  click(el) {
    return this.cmd('POST', `/element/${el}/click`, {});
  }

  clear(el) {
    return this.cmd('POST', `/element/${el}/clear`, {});
  }

  sendKeys(el, text) {
    return this.cmd('POST', `/element/${el}/value`, { text });
  }

  text(el) {
    return this.cmd('GET', `/element/${el}/text`);
  }

  attribute(el, name) {
    return this.cmd('GET', `/element/${el}/attribute/${encodeURIComponent(name)}`);
  }

  property(el, name) {
    return this.cmd('GET', `/element/${el}/property/${encodeURIComponent(name)}`);
  }

  /** Drag with the mouse from `from` to `to` (viewport px) in steps (see pointerDragActions). */
  async drag(from, to, options) {
    await this.cmd('POST', '/actions', pointerDragActions(from, to, options));
    await this.cmd('DELETE', '/actions');
  }

  /** Press a chord with W3C key actions, then release all input state. */
  async pressChord(...keys) {
    await this.cmd('POST', '/actions', chordActions(...keys));
    await this.cmd('DELETE', '/actions');
  }

  // --- scripts and page --------------------------------------------------------

  /** Run a synchronous script (function body; use `arguments`). Element ids in `args` must be wrapped with elementRef. */
  execute(script, args = [], opts) {
    return this.cmd('POST', '/execute/sync', { script, args }, opts);
  }

  /** Run an async script; it must call `arguments[arguments.length - 1](result)`. */
  executeAsync(script, args = [], opts) {
    return this.cmd('POST', '/execute/async', { script, args }, opts);
  }

  /** Resolve after the page has painted twice (two animation frames): for screenshots. */
  afterPaint() {
    return this.executeAsync(
      `const done = arguments[arguments.length - 1];
       requestAnimationFrame(() => requestAnimationFrame(() => done(true)));`,
      [],
      { timeout: 10_000 },
    );
  }

  title() {
    return this.cmd('GET', '/title');
  }

  setWindowRect(rect) {
    return this.cmd('POST', '/window/rect', rect);
  }

  /** End the session (the app quits). Safe to call twice; errors are returned, not thrown. */
  async delete({ timeout = 30_000 } = {}) {
    if (this.deleted) return null;
    this.deleted = true;
    try {
      await wdRequest(this.driverUrl, 'DELETE', `/session/${this.id}`, undefined, { timeout });
      return null;
    } catch (err) {
      return err;
    }
  }
}

// ---------------------------------------------------------------------------
// Processes and screenshots (Linux, X11)
// ---------------------------------------------------------------------------

/** Pids of running processes whose command line contains every string in `parts`. */
export function findProcesses(parts) {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let argv;
    try {
      argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (parts.every((p) => argv.includes(p))) pids.push(Number(name));
  }
  return pids;
}

/** Wait until no process runs `application` with `--db dbPath` any more. */
export function waitForAppExit(application, dbPath, { timeout = 15_000 } = {}) {
  return waitFor(() => findProcesses([application, '--db', dbPath]).length === 0, {
    timeout,
    interval: 100,
    message: `the app on ${dbPath} to quit (pids ${findProcesses([application, '--db', dbPath]).join(', ')})`,
  });
}

function run(cmd, args, { timeout = 20_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        err.message += `\n${stderr}`;
        reject(err);
      } else resolve(stdout);
    });
  });
}

/** The X window id of the biggest mapped top-level window whose name is `name`, or null. */
export async function findWindowId(name, { display = process.env.DISPLAY } = {}) {
  const out = await run('xwininfo', ['-display', display, '-root', '-tree']);
  return pickWindow(out, name);
}

/** Parse `xwininfo -root -tree` output: the largest window named exactly `name`. */
export function pickWindow(xwininfoOutput, name) {
  let best = null;
  const re = /^\s*(0x[0-9a-f]+) "((?:[^"\\]|\\.)*)":.*?\s(\d+)x(\d+)\+/gim;
  for (const m of xwininfoOutput.matchAll(re)) {
    if (m[2] !== name) continue;
    const area = Number(m[3]) * Number(m[4]);
    if (!best || area > best.area) best = { id: m[1], area, width: Number(m[3]), height: Number(m[4]) };
  }
  return best;
}

/**
 * Screenshot with ImageMagick's import: the window named `windowName` if found, else the
 * whole screen. Returns the file path.
 */
export async function screenshot(file, { windowName = 'Northstar', display = process.env.DISPLAY } = {}) {
  if (!display) throw new Error('screenshot: DISPLAY is not set');
  mkdirSync(path.dirname(file), { recursive: true });
  let target = 'root';
  if (windowName) {
    try {
      const w = await findWindowId(windowName, { display });
      if (w) target = w.id;
    } catch {
      // fall back to the whole screen
    }
  }
  await run('/usr/bin/import', ['-display', display, '-window', target, file]);
  if (!existsSync(file)) throw new Error(`screenshot: ${file} was not written`);
  return file;
}
