//! The decision log against the contract-backed fake: recording, editing, filtering by item, the
//! item panel's decisions, and the rationale prompt after a drag above higher-scored items
//! (`openApp({ outscored: true })`: Alpha, Beta, Gamma scored 100, 800, 400 in RICE by Rust).
import type { Locator, Page } from "@playwright/test";
import { announcements, backlogRow, expect, openBacklog, rowTitles, test } from "./fixtures";

async function openLog(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Decision log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decision log" })).toBeVisible();
}

const log = (page: Page) => page.getByRole("list", { name: "Decisions" });
const decision = (page: Page, name: string) => log(page).getByRole("article", { name });

async function record(page: Page, text: string, rationale: string, items: string[]) {
  await page.getByRole("button", { name: "Record decision…" }).click();
  const dialog = page.getByRole("dialog", { name: "Record decision" });
  await dialog.getByRole("textbox", { name: "Decision" }).fill(text);
  await dialog.getByRole("textbox", { name: "Rationale" }).fill(rationale);
  for (const item of items) {
    await dialog.getByRole("searchbox", { name: "Find items" }).fill(item.split(" ")[0] ?? item);
    await dialog.getByRole("checkbox", { name: item, exact: true }).check();
  }
  await dialog.getByRole("button", { name: "Record decision" }).click();
  await expect(dialog).toBeHidden();
}

/** Press, a stepped path (the first 8 px only start the drag), release: as a person drags. */
async function drag(page: Page, source: Locator, target: Locator) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("a row to drag is not on screen");
  const x = from.x + from.width / 3;
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, from.y + from.height / 2 - 12, { steps: 3 });
  await page.mouse.move(x, to.y + to.height / 4, { steps: 10 });
  await page.mouse.up();
}

test("records a decision with its items, edits it, and filters the log by item", async ({ page, openApp }) => {
  await openApp();
  await openLog(page);
  await expect(page.getByRole("heading", { name: "No decisions yet" })).toBeVisible();

  await record(page, "Bank sync before shared budgets", "Every budget needs real transactions first.", ["Bank sync", "Shared budgets"]);
  await expect(announcements(page)).toHaveText("Recorded the decision “Bank sync before shared budgets”");
  const recorded = decision(page, "Bank sync before shared budgets");
  await expect(recorded.getByRole("list", { name: "Items it is about" })).toHaveText(/Bank sync.*Shared budgets/);
  await record(page, "Receipts wait for the mobile app", "The camera flow only makes sense on phones.", ["Receipt capture"]);
  await expect(log(page).getByRole("article")).toHaveCount(2);

  // Edit from the row's keys: Enter opens the dialog with the decision in it.
  await recorded.focus();
  await page.keyboard.press("Enter");
  const edit = page.getByRole("dialog", { name: "Edit decision" });
  await expect(edit.getByRole("textbox", { name: "Decision" })).toHaveValue("Bank sync before shared budgets");
  await edit.getByRole("textbox", { name: "Rationale" }).fill("Every budget needs real transactions first; 9 of 12 testers said so.");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(decision(page, "Bank sync before shared budgets")).toContainText("9 of 12 testers said so.");
  const history = await page.evaluate(() => window.__northstarFake?.handle("get_history", {}) as { undoLabel: string | null });
  expect(history.undoLabel).toBe("Edit decision “Bank sync before shared budgets”");

  // Filter by item.
  await page.getByRole("button", { name: /About$/ }).click();
  await page.getByRole("option", { name: "Receipt capture", exact: true }).click();
  await expect(log(page).getByRole("article")).toHaveCount(1);
  await expect(decision(page, "Receipts wait for the mobile app")).toBeVisible();
  await expect(page.getByText("1 decision, newest first, about “Receipt capture”")).toBeVisible();
  await page.getByRole("button", { name: /About$/ }).click();
  await page.getByRole("option", { name: "All items" }).click();
  await expect(log(page).getByRole("article")).toHaveCount(2);
});

test("a drag above a higher-scored item asks why; the answer is in the log and in the item panel", async ({
  page,
  openApp,
  calls,
}) => {
  await openApp({ outscored: true });
  await openBacklog(page);
  expect(await rowTitles(page)).toEqual(["Alpha", "Beta", "Gamma"]);

  await drag(page, backlogRow(page, "3. Gamma"), backlogRow(page, "1. Alpha"));
  await expect.poll(() => rowTitles(page)).toEqual(["Gamma", "Alpha", "Beta"]);
  const prompt = page.getByRole("region", { name: "“Gamma” now sits above “Beta”, which scores higher in RICE. Why?" });
  await expect(prompt).toBeVisible();
  await expect(announcements(page)).toContainText("“Gamma” now sits above “Beta”, which scores higher in RICE. Why? Press Alt+W to answer");
  // Not blocking: the focus stays on the moved row, and Alt+W goes to the prompt.
  await expect(backlogRow(page, "1. Gamma")).toBeFocused();
  await page.keyboard.press("Alt+w");
  await expect(prompt.getByRole("textbox", { name: "Rationale" })).toBeFocused();
  await page.keyboard.type("The launch partner signs only with Gamma in place");
  await page.keyboard.press("Enter");
  await expect(prompt).toBeHidden();
  await expect(backlogRow(page, "1. Gamma")).toBeFocused();
  const created = (await calls()).filter((call) => call.command === "create_decision");
  expect(created).toHaveLength(1);

  await openLog(page);
  const answer = decision(page, "Rank “Gamma” above “Beta”");
  await expect(answer).toContainText("The launch partner signs only with Gamma in place");
  await expect(answer.getByRole("list", { name: "Items it is about" })).toHaveText(/Gamma.*Beta/);

  await openBacklog(page);
  await backlogRow(page, "1. Gamma").focus();
  await page.keyboard.press("s");
  const panel = page.getByRole("dialog", { name: "Scores of “Gamma”" });
  const decisions = panel.getByRole("list", { name: "Decisions about Gamma" });
  await expect(decisions).toContainText("Rank “Gamma” above “Beta”");
  await expect(decisions).toContainText("The launch partner signs only with Gamma in place");

  // "Show all decisions" opens the log filtered by the item.
  await panel.getByRole("button", { name: "Show all decisions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decision log" })).toBeVisible();
  await expect(page.getByText("1 decision, newest first, about “Gamma”")).toBeVisible();
});

test("skipping the prompt records nothing and keeps the move", async ({ page, openApp, calls }) => {
  await openApp({ outscored: true });
  await openBacklog(page);
  await drag(page, backlogRow(page, "3. Gamma"), backlogRow(page, "1. Alpha"));
  const prompt = page.getByRole("region", { name: /now sits above/ });
  await expect(prompt).toBeVisible();
  await prompt.getByRole("button", { name: "Skip" }).click();
  await expect(prompt).toBeHidden();
  await expect(announcements(page)).toHaveText("Skipped: no decision recorded.");
  expect(await rowTitles(page)).toEqual(["Gamma", "Alpha", "Beta"]);
  expect((await calls()).some((call) => call.command === "create_decision")).toBe(false);
  await openLog(page);
  await expect(page.getByRole("heading", { name: "No decisions yet" })).toBeVisible();
});
