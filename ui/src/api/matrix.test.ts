import { describe, expect, it } from "vitest";
import type { ItemSummary, MatrixView } from "./client";
import { predictPlacement } from "./matrix";

function card(id: string, position: number, value: number | null, effort: number | null): ItemSummary {
  return { id, position, inputs: { value, effort } } as unknown as ItemSummary;
}

function view(): MatrixView {
  return {
    values: [2, 1],
    efforts: [1, 2],
    quadrants: [],
    cells: [
      { value: 2, effort: 1, quadrant: "quickWins", cards: [card("a", 1, 2, 1), card("d", 4, 2, 1)] },
      { value: 2, effort: 2, quadrant: "bigBets", cards: [] },
      { value: 1, effort: 1, quadrant: "fillIns", cards: [card("c", 3, 1, 1)] },
      { value: 1, effort: 2, quadrant: "timeSinks", cards: [] },
    ],
    notPlaced: [card("b", 2, null, null), card("e", 5, 2, null)],
  };
}

const ids = (cards: readonly ItemSummary[]) => cards.map((c) => c.id);

describe("predictPlacement", () => {
  it("takes a card off Not placed into its cell, in backlog order, with its new inputs", () => {
    const after = predictPlacement(view(), { productId: "p", itemId: "b", value: 2, effort: 1 });
    expect(ids(after.notPlaced)).toEqual(["e"]);
    expect(ids(after.cells[0]?.cards ?? [])).toEqual(["a", "b", "d"]);
    expect(after.cells[0]?.cards[1]?.inputs).toEqual({ value: 2, effort: 1 });
  });
  it("moves a placed card from one cell to another", () => {
    const after = predictPlacement(view(), { productId: "p", itemId: "c", value: 1, effort: 2 });
    expect(ids(after.cells[2]?.cards ?? [])).toEqual([]);
    expect(ids(after.cells[3]?.cards ?? [])).toEqual(["c"]);
  });
  it("goes last in a cell when every card there comes first in the backlog", () => {
    const after = predictPlacement(view(), { productId: "p", itemId: "e", value: 2, effort: 1 });
    expect(ids(after.cells[0]?.cards ?? [])).toEqual(["a", "d", "e"]);
  });
  it("leaves the matrix as it is for an unknown card or a cell off the grid", () => {
    const before = view();
    expect(predictPlacement(before, { productId: "p", itemId: "zz", value: 2, effort: 1 })).toBe(before);
    expect(predictPlacement(before, { productId: "p", itemId: "a", value: 9, effort: 9 })).toBe(before);
  });
});
