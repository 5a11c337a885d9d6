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
  await page.screenshot({ path: "test-results/timeline.png" });
});
