import type { Locator, Page } from "@playwright/test";
import { announcements, expect, test } from "./fixtures";

/** A cell by its value and effort; its name also says how many cards it holds. */
const cell = (page: Page, value: number, effort: number) =>
  page.getByRole("group", { name: new RegExp(`^Value ${value}, effort ${effort}, `) });

/** A card by its title, wherever it is (its name is "“Title”, value 8, effort 3" or "…, not placed"). */
const card = (scope: Page | Locator, title: string) => scope.getByRole("button", { name: new RegExp(`^“${title}”, `) });

const notPlaced = (page: Page) => page.getByRole("list", { name: /^Not placed, / });

async function openMatrix(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Value/effort matrix" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Value/effort matrix" })).toBeVisible();
}

/** Press, a stepped path (the first 8 px only start the drag), release: as a person drags. */
async function drag(page: Page, source: Locator, target: Locator) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("not on screen");
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** The value and effort the fake holds for an item now (what Rust would export). */
async function inputsOf(page: Page, title: string) {
  return page.evaluate(async (wanted) => {
    const fake = window.__northstarFake;
    if (!fake) throw new Error("no fake");
    const products = (await fake.handle("list_products", {})) as { id: string }[];
    const items = (await fake.handle("list_items", { productId: products[0]?.id })) as {
      title: string;
      inputs: { value: number | null; effort: number | null };
    }[];
    const item = items.find((candidate) => candidate.title === wanted);
    return item ? { value: item.inputs.value, effort: item.inputs.effort } : null;
  }, title);
}

test("the matrix shows its quadrants, an empty grid and every card not placed, in backlog order", async ({ page, openApp }) => {
  await openApp();
  await openMatrix(page);
  for (const name of ["Quick wins", "Big bets", "Fill-ins", "Time sinks"]) {
    await expect(page.getByRole("region", { name: new RegExp(`^${name}: `) })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Quick wins: high value, low effort, 0 cards" })).toBeVisible();
  await expect(cell(page, 10, 1)).toHaveAccessibleName("Value 10, effort 1, empty");
  await expect(page.getByRole("group", { name: /^Value \d+, effort \d+, / })).toHaveCount(100);
  await expect(notPlaced(page)).toHaveAccessibleName("Not placed, 6 cards");
  const titles = await notPlaced(page).getByRole("button").evaluateAll((cards) => cards.map((c) => c.querySelector("span")?.textContent));
  expect(titles).toEqual(["Bank sync", "Spending insights", "Shared budgets", "Receipt capture", "Savings goals", "Export to CSV"]);
});

test("a card dragged from Not placed onto a cell gets that value and effort in one change", async ({ page, openApp, calls }) => {
  await openApp();
  await openMatrix(page);
  await drag(page, card(notPlaced(page), "Bank sync"), cell(page, 8, 3));
  await expect(announcements(page)).toHaveText("“Bank sync” set to value 8, effort 3 — Quick wins");
  await expect(cell(page, 8, 3)).toHaveAccessibleName("Value 8, effort 3, 1 card");
  await expect(card(cell(page, 8, 3), "Bank sync")).toBeFocused();
  await expect(notPlaced(page)).toHaveAccessibleName("Not placed, 5 cards");
  expect(await inputsOf(page, "Bank sync")).toEqual({ value: 8, effort: 3 });
  const writes = (await calls()).filter((call) => call.command === "set_score_inputs");
  expect(writes).toEqual([
    {
      command: "set_score_inputs",
      args: {
        itemIds: [expect.any(String)],
        changes: [
          { input: "value", value: 8 },
          { input: "effort", value: 3 },
        ],
      },
    },
  ]);
});

test("a placed card dragged to another cell moves there, and Ctrl+Z puts it back", async ({ page, openApp }) => {
  await openApp();
  await openMatrix(page);
  await drag(page, card(notPlaced(page), "Shared budgets"), cell(page, 3, 2));
  await expect(announcements(page)).toHaveText("“Shared budgets” set to value 3, effort 2 — Fill-ins");
  await drag(page, card(cell(page, 3, 2), "Shared budgets"), cell(page, 9, 9));
  await expect(announcements(page)).toHaveText("“Shared budgets” set to value 9, effort 9 — Big bets");
  await expect(cell(page, 3, 2)).toHaveAccessibleName("Value 3, effort 2, empty");
  expect(await inputsOf(page, "Shared budgets")).toEqual({ value: 9, effort: 9 });

  await page.keyboard.press("Control+z");
  await expect(cell(page, 3, 2)).toHaveAccessibleName("Value 3, effort 2, 1 card");
  await expect(cell(page, 9, 9)).toHaveAccessibleName("Value 9, effort 9, empty");
  expect(await inputsOf(page, "Shared budgets")).toEqual({ value: 3, effort: 2 });
});

test("a drop outside the grid changes nothing", async ({ page, openApp, calls }) => {
  await openApp();
  await openMatrix(page);
  await drag(page, card(notPlaced(page), "Bank sync"), page.getByRole("heading", { level: 1, name: "Value/effort matrix" }));
  await expect(announcements(page)).toHaveText("“Bank sync” was dropped outside the matrix: nothing changed.");
  expect((await calls()).some((call) => call.command === "set_score_inputs")).toBe(false);
});

test("Set value/effort… places a card from its menu, with the scales' values", async ({ page, openApp }) => {
  await openApp();
  await openMatrix(page);
  await card(notPlaced(page), "Receipt capture").click();
  await page.getByRole("menuitem", { name: "Set value/effort…" }).click();
  const dialog = page.getByRole("dialog", { name: "Set value and effort of “Receipt capture”" });
  await dialog.getByRole("button", { name: /Value/ }).click();
  await page.getByRole("option", { name: "9", exact: true }).click();
  await dialog.getByRole("button", { name: /Effort/ }).click();
  await page.getByRole("option", { name: "7", exact: true }).click();
  await dialog.getByRole("button", { name: "Set" }).click();
  await expect(announcements(page)).toHaveText("“Receipt capture” set to value 9, effort 7 — Big bets");
  await expect(card(cell(page, 9, 7), "Receipt capture")).toBeFocused();
  expect(await inputsOf(page, "Receipt capture")).toEqual({ value: 9, effort: 7 });
});

test("the keyboard picks a card up, moves it a cell per arrow, drops it, and Escape cancels", async ({ page, openApp, calls }) => {
  await openApp();
  await openMatrix(page);
  const savings = card(notPlaced(page), "Savings goals");
  await savings.focus();
  await page.keyboard.press("Space");
  await expect(announcements(page)).toContainText("Picked up “Savings goals”. Over value 5, effort 5 — Fill-ins.");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(announcements(page)).toHaveText("Over value 7, effort 5 — Quick wins");
  await page.keyboard.press("ArrowRight");
  await expect(announcements(page)).toHaveText("Over value 7, effort 6 — Big bets");
  await page.keyboard.press("Escape");
  await expect(announcements(page)).toHaveText("Moving “Savings goals” was cancelled.");
  expect((await calls()).some((call) => call.command === "set_score_inputs")).toBe(false);

  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await expect(announcements(page)).toHaveText("“Savings goals” set to value 6, effort 4 — Quick wins");
  await expect(card(cell(page, 6, 4), "Savings goals")).toBeFocused();
  expect(await inputsOf(page, "Savings goals")).toEqual({ value: 6, effort: 4 });
});

test("cards sharing a cell stack: the first one and a count that lists them all in backlog order", async ({ page, openApp }) => {
  await openApp();
  await openMatrix(page);
  for (const title of ["Export to CSV", "Bank sync", "Spending insights"]) {
    await card(notPlaced(page), title).click();
    await page.getByRole("menuitem", { name: "Set value/effort…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: /Value/ }).click();
    await page.getByRole("option", { name: "8", exact: true }).click();
    await dialog.getByRole("button", { name: /Effort/ }).click();
    await page.getByRole("option", { name: "3", exact: true }).click();
    await dialog.getByRole("button", { name: "Set" }).click();
    await expect(announcements(page)).toHaveText(`“${title}” set to value 8, effort 3 — Quick wins`);
  }
  await expect(cell(page, 8, 3)).toHaveAccessibleName("Value 8, effort 3, 3 cards");
  await page.getByRole("button", { name: "+2 more: show all 3 cards of value 8, effort 3" }).click();
  const list = page.getByRole("dialog", { name: "Value 8, effort 3: 3 cards" });
  const titles = await list.getByRole("button").evaluateAll((cards) => cards.map((c) => c.textContent));
  expect(titles).toEqual(["Bank sync", "Spending insights", "Export to CSV"]);
});

test("a placement Rust refuses goes back where it was and says why", async ({ page, openApp }) => {
  await openApp();
  await openMatrix(page);
  await page.evaluate(() =>
    window.__northstarFake?.failNext("set_score_inputs", { kind: "Storage", detail: { message: "The disk is not answering." } }),
  );
  await drag(page, card(notPlaced(page), "Bank sync"), cell(page, 8, 3));
  await expect(announcements(page)).toContainText("“Bank sync” was not placed:");
  await expect(cell(page, 8, 3)).toHaveAccessibleName("Value 8, effort 3, empty");
  await expect(notPlaced(page)).toHaveAccessibleName("Not placed, 6 cards");
  await expect(page.getByRole("alert")).toBeVisible();
});
