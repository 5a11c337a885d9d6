//! Full-text search in the command palette (Ctrl+K): Rust's hits over notes and items as you
//! type, with their snippets and the matches marked; Enter opens a note in the research view,
//! an item in the backlog.
import { blockingViolations, runAxe } from "./axe";
import { expect, test } from "./fixtures";

test("the palette finds notes and items as you type and opens them", async ({ page, openApp }) => {
  await openApp();
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Research" }).click();
  await page.getByRole("button", { name: "New note" }).click();
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  await expect(title).toHaveValue("Untitled note");
  await title.fill("Interview with Dana");
  await title.press("Enter");
  await page.getByTestId("note-editor").locator(".cm-content").click();
  await page.keyboard.type("Dana reconciles her bank export by hand every month.");
  await page.getByRole("button", { name: "New note" }).click();
  await expect(title).toHaveValue("Untitled note");
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Home" }).click();

  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox", { name: "Command palette" }).fill("reconciles");
  const found = palette.getByRole("group", { name: "Found in notes and items" });
  const note = found.getByRole("option", { name: /Interview with Dana/ });
  await expect(note).toBeVisible();
  await expect(note.locator("mark")).toHaveText("reconciles");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(blockingViolations(await runAxe(page)), `axe on the palette's hits (${scheme})`).toEqual([]);
  }
  // No command matches: the first option is the note, and Enter opens it.
  await expect(note).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Research" })).toBeVisible();
  await expect(title).toHaveValue("Interview with Dana");

  await page.keyboard.press("Control+k");
  await palette.getByRole("combobox", { name: "Command palette" }).fill("bank sync");
  const item = palette.getByRole("group", { name: "Found in notes and items" }).getByRole("option", { name: /Bank sync.*Item/ });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.getByRole("heading", { level: 1, name: "Backlog" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Bank sync/ })).toBeFocused();
});
