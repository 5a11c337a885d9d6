import { expect, test } from "./fixtures";

test("the home's roadmap snapshot follows a move on the board and leads to the board", async ({ page, openApp }) => {
  await openApp({ roadmap: true });
  const views = page.getByRole("navigation", { name: "Views" });
  await views.getByRole("button", { name: "Home" }).click();
  const lanes = page.getByRole("list", { name: "Now, Next and Later" });
  await expect(lanes.getByRole("button")).toHaveText(["Now: 2 cards", "Next: 1 card", "Later: 1 card"]);
  await expect(page.getByRole("list", { name: "First in Now" }).getByRole("listitem")).toHaveText(["Bank sync", "Receipt capture"]);

  await lanes.getByRole("button", { name: /^Now\b/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Now / Next / Later" })).toBeVisible();
  await page.getByRole("button", { name: "Actions for “Bank sync”" }).click();
  await page.getByRole("menuitem", { name: "Move to Later" }).click();
  await views.getByRole("button", { name: "Home" }).click();
  await expect(lanes.getByRole("button")).toHaveText(["Now: 1 card", "Next: 1 card", "Later: 2 cards"]);
  await expect(page.getByRole("list", { name: "First in Later" }).getByRole("listitem")).toHaveText(["Bank sync", "Shared budgets"]);
});
