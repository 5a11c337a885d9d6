import type { Page } from "@playwright/test";
import { blockingViolations, runAxe } from "./axe";
import { backlogRow, expect, openBacklog, test } from "./fixtures";

/** axe on the page as it is now: it must have run, and found nothing serious or critical. */
async function expectAccessible(page: Page, view: string) {
  const report = await runAxe(page);
  expect(report.engine, `axe ran on ${view}`).toMatch(/^axe-core \d/);
  expect(report.passed, `axe checked rules on ${view}`).toBeGreaterThan(10);
  expect(blockingViolations(report), `serious or critical axe violations on ${view}`).toEqual([]);
}

test("axe runs under the window's CSP and frozen prototypes, and catches a real violation", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeVisible();
  // A button with no name, planted on purpose: axe must report it.
  await page.evaluate(() => {
    const planted = document.createElement("button");
    planted.id = "planted";
    document.body.append(planted);
  });
  const report = await runAxe(page);
  expect(report.engine).toMatch(/^axe-core 4\./);
  expect(blockingViolations(report).some((violation) => violation.includes("button-name") && violation.includes("#planted"))).toBe(
    true,
  );
  await page.evaluate(() => document.getElementById("planted")?.remove());
});

for (const scheme of ["light", "dark"] as const) {
  test(`every view and dialog has no serious or critical axe violations (${scheme})`, async ({ page, openApp }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp({ backups: [{ reason: "automatic", daysAgo: 1 }] });
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    await expect(page.getByRole("heading", { level: 1, name: "Pocket Budget" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Top of the backlog" })).toBeVisible();
    await expectAccessible(page, "Home");

    await page.getByRole("button", { name: "New product" }).click();
    await expect(page.getByRole("dialog", { name: "New product" })).toBeVisible();
    await expectAccessible(page, "the New product dialog");
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Product actions for Pocket Budget" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectAccessible(page, "the product menu");
    await page.keyboard.press("Escape");

    await openBacklog(page);
    await expect(backlogRow(page, "1. Bank sync")).toBeVisible();
    await expectAccessible(page, "Backlog");

    await page.getByRole("button", { name: /All statuses/ }).click();
    await expect(page.getByRole("listbox")).toBeVisible();
    await expectAccessible(page, "the status filter");
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectAccessible(page, "the Edit menu");
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Actions for “Bank sync”" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectAccessible(page, "a row's menu");
    await page.getByRole("menuitem", { name: "Delete" }).click();
    await expect(page.getByRole("alertdialog")).toBeVisible();
    await expectAccessible(page, "the delete confirmation");
    await page.keyboard.press("Escape");

    await backlogRow(page, "1. Bank sync").focus();
    await page.keyboard.press("Enter");
    const editor = page.getByRole("dialog", { name: "Edit item" });
    await editor
      .getByRole("textbox", { name: "Description" })
      .fill("## Why\n\nPeople **forget** receipts.\n\n```\nconst receipts = scan(photo).filter((line) => line.total > 0);\n```\n\n> A quote");
    await expect(editor.getByRole("region", { name: "Code block" })).toBeVisible();
    await expectAccessible(page, "the item editor");

    await page.keyboard.press("Escape");
    await expect(page.getByRole("alertdialog", { name: "Discard your changes?" })).toBeVisible();
    await expectAccessible(page, "the discard confirmation");
    await page.getByRole("button", { name: "Discard changes" }).click();

    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").fill("go");
    await expect(palette.getByRole("option").first()).toBeVisible();
    await expectAccessible(page, "the command palette");
    await page.keyboard.press("Escape");

    await backlogRow(page, "1. Bank sync").focus();
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await expectAccessible(page, "the shortcuts sheet");
    await page.keyboard.press("Escape");

    await page.keyboard.press("Control+k");
    await palette.getByRole("combobox").fill("open another database");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Open another database" })).toBeVisible();
    await expectAccessible(page, "the Open another database dialog");
    await page.keyboard.press("Escape");

    for (const board of ["MoSCoW board", "Kano board"]) {
      await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: board }).click();
      await expect(page.getByRole("grid", { name: "Unsorted column" }).getByRole("row", { name: /^1\. / })).toBeVisible();
      await expectAccessible(page, `the ${board}`);
    }
    await page.getByRole("button", { name: "Actions for “Bank sync”" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectAccessible(page, "a card's menu");
    await page.keyboard.press("Escape");

    await page.getByRole("navigation", { name: "Database" }).getByRole("button", { name: "Backups" }).click();
    await expect(page.getByRole("table", { name: "Backups, newest first" }).getByRole("row").nth(1)).toBeVisible();
    await expectAccessible(page, "Backups");
    await page.getByRole("button", { name: /^Restore the backup of / }).first().click();
    await expect(page.getByRole("alertdialog")).toBeVisible();
    await expectAccessible(page, "the restore confirmation");
    await page.keyboard.press("Escape");
    await openBacklog(page);

    // A failed load, shown in place with its retry.
    await page.evaluate(() =>
      window.__northstarFake?.failNext("list_items", {
        kind: "Storage",
        detail: { message: "Northstar couldn’t read or save your data. Nothing was changed." },
      }),
    );
    await page.evaluate(() =>
      window.__northstarFake?.handle("create_item", {
        input: { productId: "p-demo", title: "From elsewhere", description: null, status: null, kind: null },
      }),
    );
    await expect(page.getByRole("alert").filter({ hasText: "The backlog couldn’t be loaded." })).toBeVisible();
    await expectAccessible(page, "a failed load");
  });

  test(`the Kano survey's empty state, preview, results and scatter have no serious or critical axe violations (${scheme})`, async ({
    page,
    openApp,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp({ kanoSurvey: true });
    await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Kano survey" }).click();
    await expect(page.getByRole("heading", { name: "No questionnaire answers yet" })).toBeVisible();
    await expectAccessible(page, "the Kano survey's empty state");
    await page.evaluate(() => window.__northstarFake?.chooseKanoFile("<questionnaires>/problems.csv"));
    await page.getByRole("button", { name: "Import answers…" }).click();
    await expect(page.getByRole("heading", { name: "Preview of problems.csv" })).toBeVisible();
    await expectAccessible(page, "a Kano preview with problems");
    await page.evaluate(() => window.__northstarFake?.chooseKanoFile("<questionnaires>/clean.csv"));
    await page.getByRole("button", { name: "Import answers…" }).click();
    await page.getByRole("button", { name: "Import 11 answers" }).click();
    await expect(page.getByRole("img", { name: /^Offline mode: Better/ })).toBeVisible();
    await expectAccessible(page, "the Kano results and scatter");
  });

  test(`the backlog's scores, selection, score order and score dialogs have no serious or critical axe violations (${scheme})`, async ({
    page,
    openApp,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp({ scored: true });
    await expect(page.getByRole("heading", { level: 2, name: "Scoring" })).toBeVisible();
    await expectAccessible(page, "Home with its scoring setting");
    await openBacklog(page);

    // Two rows selected (the selection bar), the first with the keyboard (its breakdown shown).
    await backlogRow(page, "1. Search everywhere").click();
    await page.keyboard.press("Shift+ArrowDown");
    await expect(page.getByRole("toolbar", { name: "Selected items" })).toBeVisible();
    await expect(backlogRow(page, "2. Offline mode").locator("[data-breakdown]")).toBeVisible();
    await expectAccessible(page, "the backlog with score columns and a selection");

    await page.getByRole("toolbar", { name: "Selected items" }).getByRole("button", { name: "Set MoSCoW…" }).click();
    await expect(page.getByRole("dialog", { name: "Set MoSCoW of 2 items" })).toBeVisible();
    await expectAccessible(page, "the MoSCoW choice for a selection");
    await page.keyboard.press("Escape");

    await backlogRow(page, "1. Search everywhere").focus();
    await page.keyboard.press("s");
    const panel = page.getByRole("dialog", { name: "Scores of “Search everywhere”" });
    await panel.getByRole("button", { name: "RICE" }).click();
    await expect(panel.getByRole("table", { name: "RICE sensitivity" })).toBeVisible();
    await expectAccessible(page, "the score panel with its sensitivity");
    await page.keyboard.press("Escape");

    // A score order (the notice saying why rows don't move) and filters hiding rows.
    await page.getByRole("button", { name: /Order$/ }).click();
    await page.getByRole("option", { name: "WSJF score" }).click();
    await page.getByRole("button", { name: /MoSCoW$/ }).click();
    await page.getByRole("option", { name: "Should", exact: true }).click();
    await expect(page.getByText("Sorted by WSJF score. Items move in manual rank order only.")).toBeVisible();
    await expect(page.getByText("1 item hidden by filters")).toBeVisible();
    await expectAccessible(page, "the backlog in a score order, filtered");
  });

  test(`the decision log, its dialogs, the item panel's decisions and the rationale prompt have no serious or critical axe violations (${scheme})`, async ({
    page,
    openApp,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp({ outscored: true });
    await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Decision log" }).click();
    await expect(page.getByRole("heading", { name: "No decisions yet" })).toBeVisible();
    await expectAccessible(page, "the empty decision log");

    await page.getByRole("button", { name: "Record decision…" }).click();
    const dialog = page.getByRole("dialog", { name: "Record decision" });
    await dialog.getByRole("textbox", { name: "Decision" }).fill("Gamma before Beta");
    await dialog.getByRole("checkbox", { name: "Gamma" }).check();
    await dialog.getByRole("button", { name: "Record decision" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Give the decision a rationale: why was it taken?");
    await expectAccessible(page, "the Record decision dialog with a refusal");
    await dialog.getByRole("textbox", { name: "Rationale" }).fill("The launch partner needs it.");
    await dialog.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByRole("article", { name: "Gamma before Beta" })).toBeVisible();
    await expectAccessible(page, "the decision log");
    await page.getByRole("button", { name: "Actions for the decision “Gamma before Beta”" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectAccessible(page, "a decision's menu");
    await page.keyboard.press("Escape");

    await openBacklog(page);
    await backlogRow(page, "3. Gamma").focus();
    await page.keyboard.press("Alt+Shift+ArrowUp");
    await expect(page.getByRole("region", { name: /now sits above/ })).toBeVisible();
    await expectAccessible(page, "the rationale prompt");
    await page.keyboard.press("s");
    await expect(page.getByRole("list", { name: "Decisions about Gamma" })).toBeVisible();
    await expectAccessible(page, "the item panel's decisions");
  });

  test(`the problem screen and the empty workspace have no serious or critical axe violations (${scheme})`, async ({
    page,
    openApp,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp({ problem: { kind: "newerSchema", message: "This file was saved by a newer Northstar. Update the app to open it." } });
    await expect(page.getByRole("heading", { level: 1, name: "This file can’t be opened" })).toBeVisible();
    await expectAccessible(page, "the problem screen");
    await page.getByRole("button", { name: "Start a new database" }).click();
    await expect(page.getByRole("alertdialog", { name: "Start a new database?" })).toBeVisible();
    await expectAccessible(page, "the new database confirmation");

    await openApp({ empty: true });
    await expect(page.getByRole("heading", { level: 1, name: "Create your first product" })).toBeVisible();
    await expectAccessible(page, "the empty workspace");
  });
}

test("the row keys are described on the row itself, which is what takes the focus", async ({ page, openApp }) => {
  await openApp();
  await openBacklog(page);
  const row = backlogRow(page, "2. Spending insights");
  await row.focus();
  await expect(row).toBeFocused();
  await expect(row).toHaveAccessibleDescription(
    /^RICE not scored\. .*Kano not set\. Alt\+↑: move up; .*Shift\+F10: open the row's menu; Space: pick the row up to drag it\.$/,
  );
});

for (const scheme of ["light", "dark"] as const) {
  test(`the value/effort matrix, its cell list, card menu and dialog pass axe (${scheme})`, async ({ page, openApp }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp({ scored: true });
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Value/effort matrix" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Value/effort matrix" })).toBeVisible();
    const notPlaced = page.getByRole("list", { name: /^Not placed, / });
    // Three cards in one cell, so it shows its count and its list.
    for (let index = 0; index < 3; index += 1) {
      const card = notPlaced.getByRole("button").first();
      const id = await card.getAttribute("data-matrix-card");
      await card.focus();
      await page.keyboard.press("Space");
      await page.keyboard.press("Enter");
      await expect(page.locator("#announcements")).toContainText("set to value 5, effort 5");
      // The next card is the next one only once this one has left the list (a carried card
      // stays mounted there until the drop has settled).
      await expect(notPlaced.locator(`[data-matrix-card="${id}"]`)).toHaveCount(0);
    }
    await expectAccessible(page, "the value/effort matrix");
    await page.getByRole("button", { name: /show all \d+ cards of value 5, effort 5$/ }).click();
    await expect(page.getByRole("dialog", { name: /^Value 5, effort 5: / })).toBeVisible();
    await expectAccessible(page, "a cell's cards");
    await page.keyboard.press("Escape");
    await page.getByRole("group", { name: /^Value 5, effort 5, / }).getByRole("button").first().click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectAccessible(page, "a matrix card's menu");
    await page.getByRole("menuitem", { name: "Set value/effort…" }).click();
    await expect(page.getByRole("dialog", { name: /^Set value and effort of / })).toBeVisible();
    await expectAccessible(page, "the Set value/effort dialog");
    await page.keyboard.press("Escape");
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`the Goals and Releases views, their dialogs and the item panel's pickers pass axe (${scheme})`, async ({ page, openApp }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp();
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    await page.evaluate(() => {
      const fake = window.__northstarFake;
      fake?.handle("set_score_inputs", {
        itemIds: ["i-1"],
        changes: [
          { input: "riceEffort", value: 3 },
          { input: "moscow", value: "must" },
        ],
      });
      const goal = fake?.handle("create_goal", { productId: "p-demo", fields: { title: "Keep more customers", description: "Churn hurts." } }) as
        | { value: { id: string } }
        | undefined;
      fake?.handle("create_key_result", {
        goalId: goal?.value.id,
        fields: { metric: "Monthly churn", unit: "%", baseline: 6, target: 3, current: 4.5 },
      });
      fake?.handle("create_theme", { productId: "p-demo", fields: { name: "Trust", description: "" } });
      const release = fake?.handle("create_release", {
        productId: "p-demo",
        fields: { name: "1.4", startsOn: "2026-04-01", endsOn: "2026-04-30", capacity: 2, capacityUnit: "person_months" },
      }) as { value: { release: { id: string } } } | undefined;
      fake?.handle("set_item_plan_link", { itemId: "i-1", link: "release", targetId: release?.value.release.id ?? null });
      fake?.handle("set_item_plan_link", { itemId: "i-2", link: "release", targetId: release?.value.release.id ?? null });
      fake?.handle("create_milestone", { productId: "p-demo", fields: { name: "Beta launch", fallsOn: "2026-04-15", releaseId: null } });
    });
    const views = page.getByRole("navigation", { name: "Views" });
    await views.getByRole("button", { name: "Goals" }).click();
    await expect(page.getByRole("progressbar", { name: "Progress of “Keep more customers”" })).toBeVisible();
    await expectAccessible(page, "the Goals view");
    await page.getByRole("button", { name: "Add key result to “Keep more customers”" }).click();
    const krDialog = page.getByRole("dialog", { name: /^Add a key result/ });
    await krDialog.getByRole("button", { name: "Add key result" }).click();
    await expect(krDialog.getByRole("alert")).toHaveText("Name the metric this key result measures.");
    await expectAccessible(page, "the key result dialog with a refusal");
    await page.keyboard.press("Escape");

    await views.getByRole("button", { name: "Releases" }).click();
    await expect(page.getByText(/over capacity by/)).toBeVisible();
    await expectAccessible(page, "the Releases view, over capacity");
    await page.getByRole("button", { name: "Add release" }).click();
    await expect(page.getByRole("dialog", { name: "Add release" })).toBeVisible();
    await expectAccessible(page, "the Add release dialog");
    await page.keyboard.press("Escape");

    await views.getByRole("button", { name: "Home" }).click();
    await expect(page.getByRole("list", { name: "Goals with their progress" })).toBeVisible();
    await expectAccessible(page, "the product home with its goals");

    await openBacklog(page);
    await backlogRow(page, "1. Bank sync").focus();
    await page.keyboard.press("s");
    await expect(page.getByRole("combobox", { name: "Release" })).toHaveValue(/.+/);
    await expectAccessible(page, "the item panel's goal, theme and release");
  });

  test(`the roadmap board, the timeline and its dialog pass axe (${scheme})`, async ({ page, openApp }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp({ roadmap: true });
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    const views = page.getByRole("navigation", { name: "Views" });
    await views.getByRole("button", { name: "Now / Next / Later" }).click();
    await expect(page.getByRole("grid", { name: "Now column" })).toBeVisible();
    await expectAccessible(page, "the Now / Next / Later board");
    await page.getByRole("group", { name: "Swimlanes" }).getByRole("button", { name: "Goal" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /^No goal/ })).toBeVisible();
    await expectAccessible(page, "the Now / Next / Later board in swimlanes");
    await page.getByRole("group", { name: "Swimlanes" }).getByRole("button", { name: "None" }).click();

    await views.getByRole("button", { name: "Timeline" }).click();
    await expect(page.getByRole("button", { name: /^Bank sync, / })).toBeVisible();
    await expectAccessible(page, "the timeline");
    await page.getByRole("button", { name: /^Bank sync, / }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Change dates “Bank sync”" })).toBeVisible();
    await expectAccessible(page, "the Change dates dialog");
    await page.keyboard.press("Escape");
  });
}
