import { describe, expect, it } from "vitest";
import { searchItems } from "./itemSearch";

const items = ["Offline mode", "Bank sync", "Export to DATEV", "Café receipts", "Sync offline edits"].map((title) => ({ title }));

describe("searchItems", () => {
  it("keeps the items holding every word typed, in the order given", () => {
    expect(searchItems(items, "sync", 10).shown.map((item) => item.title)).toEqual(["Bank sync", "Sync offline edits"]);
    expect(searchItems(items, "OFFLINE sync", 10).shown.map((item) => item.title)).toEqual(["Sync offline edits"]);
  });

  it("ignores accents and case, and shows everything for an empty query", () => {
    expect(searchItems(items, "cafe", 10).shown.map((item) => item.title)).toEqual(["Café receipts"]);
    expect(searchItems(items, "  ", 10).matched).toBe(5);
  });

  it("shows at most `limit` and says how many matched", () => {
    const found = searchItems(items, "", 2);
    expect(found.shown).toHaveLength(2);
    expect(found.matched).toBe(5);
  });
});
