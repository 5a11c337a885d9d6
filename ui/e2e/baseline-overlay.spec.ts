//! The baseline overlay on the timeline: "Compare with" a saved baseline draws the baseline's bar
//! behind a bar that moved since, with its slip, and the bar's name says both.
import { blockingViolations, runAxe } from "./axe";
import { expect, test } from "./fixtures";

test("comparing with a baseline shows a ghost bar and the slip of a bar moved a week later", async ({ page, openApp, calls }) => {
  await openApp({ roadmap: true });
  const views = page.getByRole("navigation", { name: "Views" });
  await views.getByRole("button", { name: "Baselines" }).click();
  await page.getByRole("button", { name: "Save baseline…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save baseline" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Q2 planning");
  await dialog.getByRole("button", { name: "Save baseline" }).click();
  await expect(dialog).toBeHidden();

  await views.getByRole("button", { name: "Timeline" }).click();
  const bar = page.getByRole("button", { name: /^Bank sync, / });
  await expect(bar).toHaveAccessibleName("Bank sync, 1 Mar – 28 Mar 2027");
  await bar.focus();
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(bar).toHaveAccessibleName("Bank sync, 8 Mar – 4 Apr 2027");
  await expect(page.locator("[data-ghost-of]")).toHaveCount(0);

  await page.getByRole("button", { name: /Compare with/ }).click();
  await page.getByRole("option", { name: "Q2 planning" }).click();
  await expect(bar).toHaveAccessibleName("Bank sync, 8 Mar – 4 Apr 2027, baseline 1 Mar – 28 Mar 2027, slipped 7 days");
  await expect(page.locator('[data-ghost-of="i-1"]')).toHaveCount(1);
  await expect(page.getByText("+7 d")).toBeVisible();
  // The ghost is laid out on the bar's own axis: a week (7 days × the day width) to its left.
  const ghostBox = await page.locator('[data-ghost-of="i-1"]').boundingBox();
  const barBox = await bar.boundingBox();
  expect(ghostBox && barBox ? Math.round(barBox.x - ghostBox.x) : null).toBe(28);
  const overlays = (await calls()).filter((call) => call.command === "get_timeline_overlay");
  expect(overlays.at(-1)?.args).toMatchObject({ productId: "p-demo", scale: "month", grouping: "horizon" });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    // Colours settle after the theme's transitions.
    await page.waitForTimeout(400);
    const report = await runAxe(page);
    expect(report.passed, "axe checked rules on the overlay").toBeGreaterThan(10);
    expect(blockingViolations(report), `serious or critical axe violations on the overlay (${scheme})`).toEqual([]);
  }

  // Moved again while compared: the ghost stays where the baseline had it, the slip grows.
  await bar.focus();
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(bar).toHaveAccessibleName("Bank sync, 15 Mar – 11 Apr 2027, baseline 1 Mar – 28 Mar 2027, slipped 14 days");
  await expect(page.getByText("+14 d")).toBeVisible();

  // None takes it away; the other bars never had one.
  await page.getByRole("button", { name: /Compare with/ }).click();
  await page.getByRole("option", { name: "None" }).click();
  await expect(bar).toHaveAccessibleName("Bank sync, 15 Mar – 11 Apr 2027");
  await expect(page.locator("[data-ghost-of]")).toHaveCount(0);
});
