import type { Locator, Page } from "@playwright/test";
import { announcements, expect, test } from "./fixtures";

/** A cell's list: "Now, Grow retention: 2 cards". */
const cell = (page: Page, column: string, row: string) =>
  page.getByRole("grid", { name: new RegExp(`^${column}, ${row}: \\d+ cards?$`) });

async function titlesIn(page: Page, column: string, row: string): Promise<string[]> {
  const labels = await cell(page, column, row)
    .locator('[role="row"][data-row-id]')
    .evaluateAll((rows) => rows.map((found) => found.getAttribute("aria-label") ?? ""));
  return labels.map((text) => text.replace(/^\d+\. /, "").replace(/, .*$/, ""));
}

/** Two goals, Bank sync (Now) and Spending insights (Next) under the first: set up through the
 * fake backend's own commands, as the Goals view and the item panel would. */
async function seedGoals(page: Page) {
  await page.evaluate(() => {
    const fake = window.__northstarFake;
    if (!fake) throw new Error("no fake backend");
    const create = (title: string) =>
      (fake.handle("create_goal", { productId: "p-demo", fields: { title, description: "" } }) as { value: { id: string } }).value.id;
    const grow = create("Grow retention");
    create("Earn trust");
    for (const itemId of ["i-1", "i-2"]) fake.handle("set_item_plan_link", { itemId, link: "goal", targetId: grow });
  });
}

async function openSwimlanes(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Now / Next / Later" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Now / Next / Later" })).toBeVisible();
  await page.getByRole("group", { name: "Swimlanes" }).getByRole("button", { name: "Goal" }).click();
  await expect(page.getByRole("group", { name: "Swimlanes" }).getByRole("button", { name: "Goal" })).toHaveAttribute("aria-pressed", "true");
}

async function drag(page: Page, source: Locator, target: Locator) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("not on screen");
  const x = from.x + from.width / 3;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 12, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

test("swimlanes by goal: a row per goal with its count, then No goal; each cell in the board's order", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await seedGoals(page);
  await openSwimlanes(page);
  const headings = page.getByRole("heading", { level: 2 });
  await expect(headings).toHaveText(["Grow retention2", "Earn trust0", "No goal4"]);
  await expect(page.getByRole("heading", { level: 2, name: "Grow retention 2 cards" })).toBeVisible();
  expect(await titlesIn(page, "Now", "Grow retention")).toEqual(["Bank sync"]);
  expect(await titlesIn(page, "Next", "Grow retention")).toEqual(["Spending insights"]);
  expect(await titlesIn(page, "Now", "No goal")).toEqual(["Receipt capture"]);
  expect(await titlesIn(page, "Unsorted", "No goal")).toEqual(["Savings goals", "Export to CSV"]);

  // Remembered for the product: the plain board and back.
  await page.getByRole("group", { name: "Swimlanes" }).getByRole("button", { name: "None" }).click();
  await expect(page.getByRole("grid", { name: "Now column" })).toBeVisible();
  await page.getByRole("group", { name: "Swimlanes" }).getByRole("button", { name: "Theme" }).click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["No theme6"]);
});

test("a card dragged to another lane of another goal changes both in one undo step", async ({ page, openApp, calls }) => {
  await openApp({ roadmap: true });
  await seedGoals(page);
  await openSwimlanes(page);
  await drag(page, cell(page, "Now", "Grow retention").getByRole("row", { name: /^1\. Bank sync/ }), cell(page, "Next", "Earn trust"));
  await expect(announcements(page)).toHaveText("“Bank sync” moved to Next in Earn trust, position 1 of 1");
  await expect.poll(() => titlesIn(page, "Next", "Earn trust")).toEqual(["Bank sync"]);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Grow retention1", "Earn trust1", "No goal4"]);
  const moves = (await calls()).filter((call) => call.command === "move_card_in_swimlanes").map((call) => call.args);
  expect(moves.at(-1)).toMatchObject({ itemId: "i-1", column: "next", grouping: "goal", target: { to: "bottom" } });
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo).toHaveAttribute("title", "Undo Move “Bank sync” to Next, goal “Earn trust” (Ctrl+Z)");

  await undo.click();
  await expect.poll(() => titlesIn(page, "Now", "Grow retention")).toEqual(["Bank sync"]);
  expect(await titlesIn(page, "Next", "Earn trust")).toEqual([]);
});

test("within a cell and across lanes: drags rank and move; the menu moves to another goal; keys stay in the cell", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await seedGoals(page);
  await openSwimlanes(page);
  // Across lanes in the same row: the goal stays.
  await drag(page, cell(page, "Next", "Grow retention").getByRole("row", { name: /^1\. Spending insights/ }), cell(page, "Now", "Grow retention"));
  await expect(announcements(page)).toHaveText("“Spending insights” moved to Now in Grow retention, position 2 of 2");
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("title", "Undo Move “Spending insights” to Now (Ctrl+Z)");
  // Within the cell: Alt+↑ puts it before Bank sync.
  await cell(page, "Now", "Grow retention").getByRole("row", { name: /^2\. Spending insights/ }).focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(announcements(page)).toHaveText("“Spending insights” moved to Now in Grow retention, position 1 of 2");
  await expect.poll(() => titlesIn(page, "Now", "Grow retention")).toEqual(["Spending insights", "Bank sync"]);
  // The menu: to another goal, same lane.
  await page.getByRole("button", { name: "Actions for “Bank sync”" }).click();
  await page.getByRole("menuitem", { name: "Move to goal “Earn trust”" }).click();
  await expect(announcements(page)).toHaveText("“Bank sync” moved to Now in Earn trust, position 1 of 1");
  await expect(cell(page, "Now", "Earn trust").getByRole("row", { name: /^1\. Bank sync/ })).toBeFocused();
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("title", "Undo Move “Bank sync” to Now, goal “Earn trust” (Ctrl+Z)");
});
