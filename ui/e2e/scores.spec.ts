//! The backlog's scores against the contract-backed fake, starting from the scored product the
//! session recorded (`openApp({ scored: true })`): every score, breakdown, position, refusal and
//! sensitivity shown here is what the real commands answered.
import { announcements, backlogRow, backlogRows, expect, openBacklog, rowTitles, test } from "./fixtures";
import type { Page } from "@playwright/test";

async function openScoredBacklog(page: Page, openApp: (options?: { scored?: boolean }) => Promise<void>) {
  await openApp({ scored: true });
  await openBacklog(page);
  await expect(backlogRows(page)).toHaveCount(4);
}

async function choose(page: Page, select: RegExp, option: string) {
  await page.getByRole("button", { name: select }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

test("shows the RICE column with Rust's breakdown on keyboard focus, in the row's description, and Not scored", async ({
  page,
  openApp,
}) => {
  await openScoredBacklog(page, openApp);
  const search = backlogRow(page, "1. Search everywhere");
  await expect(search.getByRole("gridcell").nth(2)).toContainText("800");
  await expect(backlogRow(page, "4. Sharing").getByRole("gridcell").nth(2)).toHaveText("Not scored");

  const breakdown = search.locator("[data-breakdown]");
  await expect(breakdown).toBeHidden();
  await search.focus();
  await expect(breakdown).toBeVisible();
  await expect(breakdown).toHaveText("RICE: 2,000 × 2 × 80 % / 4 = 800");
  await expect(search).toHaveAccessibleDescription(/RICE 800: 2,000 × 2 × 80 % \/ 4 = 800\. ICE 336: 6 × 7 × 8 = 336\./);
  await expect(search).toHaveAccessibleDescription(/MoSCoW Should\./);

  await choose(page, /Scores$/, "ICE");
  await expect(page.getByRole("columnheader", { name: "ICE" })).toBeVisible();
  await expect(search.getByRole("gridcell").nth(2)).toContainText("336");
});

test("sorts by RICE score with unscored items last, disables moves with the reason, and remembers the order", async ({
  page,
  openApp,
  calls,
}) => {
  await openScoredBacklog(page, openApp);
  expect(await rowTitles(page)).toEqual(["Search everywhere", "Offline mode", "“Safe to spend” figure", "Sharing"]);

  await choose(page, /Order$/, "RICE score");
  await expect.poll(() => rowTitles(page)).toEqual(["Offline mode", "Search everywhere", "“Safe to spend” figure", "Sharing"]);
  await expect(page.getByText("Sorted by RICE score. Items move in manual rank order only.")).toBeVisible();

  await backlogRow(page, "1. Search everywhere").focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(announcements(page)).toHaveText("Sorted by RICE score. Items move in manual rank order only.");
  expect((await calls()).some((call) => call.command === "move_item")).toBe(false);

  // Remembered for the product: a reload (as a restart) opens the backlog in the same order.
  await page.reload();
  await openBacklog(page);
  await expect.poll(() => rowTitles(page)).toEqual(["Offline mode", "Search everywhere", "“Safe to spend” figure", "Sharing"]);
  await page.getByRole("button", { name: "Back to manual rank" }).click();
  await expect.poll(() => rowTitles(page)).toEqual(["Search everywhere", "Offline mode", "“Safe to spend” figure", "Sharing"]);
});

test("filters by MoSCoW bucket and Kano category and says how many items are hidden", async ({ page, openApp }) => {
  await openScoredBacklog(page, openApp);
  await choose(page, /MoSCoW$/, "Must");
  await expect.poll(() => rowTitles(page)).toEqual(["Sharing"]);
  await expect(page.getByText("3 items hidden by filters")).toBeVisible();

  await page.getByRole("button", { name: "Clear filters" }).click();
  await choose(page, /Kano$/, "Attractive");
  await expect.poll(() => rowTitles(page)).toEqual(["“Safe to spend” figure"]);
  await choose(page, /Kano$/, "All categories");
  await expect(backlogRows(page)).toHaveCount(4);
});

test("sets an input in the score panel: Rust's refusal beside the field, then a score, undone in one step", async ({
  page,
  openApp,
  calls,
}) => {
  await openScoredBacklog(page, openApp);
  await page.getByRole("button", { name: "Actions for “Sharing”" }).click();
  await page.getByRole("menuitem", { name: /^Scores…/ }).click();
  const panel = page.getByRole("dialog", { name: "Scores of “Sharing”" });
  await expect(panel).toBeVisible();
  const rice = panel.getByRole("region", { name: "RICE" });
  await expect(rice).toContainText("Not scored");

  const effort = rice.getByRole("textbox", { name: "Effort" });
  await effort.fill("0");
  await effort.press("Enter");
  await expect(rice.getByRole("alert")).toHaveText("RICE effort is in person-months, from 0.01 to 1,000; 0 isn't.");
  await expect(effort).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "Couldn" })).toHaveCount(0);

  await effort.fill("1");
  await effort.press("Enter");
  await expect(rice).toContainText("1,000 × 0.5 × 80 % / 1 = 400");
  await expect(rice.getByRole("alert")).toHaveCount(0);
  const sets = (await calls()).filter((call) => call.command === "set_score_inputs");
  expect(sets.at(-1)?.args).toEqual({ itemIds: ["id-3"], changes: [{ input: "riceEffort", value: 1 }] });

  await panel.getByRole("button", { name: "Done" }).click();
  await expect(backlogRow(page, "4. Sharing").getByRole("gridcell").nth(2)).toContainText("400");
  await page.keyboard.press("Control+z");
  await expect(backlogRow(page, "4. Sharing").getByRole("gridcell").nth(2)).toHaveText("Not scored");
});

test("bulk edit: selects two rows, sets their MoSCoW in one step, and one undo restores both", async ({
  page,
  openApp,
  calls,
}) => {
  await openScoredBacklog(page, openApp);
  await backlogRow(page, "1. Search everywhere").click();
  await backlogRow(page, "2. Offline mode").click({ modifiers: ["Control"] });
  await expect(backlogRow(page, "2. Offline mode")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Shift+ArrowDown");
  await expect(backlogRow(page, "3. “Safe to spend” figure")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Shift+ArrowUp");
  await expect(backlogRow(page, "3. “Safe to spend” figure")).toHaveAttribute("aria-selected", "false");
  await backlogRow(page, "1. Search everywhere").click({ modifiers: ["Control"] });
  const toolbar = page.getByRole("toolbar", { name: "Selected items" });
  await expect(toolbar).toContainText("2 items selected");

  await toolbar.getByRole("button", { name: "Set MoSCoW…" }).click();
  const dialog = page.getByRole("dialog", { name: "Set MoSCoW of 2 items" });
  await dialog.getByText("Could", { exact: true }).click();
  await expect(dialog.getByRole("radio", { name: "Could" })).toBeChecked();
  await dialog.getByRole("button", { name: "Apply" }).click();
  await expect(dialog).toBeHidden();
  await expect(backlogRow(page, "1. Search everywhere").getByRole("gridcell").nth(3)).toHaveText("Could");
  await expect(backlogRow(page, "2. Offline mode").getByRole("gridcell").nth(3)).toHaveText("Could");
  const sets = (await calls()).filter((call) => call.command === "set_score_inputs");
  expect(sets).toEqual([
    { command: "set_score_inputs", args: { itemIds: ["id-2", "id-4"], changes: [{ input: "moscow", value: "could" }] } },
  ]);

  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("menuitem", { name: /^Undo Set MoSCoW of 2 items/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+z");
  await expect(backlogRow(page, "1. Search everywhere").getByRole("gridcell").nth(3)).toHaveText("Should");
  await expect(backlogRow(page, "2. Offline mode").getByRole("gridcell").nth(3)).toHaveText("Should");
});

test("shows the sensitivity of an item in a chosen framework, as Rust words it", async ({ page, openApp }) => {
  await openScoredBacklog(page, openApp);
  await backlogRow(page, "1. Search everywhere").focus();
  await page.keyboard.press("s");
  const panel = page.getByRole("dialog", { name: "Scores of “Search everywhere”" });
  await panel.getByRole("button", { name: "RICE" }).click();
  const table = panel.getByRole("table", { name: "RICE sensitivity" });
  await expect(table).toContainText("Now #2 of 3 by RICE (2,000 × 2 × 80 % / 4 = 800)");
  await expect(table.getByRole("row", { name: /Confidence/ })).toContainText("At 50 % confidence it falls from #2 to #3");
  await expect(table.getByRole("row", { name: /Confidence/ })).toContainText("At 100 % confidence it stays at #2");

  await panel.getByRole("button", { name: "WSJF" }).click();
  await expect(panel.getByRole("table", { name: "WSJF sensitivity" })).toContainText("At job size 8 it stays at #1");
});

test("sets the product's ICE mode on Home: the ICE scores follow, and one undo brings them back", async ({ page, openApp, calls }) => {
  await openApp({ scored: true });
  await page.getByRole("button", { name: /ICE combines/ }).click();
  await page.getByRole("option", { name: "Average: (impact + confidence + ease) / 3" }).click();
  await expect(page.getByRole("button", { name: /ICE combines/ })).toContainText("Average");
  expect((await calls()).filter((call) => call.command === "update_product").at(-1)?.args).toMatchObject({
    patch: { iceMode: "average" },
  });

  await openBacklog(page);
  await choose(page, /Scores$/, "ICE");
  const search = backlogRow(page, "1. Search everywhere");
  await expect(search.getByRole("gridcell").nth(2)).toHaveText(/^7/);
  await search.focus();
  await expect(search.locator("[data-breakdown]")).toHaveText("ICE: (6 + 7 + 8) / 3 = 7");
  await page.keyboard.press("Control+z");
  await expect(search.getByRole("gridcell").nth(2)).toHaveText(/^336/);
});

test("bulk status: sets the status of the selection in one step, and one undo restores each item's own", async ({
  page,
  openApp,
  calls,
}) => {
  await openScoredBacklog(page, openApp);
  await backlogRow(page, "1. Search everywhere").focus();
  await page.keyboard.press("Shift+ArrowDown");
  const toolbar = page.getByRole("toolbar", { name: "Selected items" });
  await expect(toolbar).toContainText("2 items selected");
  await toolbar.getByRole("button", { name: "Set status…" }).click();
  const dialog = page.getByRole("dialog", { name: "Set the status of 2 items" });
  await dialog.getByText("Shipped", { exact: true }).click();
  await dialog.getByRole("button", { name: "Apply" }).click();
  await expect(backlogRow(page, "1. Search everywhere, Opportunity, Shipped")).toBeVisible();
  await expect(backlogRow(page, "2. Offline mode, Feature, Shipped")).toBeVisible();
  expect((await calls()).filter((call) => call.command === "set_items_status").map((call) => call.args)).toEqual([
    { itemIds: ["id-2", "id-4"], status: "shipped" },
  ]);

  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("menuitem", { name: /^Undo Set status of 2 items to Shipped/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+z");
  await expect(backlogRow(page, "1. Search everywhere, Opportunity, In progress")).toBeVisible();
  await expect(backlogRow(page, "2. Offline mode, Feature, Idea")).toBeVisible();
});
