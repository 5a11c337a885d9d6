//! The research view against the contract-backed fake: writing notes (the body autosaved and
//! kept across note switches), participants and tags, search with the match marked, the
//! preview's safety (nothing in a note runs; links go to Rust's opener), and axe in both themes.
import type { Page } from "@playwright/test";
import { blockingViolations, runAxe } from "./axe";
import { expect, test } from "./fixtures";
import { XSS_PAYLOADS } from "./xss-payloads";

async function openResearch(page: Page) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Research" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Research" })).toBeVisible();
}

const editor = (page: Page) => page.getByTestId("note-editor").locator(".cm-content");

async function newNote(page: Page, title: string) {
  await page.getByRole("button", { name: "New note" }).click();
  const titleField = page.getByRole("textbox", { name: "Title", exact: true });
  await expect(titleField).toHaveValue("Untitled note");
  await titleField.fill(title);
  await titleField.press("Enter");
  await expect(page.getByRole("list", { name: "Notes" }).getByRole("button", { name: new RegExp(title) })).toBeVisible();
}

async function typeBody(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.type(text);
}

const status = (page: Page) => page.getByRole("status").filter({ hasText: /Saved|Saving|Unsaved/ });

test("writes notes whose bodies are saved across switches, with participants, tags and search", async ({ page, openApp, calls }) => {
  await openApp();
  await openResearch(page);
  await expect(page.getByRole("heading", { name: "No notes yet" })).toBeVisible();

  await newNote(page, "Interview with Dana");
  await typeBody(page, "# Context\nDana pays late fees every April.");
  await newNote(page, "Ticket 42");
  // Switching notes saved Dana's body, typed a moment ago.
  const saves = (await calls()).filter((call) => call.command === "save_note_body");
  expect(saves.at(-1)?.args.body).toBe("# Context\nDana pays late fees every April.");
  await typeBody(page, "The bank export fails.");
  await expect(status(page)).toHaveText("Saved");

  await page.getByRole("list", { name: "Notes" }).getByRole("button", { name: /Interview with Dana/ }).click();
  await expect(editor(page)).toContainText("Dana pays late fees every April.");
  await expect(page.getByRole("list", { name: "Notes" }).getByRole("button", { name: /Ticket 42/ })).toContainText(
    "The bank export fails.",
  );

  // A new participant, created and added in one step, and a tag.
  await page.getByRole("region", { name: "Participants" }).getByRole("button", { name: /Participant/ }).click();
  await page.getByRole("option", { name: "New participant…" }).click();
  const form = page.getByRole("form", { name: "New participant" });
  await form.getByRole("textbox", { name: "Name or pseudonym" }).fill("Dana");
  await form.getByRole("textbox", { name: "Persona" }).fill("Busy freelancer");
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByRole("list", { name: "Participants of this note" })).toHaveText("Dana");
  await page.getByRole("combobox", { name: "Add a tag" }).fill("pricing");
  await page.getByRole("button", { name: "Tag", exact: true }).click();
  await expect(page.getByRole("list", { name: "Tags of this note" })).toHaveText("pricing");
  await page.getByRole("combobox", { name: "Add a tag" }).fill(" ");
  await page.getByRole("button", { name: "Tag", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Give the tag a name." })).toBeVisible();

  // Search as you type: the match marked, a click opens the note.
  await page.getByRole("searchbox", { name: "Search notes and items" }).fill("fees");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("button")).toHaveCount(1);
  await expect(results.locator("mark")).toHaveText("fees");
  await page.getByRole("searchbox", { name: "Search notes and items" }).fill("bank");
  await expect(results.getByRole("button", { name: /Ticket 42/ })).toBeVisible();
  await expect(results.getByRole("button", { name: /Bank sync/ })).toBeVisible();
  // A day range keeps notes only (items have no day); a day that is not one is Rust's refusal.
  await page.getByRole("textbox", { name: "Notes from" }).fill("2020-01-01");
  await expect(results.getByRole("button", { name: /Bank sync/ })).toBeHidden();
  await page.getByRole("textbox", { name: "Notes from" }).fill("2026-02-30");
  await expect(page.getByText("“2026-02-30” is not a date. Write it as year-month-day, e.g. 2026-03-01.")).toBeVisible();
  await page.getByRole("textbox", { name: "Notes from" }).fill("");
  await results.getByRole("button", { name: /Ticket 42/ }).click();
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue("Ticket 42");

  // Undo of the typing comes back as one step.
  await expect(page.getByRole("button", { name: /Undo/ }).first()).toBeVisible();
});

test("the preview runs nothing from a note and opens links only through Rust", async ({ page, openApp, calls }) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    const local = url.hostname === "127.0.0.1" || ["data:", "blob:", "ipc:"].includes(url.protocol);
    if (!local) outside.push(request.url());
  });
  await openApp();
  await openResearch(page);
  await newNote(page, "Pasted email");
  const payloads = [...XSS_PAYLOADS, "[the dashboard](https://analytics.example.com/retention)"];
  await typeBody(page, payloads.join("\n\n"));
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("link", { name: "the dashboard" })).toBeVisible();
  await expect(preview.locator("script, iframe, [onerror], [onload], [ontoggle], a[href^='javascript'], a[href^='data']")).toHaveCount(0);
  // The javascript: link lost its target in the sanitiser: text, not a link.
  await expect(preview.getByText("click me")).toBeVisible();
  await expect(preview.getByRole("link", { name: "click me" })).toHaveCount(0);
  const url = page.url();
  await preview.getByRole("link", { name: "the dashboard" }).click();
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  const opened = (await calls()).filter((call) => call.command === "open_external_link").map((call) => call.args.url);
  expect(opened).toEqual(["https://analytics.example.com/retention"]);
  expect(outside, "no request left the page").toEqual([]);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the research view has no serious or critical axe violations (${scheme})`, async ({ page, openApp }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp();
    await openResearch(page);
    await newNote(page, "Interview with Sam");
    await typeBody(page, "Sam wants **bank sync**.");
    await page.getByRole("combobox", { name: "Add a tag" }).fill("bank");
    await page.getByRole("button", { name: "Tag", exact: true }).click();
    await expect(page.getByRole("list", { name: "Tags of this note" })).toHaveText("bank");
    for (const where of ["the research view with a note", "search results"]) {
      if (where === "search results") {
        await page.getByRole("searchbox", { name: "Search notes and items" }).fill("bank");
        await expect(page.getByRole("list", { name: "Search results" }).locator("mark").first()).toBeVisible();
      }
      const report = await runAxe(page);
      expect(report.passed, `axe checked rules on ${where}`).toBeGreaterThan(10);
      expect(blockingViolations(report), `serious or critical axe violations on ${where}`).toEqual([]);
    }
  });
}
