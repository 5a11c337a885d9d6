import { defineConfig } from "@playwright/test";
import { PREVIEW_PORT } from "./vite.config";

// Debian's Chromium: no browser download. Override with CHROMIUM_PATH if it lives elsewhere.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const baseURL = `http://127.0.0.1:${PREVIEW_PORT}`;

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Two cores, shared with a Rust build.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One retry, so a scenario starved by a parallel build on two cores does not fail CI; the
  // report lists every retried test as "flaky", and those get fixed, not ignored.
  retries: 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
  },
  webServer: {
    // The BUILT app (`npm run test:browser` builds first), served with the window's CSP.
    command: `npx vite preview --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
