import { announcements, backlogRow, backlogRows, expect, openBacklog, rowTitles, test } from "./fixtures";

test("shows the demo product's ranked backlog", async ({ page, openApp }) => {
  await openApp();
  await expect(page).toHaveTitle("Northstar");
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Products" }).getByRole("button", { name: "Pocket Budget", exact: true }),
  ).toHaveAttribute("aria-current", "true");

  await openBacklog(page);
  await expect(page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Backlog" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(backlogRows(page)).toHaveCount(6);
  await expect(backlogRows(page).first()).toHaveAttribute("aria-label", "1. Bank sync, Feature, In progress");
  await expect(backlogRows(page).first()).toContainText("Connect bank accounts");
});

test("adds an item at the bottom with the input and Enter", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  const input = page.getByRole("textbox", { name: "New item title" });
  await input.fill("Dark mode for statements");
  await input.press("Enter");
  await expect(backlogRows(page)).toHaveCount(7);
  await expect(backlogRows(page).last()).toHaveAttribute("aria-label", "7. Dark mode for statements, Feature, Idea");
  await expect(input).toHaveValue("");

  const creates = (await calls()).filter((call) => call.command === "create_item");
  expect(creates[0]?.args).toEqual({
    input: { productId: "p-demo", title: "Dark mode for statements", description: null, status: null, kind: null },
  });
});

test("the Add item button keeps the focus while the item is saved (never the page's body)", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  await page.getByRole("textbox", { name: "New item title" }).fill("Dark mode");
  await page.evaluate(() => window.__northstarFake?.delayNext("create_item", 400));
  const add = page.getByRole("button", { name: "Add item" });
  await add.click();
  await expect(add).toHaveAttribute("aria-disabled", "true");
  await expect(add).toBeFocused();
  await add.press("Enter");
  await expect(backlogRow(page, "7. Dark mode")).toBeVisible();
  await expect(add).toBeFocused();
  await expect(backlogRows(page)).toHaveCount(7);
});

test("shows Rust's reason for a refused title as an alert", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  await page.getByRole("textbox", { name: "New item title" }).fill("x".repeat(301));
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("alert")).toHaveText("The item title can be at most 300 characters; this one has 301.");
  await expect(backlogRows(page)).toHaveCount(6);
});

test("shows a storage failure in product-owner words", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  await page.evaluate(() =>
    window.__northstarFake?.failNext("create_item", {
      kind: "DiskFull",
      detail: { message: "Your disk is full, so nothing was saved. Free some space and try again." },
    }),
  );
  await page.getByRole("textbox", { name: "New item title" }).fill("Anything");
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Your disk is full, so nothing was saved. Free some space and try again.",
  );
});

test("row menu Move to top calls moveItem and shows Rust's order", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  await page.getByRole("button", { name: "Actions for “Receipt capture”" }).click();
  await page.getByRole("menuitem", { name: "Move to top" }).click();

  await expect(announcements(page)).toHaveText("“Receipt capture” moved to position 1 of 6");
  expect(await rowTitles(page)).toEqual([
    "Receipt capture",
    "Bank sync",
    "Spending insights",
    "Shared budgets",
    "Savings goals",
    "Export to CSV",
  ]);
  const moves = (await calls()).filter((call) => call.command === "move_item");
  expect(moves).toEqual([{ command: "move_item", args: { id: "i-4", target: { to: "top" } } }]);

  // The first row can't go further up.
  await page.getByRole("button", { name: "Actions for “Receipt capture”" }).click();
  await expect(page.getByRole("menuitem", { name: "Move up" })).toBeDisabled();
  await expect(page.getByRole("menuitem", { name: "Move to top" })).toBeDisabled();
  await expect(page.getByRole("menuitem", { name: "Move down" })).toBeEnabled();
});

test("Ctrl+Z undoes the last change, Ctrl+Shift+Z redoes it", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo).toBeDisabled();

  await page.getByRole("button", { name: "Actions for “Savings goals”" }).click();
  await page.getByRole("menuitem", { name: "Move to top" }).click();
  await expect(backlogRows(page).first()).toHaveAttribute("aria-label", /^1\. Savings goals/);
  await expect(undo).toBeEnabled();
  await expect(undo).toHaveAttribute("title", "Undo Move “Savings goals” to top (Ctrl+Z)");

  await page.keyboard.press("Control+z");
  await expect(backlogRows(page).first()).toHaveAttribute("aria-label", /^1\. Bank sync/);
  expect((await calls()).some((call) => call.command === "undo")).toBe(true);

  await page.keyboard.press("Control+Shift+Z");
  await expect(backlogRows(page).first()).toHaveAttribute("aria-label", /^1\. Savings goals/);
  expect((await calls()).some((call) => call.command === "redo")).toBe(true);
});

test("Edit menu: Undo names and undoes the last change; ? opens the shortcuts sheet", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  const edit = page.getByRole("button", { name: "Edit", exact: true });
  await edit.click();
  await expect(page.getByRole("menuitem", { name: "Undo, Ctrl+Z", exact: true })).toBeDisabled();
  await expect(page.getByRole("menuitem", { name: "Redo, Ctrl+Shift+Z", exact: true })).toBeDisabled();
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Actions for “Savings goals”" }).click();
  await page.getByRole("menuitem", { name: "Move to top" }).click();
  await expect(backlogRows(page).first()).toHaveAttribute("aria-label", /^1\. Savings goals/);

  await edit.click();
  const undo = page.getByRole("menuitem", { name: "Undo Move “Savings goals” to top, Ctrl+Z", exact: true });
  await expect(undo).toBeEnabled();
  await expect(undo).toContainText("Ctrl+Z");
  await undo.click();
  await expect(backlogRows(page).first()).toHaveAttribute("aria-label", /^1\. Bank sync/);
  expect((await calls()).filter((call) => call.command === "undo")).toHaveLength(1);
  await expect(announcements(page)).toHaveText("Undid Move “Savings goals” to top");
  await expect(page.getByRole("button", { name: "Redo" })).toBeEnabled();

  // `?` (Shift+/) on a row opens the sheet; Escape closes it.
  await backlogRows(page).first().focus();
  await page.keyboard.press("Shift+Slash");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  await expect(sheet.locator("kbd").filter({ hasText: /^Ctrl\+Z$/ })).toBeVisible();
  await expect(sheet.locator("kbd").filter({ hasText: /^Alt\+Home$/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);

  // In a text field `?` is typed, not taken.
  const input = page.getByRole("textbox", { name: "New item title" });
  await input.click();
  await page.keyboard.press("Shift+Slash");
  await expect(input).toHaveValue("?");
  await expect(sheet).toHaveCount(0);
});

test("Ctrl+Z in a text field is left to the field", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  await page.getByRole("button", { name: "Actions for “Savings goals”" }).click();
  await page.getByRole("menuitem", { name: "Move to bottom" }).click();
  await expect(page.getByRole("button", { name: "Undo" })).toBeEnabled();
  const input = page.getByRole("textbox", { name: "New item title" });
  await input.fill("typed");
  await input.press("Control+z");
  expect((await calls()).some((call) => call.command === "undo")).toBe(false);
});

test("the problem screen replaces everything when the database can't be used", async ({ page, openApp, calls }) => {
  await openApp({ problem: { kind: "newerSchema", message: "This file was saved by a newer Northstar. Update the app to open it." } });
  await expect(page.getByRole("heading", { level: 1, name: "This file can’t be opened" })).toBeVisible();
  await expect(page.getByText("This file was saved by a newer Northstar. Update the app to open it.")).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);

  await page.getByRole("textbox", { name: "Database file path" }).fill("/tmp/other.db");
  await page.getByRole("button", { name: "Open file" }).click();
  await expect(page.getByRole("navigation", { name: "Products" })).toBeVisible();
  expect((await calls()).find((call) => call.command === "open_database")?.args).toEqual({ path: "/tmp/other.db" });
});

test("the Markdown preview does not run scripts or event handlers", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  await backlogRows(page).first().focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Edit item" });
  await expect(dialog).toBeVisible();

  await dialog
    .getByRole("textbox", { name: "Description" })
    .fill('# Plan\n\n<img src=x onerror="window.__pwned = 1">\n\n<script>window.__pwned = 2</script>\n\n**bold**');
  const preview = dialog.getByRole("region", { name: "Description preview" });
  await expect(preview.getByRole("heading", { name: "Plan" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("bold");
  await expect(preview.locator("script")).toHaveCount(0);
  await expect(preview.locator("img")).toHaveCount(0);
  await expect(preview.locator("[onerror]")).toHaveCount(0);
  // Raw HTML is shown as text, never parsed.
  await expect(preview).toContainText('<img src=x onerror="window.__pwned = 1">');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("the item editor saves title, status and kind", async ({ page, openApp, calls }) => {
  await openApp();
  await openBacklog(page);
  await page.getByRole("button", { name: "Actions for “Shared budgets”" }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit item" });
  await dialog.getByRole("textbox", { name: "Title" }).fill("Shared household budgets");
  await dialog.getByRole("button", { name: /Status/ }).click();
  await page.getByRole("option", { name: "Ready" }).click();
  await dialog.getByRole("button", { name: /Kind/ }).click();
  await page.getByRole("option", { name: "Opportunity" }).click();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(backlogRow(page, "3. Shared household budgets")).toHaveAttribute(
    "aria-label",
    "3. Shared household budgets, Opportunity, Ready",
  );
  const update = (await calls()).find((call) => call.command === "update_item");
  expect(update?.args).toEqual({
    id: "i-3",
    patch: { title: "Shared household budgets", description: null, status: "ready", kind: "opportunity" },
  });
});

test("deleting an item asks first, with Cancel focused, and can be undone", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  await page.getByRole("button", { name: "Actions for “Bank sync”" }).click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete “Bank sync”?" });
  await expect(confirm).toContainText("You can undo this with Ctrl+Z");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(backlogRows(page)).toHaveCount(5);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(backlogRows(page)).toHaveCount(6);
  await expect(backlogRows(page).first()).toHaveAttribute("aria-label", /^1\. Bank sync/);
});

test("products: create, switch, rename, delete with fallback", async ({ page, openApp, calls }) => {
  await openApp();
  const products = page.getByRole("navigation", { name: "Products" });
  await products.getByRole("button", { name: "New product" }).click();
  const dialog = page.getByRole("dialog", { name: "New product" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Merchant Portal");
  await dialog.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Merchant Portal" })).toBeVisible();
  await expect(products.getByRole("button", { name: "Merchant Portal", exact: true })).toHaveAttribute("aria-current", "true");

  await products.getByRole("button", { name: "Product actions for Merchant Portal" }).click();
  await page.getByRole("menuitem", { name: "Rename Merchant Portal…" }).click();
  const rename = page.getByRole("dialog", { name: "Rename product" });
  await rename.getByRole("textbox", { name: "Name" }).fill("Merchant Hub");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Merchant Hub" })).toBeVisible();

  await products.getByRole("button", { name: "Pocket Budget", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeVisible();
  await products.getByRole("button", { name: "Merchant Hub", exact: true }).click();

  await products.getByRole("button", { name: "Product actions for Merchant Hub" }).click();
  await page.getByRole("menuitem", { name: "Delete Merchant Hub…" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete product" }).click();
  // The open product is gone: fall back to the first one, remember it, and keep the keyboard.
  const heading = page.getByRole("heading", { level: 1, name: "Pocket Budget" });
  await expect(heading).toBeFocused();
  const opened = (await calls()).filter((call) => call.command === "set_open_product").map((call) => call.args.id);
  expect(opened.at(-1)).toBe("p-demo");
});

test("an empty workspace invites to create the first product", async ({ page, openApp }) => {
  await openApp({ empty: true });
  await expect(page.getByRole("heading", { level: 1, name: "Create your first product" })).toBeVisible();
  await page.getByRole("button", { name: "Create product" }).click();
  await page.getByRole("dialog", { name: "New product" }).getByRole("textbox", { name: "Name" }).fill("Atlas");
  await page.getByRole("dialog", { name: "New product" }).getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Atlas" })).toBeVisible();
});

test("home: edits are saved on blur and with Enter, one save model with its state shown", async ({ page, openApp, calls }) => {
  await openApp();
  await expect(page.getByRole("button", { name: /Save/ })).toHaveCount(0);
  const vision = page.getByRole("textbox", { name: "Vision" });
  await vision.fill("Money without the stress.");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await page.getByRole("textbox", { name: "Strategy" }).focus();
  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.getByRole("textbox", { name: "Strategy" }).fill("Automate the boring parts.");
  await page.getByRole("textbox", { name: "North-star metric" }).focus();
  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.getByRole("textbox", { name: "North-star metric" }).fill("Budgets kept each week");
  // Enter in a one-line field saves it too; the same value is not sent again on blur.
  await page.keyboard.press("Enter");
  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.getByRole("textbox", { name: "Vision" }).focus();
  const patches = (await calls()).filter((call) => call.command === "update_product").map((call) => call.args.patch);
  expect(patches).toEqual([
    { name: null, vision: "Money without the stress.", strategy: null, targetUsers: null, northStarMetric: null },
    { name: null, vision: null, strategy: "Automate the boring parts.", targetUsers: null, northStarMetric: null },
    { name: null, vision: null, strategy: null, targetUsers: null, northStarMetric: "Budgets kept each week" },
  ]);
  await expect(page.getByRole("list", { name: "Top of the backlog" }).getByRole("listitem")).toHaveCount(5);
});

test("the Theme control switches to dark and is remembered", async ({ page, openApp }) => {
  await openApp();
  const theme = page.getByRole("radiogroup", { name: "Theme" });
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // The radio inputs are visually hidden: click the visible segment, as a person would.
  await theme.getByText("Dark").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).not.toBe(lightBackground);
  expect(darkBackground).toBe("rgb(16, 17, 20)");

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("radiogroup", { name: "Theme" }).getByRole("radio", { name: "Dark" })).toBeChecked();
  await page.getByRole("radiogroup", { name: "Theme" }).getByText("Light").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(246, 246, 248)");
});
