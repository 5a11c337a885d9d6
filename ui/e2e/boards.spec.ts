import type { Locator, Page } from "@playwright/test";
import { announcements, expect, test } from "./fixtures";

/** A board column's grid, e.g. "Must column". */
const column = (page: Page, label: string) => page.getByRole("grid", { name: `${label} column` });

/** A card by the start of its accessible name, e.g. "2. Spending insights". */
function card(page: Page, label: string, start: string) {
  const escaped = start.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return column(page, label).getByRole("row", { name: new RegExp(`^${escaped}`) });
}

/** The titles of a column's cards, in the order shown. */
async function titles(page: Page, label: string): Promise<string[]> {
  const labels = await column(page, label)
    .locator('[role="row"][data-row-id]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("aria-label") ?? ""));
  return labels.map((text) => text.replace(/^\d+\. /, ""));
}

async function openBoard(page: Page, name: "MoSCoW board" | "Kano board") {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** Press, a stepped path (the first 8 px only start the drag), release: as a person drags. */
async function drag(page: Page, source: Locator, target: { x: number; y: number }) {
  const from = await source.boundingBox();
  if (!from) throw new Error("the card to drag is not on screen");
  const x = from.x + from.width / 3;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 12, { steps: 3 });
  await page.mouse.move(target.x, target.y, { steps: 12 });
  await page.mouse.up();
}

async function centre(locator: Locator, dy = 0) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 + dy };
}

test("the MoSCoW board shows every column with counts, and a fresh board the backlog's order", async ({ page, openApp }) => {
  await openApp();
  await openBoard(page, "MoSCoW board");
  for (const name of ["Must", "Should", "Could", "Won't", "Unsorted"]) {
    await expect(column(page, name)).toBeVisible();
  }
  await expect(page.getByRole("heading", { level: 2, name: "Unsorted 6 cards" })).toBeVisible();
  expect(await titles(page, "Unsorted")).toEqual([
    "Bank sync",
    "Spending insights",
    "Shared budgets",
    "Receipt capture",
    "Savings goals",
    "Export to CSV",
  ]);
  await expect(page.getByText("No Must, Should or Could item has a RICE effort yet.")).toBeVisible();
});

test("cards dragged within a column and to another one land there, each through one move_card", async ({ page, openApp, calls }) => {
  await openApp();
  await openBoard(page, "MoSCoW board");
  // Three cards to Should with the menu (the board scrolls sideways to Unsorted for it).
  for (const title of ["Shared budgets", "Receipt capture", "Savings goals"]) {
    await page.getByRole("button", { name: `Actions for “${title}”` }).click();
    await page.getByRole("menuitem", { name: "Move to Should" }).click();
    await expect(announcements(page)).toHaveText(`“${title}” moved to Should, position 1 of ${title === "Shared budgets" ? 1 : title === "Receipt capture" ? 2 : 3}`);
  }
  await column(page, "Must").scrollIntoViewIfNeeded();
  expect(await titles(page, "Should")).toEqual(["Savings goals", "Receipt capture", "Shared budgets"]);

  // Within a column: dropped on the first card, it goes before it.
  await drag(page, card(page, "Should", "3. Shared budgets"), await centre(card(page, "Should", "1. Savings goals"), -10));
  await expect(announcements(page)).toHaveText("“Shared budgets” moved to Should, position 1 of 3");
  expect(await titles(page, "Should")).toEqual(["Shared budgets", "Savings goals", "Receipt capture"]);

  // Across: into the empty Must column.
  await drag(page, card(page, "Should", "1. Shared budgets"), await centre(column(page, "Must")));
  await expect(announcements(page)).toHaveText("“Shared budgets” moved to Must, position 1 of 1");
  expect(await titles(page, "Must")).toEqual(["Shared budgets"]);
  await expect(card(page, "Must", "1. Shared budgets")).toBeFocused();
  const moves = (await calls()).filter((call) => call.command === "move_card").map((call) => call.args);
  expect(moves.slice(-2)).toEqual([
    { itemId: "i-3", board: "moscow", column: "should", target: { to: "before", itemId: "i-5" } },
    { itemId: "i-3", board: "moscow", column: "must", target: { to: "bottom" } },
  ]);
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("title", "Undo Move “Shared budgets” to Must (Ctrl+Z)");
});

test("keyboard: Alt+arrows rank a card in its column and keep its focus; the menu moves it to another", async ({ page, openApp }) => {
  await openApp();
  await openBoard(page, "Kano board");
  await card(page, "Unsorted", "4. Receipt capture").focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(announcements(page)).toHaveText("“Receipt capture” moved to Unsorted, position 3 of 6");
  await expect(card(page, "Unsorted", "3. Receipt capture")).toBeFocused();

  await page.getByRole("button", { name: "Actions for “Receipt capture”" }).click();
  await page.getByRole("menuitem", { name: "Move to Attractive" }).click();
  await expect(announcements(page)).toHaveText("“Receipt capture” moved to Attractive, position 1 of 1");
  await expect(card(page, "Attractive", "1. Receipt capture")).toBeFocused();

  await page.getByRole("button", { name: "Actions for “Bank sync”" }).click();
  await page.getByRole("menuitem", { name: "Move to bottom" }).click();
  await expect(announcements(page)).toHaveText("“Bank sync” moved to Unsorted, position 5 of 5");
});

test("keyboard drag: Space picks a card up, ← carries it to the next column, Space drops it there", async ({ page, openApp, calls }) => {
  await openApp();
  await openBoard(page, "MoSCoW board");
  await page.getByRole("button", { name: "Actions for “Shared budgets”" }).click();
  await page.getByRole("menuitem", { name: "Move to Should" }).click();
  await expect(announcements(page)).toHaveText("“Shared budgets” moved to Should, position 1 of 1");
  await card(page, "Should", "1. Shared budgets").focus();
  await page.keyboard.press("Space");
  await expect(announcements(page)).toContainText("Picked up “Shared budgets”, position 1 of 1 in Should.");
  await page.keyboard.press("ArrowLeft");
  await expect(announcements(page)).toHaveText("Over Must, position 1");
  await page.keyboard.press("Space");
  await expect(announcements(page)).toHaveText("“Shared budgets” moved to Must, position 1 of 1");
  await expect(card(page, "Must", "1. Shared budgets")).toBeFocused();
  const moves = (await calls()).filter((call) => call.command === "move_card").map((call) => call.args);
  expect(moves.at(-1)).toEqual({ itemId: "i-3", board: "moscow", column: "must", target: { to: "bottom" } });
});

test("a move Rust refuses puts Rust's board back and says why", async ({ page, openApp }) => {
  await openApp();
  await openBoard(page, "MoSCoW board");
  const message = "The order of this backlog is damaged, so the item was not moved. Run “northstar check” for details.";
  await page.evaluate((text) => window.__northstarFake?.failNext("move_card", { kind: "Conflict", detail: { message: text } }), message);
  await card(page, "Unsorted", "2. Spending insights").focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(announcements(page)).toHaveText(`“Spending insights” was not moved: ${message}`);
  expect((await titles(page, "Unsorted")).slice(0, 2)).toEqual(["Bank sync", "Spending insights"]);
});
