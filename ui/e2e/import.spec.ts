//! "Import feedback…" in the research view against the contract-backed fake: a chosen file is one
//! the contract session previewed (tests/commands/contract_import.rs), so every row, problem,
//! mapping and sentence is what the real commands answered. The palette opens the dialog too;
//! the import is one undo step (Ctrl+Z); axe runs on the dialog in both themes.
import type { Page } from "@playwright/test";
import { blockingViolations, runAxe } from "./axe";
import { expect, test } from "./fixtures";

async function openResearch(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Research" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Research" })).toBeVisible();
}

async function choose(page: Page, path: string, kind: "a CSV file" | "a folder of Markdown files") {
  await page.evaluate((chosen) => window.__northstarFake?.chooseFeedbackPath(chosen), `<questionnaires>/${path}`);
  await page.getByRole("dialog").getByRole("button", { name: `Choose ${kind}…` }).click();
}

const notes = (page: Page) => page.getByRole("list", { name: "Notes" });

test("a clean file imports as notes in one undo step, and Ctrl+Z takes them all back", async ({ page, openApp }) => {
  await openApp();
  await openResearch(page);
  await page.getByRole("button", { name: "Import feedback…" }).click();
  await choose(page, "tickets.csv", "a CSV file");
  const dialog = page.getByRole("dialog", { name: "Import feedback from tickets.csv" });
  await expect(dialog.getByText("Dates like 03/02/2026 are read as day/month/year: line 2 has 31/01/2026.")).toBeVisible();
  // Rust's detected mapping is preselected.
  await expect(dialog.getByRole("button", { name: /^Description Body$/ })).toBeVisible();
  await expect(dialog.getByRole("button", { name: /^Requester Participant$/ })).toBeVisible();
  const table = dialog.getByRole("table", { name: "Notes of tickets.csv, rows with problems first" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await dialog.getByRole("button", { name: "Import 3 notes" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.locator("#announcements")).toHaveText("Imported 3 notes from tickets.csv.");
  await expect(notes(page).getByRole("button", { name: /Export to PDF/ })).toBeVisible();
  await expect(notes(page).getByRole("button")).toHaveCount(3);
  await page.keyboard.press("Control+z");
  await expect(notes(page)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "No notes yet" })).toBeVisible();
});

test("a file with problems lists them first and cannot be imported; the palette opens the dialog", async ({ page, openApp, calls }) => {
  await openApp();
  await openResearch(page);
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox").fill("Import feedback");
  await page.getByRole("option", { name: /Import feedback…/ }).click();
  await choose(page, "feedback problems.csv", "a CSV file");
  const dialog = page.getByRole("dialog", { name: "Import feedback from feedback problems.csv" });
  const rows = dialog.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("The body is empty: there is no feedback to import.");
  await expect(rows.nth(4)).toContainText("“chat” is not a note type: imported as a support ticket.");
  const importButton = dialog.getByRole("button", { name: "Import 5 notes" });
  await expect(importButton).toHaveAttribute("aria-disabled", "true");
  await expect(dialog.getByText("3 rows have problems: fix them in the file, then preview it again.")).toBeVisible();
  await importButton.click({ force: true });
  expect((await calls()).filter((call) => call.command === "import_feedback")).toEqual([]);
});

test("a folder of Markdown files previews its files and imports them", async ({ page, openApp }) => {
  await openApp();
  await openResearch(page);
  await page.getByRole("button", { name: "Import feedback…" }).click();
  await choose(page, "interviews", "a folder of Markdown files");
  const dialog = page.getByRole("dialog", { name: "Import feedback from interviews" });
  await expect(dialog.getByRole("rowheader", { name: "dana.md" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: /Body$/ })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Import 2 notes" }).click();
  await expect(page.locator("#announcements")).toHaveText("Imported 2 notes from interviews.");
  await expect(notes(page).getByRole("button", { name: /Interview with Dana/ })).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`the import dialog has no serious or critical axe violations (${scheme})`, async ({ page, openApp }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp();
    await openResearch(page);
    await page.getByRole("button", { name: "Import feedback…" }).click();
    await choose(page, "feedback problems.csv", "a CSV file");
    await expect(page.getByRole("dialog", { name: "Import feedback from feedback problems.csv" })).toBeVisible();
    const report = await runAxe(page);
    expect(report.passed, "axe checked rules on the import dialog").toBeGreaterThan(10);
    expect(blockingViolations(report), "serious or critical axe violations on the import dialog").toEqual([]);
  });
}
