import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The fake starts with the contract's questionnaire product (`openApp({ kanoSurvey: true })`), and
// a chosen file is one the contract session previewed: every row, problem and figure below is
// what the real commands answered.

async function openSurvey(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Kano survey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kano survey" })).toBeVisible();
}

async function choose(page: Page, file: string) {
  await page.evaluate((path) => window.__northstarFake?.chooseKanoFile(path), `<questionnaires>/${file}`);
  await page.getByRole("button", { name: "Import answers…" }).click();
}

test("a file with problems is previewed row by row and cannot be imported", async ({ page, openApp, calls }) => {
  await openApp({ kanoSurvey: true });
  await openSurvey(page);
  await expect(page.getByRole("heading", { name: "No questionnaire answers yet" })).toBeVisible();
  await choose(page, "problems.csv");
  await expect(page.getByRole("heading", { name: "Preview of problems.csv" })).toBeVisible();
  const table = page.getByRole("table", { name: "Rows of problems.csv, rows with problems first" });
  await expect(table.getByRole("row").nth(1)).toContainText("“R1” already answered “Offline mode” on line 2.");
  await expect(table.getByRole("row").nth(2)).toContainText("No item of this product is called “Search”.");
  const importButton = page.getByRole("button", { name: "Import 4 answers" });
  await expect(importButton).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText("3 rows have problems: fix them in the file, then choose the file again.")).toBeVisible();
  await importButton.click({ force: true });
  expect((await calls()).filter((call) => call.command === "import_kano_answers")).toEqual([]);
});

test("a clean file imports, shows results and the scatter, and Set Kano sets the item's category", async ({ page, openApp }) => {
  await openApp({ kanoSurvey: true });
  await openSurvey(page);
  await choose(page, "clean.csv");
  await expect(page.getByRole("heading", { name: "Preview of clean.csv" })).toBeVisible();
  await page.getByRole("button", { name: "Import 11 answers" }).click();

  const results = page.getByRole("table", { name: "Kano results per item, in backlog order" });
  await expect(results.getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("heading", { name: "Preview of clean.csv" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Imported answers" })).toContainText("clean.csv: 11 answers from 4 respondents");
  const offline = results.getByRole("row", { name: /^Offline mode/ });
  await expect(offline).toContainText("Must-be 2, Performance 1, Attractive 1");
  await expect(offline).toContainText("0.50");
  await expect(offline).toContainText("−0.75");

  const point = page.getByRole("img", { name: "Dark mode: Better 0.75, Worse −0.25" });
  await expect(point).toBeVisible();
  await page.getByRole("img", { name: "Offline mode: Better 0.50, Worse −0.75" }).focus();
  await page.keyboard.press("Tab");
  await expect(point).toBeFocused();

  await offline.getByRole("button", { name: "Set Kano to Must-be for Offline mode" }).click();
  await expect(offline).toContainText("Its Kano category is already Must-be.");
  await expect(offline.getByRole("button", { name: "Set Kano to Must-be for Offline mode" })).toHaveAttribute("aria-disabled", "true");

  // The item's category is the one the Kano board shows.
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Kano board" }).click();
  await expect(page.getByRole("grid", { name: "Must-be column" }).getByRole("row", { name: /Offline mode/ })).toBeVisible();

  // One undo step takes it back.
  await page.keyboard.press("Control+z");
  await expect(page.getByRole("grid", { name: "Unsorted column" }).getByRole("row", { name: /Offline mode/ })).toBeVisible();
});
