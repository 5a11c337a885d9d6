import { describe, expect, it } from "vitest";
import { entryScore, fuzzyScore, normalise, searchPalette, type PaletteEntry } from "./paletteSearch";

const entry = (id: string, label: string, kind: PaletteEntry["kind"] = "command", keywords: string[] = []): PaletteEntry => ({
  id,
  kind,
  label,
  detail: "",
  keywords,
  run: () => undefined,
});

const entries = [
  entry("edit.undo", "Undo Move “Bank sync” to top"),
  entry("go.backlog", "Go to Backlog", "command", ["view"]),
  entry("go.home", "Go to Home", "command", ["view"]),
  entry("theme.dark", "Use the dark theme", "command", ["theme", "appearance", "night"]),
  entry("product.open.p-2", "Open Atlas", "command", ["product", "switch"]),
  entry("item:i-1", "Bank sync", "item"),
  entry("item:i-2", "Résumé export", "item"),
  entry("item:i-3", "Budget alerts", "item"),
];

const ids = (found: PaletteEntry[]) => found.map((candidate) => candidate.id);

describe("fuzzyScore", () => {
  it("prefers a prefix to a word start to a letter inside a word, and refuses missing letters", () => {
    const prefix = fuzzyScore("bank", "bank sync") ?? 0;
    const wordStart = fuzzyScore("sync", "bank sync") ?? 0;
    const inside = fuzzyScore("ank", "bank sync") ?? 0;
    expect(prefix).toBeGreaterThan(wordStart);
    expect(wordStart).toBeGreaterThan(inside);
    expect(fuzzyScore("bsy", "bank sync")).not.toBeNull();
    expect(fuzzyScore("xyz", "bank sync")).toBeNull();
  });

  it("ranks consecutive letters above scattered ones, and word starts above letters inside words", () => {
    expect(fuzzyScore("bac", "backlog") ?? 0).toBeGreaterThan(fuzzyScore("bac", "big arc") ?? 0);
    expect(fuzzyScore("gtb", "go to backlog") ?? 0).toBeGreaterThan(fuzzyScore("gtb", "getting bored") ?? 0);
  });
});

describe("searchPalette", () => {
  it("finds commands and items by title, ignoring case and accents", () => {
    expect(ids(searchPalette("bank", entries, []))).toEqual(["item:i-1", "edit.undo"]);
    expect(ids(searchPalette("resume", entries, []))).toEqual(["item:i-2"]);
    expect(normalise("Résumé")).toBe("resume");
  });

  it("matches every word typed, in the label or the keywords", () => {
    expect(ids(searchPalette("go back", entries, []))).toEqual(["go.backlog"]);
    expect(ids(searchPalette("night", entries, []))).toEqual(["theme.dark"]);
    expect(ids(searchPalette("switch atlas", entries, []))).toEqual(["product.open.p-2"]);
    expect(entryScore("dark nothing", entries[3] as PaletteEntry)).toBeNull();
  });

  it("shows recent commands first when nothing is typed, and no items", () => {
    const shown = ids(searchPalette("", entries, ["theme.dark", "go.home"]));
    expect(shown.slice(0, 2)).toEqual(["theme.dark", "go.home"]);
    expect(shown).not.toContain("item:i-1");
    expect(shown).toHaveLength(5);
  });

  it("puts a recently used entry ahead of an equal match", () => {
    expect(ids(searchPalette("go to", entries, []))).toEqual(["go.backlog", "go.home"]);
    expect(ids(searchPalette("go to", entries, ["go.home"]))).toEqual(["go.home", "go.backlog"]);
  });

  it("returns at most the limit", () => {
    const many = Array.from({ length: 500 }, (_, index) => entry(`item:${index}`, `Item ${index}`, "item"));
    expect(searchPalette("item", many, [], 50)).toHaveLength(50);
  });
});
