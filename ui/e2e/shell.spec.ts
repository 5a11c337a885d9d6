import { announcements, backlogRow, expect, openBacklog, test } from "./fixtures";

test("views are routes: back and forward, the heading gets the focus, the sidebar says where", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeVisible();
  await expect(page).toHaveURL(/#\/products\/p-demo\/home$/);
  await openBacklog(page);
  await expect(page).toHaveURL(/#\/products\/p-demo\/backlog$/);
  await expect(page.getByRole("heading", { level: 1, name: "Backlog" })).toBeFocused();
  await expect(announcements(page)).toHaveText("Backlog, Pocket Budget");

  await page.keyboard.press("Alt+ArrowLeft");
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeFocused();
  await expect(page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Home" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await page.keyboard.press("Alt+ArrowRight");
  await expect(page.getByRole("heading", { level: 1, name: "Backlog" })).toBeFocused();

  // The mouse's back button (button 4, `button === 3`).
  await page.evaluate(() => window.dispatchEvent(new MouseEvent("mouseup", { button: 3, bubbles: true })));
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeVisible();

  // A reload stays where it was.
  await openBacklog(page);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Backlog" })).toBeVisible();
});

test("Ctrl+K: the palette finds commands, products and items, and runs what is chosen", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeVisible();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  const input = palette.getByRole("combobox");
  await expect(input).toBeFocused();

  await input.fill("dark");
  await expect(palette.getByRole("option").first()).toContainText("Use the dark theme");
  await expect(announcements(page)).toHaveText(/results?$/);
  await page.keyboard.press("Enter");
  await expect(palette).toHaveCount(0);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

  // Items by title: the row gets the keyboard in the backlog.
  await page.keyboard.press("Control+k");
  await palette.getByRole("combobox").fill("savngs");
  await expect(palette.getByRole("option").first()).toContainText("Savings goals");
  await page.keyboard.press("Enter");
  await expect(backlogRow(page, "5. Savings goals")).toBeFocused();

  // Arrow keys choose among the results; Escape closes and gives the focus back.
  await page.keyboard.press("Control+k");
  await palette.getByRole("combobox").fill("go to");
  await page.keyboard.press("ArrowDown");
  await expect(palette.getByRole("option", { selected: true })).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(palette).toHaveCount(0);
  await expect(backlogRow(page, "5. Savings goals")).toBeFocused();
});

test("a failed load shows in place with a retry, never as missing data", async ({ page, openApp }) => {
  const message = "Northstar couldn’t read or save your data. Nothing was changed.";
  await openApp({ failFirst: { list_products: { kind: "Storage", detail: { message } } } });
  const failure = page.getByRole("alert").filter({ hasText: "Your products couldn’t be loaded." });
  await expect(failure).toContainText(message);
  await expect(page.getByText("Create your first product")).toHaveCount(0);
  // A retry that fails again keeps the keyboard on the button.
  await page.evaluate(
    (text) => {
      window.__northstarFake?.delayNext("list_products", 300);
      window.__northstarFake?.failNext("list_products", { kind: "Storage", detail: { message: text } });
    },
    message,
  );
  const retry = failure.getByRole("button", { name: /Try again|Trying again/ });
  await retry.click();
  await expect(retry).toHaveText("Trying again…");
  await expect(retry).toBeFocused();
  await expect(retry).toHaveText("Try again");
  await expect(retry).toBeFocused();
  await retry.click();
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeVisible();

  await page.evaluate(
    (text) => window.__northstarFake?.failNext("list_items", { kind: "Storage", detail: { message: text } }),
    message,
  );
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Backlog" }).click();
  // Home had the list already: force a fresh load by adding an item elsewhere.
  await page.evaluate(() =>
    window.__northstarFake?.handle("create_item", {
      input: { productId: "p-demo", title: "From elsewhere", description: null, status: null, kind: null },
    }),
  );
  const backlogFailure = page.getByRole("alert").filter({ hasText: "The backlog couldn’t be loaded." });
  await expect(backlogFailure).toContainText(message);
  await expect(page.getByText("0 items")).toHaveCount(0);
  await backlogFailure.getByRole("button", { name: "Try again" }).click();
  await expect(backlogRow(page, "7. From elsewhere")).toBeVisible();
});

test("Esc in the item editor with unsaved edits asks first; without edits it just closes", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  await backlogRow(page, "2. Spending insights").focus();
  await page.keyboard.press("Enter");
  const editor = page.getByRole("dialog", { name: "Edit item" });
  await expect(editor.getByRole("textbox", { name: "Title" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(editor).toHaveCount(0);
  await expect(backlogRow(page, "2. Spending insights")).toBeFocused();

  await page.keyboard.press("Enter");
  await editor.getByRole("textbox", { name: "Title" }).fill("Spending insights, weekly");
  await page.keyboard.press("Escape");
  const ask = page.getByRole("alertdialog", { name: "Discard your changes?" });
  await expect(ask.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ask).toHaveCount(0);
  await expect(editor.getByRole("textbox", { name: "Title" })).toHaveValue("Spending insights, weekly");
  await page.keyboard.press("Escape");
  await ask.getByRole("button", { name: "Discard changes" }).click();
  await expect(editor).toHaveCount(0);
  await expect(backlogRow(page, "2. Spending insights")).toBeVisible();
});

test("the mouse's back button does nothing while a dialog is open (unsaved edits stay)", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  await backlogRow(page, "2. Spending insights").focus();
  await page.keyboard.press("Enter");
  const editor = page.getByRole("dialog", { name: "Edit item" });
  await editor.getByRole("textbox", { name: "Title" }).fill("Spending insights, weekly");
  // Pressed over the dialog, and over the dimmed page around it.
  await editor.getByRole("textbox", { name: "Title" }).dispatchEvent("mouseup", { button: 3, bubbles: true });
  await page.evaluate(() => document.querySelector(".modal-overlay")?.dispatchEvent(new MouseEvent("mouseup", { button: 3, bubbles: true })));
  await page.waitForTimeout(200);
  await expect(page).toHaveURL(/#\/products\/p-demo\/backlog$/);
  await expect(editor.getByRole("textbox", { name: "Title" })).toHaveValue("Spending insights, weekly");
});
