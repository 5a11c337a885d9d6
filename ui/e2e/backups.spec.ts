import { announcements, backlogRow, expect, openBacklog, rowTitles, test } from "./fixtures";

// The fake's clock starts at Mon 5 Jan 2026, 09:00 UTC; its backups are made a minute apart.
test.use({ timezoneId: "UTC" });

const BACKUPS = "Backups, newest first";

test("back up from the palette, change something, restore: every view shows the backup's data", async ({ page, openApp }) => {
  await openApp({ backups: [{ reason: "automatic", daysAgo: 1 }] });
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeVisible();

  // Database › Backups, from the sidebar: its own route, the heading gets the focus.
  await page.getByRole("navigation", { name: "Database" }).getByRole("button", { name: "Backups" }).click();
  await expect(page).toHaveURL(/#\/backups$/);
  await expect(page.getByRole("heading", { level: 1, name: "Backups" })).toBeFocused();
  await expect(announcements(page)).toHaveText("Backups");
  const table = page.getByRole("table", { name: BACKUPS });
  await expect(table.getByRole("row", { name: /^Sun 4 Jan 2026, 09:00/ })).toContainText("Daily");

  // Back up now, from the palette.
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox").fill("back up now");
  await expect(palette.getByRole("option").first()).toContainText("Back up now");
  await page.keyboard.press("Enter");
  const made = "Backed up on Mon 5 Jan 2026, 09:01: 1 product, 6 items.";
  await expect(announcements(page)).toHaveText(made);
  await expect(page.getByRole("main").getByText(made)).toBeVisible();
  const manual = table.getByRole("row", { name: /^Mon 5 Jan 2026, 09:01/ });
  await expect(manual).toContainText("Backed up by you");

  // A change after the backup.
  await openBacklog(page);
  await page.getByRole("textbox", { name: "New item title" }).fill("Added after the backup");
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(backlogRow(page, "7. Added after the backup")).toBeVisible();

  // Restore… asks first (Cancel focused), saying what is open now and what the backup holds.
  await page.getByRole("navigation", { name: "Database" }).getByRole("button", { name: "Backups" }).click();
  await manual.getByRole("button", { name: "Restore the backup of Mon 5 Jan 2026, 09:01…" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Restore the backup of Mon 5 Jan 2026, 09:01?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expect(confirm).toContainText("Open now1 product, 7 items");
  await expect(confirm).toContainText("The backup1 product, 6 items, backed up Mon 5 Jan 2026, 09:01");
  await expect(confirm).toContainText("Northstar backs up the database as it is now first");
  await confirm.getByRole("button", { name: "Restore backup" }).click();

  const restored =
    "Restored the backup of Mon 5 Jan 2026, 09:01: 1 product, 6 items. The database it replaced was backed up first.";
  await expect(announcements(page)).toHaveText(restored);
  await expect(table.getByRole("row").nth(1)).toContainText("Before a restore");
  await expect(table.getByRole("row").nth(1)).toContainText("1 product, 7 items");
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("aria-disabled", "true");

  await openBacklog(page);
  expect(await rowTitles(page)).not.toContain("Added after the backup");
  expect(await rowTitles(page)).toHaveLength(6);
});

test("Save a copy… says where it went; cancelled, it does nothing; Escape cancels a restore", async ({
  page,
  openApp,
  calls,
}) => {
  await openApp({ backups: [{ reason: "atExit", daysAgo: 2 }] });
  await page.goto("/#/backups");
  await expect(page.getByRole("heading", { level: 1, name: "Backups" })).toBeVisible();

  await page.evaluate(() => window.__northstarFake?.chooseSavedCopyPath(null));
  await page.getByRole("button", { name: "Save a copy…" }).click();
  await expect.poll(async () => (await calls()).filter((call) => call.command === "save_database_copy").length).toBe(1);
  await expect(page.getByRole("main").getByText(/Saved a copy/)).toHaveCount(0);

  await page.evaluate(() => window.__northstarFake?.chooseSavedCopyPath("/media/usb/plan.db"));
  await page.keyboard.press("Control+k");
  await page.getByRole("dialog", { name: "Command palette" }).getByRole("combobox").fill("save a copy");
  await page.keyboard.press("Enter");
  const saved = "Saved a copy of the database to /media/usb/plan.db.";
  await expect(announcements(page)).toHaveText(saved);
  await expect(page.getByRole("main").getByText(saved)).toBeVisible();

  const restore = page.getByRole("button", { name: "Restore the backup of Sat 3 Jan 2026, 09:00…" });
  await restore.focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("alertdialog");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(restore).toBeFocused();
  expect((await calls()).some((call) => call.command === "restore_backup")).toBe(false);
});

test("a restore Rust refuses says why and changes nothing", async ({ page, openApp }) => {
  const message = "This database is open in another Northstar window or process. Close it there, then try again.";
  await openApp({ backups: [{ reason: "automatic", daysAgo: 1 }] });
  await page.goto("/#/backups");
  await page.evaluate((text) => window.__northstarFake?.failNext("restore_backup", { kind: "DatabaseBusy", detail: { message: text } }), message);
  await page.getByRole("button", { name: "Restore the backup of Sun 4 Jan 2026, 09:00…" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Restore backup" }).click();
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
  await expect(page.getByRole("table", { name: BACKUPS }).getByRole("row")).toHaveCount(2);
  await openBacklog(page);
  expect(await rowTitles(page)).toHaveLength(6);
});
