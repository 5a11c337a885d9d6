//! Highlights in the research view against the contract-backed fake: a selected passage
//! highlighted (button, Ctrl+Shift+H, the palette), tagged and linked to a backlog item, marked in
//! the note; text typed before it keeps it marked (Rust's re-anchoring, mirrored by the fake as
//! the contract recorded); its passage deleted, it is listed as orphaned, never hidden; the list
//! across notes by tag opens the passage; axe on the new UI in both themes.
import type { Page } from "@playwright/test";
import { blockingViolations, runAxe } from "./axe";
import { expect, test } from "./fixtures";

const editor = (page: Page) => page.getByTestId("note-editor").locator(".cm-content");
const marks = (page: Page) => page.getByTestId("note-editor").locator("[data-highlight-id]");
const status = (page: Page) => page.getByRole("status").filter({ hasText: /Saved|Saving|Unsaved/ });

async function openResearchWithNote(page: Page, body: string) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Research" }).click();
  await page.getByRole("button", { name: "New note" }).click();
  const titleField = page.getByRole("textbox", { name: "Title", exact: true });
  await expect(titleField).toHaveValue("Untitled note");
  await titleField.fill("Interview with Dana");
  await titleField.press("Enter");
  await editor(page).click();
  await page.keyboard.type(body);
  await expect(status(page)).toHaveText("Saved");
}

/** Selects `length` characters ending `fromEnd` characters before the end of the body. */
async function selectBeforeEnd(page: Page, fromEnd: number, length: number) {
  await editor(page).press("Control+End");
  for (let step = 0; step < fromEnd; step++) await page.keyboard.press("ArrowLeft");
  for (let step = 0; step < length; step++) await page.keyboard.press("Shift+ArrowLeft");
}

const BODY = "Dana said exporting to PDF takes forever. She gave up.";

test("highlights a passage, tags it, links an item, keeps it through edits and lists it orphaned", async ({ page, openApp, calls }) => {
  await openApp();
  await openResearchWithNote(page, BODY);
  await expect(page.getByRole("button", { name: "Highlight (select a passage first)" })).toHaveAttribute("aria-disabled", "true");

  // "takes forever": 14 characters before the end is ". She gave up.".
  await selectBeforeEnd(page, 14, 13);
  await expect(page.getByRole("button", { name: "Highlight the selected passage" })).toHaveAttribute("aria-disabled", "false");
  await page.keyboard.press("Control+Shift+H");
  const created = (await calls()).filter((call) => call.command === "create_highlight");
  expect(created.at(-1)?.args.input).toMatchObject({ start: 27, end: 40 });

  const dialog = page.getByRole("dialog", { name: "Highlight in “Interview with Dana”" });
  await expect(dialog.locator("blockquote")).toHaveText("takes forever");
  await dialog.getByRole("textbox", { name: "New tag" }).fill("export");
  await dialog.getByRole("button", { name: "Add tag" }).click();
  await expect(dialog.getByRole("checkbox", { name: "export" })).toBeChecked();
  await dialog.getByRole("searchbox", { name: "Link a backlog item" }).fill("bank");
  await dialog.getByRole("button", { name: /Link Bank sync/ }).click();
  await expect(dialog.getByRole("button", { name: "Unlink “Bank sync”" })).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();

  await expect(marks(page)).toHaveText("takes forever");
  await expect(marks(page)).toHaveAttribute("title", /tags: export · evidence for: Bank sync/);
  const listed = page.getByRole("list", { name: "Highlights in this note" });
  await expect(listed.getByRole("button")).toContainText("Evidence for: Bank sync");

  // Text typed before the passage: the mark moves with it, and stays after Rust re-anchored it.
  await editor(page).press("Control+Home");
  await page.keyboard.type("Call 2. ");
  await expect(status(page)).toHaveText("Saved");
  await expect(marks(page)).toHaveText("takes forever");
  const lists = (await calls()).filter((call) => call.command === "list_highlights");
  expect(lists.length).toBeGreaterThan(1);

  // Clicking the mark opens its edit.
  await marks(page).click();
  await expect(page.getByRole("dialog", { name: "Highlight in “Interview with Dana”" })).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();

  // The passage deleted: no mark, and the highlight listed as orphaned with its quote.
  await selectBeforeEnd(page, 14, 13);
  await page.keyboard.type("is slow");
  await expect(status(page)).toHaveText("Saved");
  await expect(marks(page)).toHaveCount(0);
  await expect(listed.getByRole("button")).toContainText("Passage deleted");
  await expect(listed.getByRole("button")).toContainText("takes forever");
});

test("highlights from the palette, lists highlights by tag and opens the passage", async ({ page, openApp }) => {
  await openApp();
  await openResearchWithNote(page, BODY);
  await selectBeforeEnd(page, 14, 13);
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox", { name: "Command palette" }).fill("Highlight the selected");
  await page.getByRole("option", { name: /Highlight the selected passage/ }).click();
  const dialog = page.getByRole("dialog", { name: "Highlight in “Interview with Dana”" });
  await dialog.getByRole("textbox", { name: "New tag" }).fill("export");
  await dialog.getByRole("button", { name: "Add tag" }).click();
  await expect(dialog.getByRole("checkbox", { name: "export" })).toBeChecked();
  await dialog.getByRole("button", { name: "Done" }).click();

  await page.getByRole("group", { name: "List" }).getByRole("button", { name: "Highlights" }).click();
  const all = page.getByRole("list", { name: "Highlights", exact: true });
  await expect(all.getByRole("button")).toHaveCount(1);
  await expect(all.getByRole("button")).toContainText("Interview with Dana");
  await page.getByRole("button", { name: "All tags Tag" }).click();
  await page.getByRole("option", { name: "export" }).click();
  await expect(all.getByRole("button")).toContainText("takes forever");

  // Opening it selects the passage in the editor.
  await editor(page).press("Control+Home");
  await all.getByRole("button").click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("takes forever");
});

for (const theme of ["light", "dark"] as const) {
  test(`the highlight UI has no serious accessibility violation (${theme})`, async ({ page, openApp }) => {
    await openApp();
    await page.emulateMedia({ colorScheme: theme });
    await openResearchWithNote(page, BODY);
    await selectBeforeEnd(page, 14, 13);
    await page.getByRole("button", { name: "Highlight the selected passage" }).click();
    const dialog = page.getByRole("dialog", { name: "Highlight in “Interview with Dana”" });
    await dialog.getByRole("textbox", { name: "New tag" }).fill("export");
    await dialog.getByRole("button", { name: "Add tag" }).click();
    await dialog.getByRole("searchbox", { name: "Link a backlog item" }).fill("bank");
    await expect(dialog.getByRole("button", { name: /Link Bank sync/ })).toBeVisible();
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(marks(page)).toHaveCount(1);
    expect(blockingViolations(await runAxe(page))).toEqual([]);
    await page.getByRole("group", { name: "List" }).getByRole("button", { name: "Highlights" }).click();
    await expect(page.getByRole("list", { name: "Highlights", exact: true })).toBeVisible();
    expect(blockingViolations(await runAxe(page))).toEqual([]);
  });
}
