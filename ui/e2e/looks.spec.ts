import type { Locator, Page } from "@playwright/test";
import { backlogRow, expect, openBacklog, test } from "./fixtures";

/** The focused element's outline, as drawn. */
async function focusOutline(target: Locator) {
  return target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { focused: document.activeElement === element, style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
}

/** Focuses `target` as the keyboard would (react-aria shows its ring only after a key). */
async function keyboardFocus(page: Page, target: Locator) {
  await page.keyboard.press("Shift");
  await target.focus();
}

test("forced colours: the focus ring stays visible (an outline, since box-shadows are dropped)", async ({ page, openApp }) => {
  await page.emulateMedia({ forcedColors: "active" });
  await openApp();
  await openBacklog(page);
  const targets: [string, Locator][] = [
    ["a sidebar entry", page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Home" })],
    ["the Undo button", page.getByRole("button", { name: "Undo" })],
    ["the Edit menu button", page.getByRole("button", { name: "Edit", exact: true })],
    ["the status filter", page.getByRole("button", { name: /All statuses/ })],
    ["the new item field", page.getByRole("textbox", { name: "New item title" })],
    ["a backlog row", backlogRow(page, "2. Spending insights")],
  ];
  for (const [name, target] of targets) {
    await keyboardFocus(page, target);
    const outline = await focusOutline(target);
    expect(outline.focused, `${name} has the focus`).toBe(true);
    expect(outline.style, `${name}'s focus outline`).toBe("solid");
    expect(outline.width, `${name}'s focus outline width`).toBeGreaterThanOrEqual(2);
  }

  // Without forced colours the ring is the box-shadow, and no outline is drawn on top of it.
  await page.emulateMedia({ forcedColors: "none" });
  const row = backlogRow(page, "2. Spending insights");
  await keyboardFocus(page, row);
  expect((await focusOutline(row)).style).toBe("none");
});

test("the UI font is the bundled Inter, served by the app itself", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeVisible();
  const font = await page.evaluate(async () => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((face) => face.family.replace(/"/g, "") === "Inter Variable");
    return {
      family: getComputedStyle(document.body).fontFamily,
      loaded: faces.filter((face) => face.status === "loaded").length,
      usable: document.fonts.check('600 26px "Inter Variable"', "Pocket Budget"),
    };
  });
  expect(font.family).toMatch(/^"Inter Variable"/);
  expect(font.loaded).toBeGreaterThan(0);
  expect(font.usable).toBe(true);
});

test("Home's text areas grow with their text: no half line, no scroll bar", async ({ page, openApp }) => {
  await openApp();
  const strategy = page.getByRole("textbox", { name: "Strategy" });
  const before = await strategy.evaluate((area) => area.clientHeight);
  await strategy.fill(["Own the weekly check-in.", "Automate the boring parts.", "Never sell data.", "Win freelancers first.", "Then households."].join("\n"));
  const after = await strategy.evaluate((area) => ({ client: area.clientHeight, scroll: area.scrollHeight }));
  expect(after.client).toBeGreaterThan(before);
  // Every line is shown whole: nothing is left to scroll to.
  expect(after.scroll).toBeLessThanOrEqual(after.client);
});

test("the editor's description grows up to a maximum height, then scrolls; the preview and code blocks can be reached by keyboard", async ({
  page,
  openApp,
}) => {
  await openApp();
  await openBacklog(page);
  await backlogRow(page, "2. Spending insights").focus();
  await page.keyboard.press("Enter");
  const editor = page.getByRole("dialog", { name: "Edit item" });
  const description = editor.getByRole("textbox", { name: "Description" });
  await description.fill(Array.from({ length: 8 }, (_, line) => `Line ${line + 1}`).join("\n"));
  const some = await description.evaluate((area) => ({ client: area.clientHeight, scroll: area.scrollHeight }));
  expect(some.scroll).toBeLessThanOrEqual(some.client);

  await description.fill(["```", "const wide = " + "x".repeat(300) + ";", "```", ...Array.from({ length: 60 }, (_, line) => `Line ${line + 1}`)].join("\n"));
  const many = await description.evaluate((area: HTMLElement) => ({
    client: area.clientHeight,
    scroll: area.scrollHeight,
    max: Number.parseFloat(getComputedStyle(area).maxHeight),
    border: area.offsetHeight - area.clientHeight,
  }));
  expect(many.client + many.border).toBeLessThanOrEqual(many.max + 1);
  expect(many.scroll).toBeGreaterThan(many.client);

  // Tab from the description reaches the preview, then the code block inside it.
  await description.focus();
  await page.keyboard.press("Tab");
  await expect(editor.getByRole("region", { name: "Description preview" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(editor.getByRole("region", { name: "Code block" })).toBeFocused();
});

test("the selected sidebar entry is marked by more than a shade: an accent bar beside it", async ({ page, openApp }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openApp();
  await openBacklog(page);
  const views = page.getByRole("navigation", { name: "Views" });
  const marker = (name: string) =>
    views.getByRole("button", { name }).evaluate((button) => getComputedStyle(button, "::before").borderLeftWidth);
  expect(await marker("Backlog")).toBe("3px");
  expect(await marker("Home")).toBe("0px");
});
