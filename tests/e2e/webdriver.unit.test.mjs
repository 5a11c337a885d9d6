// Unit tests of the WebDriver client's helpers (no app, no display needed):
//   node --test tests/e2e/webdriver.unit.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  ELEMENT_KEY,
  Key,
  WebDriverError,
  buildCapabilities,
  chordActions,
  elementIdOf,
  elementRef,
  findProcesses,
  newSession,
  pickWindow,
  pointerDragActions,
  tailOfFile,
  unwrapResponse,
  waitFor,
  waitForDriver,
  wdRequest,
} from './webdriver.mjs';

test('buildCapabilities: wry + tauri:options with the app and its args', () => {
  assert.deepEqual(buildCapabilities('/x/northstar', ['--db', '/tmp/a.db']), {
    capabilities: {
      alwaysMatch: {
        browserName: 'wry',
        'tauri:options': { application: '/x/northstar', args: ['--db', '/tmp/a.db'] },
      },
    },
  });
  assert.throws(() => buildCapabilities(''), /application/);
});

test('element references', () => {
  assert.equal(elementIdOf({ [ELEMENT_KEY]: 'abc' }), 'abc');
  assert.equal(elementIdOf(null), null);
  assert.equal(elementIdOf({ foo: 1 }), null);
  assert.equal(elementIdOf('abc'), null);
  assert.deepEqual(elementRef('e1'), { [ELEMENT_KEY]: 'e1' });
});

test('chordActions: Ctrl+Z, Ctrl+Shift+Z and Alt+ArrowUp press in order, release in reverse', () => {
  assert.deepEqual(chordActions(Key.CONTROL, 'z'), {
    actions: [{
      type: 'key',
      id: 'keyboard',
      actions: [
        { type: 'keyDown', value: '\uE009' },
        { type: 'keyDown', value: 'z' },
        { type: 'keyUp', value: 'z' },
        { type: 'keyUp', value: '\uE009' },
      ],
    }],
  });
  const redo = chordActions(Key.CONTROL, Key.SHIFT, 'z').actions[0].actions.map((a) => `${a.type}:${a.value}`);
  assert.deepEqual(redo, ['keyDown:\uE009', 'keyDown:\uE008', 'keyDown:z', 'keyUp:z', 'keyUp:\uE008', 'keyUp:\uE009']);
  const altUp = chordActions(Key.ALT, Key.ARROW_UP).actions[0].actions.map((a) => a.value);
  assert.deepEqual(altUp, ['\uE00A', '\uE013', '\uE013', '\uE00A']);
  assert.throws(() => chordActions(), /at least one/);
  assert.throws(() => chordActions('ab'), /one character/);
});

test('unwrapResponse: value, W3C errors, HTTP errors', () => {
  assert.deepEqual(unwrapResponse(200, { value: { a: 1 } }), { a: 1 });
  assert.equal(unwrapResponse(200, { value: null }), null);
  const err = assert.throws(
    () => unwrapResponse(404, { value: { error: 'no such element', message: 'nope' } }, { method: 'POST', url: 'u' }),
    (e) => e instanceof WebDriverError && e.error === 'no such element' && e.status === 404 && /nope/.test(e.message),
  );
  assert.equal(err, undefined);
  assert.throws(() => unwrapResponse(500, null), (e) => e.error === 'http 500');
});

test('waitFor: returns the first truthy value', async () => {
  let n = 0;
  const v = await waitFor(() => (++n >= 3 ? { n } : null), { interval: 5, timeout: 1000 });
  assert.deepEqual(v, { n: 3 });
});

test('waitFor: lookup errors mean "not yet", other errors are thrown at once', async () => {
  let n = 0;
  const v = await waitFor(() => {
    n += 1;
    if (n < 3) throw new WebDriverError('gone', { error: 'no such element' });
    return 'found';
  }, { interval: 5, timeout: 1000 });
  assert.equal(v, 'found');
  const started = Date.now();
  await assert.rejects(waitFor(() => { throw new Error('boom'); }, { timeout: 5000 }), /boom/);
  assert.ok(Date.now() - started < 1000);
});

test('waitFor: times out with the message and the last value', async () => {
  const started = Date.now();
  await assert.rejects(
    waitFor(() => 0, { timeout: 150, interval: 20, message: 'the thing' }),
    /timed out after 150 ms waiting for the thing \(last value: 0\)/,
  );
  const took = Date.now() - started;
  assert.ok(took >= 140 && took < 1000, `took ${took} ms`);
});

test('pickWindow: the largest window with the exact name', () => {
  const out = `
xwininfo: Window id: 0x1d5 (the root window) (has no name)

  Root window id: 0x1d5 (the root window) (has no name)
  Parent window id: 0x0 (none)
     3 children:
     0x400003 "Northstar": ("northstar" "Northstar")  10x10+-100+-100  +-100+-100
     0x400001 "Northstar": ("northstar" "Northstar")  1280x800+80+50  +80+50
        1 child:
        0x400002 (has no name): ()  1x1+-1+-1  +79+49
     0x600001 "Northstar Other": ()  1400x900+0+0  +0+0
`;
  assert.deepEqual(pickWindow(out, 'Northstar'), { id: '0x400001', area: 1280 * 800, width: 1280, height: 800 });
  assert.equal(pickWindow(out, 'Nope'), null);
});

test('findProcesses sees this process by its argv', () => {
  const me = findProcesses([process.argv[0]]);
  assert.ok(me.includes(process.pid));
  assert.deepEqual(findProcesses(['--no-such-arg-ever-' + Date.now()]), []);
});

test('tailOfFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wd-unit-'));
  try {
    const f = path.join(dir, 'log');
    writeFileSync(f, 'a'.repeat(100) + 'END');
    assert.equal(tailOfFile(f, 5), '…aaEND');
    assert.equal(tailOfFile(f), 'a'.repeat(100) + 'END');
    assert.match(tailOfFile(path.join(dir, 'missing')), /cannot read/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A fake W3C endpoint on 127.0.0.1 for the HTTP layer. */
async function withServer(handler, fn) {
  const server = http.createServer(handler);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  try {
    return await fn(url);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

test('wdRequest: sends JSON, returns value, maps W3C errors', async () => {
  const seen = [];
  await withServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, body, type: req.headers['content-type'] });
      res.setHeader('content-type', 'application/json');
      if (req.url.endsWith('/missing')) {
        res.statusCode = 404;
        res.end(JSON.stringify({ value: { error: 'no such element', message: 'x', stacktrace: '' } }));
      } else {
        res.end(JSON.stringify({ value: { echo: body ? JSON.parse(body) : null } }));
      }
    });
  }, async (url) => {
    assert.deepEqual(await wdRequest(url, 'POST', '/a', { k: 'v' }), { echo: { k: 'v' } });
    assert.deepEqual(await wdRequest(url, 'GET', '/b'), { echo: null });
    await assert.rejects(wdRequest(url, 'POST', '/missing', {}), (e) => e.error === 'no such element');
  });
  assert.equal(seen[0].method, 'POST');
  assert.match(seen[0].type, /application\/json/);
  assert.equal(seen[1].type, undefined);
});

test('wdRequest: a request that gets no answer fails after its client timeout', async () => {
  await withServer(() => { /* never answers */ }, async (url) => {
    const started = Date.now();
    await assert.rejects(
      wdRequest(url, 'GET', '/screenshot', undefined, { timeout: 200 }),
      (e) => e instanceof WebDriverError && e.error === 'timeout' && /no answer within 200 ms/.test(e.message),
    );
    assert.ok(Date.now() - started < 2000);
  });
});

test('wdRequest: connection refused is a transport error', async () => {
  const port = await withServer(() => {}, async (url) => url); // a port that was just closed
  await assert.rejects(wdRequest(port, 'GET', '/status', undefined, { timeout: 1000 }), (e) => e.error === 'transport');
});

test('waitForDriver polls /status until ready', async () => {
  let calls = 0;
  await withServer((req, res) => {
    calls += 1;
    res.end(JSON.stringify({ value: { ready: calls >= 3, message: '' } }));
  }, async (url) => {
    const v = await waitForDriver(url, { timeout: 5000 });
    assert.equal(v.ready, true);
    assert.ok(calls >= 3);
  });
});

test('newSession: a failed start puts the tail of the driver log into the error', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wd-unit-'));
  const log = path.join(dir, 'tauri-driver.log');
  writeFileSync(log, 'line 1\nthe app could not be launched\n');
  const origError = console.error;
  console.error = () => {};
  try {
    await withServer((req, res) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ value: { error: 'session not created', message: 'boom' } }));
    }, async (url) => {
      await assert.rejects(
        newSession({ application: '/bin/false', driverUrl: url, driverLog: log, timeout: 2000 }),
        (e) => e.error === 'session not created' && /the app could not be launched/.test(e.message),
      );
    });
    // And a good start gives a Session with its id and start time.
    await withServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        const caps = JSON.parse(body).capabilities.alwaysMatch;
        res.end(JSON.stringify({ value: { sessionId: 'S1', capabilities: caps } }));
      });
    }, async (url) => {
      const s = await newSession({ application: '/x/app', args: ['--db', 'd'], driverUrl: url });
      assert.equal(s.id, 'S1');
      assert.deepEqual(s.capabilities['tauri:options'].args, ['--db', 'd']);
      assert.ok(s.startMs >= 0);
    });
  } finally {
    console.error = origError;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pointerDragActions: press, an activating step, then timed steps ending on the target', () => {
  const { actions: [pointer] } = pointerDragActions({ x: 100, y: 300 }, { x: 100, y: 100 }, { steps: 5, stepMs: 20 });
  assert.equal(pointer.type, 'pointer');
  assert.equal(pointer.parameters.pointerType, 'mouse');
  const kinds = pointer.actions.map((a) => a.type);
  assert.deepEqual(kinds, ['pointerMove', 'pointerDown', 'pointerMove', 'pointerMove', 'pointerMove',
    'pointerMove', 'pointerMove', 'pause', 'pointerUp']);
  assert.deepEqual(pointer.actions[0], { type: 'pointerMove', origin: 'viewport', x: 100, y: 300, duration: 0 });
  // The first step moves 12 px towards the target (upwards here), the last lands on it.
  assert.equal(pointer.actions[2].y, 288);
  assert.equal(pointer.actions[6].y, 100);
  assert.ok(pointer.actions.slice(2, 7).every((a) => a.duration === 20));
  assert.throws(() => pointerDragActions({ x: 0, y: 0 }, { x: 0, y: 1 }, { steps: 1 }));
});
