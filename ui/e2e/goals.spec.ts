//! The Goals view against the contract-backed fake: a goal with a key result and Rust's progress,
//! a key result edited, undo, themes, and the product home's goals.
import type { Page } from "@playwright/test";
import { announcements, expect, test } from "./fixtures";

async function openGoals(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Goals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
}

test("creates a goal with a key result and shows its progress; an edit moves it and undo takes it back", async ({ page, openApp }) => {
  await openApp();
  await openGoals(page);
  await expect(page.getByRole("heading", { name: "No goals yet" })).toBeVisible();

  await page.getByRole("button", { name: "Add goal" }).click();
  const goalDialog = page.getByRole("dialog", { name: "Add goal" });
  await goalDialog.getByRole("textbox", { name: "Objective" }).fill("Keep more customers");
  await goalDialog.getByRole("button", { name: "Add goal" }).click();
  await expect(goalDialog).toBeHidden();
  await expect(announcements(page)).toHaveText("Added the goal “Keep more customers”");

  await page.getByRole("button", { name: "Add key result to “Keep more customers”" }).click();
  const krDialog = page.getByRole("dialog", { name: "Add a key result to “Keep more customers”" });
  await krDialog.getByRole("textbox", { name: "Metric" }).fill("Monthly churn");
  await krDialog.getByRole("textbox", { name: "Unit" }).fill("%");
  await krDialog.getByRole("spinbutton", { name: "Baseline" }).fill("6");
  await krDialog.getByRole("spinbutton", { name: "Target" }).fill("3");
  await krDialog.getByRole("spinbutton", { name: "Current value" }).fill("4.5");
  await krDialog.getByRole("button", { name: "Add key result" }).click();
  await expect(krDialog).toBeHidden();

  const goalBar = page.getByRole("progressbar", { name: "Progress of “Keep more customers”" });
  await expect(goalBar).toHaveAttribute("aria-valuenow", "50");
  await expect(page.getByRole("list", { name: "Key results of Keep more customers" })).toContainText("6 % → 4.5 % → 3 %");
  await expect(page.getByRole("list", { name: "Key results of Keep more customers" })).toContainText("50 %");

  await page.getByRole("button", { name: "Edit key result “Monthly churn”" }).click();
  const edit = page.getByRole("dialog", { name: "Edit key result" });
  await edit.getByRole("spinbutton", { name: "Current value" }).fill("3");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(goalBar).toHaveAttribute("aria-valuenow", "100");

  await page.keyboard.press("Control+z");
  await expect(goalBar).toHaveAttribute("aria-valuenow", "50");

  // The product home shows the goal with its progress.
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Home" }).click();
  const homeGoals = page.getByRole("list", { name: "Goals with their progress" });
  await expect(homeGoals).toContainText("Keep more customers");
  await expect(homeGoals.getByRole("progressbar", { name: "Progress of “Keep more customers”" })).toHaveAttribute("aria-valuenow", "50");
});

test("a refused key result keeps the dialog open with Rust's words beside the field", async ({ page, openApp }) => {
  await openApp();
  await openGoals(page);
  await page.getByRole("button", { name: "Add goal" }).click();
  await page.getByRole("dialog", { name: "Add goal" }).getByRole("textbox", { name: "Objective" }).fill("Grow");
  await page.getByRole("dialog", { name: "Add goal" }).getByRole("button", { name: "Add goal" }).click();
  await page.getByRole("button", { name: "Add key result to “Grow”" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a key result to “Grow”" });
  await dialog.getByRole("textbox", { name: "Metric" }).fill("Users");
  await dialog.getByRole("spinbutton", { name: "Baseline" }).fill("100");
  await dialog.getByRole("button", { name: "Add key result" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Give the key result a target: the value it should reach.");
  await expect(dialog.getByRole("spinbutton", { name: "Target" })).toHaveAttribute("aria-invalid", "true");
});

test("themes are added, listed with their items, and deleted with undo", async ({ page, openApp }) => {
  await openApp();
  await openGoals(page);
  await page.getByRole("button", { name: "Add theme" }).click();
  const dialog = page.getByRole("dialog", { name: "Add theme" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Trust");
  await dialog.getByRole("button", { name: "Add theme" }).click();
  const themes = page.getByRole("list", { name: "Themes" });
  await expect(themes).toContainText("Trust");
  await expect(themes).toContainText("No items linked to this theme yet");
  await page.getByRole("button", { name: "Delete theme “Trust”" }).click();
  await expect(themes).not.toContainText("Trust");
  await page.keyboard.press("Control+z");
  await expect(themes).toContainText("Trust");
});
