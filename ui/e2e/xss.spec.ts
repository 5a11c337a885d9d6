//! Over 500 known XSS vectors (`xss-corpus.ts`) rendered through the real UI against the fake
//! backend: as note bodies (the editor, and the preview through the one Markdown pipeline) and as
//! highlight texts (the marks' titles, the note's highlight cards and the highlights list across
//! notes). Nothing may run: a tripwire (`window.__xss`, with alert/confirm/prompt stubbed to set
//! it, and the page's title) stays untouched, no IPC call but the view's reads is made, and no
//! request leaves the page.
import { expect, test } from "./fixtures";
import { buildXssCorpus } from "./xss-corpus";

const PER_NOTE = 48;

test("no XSS vector runs as a note body or a highlight text", async ({ page, openApp, calls }) => {
  test.setTimeout(120_000);
  const corpus = buildXssCorpus();
  expect(corpus.length).toBeGreaterThanOrEqual(500);
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    const local = url.hostname === "127.0.0.1" || ["data:", "blob:", "ipc:"].includes(url.protocol);
    if (!local) outside.push(request.url());
  });
  page.on("dialog", (dialog) => {
    outside.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const trip = (name: string) => () => {
      (window as unknown as { __xss?: string }).__xss = name;
      return null;
    };
    window.alert = trip("alert");
    window.confirm = trip("confirm") as unknown as typeof window.confirm;
    window.prompt = trip("prompt");
  });
  await openApp();

  // Seed the notes and their highlights through the fake (as Rust would store them).
  const batches: string[][] = [];
  for (let at = 0; at < corpus.length; at += PER_NOTE) batches.push(corpus.slice(at, at + PER_NOTE));
  const seeded = await page.evaluate((bodies) => {
    const fake = window.__northstarFake;
    if (!fake) throw new Error("no fake backend");
    const products = fake.handle("list_products") as { id: string }[];
    const productId = products[0]?.id;
    let highlights = 0;
    bodies.forEach((payloads, index) => {
      const body = payloads.join("\n\n");
      const note = fake.handle("create_note", {
        input: { productId, noteType: "support_ticket", title: `XSS batch ${index + 1}`, notedOn: "2026-03-01", source: null, body },
      }) as { value: { id: string } };
      let offset = 0;
      for (const payload of payloads) {
        fake.handle("create_highlight", {
          input: { noteId: note.value.id, start: offset, end: offset + payload.length, tagIds: [], itemIds: [] },
        });
        highlights++;
        offset += payload.length + 2;
      }
    });
    return { highlights, calls: fake.calls.length };
  }, batches);
  expect(seeded.highlights).toBe(corpus.length);

  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: "Research" }).click();
  const notes = page.getByRole("list", { name: "Notes" });
  for (let index = 1; index <= batches.length; index++) {
    await notes.getByRole("button", { name: new RegExp(`XSS batch ${index}\\b`) }).click();
    await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(`XSS batch ${index}`);
    await expect(page.getByRole("list", { name: "Highlights in this note" }).getByRole("button")).toHaveCount(batches[index - 1]?.length ?? 0);
    await expect(page.getByTestId("note-editor").locator("[data-highlight-id]").first()).toBeVisible();
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview).toBeVisible();
    await expect(preview.locator("script, iframe, object, embed, form, base, meta, [onerror], [onload], [onfocus], [ontoggle], a[href^='javascript' i], a[href^='data' i]")).toHaveCount(0);
  }
  await page.getByRole("group", { name: "List" }).getByRole("button", { name: "Highlights" }).click();
  await expect(page.getByRole("list", { name: "Highlights", exact: true }).getByRole("button")).toHaveCount(corpus.length);
  // Give anything deferred (autofocus, animations, image errors) a moment to fire.
  await page.waitForTimeout(500);

  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), "the tripwire").toBeUndefined();
  expect(await page.title()).not.toBe("xss");
  expect(outside, "no request left the page and no dialog opened").toEqual([]);
  const made = (await calls()).slice(seeded.calls).map((call) => call.command);
  expect(made.filter((command) => !/^(list|get)_/.test(command)), "only the view's reads").toEqual([]);
});
