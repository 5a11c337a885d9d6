//! The timeline grouped by goal, theme and release (Rust's groups and order, the items without
//! one last) with the releases and milestones drawn on it, against the contract-backed fake.
import type { Page } from "@playwright/test";
import { blockingViolations, runAxe } from "./axe";
import { expect, test } from "./fixtures";

/** A write's answer: the saved row (a release with its items) and the change. */
type Answer = { value: { id?: string; release?: { id: string } } };

async function call(page: Page, command: string, args: Record<string, unknown>): Promise<Answer> {
  return page.evaluate(
    ([name, body]) => window.__northstarFake?.handle(name, body) as Answer,
    [command, args] as const,
  );
}

/** A goal for Bank sync, a theme for nobody, two releases (the later one created first) and a
 * milestone, through the fake's commands as the views would make them. */
async function plan(page: Page) {
  const productId = "p-demo";
  const goal = await call(page, "create_goal", { productId, fields: { title: "Grow revenue", description: "" } });
  await call(page, "create_theme", { productId, fields: { name: "Trust", description: "" } });
  const release = (name: string, startsOn: string, endsOn: string) =>
    call(page, "create_release", { productId, fields: { name, startsOn, endsOn, capacity: null, capacityUnit: null } });
  const late = await release("2.0", "2027-06-01", "2027-07-31");
  const early = await release("1.0", "2027-02-15", "2027-04-30");
  await call(page, "create_milestone", { productId, fields: { name: "Beta launch", fallsOn: "2027-03-12", releaseId: null } });
  const link = (itemId: string, kind: string, targetId: string | undefined) =>
    call(page, "set_item_plan_link", { itemId, link: kind, targetId });
  await link("i-1", "goal", goal.value.id);
  await link("i-1", "release", early.value.release?.id);
  await link("i-3", "release", late.value.release?.id);
}

/** The group headings of the timeline (the unscheduled list has its own). */
const headings = (page: Page) => page.locator("[data-timeline-scroller]").getByRole("heading", { level: 2 });

test("the group-by switch regroups the bars by goal or release, with the milestone and releases marked", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await plan(page);
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Timeline" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();
  const groupBy = page.getByRole("group", { name: "Group by" });
  await expect(groupBy.getByRole("button", { name: "Horizon" })).toHaveAttribute("aria-pressed", "true");

  await groupBy.getByRole("button", { name: "Goal" }).click();
  await expect(groupBy.getByRole("button", { name: "Goal" })).toHaveAttribute("aria-pressed", "true");
  await expect(headings(page)).toHaveText(["Grow revenue1", "No goal2"]);

  await groupBy.getByRole("button", { name: "Release" }).click();
  // Releases by date, not by when they were made; Spending insights has none.
  await expect(headings(page)).toHaveText(["1.01", "2.01", "No release1"]);

  const markers = page.getByRole("list", { name: "Releases and milestones" });
  await expect(markers.getByRole("img", { name: "Milestone Beta launch, 12 Mar 2027" })).toBeVisible();
  await expect(markers.getByRole("img", { name: "Release 1.0, 15 Feb – 30 Apr 2027" })).toBeVisible();
  await expect(markers.getByRole("img", { name: "Release 2.0, 1 Jun – 31 Jul 2027" })).toBeVisible();
  // The milestone's flag stands on its day: two days after today's line (4 px a day by month).
  const flag = await page.locator('[data-milestone-marker="2027-03-12"]').boundingBox();
  const today = await page.locator("[data-today]").boundingBox();
  expect(flag && today ? Math.round(flag.x - today.x) : null).toBe(8);

  expect(blockingViolations(await runAxe(page))).toEqual([]);
});
