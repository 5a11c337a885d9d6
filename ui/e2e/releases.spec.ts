//! The Releases view against the contract-backed fake: a release created with its capacity, an
//! item assigned to it in the item panel and the load changing, undo; milestones.
import type { Page } from "@playwright/test";
import { announcements, backlogRow, expect, openBacklog, test } from "./fixtures";

async function openReleases(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Releases" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Releases" })).toBeVisible();
}

async function addRelease(page: Page, name: string, capacity: string) {
  await page.getByRole("button", { name: "Add release" }).click();
  const dialog = page.getByRole("dialog", { name: "Add release" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByLabel("Starts on").fill("2026-04-01");
  await dialog.getByLabel("Ends on").fill("2026-06-30");
  await dialog.getByRole("spinbutton", { name: "Capacity" }).fill(capacity);
  await dialog.getByRole("button", { name: "Add release" }).click();
  await expect(dialog).toBeHidden();
}

test("assigning an item to a release in the item panel changes its load; undo takes it back", async ({ page, openApp }) => {
  await openApp();
  // Bank sync is a 3 person-month Must (inputs whose scores the recorded session holds).
  await page.evaluate(() =>
    window.__northstarFake?.handle("set_score_inputs", {
      itemIds: ["i-1"],
      changes: [
        { input: "riceEffort", value: 3 },
        { input: "moscow", value: "must" },
      ],
    }),
  );
  await openReleases(page);
  await addRelease(page, "2.0", "4");
  await expect(announcements(page)).toHaveText("Added the release “2.0”");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "2.0" }) });
  await expect(card).toContainText("0 of 4 person-months (0 %)");

  await openBacklog(page);
  await backlogRow(page, "1. Bank sync").focus();
  await page.keyboard.press("s");
  const panel = page.getByRole("dialog", { name: "Scores of “Bank sync”" });
  await panel.getByRole("combobox", { name: "Release" }).selectOption({ label: "2.0" });
  await expect(announcements(page)).toHaveText("“Bank sync”: release “2.0”");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  await openReleases(page);
  await expect(card).toContainText("3 of 4 person-months (75 %)");
  await expect(card).toContainText("Musts take 100 % of this release’s load (3 of 3 person-months): more than 60 %, so nothing is left for surprises.");
  await expect(card.getByRole("list", { name: "Items of 2.0" })).toContainText("Bank sync");

  await page.keyboard.press("Control+z");
  await expect(card).toContainText("0 of 4 person-months (0 %)");
  await expect(card).toContainText("No items yet");
});

test("over capacity is said in words and shown in the danger colour", async ({ page, openApp }) => {
  await openApp();
  await page.evaluate(() => {
    const fake = window.__northstarFake;
    fake?.handle("set_score_inputs", {
      itemIds: ["i-1"],
      changes: [
        { input: "riceEffort", value: 3 },
        { input: "moscow", value: "must" },
      ],
    });
    const saved = fake?.handle("create_release", {
      productId: "p-demo",
      fields: { name: "1.4", startsOn: "2026-04-01", endsOn: "2026-04-30", capacity: 2, capacityUnit: "person_months" },
    }) as { value: { release: { id: string } } } | undefined;
    fake?.handle("set_item_plan_link", { itemId: "i-1", link: "release", targetId: saved?.value.release.id ?? null });
  });
  await openReleases(page);
  const message = page.getByText("3 of 2 person-months (150 %): over capacity by 1 person-month");
  await expect(message).toBeVisible();
  const colour = await message.evaluate((element) => getComputedStyle(element).color);
  const danger = await page.evaluate(() => {
    const probe = document.createElement("span");
    probe.style.color = "var(--color-danger)";
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  });
  expect(colour).toBe(danger);
});

test("milestones are added with a release and listed by date", async ({ page, openApp }) => {
  await openApp();
  await openReleases(page);
  await addRelease(page, "1.5", "8");
  await page.getByRole("button", { name: "Add milestone" }).click();
  const dialog = page.getByRole("dialog", { name: "Add milestone" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Beta launch");
  await dialog.getByLabel("Date").fill("2026-05-15");
  await dialog.getByRole("combobox", { name: "Release" }).selectOption({ label: "1.5" });
  await dialog.getByRole("button", { name: "Add milestone" }).click();
  await expect(dialog).toBeHidden();
  const milestones = page.getByRole("list", { name: "Milestones" });
  await expect(milestones).toContainText("Beta launch");
  await expect(milestones).toContainText("1.5");
});
