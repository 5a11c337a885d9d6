//! Evidence on items against the contract-backed fake (`openApp({ evidence: true })`: the demo's
//! "Bank sync" is backed by an interview with Dana, Enterprise ×200, and Lee, Freelancers): the
//! item panel lists the evidence with Rust's summary and suggestions, accepting the suggested
//! Reach sets the input and records the decision in one undo step, and the product home's
//! settings change the strength.
import type { Page } from "@playwright/test";
import { blockingViolations, runAxe } from "./axe";
import { backlogRow, expect, openBacklog, test } from "./fixtures";

async function openBankSyncPanel(page: Page) {
  await openBacklog(page);
  // The row's badge: Rust's count of its evidence; none on a row without.
  await expect(backlogRow(page, "1. Bank sync").getByRole("img", { name: "1 piece of evidence" })).toBeVisible();
  await expect(backlogRow(page, "2. Spending insights").getByRole("img")).toHaveCount(0);
  await backlogRow(page, "1. Bank sync").focus();
  await page.keyboard.press("s");
  const panel = page.getByRole("dialog", { name: "Scores of “Bank sync”" });
  await expect(panel.getByRole("list", { name: "Evidence for Bank sync" })).toBeVisible();
  return panel;
}

test("lists an item's evidence, accepts the suggested Reach into the input and the decision log, and undoes both at once", async ({
  page,
  openApp,
}) => {
  await openApp({ evidence: true });
  const panel = await openBankSyncPanel(page);
  const evidence = panel.getByRole("list", { name: "Evidence for Bank sync" });
  await expect(evidence.getByText("by hand every Friday")).toBeVisible();
  await expect(evidence.getByText("Dana (Enterprise)")).toBeVisible();
  await expect(panel.getByText("Low: 2 of 10 points from 1 interview (×2)")).toBeVisible();
  await expect(
    panel.getByText("Reach 201 suggested: 2 participants in 2 segments (Enterprise 1 × 200 and Freelancers 1 × 1)"),
  ).toBeVisible();
  const reach = panel.getByRole("textbox", { name: "Reach", exact: true });
  await expect(reach).toHaveValue("");

  await panel.getByRole("button", { name: "Accept Reach 201" }).click();
  await expect(reach).toHaveValue("201");
  await expect(panel.getByRole("list", { name: "Decisions about Bank sync" })).toContainText(
    "Accepted suggested Reach 201 from evidence",
  );
  await expect(panel.getByRole("button", { name: "Accept Reach 201" })).toHaveAttribute("aria-disabled", "true");
  await expect(panel.getByText("Reach is already 201, as the evidence suggests.", { exact: false })).toBeVisible();

  // Shortcuts wait while a dialog is open: close the panel, undo, and look again.
  await panel.getByRole("button", { name: "Done" }).click();
  await page.keyboard.press("Control+z");
  await expect(page.getByRole("button", { name: "Redo", exact: true })).not.toHaveAttribute("aria-disabled", "true");
  const again = await openBankSyncPanel(page);
  await expect(again.getByRole("textbox", { name: "Reach", exact: true })).toHaveValue("");
  await expect(again.getByText("No decision is about this item yet.")).toBeVisible();
  await expect(again.getByRole("button", { name: "Accept Reach 201" })).not.toHaveAttribute("aria-disabled", "true");
});

test("a board card shows its evidence badge", async ({ page, openApp }) => {
  await openApp({ evidence: true });
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "MoSCoW board" }).click();
  await expect(page.getByRole("row", { name: /Bank sync/ }).getByRole("img", { name: "1 piece of evidence" })).toBeVisible();
});

test("the product home's evidence settings change the item's strength", async ({ page, openApp }) => {
  await openApp({ evidence: true });
  const settings = page.getByRole("region", { name: "Evidence" });
  await expect(settings.getByText(/Each note behind an item adds its type's weight once/)).toBeVisible();
  await settings.getByRole("button", { name: /Interview$/ }).click();
  await page.getByRole("option", { name: "9", exact: true }).click();
  await expect(settings.getByRole("button", { name: /Interview$/ })).toContainText("9");
  const panel = await openBankSyncPanel(page);
  await expect(panel.getByText("High: 9 of 10 points from 1 interview (×9)")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Accept Confidence 100 %" })).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`the Evidence section and settings pass axe (${scheme})`, async ({ page, openApp }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp({ evidence: true });
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    await expect(page.getByRole("region", { name: "Evidence" }).getByText("Enterprise (1 participant) ×")).toBeVisible();
    for (const [where, check] of [["the evidence settings", page], ["the item's Evidence section", null]] as const) {
      if (check === null) await openBankSyncPanel(page);
      const report = await runAxe(page);
      expect(report.passed, `axe checked rules on ${where}`).toBeGreaterThan(10);
      expect(blockingViolations(report), `serious or critical axe violations on ${where}`).toEqual([]);
    }
  });
}
