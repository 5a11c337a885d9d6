//! The "Export roadmap" menu on the roadmap's views: each entry asks Rust (the fake answers the
//! path the save dialog would give) for its format, the palette offers "Export timeline as
//! PNG…", the MoSCoW board has no such menu, and the open menu passes axe.
import type { Page } from "@playwright/test";
import { blockingViolations, runAxe } from "./axe";
import { announcements, expect, test } from "./fixtures";

async function openView(page: Page, label: string, heading: string) {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name: label }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

async function exportFormats(calls: () => Promise<{ command: string; args?: unknown }[]>) {
  return (await calls()).filter((call) => call.command === "export_roadmap").map((call) => (call.args as { format: string }).format);
}

test("the timeline's menu exports the timeline as PNG and the board's the roadmap as HTML", async ({ page, openApp, calls }) => {
  await openApp({ roadmap: true });
  await openView(page, "Timeline", "Timeline");
  await page.getByRole("button", { name: "Export roadmap" }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText(["Export roadmap as HTML…", "Export roadmap as Markdown…", "Export timeline as PNG…"]);
  await menu.getByRole("menuitem", { name: "Export timeline as PNG…" }).click();
  await expect(announcements(page)).toHaveText(/^Exported the timeline of .+ to \/home\/po\/Documents\/.+ roadmap\.png$/);
  expect(await exportFormats(calls)).toEqual(["png"]);

  await openView(page, "Now / Next / Later", "Now / Next / Later");
  await page.getByRole("button", { name: "Export roadmap" }).click();
  await page.getByRole("menuitem", { name: "Export roadmap as HTML…" }).click();
  await expect(announcements(page)).toHaveText(/^Exported the roadmap of .+ roadmap\.html$/);
  expect(await exportFormats(calls)).toEqual(["png", "html"]);

  await openView(page, "MoSCoW board", "MoSCoW board");
  await expect(page.getByRole("button", { name: "Export roadmap" })).toHaveCount(0);
});

test("the palette's Export timeline as PNG… asks Rust for the picture", async ({ page, openApp, calls }) => {
  await openApp({ roadmap: true });
  await openView(page, "Timeline", "Timeline");
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox").fill("Export timeline as PNG");
  await page.keyboard.press("Enter");
  await expect(announcements(page)).toHaveText(/ roadmap\.png$/);
  expect(await exportFormats(calls)).toEqual(["png"]);
});

test("the open export menu passes axe", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  await openView(page, "Timeline", "Timeline");
  await page.getByRole("button", { name: "Export roadmap" }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  const report = await runAxe(page);
  expect(report.passed).toBeGreaterThan(10);
  expect(blockingViolations(report)).toEqual([]);
});
