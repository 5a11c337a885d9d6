import type { Locator, Page } from "@playwright/test";
import { announcements, expect, test } from "./fixtures";

async function openTimeline(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Timeline" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();
}

/** A bar by the start of its accessible name ("Bank sync, 1 – 28 Mar 2027"). */
const bar = (page: Page, title: string) => page.getByRole("button", { name: new RegExp(`^${title}, `) });

/** Press at `from`, move in small steps by `dx` pixels, release: as a person drags. */
async function dragBy(page: Page, from: { x: number; y: number }, dx: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y, { steps: 10 });
  await page.mouse.up();
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error("not on screen");
  return found;
}

test("the timeline shows bars by horizon on Rust's axis, today's line and the unscheduled items", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await openTimeline(page);
  await expect(bar(page, "Bank sync")).toHaveAccessibleName("Bank sync, 1 Mar – 28 Mar 2027");
  await expect(bar(page, "Spending insights")).toHaveAccessibleName("Spending insights, 5 Apr – 16 May 2027");
  for (const heading of ["Now", "Next", "Later"]) {
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${heading}`) })).toBeVisible();
  }
  const unscheduled = page.getByRole("region", { name: /Unscheduled/ });
  await expect(unscheduled.getByRole("button", { name: "Schedule “Receipt capture”…" })).toBeVisible();
  await expect(page.locator("[data-today]")).toHaveAttribute("data-today", "2027-03-10");
});

test("dragging a bar moves it by whole days, dragging its end edge resizes it, and undo puts it back", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await openTimeline(page);
  // Months: 4 px a day. 29 px right is 7 days (the nearest whole day).
  const bank = await box(bar(page, "Bank sync"));
  await dragBy(page, { x: bank.x + bank.width / 2, y: bank.y + bank.height / 2 }, 29);
  await expect(bar(page, "Bank sync")).toHaveAccessibleName("Bank sync, 8 Mar – 4 Apr 2027");
  await expect(announcements(page)).toHaveText("“Bank sync” now 8 Mar – 4 Apr 2027");
  const moved = await box(bar(page, "Bank sync"));
  expect(Math.round(moved.x - bank.x)).toBe(28);

  const spending = await box(bar(page, "Spending insights"));
  await dragBy(page, { x: spending.x + spending.width - 3, y: spending.y + spending.height / 2 }, 20);
  await expect(bar(page, "Spending insights")).toHaveAccessibleName("Spending insights, 5 Apr – 21 May 2027");
  const resized = await box(bar(page, "Spending insights"));
  expect(Math.round(resized.x)).toBe(Math.round(spending.x));
  expect(Math.round(resized.width - spending.width)).toBe(20);

  await page.keyboard.press("Control+z");
  await expect(bar(page, "Spending insights")).toHaveAccessibleName("Spending insights, 5 Apr – 16 May 2027");
  await page.keyboard.press("Control+z");
  await expect(bar(page, "Bank sync")).toHaveAccessibleName("Bank sync, 1 Mar – 28 Mar 2027");
});

test("dragging a bar's start edge moves its start; a refused change is rolled back and said", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await openTimeline(page);
  const shared = await box(bar(page, "Shared budgets"));
  await dragBy(page, { x: shared.x + 3, y: shared.y + shared.height / 2 }, -8);
  await expect(bar(page, "Shared budgets")).toHaveAccessibleName("Shared budgets, 30 May – 30 Jun 2027");
  // The end dragged far before the start: Rust refuses, the bar goes back, the reason is said.
  const now = await box(bar(page, "Shared budgets"));
  await dragBy(page, { x: now.x + now.width - 3, y: now.y + now.height / 2 }, -200);
  await expect(announcements(page)).toContainText("“Shared budgets” was not rescheduled: The end");
  await expect(bar(page, "Shared budgets")).toHaveAccessibleName("Shared budgets, 30 May – 30 Jun 2027");
  const back = await box(bar(page, "Shared budgets"));
  expect(Math.round(back.width)).toBe(Math.round(now.width));
});

test("the keyboard moves a bar by a day or a week and moves its end, announcing Rust's dates", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await openTimeline(page);
  await bar(page, "Shared budgets").focus();
  await page.keyboard.press("Alt+ArrowRight");
  await expect(bar(page, "Shared budgets")).toHaveAccessibleName("Shared budgets, 2 Jun – 1 Jul 2027");
  await expect(announcements(page)).toHaveText("“Shared budgets” now 2 Jun – 1 Jul 2027");
  await page.keyboard.press("Alt+Shift+ArrowLeft");
  await expect(bar(page, "Shared budgets")).toHaveAccessibleName("Shared budgets, 26 May – 24 Jun 2027");
  await page.keyboard.press("Control+Alt+ArrowRight");
  await expect(bar(page, "Shared budgets")).toHaveAccessibleName("Shared budgets, 26 May – 25 Jun 2027");
  await expect(bar(page, "Shared budgets")).toBeFocused();
  await page.keyboard.press("Control+Alt+ArrowLeft");
  await expect(bar(page, "Shared budgets")).toHaveAccessibleName("Shared budgets, 26 May – 24 Jun 2027");
});

test("an unscheduled item dropped on a day gets Rust's default length from that day; undo unschedules it", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await openTimeline(page);
  const unscheduled = page.getByRole("region", { name: /Unscheduled/ });
  const grip = unscheduled.locator('[data-unscheduled="i-4"]');
  const from = await box(grip);
  // Onto the first day of "Spending insights" (5 Apr), in an empty part of the rows.
  const target = await box(bar(page, "Spending insights"));
  await page.mouse.move(from.x + 20, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(target.x + 2, target.y + 60, { steps: 12 });
  await page.mouse.up();
  await expect(bar(page, "Receipt capture")).toHaveAccessibleName("Receipt capture, 5 Apr – 18 Apr 2027");
  await expect(unscheduled.getByRole("button", { name: "Schedule “Receipt capture”…" })).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(unscheduled.getByRole("button", { name: "Schedule “Receipt capture”…" })).toBeVisible();
  await expect(bar(page, "Receipt capture")).toHaveCount(0);
});

test("Schedule… gives an item dates, with Rust's refusal beside the field", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await openTimeline(page);
  await page.getByRole("button", { name: "Schedule “Savings goals”…" }).click();
  const dialog = page.getByRole("dialog", { name: "Schedule “Savings goals”" });
  await dialog.getByLabel("Start").fill("2027-04-21");
  await dialog.getByLabel("End").fill("2027-03-03");
  await dialog.getByRole("button", { name: "Save dates" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "The end (3 Mar 2027) is before the start (21 Apr 2027): an item ends on or after the day it starts.",
  );
  await dialog.getByLabel("Start").fill("2027-03-03");
  await dialog.getByLabel("End").fill("2027-04-21");
  await dialog.getByRole("button", { name: "Save dates" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(bar(page, "Savings goals")).toHaveAccessibleName("Savings goals, 3 Mar – 21 Apr 2027");
  await expect(page.getByRole("heading", { level: 2, name: /^Not on the roadmap/ })).toBeVisible();
});

test("the scale switch redraws the axis from Rust: weeks, quarters", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await openTimeline(page);
  await page.getByRole("button", { name: "Weeks" }).click();
  await expect(page.getByRole("button", { name: "Weeks" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("[data-timeline-scroller]").getByText("W10", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Quarters" }).click();
  await expect(page.locator("[data-timeline-scroller]").getByText("Q2 2027", { exact: true })).toBeVisible();
  await expect(bar(page, "Bank sync")).toHaveAccessibleName("Bank sync, 1 Mar – 28 Mar 2027");
});

test("the item panel sets an item's horizon and dates, with Rust's refusal beside the field", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Backlog" }).click();
  await page.getByRole("button", { name: "Actions for “Savings goals”" }).click();
  await page.getByRole("menuitem", { name: /^Scores…/ }).click();
  const panel = page.getByRole("dialog", { name: "Scores of “Savings goals”" });
  const roadmap = panel.getByRole("region", { name: "Roadmap" });
  await roadmap.getByRole("button", { name: /Horizon/ }).click();
  await page.getByRole("option", { name: "Later" }).click();
  await expect(announcements(page)).toHaveText("“Savings goals” moved to Later");
  await roadmap.getByLabel("Start").fill("2027-05-10");
  await roadmap.getByRole("button", { name: "Save dates" }).click();
  await expect(roadmap.getByRole("alert")).toHaveText("Give the end date too, or clear both dates.");
  await roadmap.getByLabel("End").fill("2027-05-20");
  await roadmap.getByRole("button", { name: "Save dates" }).click();
  await expect(announcements(page)).toHaveText("“Savings goals” scheduled 10 May – 20 May 2027");
  await page.keyboard.press("Escape");
  await openTimeline(page);
  await expect(bar(page, "Savings goals")).toHaveAccessibleName("Savings goals, 10 May – 20 May 2027");
  await expect(page.getByRole("heading", { level: 2, name: /^Later/ })).toHaveText("Later2");
});
