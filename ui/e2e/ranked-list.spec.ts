import type { Locator, Page } from "@playwright/test";
import { announcements, backlogRow, backlogRows, expect, openBacklog, rowTitles, test } from "./fixtures";

/** Drags `source` onto `target` the way a person does: press, then a stepped path, then release. */
async function drag(page: Page, source: Locator, target: Locator, { offsetY = 0, release = true } = {}) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("a row to drag is not on screen");
  const x = from.x + from.width / 3;
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.down();
  // The first 8 px only activate the drag (the pointer sensor's distance).
  await page.mouse.move(x, from.y + from.height / 2 + (to.y < from.y ? -12 : 12), { steps: 3 });
  await page.mouse.move(x, to.y + to.height / 2 + offsetY, { steps: 10 });
  if (release) await page.mouse.up();
}

test("a dragged row lands where it is dropped, through one move_item", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  await drag(page, backlogRow(page, "5. Savings goals"), backlogRow(page, "2. Spending insights"));

  await expect(announcements(page)).toHaveText("“Savings goals” moved to position 2 of 6");
  expect(await rowTitles(page)).toEqual([
    "Bank sync",
    "Savings goals",
    "Spending insights",
    "Shared budgets",
    "Receipt capture",
    "Export to CSV",
  ]);
  const moves = (await calls()).filter((call) => call.command === "move_item").map((call) => call.args);
  expect(moves).toEqual([{ id: "i-5", target: { to: "before", itemId: "i-2" } }]);
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("title", "Undo Move “Savings goals” (Ctrl+Z)");
});

test("while dragging, a picture of the row follows the pointer and the row stays in the list", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  const source = backlogRow(page, "1. Bank sync");
  await drag(page, source, backlogRow(page, "4. Receipt capture"), { release: false });
  // The picture is hidden from assistive tech (the row itself stays in the list).
  const preview = page.locator("[data-drag-preview]");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("Bank sync");
  await expect(source).toHaveAttribute("data-dragging", "true");
  await expect(announcements(page)).toHaveText("Picked up “Bank sync”, position 1 of 6.");
  await page.keyboard.press("Escape");
  await page.mouse.up();
  await expect(announcements(page)).toHaveText("Moving “Bank sync” was cancelled.");
  await expect(backlogRows(page).first()).toHaveAttribute("aria-label", /^1\. Bank sync/);
});

test("a drop Rust refuses goes back to Rust's order and says why", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  const message = "The order of this backlog is damaged, so the item was not moved. Run “northstar check” for details.";
  await page.evaluate((text) => window.__northstarFake?.failNext("move_item", { kind: "Conflict", detail: { message: text } }), message);
  await drag(page, backlogRow(page, "6. Export to CSV"), backlogRow(page, "1. Bank sync"));
  await expect(announcements(page)).toHaveText(`“Export to CSV” was not moved: ${message}`);
  await expect(page.getByRole("alert")).toHaveText(message);
  expect((await rowTitles(page)).at(-1)).toBe("Export to CSV");
});

test("keyboard: Alt+arrows move the focused row, which keeps the focus; Space drags it", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  const row = backlogRow(page, "3. Shared budgets");
  await row.focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(announcements(page)).toHaveText("“Shared budgets” moved to position 2 of 6");
  await expect(backlogRow(page, "2. Shared budgets")).toBeFocused();

  await page.keyboard.press("Alt+Shift+ArrowDown");
  await expect(announcements(page)).toHaveText("“Shared budgets” moved to position 6 of 6");
  await expect(backlogRow(page, "6. Shared budgets")).toBeFocused();

  // Space picks the row up, arrows carry it, Space drops it.
  await page.keyboard.press("Space");
  await expect(announcements(page)).toContainText("Picked up “Shared budgets”, position 6 of 6.");
  await page.keyboard.press("ArrowUp");
  await page.waitForTimeout(250);
  await page.keyboard.press("ArrowUp");
  await page.waitForTimeout(250);
  await page.keyboard.press("Space");
  await expect(announcements(page)).toHaveText("“Shared budgets” moved to position 4 of 6");
  await expect(backlogRow(page, "4. Shared budgets")).toBeFocused();

  const targets = (await calls()).filter((call) => call.command === "move_item").map((call) => call.args.target);
  expect(targets).toEqual([{ to: "up" }, { to: "bottom" }, { to: "before", itemId: "i-5" }]);
});

test("one tab stop: Tab enters the list on its active row and leaves it with the next Tab", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  await backlogRow(page, "1. Bank sync").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(backlogRow(page, "3. Shared budgets")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("grid", { name: "Ranked backlog" }).locator(":focus")).toHaveCount(0);
  await page.keyboard.press("Shift+Tab");
  await expect(backlogRow(page, "3. Shared budgets")).toBeFocused();
  // Shift+F10 opens the row's menu, from which the keyboard comes back to the row.
  await page.keyboard.press("Shift+F10");
  await expect(page.getByRole("menu", { name: "Actions for “Shared budgets”" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(backlogRow(page, "3. Shared budgets")).toBeFocused();
});

test("10,000 items: a few dozen rows in the DOM, scrolling and moves still work", async ({ page, openApp, calls }) => {
  await openApp({ itemCount: 10_000 });
  await openBacklog(page);
  await expect(page.getByText("10000 items, highest priority first")).toBeVisible();
  const grid = page.getByRole("grid", { name: "Ranked backlog" });
  await expect(grid).toHaveAttribute("aria-rowcount", "10001");
  const rendered = await backlogRows(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  expect(await page.evaluate(() => document.querySelectorAll("*").length)).toBeLessThan(1_500);

  // End goes to the last row, which is rendered and focused; moving it to the top follows it.
  await backlogRow(page, "1. Bank sync").focus();
  await page.keyboard.press("End");
  const last = backlogRow(page, "10000. Item 10000");
  await expect(last).toBeFocused();
  await page.keyboard.press("Alt+Shift+ArrowUp");
  await expect(announcements(page)).toHaveText("“Item 10000” moved to position 1 of 10000");
  await expect(backlogRow(page, "1. Item 10000")).toBeFocused();
  await expect(backlogRow(page, "1. Item 10000")).toBeInViewport();
  expect((await calls()).filter((call) => call.command === "move_item").map((call) => call.args)).toEqual([
    { id: "i-10000", target: { to: "top" } },
  ]);
  expect(await backlogRows(page).count()).toBeLessThan(60);
});

test("dragging to the list's edge scrolls it, with the dragged row kept in the list", async ({ page, openApp }) => {
  await openApp({ itemCount: 200 });
  await openBacklog(page);
  const grid = page.getByRole("grid", { name: "Ranked backlog" });
  const box = await grid.boundingBox();
  const source = backlogRow(page, "2. Spending insights");
  const from = await source.boundingBox();
  if (!box || !from) throw new Error("no layout");
  const x = from.x + from.width / 3;
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, from.y + from.height / 2 + 12, { steps: 3 });
  await page.mouse.move(x, box.y + box.height - 4, { steps: 10 });
  // dnd-kit scrolls on a 5 ms timer, which a loaded machine stretches: any clear scroll proves it.
  // The pointer wiggles a pixel at the edge between reads, as a hand does: on a starved machine the
  // last move can be handled before the list is measured, and nothing else would ask again.
  let wiggle = 0;
  await expect
    .poll(
      async () => {
        wiggle = 1 - wiggle;
        await page.mouse.move(x, box.y + box.height - 4 - wiggle);
        return grid.evaluate((element) => element.scrollTop);
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(200);
  await expect(backlogRow(page, "2. Spending insights")).toHaveAttribute("data-dragging", "true");
  await page.keyboard.press("Escape");
  await page.mouse.up();
});

/** Records the row index of `title` after every change of the grid, until read back. */
async function watchRowIndex(page: Page, title: string) {
  await page.evaluate((watched) => {
    const grid = document.querySelector('[role="grid"]');
    const seen: number[] = [];
    (window as unknown as { __rowIndexes: number[] }).__rowIndexes = seen;
    if (!grid) return;
    new MutationObserver(() => {
      // Each row's name is "N. Title, Kind, Status".
      const titles = [...grid.querySelectorAll('[role="row"][data-row-id]')].map((row) =>
        (row.getAttribute("aria-label") ?? "").replace(/^\d+\. /, "").replace(/, [^,]+, [^,]+$/, ""),
      );
      const index = titles.indexOf(watched);
      if (seen.at(-1) !== index) seen.push(index);
    }).observe(grid, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-label"] });
  }, title);
  return () => page.evaluate(() => (window as unknown as { __rowIndexes: number[] }).__rowIndexes);
}

test("quick moves in a row: the shown order never goes back while a later move is on its way", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  await backlogRow(page, "5. Savings goals").focus();
  const indexes = await watchRowIndex(page, "Savings goals");
  const delayNextMove = (ms: number) => page.evaluate((delay) => window.__northstarFake?.delayNext("move_item", delay), ms);
  // The first move takes a moment; the second waits behind it and then takes a while too.
  await delayNextMove(300);
  await page.keyboard.press("Alt+ArrowUp");
  await delayNextMove(1_000);
  await page.keyboard.press("Alt+ArrowUp");
  await expect(backlogRow(page, "3. Savings goals")).toBeFocused();

  // The first move's answer and Rust's order after it arrive while the second is on its way.
  await expect(announcements(page)).toHaveText("“Savings goals” moved to position 3 of 6", { timeout: 5_000 });
  expect((await calls()).filter((call) => call.command === "move_item")).toHaveLength(2);
  expect(await indexes()).toEqual([3, 2]);
  await expect(backlogRow(page, "3. Savings goals")).toBeFocused();
});

test("a failed move followed by a queued one: Rust's order with the queued move, then Rust's order", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  await backlogRow(page, "5. Savings goals").focus();
  const indexes = await watchRowIndex(page, "Savings goals");
  await page.evaluate(() => {
    const fake = window.__northstarFake;
    fake?.delayNext("move_item", 300);
    fake?.failNext("move_item", { kind: "Storage", detail: { message: "disk I/O error" } });
  });
  await page.keyboard.press("Alt+ArrowUp");
  await page.evaluate(() => window.__northstarFake?.delayNext("move_item", 1_500));
  await backlogRow(page, "4. Savings goals").press("Alt+ArrowUp");
  await expect(backlogRow(page, "3. Savings goals")).toBeFocused();
  // The first move fails: its step is taken back, the queued one still shows.
  await expect(announcements(page)).toContainText("“Savings goals” was not moved", { timeout: 2_000 });
  expect((await rowTitles(page)).indexOf("Savings goals")).toBe(3);
  // The second one ("up", from where Rust has it) lands at 4.
  await expect(announcements(page)).toHaveText("“Savings goals” moved to position 4 of 6", { timeout: 5_000 });
  expect((await rowTitles(page)).indexOf("Savings goals")).toBe(3);
  expect((await calls()).filter((call) => call.command === "move_item").map((call) => call.args.target)).toEqual([
    { to: "up" },
    { to: "up" },
  ]);
  // Shown: the first move, both, then (the first refused) the second alone, never anything else.
  expect(await indexes()).toEqual([3, 2, 3]);
});

test("Ctrl+Z pressed while a move is on its way undoes that move, not the change before it", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  const row = backlogRow(page, "3. Shared budgets");
  await row.focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(announcements(page)).toHaveText("“Shared budgets” moved to position 2 of 6");

  await page.evaluate(() => window.__northstarFake?.delayNext("move_item", 500));
  await page.keyboard.press("Alt+ArrowUp");
  await page.keyboard.press("Control+z");
  await expect(announcements(page)).toHaveText("Undid Move “Shared budgets” up");
  await expect.poll(async () => (await calls()).filter((call) => call.command === "undo").length).toBe(1);
  expect((await calls()).map((call) => call.command).filter((command) => command === "move_item" || command === "undo")).toEqual([
    "move_item",
    "move_item",
    "undo",
  ]);
  expect(await rowTitles(page)).toEqual(["Bank sync", "Shared budgets", "Spending insights", "Receipt capture", "Savings goals", "Export to CSV"]);
  await expect(page.getByRole("button", { name: "Redo" })).toHaveAttribute("title", "Redo Move “Shared budgets” up (Ctrl+Shift+Z)");
});
