import type { Locator, Page } from "@playwright/test";
import { announcements, expect, test } from "./fixtures";

const column = (page: Page, label: string) => page.getByRole("grid", { name: `${label} column` });

function card(page: Page, label: string, start: string) {
  const escaped = start.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return column(page, label).getByRole("row", { name: new RegExp(`^${escaped}`) });
}

async function titles(page: Page, label: string): Promise<string[]> {
  const labels = await column(page, label)
    .locator('[role="row"][data-row-id]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("aria-label") ?? ""));
  return labels.map((text) => text.replace(/^\d+\. /, "").replace(/, .*$/, ""));
}

async function openRoadmapBoard(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Now / Next / Later" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Now / Next / Later" })).toBeVisible();
}

/** Press, a stepped path (the first 8 px only start the drag), release: as a person drags. */
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

test("the roadmap board has Now, Next, Later and Unsorted; a card dragged Now → Next sets its horizon", async ({ page, openApp, calls }) => {
  await openApp({ roadmap: true });
  await openRoadmapBoard(page);
  expect(await titles(page, "Now")).toEqual(["Bank sync", "Receipt capture"]);
  expect(await titles(page, "Next")).toEqual(["Spending insights"]);
  expect(await titles(page, "Later")).toEqual(["Shared budgets"]);
  expect(await titles(page, "Unsorted")).toEqual(["Savings goals", "Export to CSV"]);

  await drag(page, card(page, "Now", "1. Bank sync"), column(page, "Next"));
  await expect(announcements(page)).toHaveText(/^“Bank sync” moved to Next, position \d of 2$/);
  expect((await titles(page, "Next")).sort()).toEqual(["Bank sync", "Spending insights"]);
  expect(await titles(page, "Now")).toEqual(["Receipt capture"]);
  const moves = (await calls()).filter((call) => call.command === "move_card").map((call) => call.args);
  expect(moves.at(-1)).toMatchObject({ itemId: "i-1", board: "horizon", column: "next" });
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("title", "Undo Move “Bank sync” to Next (Ctrl+Z)");

  // The timeline groups it under Next now.
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Timeline" }).click();
  const next = page.getByRole("heading", { level: 2, name: /^Next/ });
  await expect(next).toHaveText("Next2");
});

test("the menu and the keyboard move a card between lanes; undo puts it back", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await openRoadmapBoard(page);
  await page.getByRole("button", { name: "Actions for “Savings goals”" }).click();
  await page.getByRole("menuitem", { name: "Move to Later" }).click();
  await expect(announcements(page)).toHaveText("“Savings goals” moved to Later, position 1 of 2");
  await expect(card(page, "Later", "1. Savings goals")).toBeFocused();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(announcements(page)).toHaveText("“Savings goals” moved to Later, position 2 of 2");
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await expect.poll(() => titles(page, "Unsorted")).toEqual(["Savings goals", "Export to CSV"]);
});
