//! Browser entry for the Playwright tests, bundled to an IIFE and injected with
//! `page.addInitScript` before the app's own scripts: it mocks Tauri's IPC with the fake backend.
//! Options come from `window.__NORTHSTAR_FAKE_OPTIONS__` (set by an earlier init script).
import { emit } from "@tauri-apps/api/event";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { createFakeBackend, type FakeBackend, type FakeOptions } from "./fake-backend";

declare global {
  interface Window {
    __NORTHSTAR_FAKE_OPTIONS__?: FakeOptions;
    __northstarFake?: FakeBackend;
  }
}

const fake = createFakeBackend(window.__NORTHSTAR_FAKE_OPTIONS__ ?? {});
mockWindows("main");
mockIPC((command, args) => fake.handle(command, (args ?? {}) as Record<string, unknown>), { shouldMockEvents: true });
fake.onChange((change) => void emit("data-changed", change));
window.__northstarFake = fake;
