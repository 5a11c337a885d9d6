import { test as base, expect, type Page } from "@playwright/test";
import type { FakeCall, FakeOptions } from "../test/fake-backend";
import { FAKE_BUNDLE } from "./global-setup";

type Fixtures = {
  /** Opens the app on a fresh fake backend. */
  openApp: (options?: FakeOptions) => Promise<void>;
  /** Every IPC command the app sent, in order. */
  calls: () => Promise<FakeCall[]>;
  /** CSP violations and uncaught errors seen by the page; asserted empty after each test. */
  pageProblems: string[];
};

export const test = base.extend<Fixtures>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") {
          const where = message.location();
          problems.push(`console error: ${message.text()} (${where.url}:${where.lineNumber}:${where.columnNumber})`);
        }
      });
      await use(problems);
      expect(problems, "no CSP violations or page errors").toEqual([]);
    },
    { auto: true },
  ],
  openApp: async ({ page }, use) => {
    await use(async (options = {}) => {
      await page.addInitScript((fakeOptions) => {
        window.__NORTHSTAR_FAKE_OPTIONS__ = fakeOptions;
      }, options);
      await page.addInitScript({ path: FAKE_BUNDLE });
      // As the Tauri window does (`app.security.freezePrototype`): the app must cope with it.
      await page.addInitScript(() => Object.freeze(Object.prototype));
      await page.goto("/");
    });
  },
  calls: async ({ page }, use) => {
    await use(() => page.evaluate(() => window.__northstarFake?.calls ?? []));
  },
});

export { expect };

/** The ranked backlog's rows (not its header), in DOM order (which is rank order). */
export function backlogRows(page: Page) {
  return page.getByRole("grid", { name: "Ranked backlog" }).locator('[role="row"][data-row-id]');
}

/** A row by the start of its accessible name, e.g. "3. Shared budgets". */
export function backlogRow(page: Page, start: string) {
  const escaped = start.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByRole("grid", { name: "Ranked backlog" }).getByRole("row", { name: new RegExp(`^${escaped}`) });
}

export async function openBacklog(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Backlog" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Backlog" })).toBeVisible();
}

/** The title in a row's accessible name "12. Title, Kind, Status". */
export function titleOfRowLabel(label: string): string {
  return label.replace(/^\d+\. /, "").replace(/, [^,]+, [^,]+$/, "");
}

/** The titles of the rows, in the order shown (read from their accessible names). */
export async function rowTitles(page: Page): Promise<string[]> {
  const labels = await backlogRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("aria-label") ?? ""));
  return labels.map(titleOfRowLabel);
}

/** The app's live region (dnd-kit keeps a silent one of its own). */
export function announcements(page: Page) {
  return page.locator("#announcements");
}
