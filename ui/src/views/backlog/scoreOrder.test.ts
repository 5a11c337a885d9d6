import { describe, expect, it } from "vitest";
import type { ItemSummary, ScorePosition } from "../../api";
import { filterRows, NO_FILTERS } from "./backlogFilters";
import { orderRows } from "./scoreOrder";

const at = (position: number): ScorePosition => ({ position, drift: 0, far: false });

function row(id: string, rice: number | null, extra: Partial<ItemSummary["inputs"]> = {}): ItemSummary {
  return {
    id,
    scorePositions: { rice: rice === null ? null : at(rice), ice: null, wsjf: null },
    inputs: { moscow: null, kano: null, ...extra },
    status: "idea",
    kind: "feature",
  } as unknown as ItemSummary;
}

describe("orderRows", () => {
  const rows = [row("a", 3), row("b", null), row("c", 1), row("d", null), row("e", 2)];

  it("keeps the manual order as Rust sent it", () => {
    expect(orderRows(rows, "manual")).toBe(rows);
  });

  it("lays the rows out by Rust's score positions, unscored last in manual order", () => {
    expect(orderRows(rows, "rice").map((item) => item.id)).toEqual(["c", "e", "a", "b", "d"]);
  });

  it("puts every row last, in manual order, for a framework nothing is scored in", () => {
    expect(orderRows(rows, "ice").map((item) => item.id)).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("filterRows", () => {
  const rows = [row("a", 1, { moscow: "must" }), row("b", null, { moscow: null, kano: "attractive" }), row("c", 2, { moscow: "could" })];

  it("shows everything without filters", () => {
    expect(filterRows(rows, NO_FILTERS)).toBe(rows);
  });

  it("filters by MoSCoW bucket, and by a bucket not set", () => {
    expect(filterRows(rows, { ...NO_FILTERS, moscow: "must" }).map((item) => item.id)).toEqual(["a"]);
    expect(filterRows(rows, { ...NO_FILTERS, moscow: "none" }).map((item) => item.id)).toEqual(["b"]);
  });

  it("combines filters and keeps the order", () => {
    expect(filterRows(rows, { ...NO_FILTERS, kano: "none" }).map((item) => item.id)).toEqual(["a", "c"]);
    expect(filterRows(rows, { ...NO_FILTERS, kano: "attractive", moscow: "must" })).toEqual([]);
  });
});
