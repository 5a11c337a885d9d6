//! The Baselines view against the contract-backed fake: a baseline saved, a card moved Now →
//! Next, the comparison naming the move; rename, delete and undo; axe in both themes.
import type { Page } from "@playwright/test";
import { blockingViolations, runAxe } from "./axe";
import { announcements, expect, test } from "./fixtures";

async function openBaselines(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Baselines" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Baselines" })).toBeVisible();
}

async function saveBaseline(page: Page, name: string) {
  await page.getByRole("button", { name: "Save baseline…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save baseline" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("button", { name: "Save baseline" }).click();
  await expect(dialog).toBeHidden();
}

async function expectAccessible(page: Page, view: string) {
  const report = await runAxe(page);
  expect(report.passed, `axe checked rules on ${view}`).toBeGreaterThan(10);
  expect(blockingViolations(report), `serious or critical axe violations on ${view}`).toEqual([]);
}

test("a saved baseline, a card moved Now → Next, and the comparison names the move", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await openBaselines(page);
  await expect(page.getByRole("heading", { name: "No baselines yet" })).toBeVisible();
  await saveBaseline(page, "Q2 planning");
  await expect(announcements(page)).toHaveText(/^Saved the baseline “Q2 planning” with \d+ items on the roadmap$/);

  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Now / Next / Later" }).click();
  await page.getByRole("button", { name: "Actions for “Bank sync”" }).click();
  await page.getByRole("menuitem", { name: "Move to Next" }).click();
  await expect(announcements(page)).toHaveText(/^“Bank sync” moved to Next/);

  await openBaselines(page);
  await page.getByRole("button", { name: "Compare with “Q2 planning”" }).click();
  await expect(page.getByText("1 change since “Q2 planning”.")).toBeVisible();
  const moved = page.getByRole("region", { name: "Moved between lanes: 1" });
  await expect(moved).toContainText("Bank sync");
  await expect(moved).toContainText("Now → Next");

  await page.getByRole("button", { name: "Delete baseline “Q2 planning”" }).click();
  await expect(page.getByRole("heading", { name: "No baselines yet" })).toBeVisible();
  await page.keyboard.press("Control+z");
  await expect(page.getByRole("list", { name: "Baselines" })).toContainText("Q2 planning");
});

test("the palette's Export roadmap as Markdown… asks Rust to export the open product", async ({ page, openApp, calls }) => {
  await openApp({ roadmap: true });
  await openBaselines(page);
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox").fill("Export roadmap as Markdown");
  await page.keyboard.press("Enter");
  await expect(announcements(page)).toHaveText(/^Exported the roadmap of .+ to \/home\/po\/Documents\/.+ roadmap\.md$/);
  const exports = (await calls()).filter((call) => call.command === "export_roadmap");
  expect(exports.at(-1)?.args).toMatchObject({ format: "markdown" });
});

for (const scheme of ["light", "dark"] as const) {
  test(`the Baselines view, its comparison and its dialog pass axe (${scheme})`, async ({ page, openApp }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp({ roadmap: true });
    await openBaselines(page);
    await saveBaseline(page, "Q2 planning");
    await page.getByRole("button", { name: "Compare with “Q2 planning”" }).click();
    await expect(page.getByText("Nothing changed since “Q2 planning”.")).toBeVisible();
    await expectAccessible(page, "the Baselines view with a comparison");
    await page.getByRole("button", { name: "Save baseline…" }).click();
    await expect(page.getByRole("dialog", { name: "Save baseline" })).toBeVisible();
    await expectAccessible(page, "the Save baseline dialog");
  });
}
