import { describe, expect, it } from "vitest";
import { cellAtPoint, cellWords, matrixKeyAction, startCell, type CellRect } from "./matrixGeometry";

const AXES = { values: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], efforts: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] };

/** A 10 × 10 grid of 50 px cells from (100, 20), with a 10 px gap between the quadrants. */
function grid(): CellRect[] {
  return AXES.values.flatMap((value, row) =>
    AXES.efforts.map((effort, column) => {
      const left = 100 + column * 50 + (column >= 5 ? 10 : 0);
      const top = 20 + row * 50 + (row >= 5 ? 10 : 0);
      return { value, effort, left, top, right: left + 50, bottom: top + 50 };
    }),
  );
}

describe("cellAtPoint", () => {
  const cells = grid();
  it("snaps a point to the cell it is in", () => {
    expect(cellAtPoint(cells, 101, 21)).toEqual({ value: 10, effort: 1 });
    expect(cellAtPoint(cells, 100 + 2 * 50 + 25, 20 + 2 * 50 + 25)).toEqual({ value: 8, effort: 3 });
    expect(cellAtPoint(cells, 100 + 9 * 50 + 10 + 49, 20 + 9 * 50 + 10 + 49)).toEqual({ value: 1, effort: 10 });
  });
  it("a cell's right and bottom edges belong to the next cell", () => {
    expect(cellAtPoint(cells, 150, 21)).toEqual({ value: 10, effort: 2 });
    expect(cellAtPoint(cells, 101, 70)).toEqual({ value: 9, effort: 1 });
  });
  it("finds nothing outside the grid or in the gap between quadrants", () => {
    expect(cellAtPoint(cells, 99, 21)).toBeNull();
    expect(cellAtPoint(cells, 101, 19)).toBeNull();
    expect(cellAtPoint(cells, 100 + 5 * 50 + 5, 30)).toBeNull();
    expect(cellAtPoint(cells, 2000, 2000)).toBeNull();
  });
});

describe("matrixKeyAction", () => {
  const key = (name: string, shiftKey = false) => ({ key: name, shiftKey });
  const at = { value: 8, effort: 3 };
  it("picks a card up with Space and opens its menu with Shift+F10 or the menu key", () => {
    expect(matrixKeyAction(key(" "), null, AXES)).toEqual({ kind: "pickUp" });
    expect(matrixKeyAction(key("F10", true), null, AXES)).toEqual({ kind: "menu" });
    expect(matrixKeyAction(key("ContextMenu"), null, AXES)).toEqual({ kind: "menu" });
    expect(matrixKeyAction(key("F10"), null, AXES)).toBeNull();
    expect(matrixKeyAction(key("ArrowUp"), null, AXES)).toBeNull();
  });
  it("moves a carried card one cell per arrow: up is more value, right more effort", () => {
    expect(matrixKeyAction(key("ArrowUp"), at, AXES)).toEqual({ kind: "move", cell: { value: 9, effort: 3 } });
    expect(matrixKeyAction(key("ArrowDown"), at, AXES)).toEqual({ kind: "move", cell: { value: 7, effort: 3 } });
    expect(matrixKeyAction(key("ArrowRight"), at, AXES)).toEqual({ kind: "move", cell: { value: 8, effort: 4 } });
    expect(matrixKeyAction(key("ArrowLeft"), at, AXES)).toEqual({ kind: "move", cell: { value: 8, effort: 2 } });
  });
  it("holds a carried card at the edges of the grid", () => {
    expect(matrixKeyAction(key("ArrowUp"), { value: 10, effort: 1 }, AXES)).toEqual({ kind: "move", cell: { value: 10, effort: 1 } });
    expect(matrixKeyAction(key("ArrowLeft"), { value: 10, effort: 1 }, AXES)).toEqual({ kind: "move", cell: { value: 10, effort: 1 } });
    expect(matrixKeyAction(key("ArrowDown"), { value: 1, effort: 10 }, AXES)).toEqual({ kind: "move", cell: { value: 1, effort: 10 } });
    expect(matrixKeyAction(key("ArrowRight"), { value: 1, effort: 10 }, AXES)).toEqual({ kind: "move", cell: { value: 1, effort: 10 } });
  });
  it("drops with Space or Enter and cancels with Escape", () => {
    expect(matrixKeyAction(key(" "), at, AXES)).toEqual({ kind: "drop" });
    expect(matrixKeyAction(key("Enter"), at, AXES)).toEqual({ kind: "drop" });
    expect(matrixKeyAction(key("Escape"), at, AXES)).toEqual({ kind: "cancel" });
    expect(matrixKeyAction(key("a"), at, AXES)).toBeNull();
  });
});

describe("startCell", () => {
  it("starts a placed card at its own cell and a card not placed in the middle", () => {
    expect(startCell({ value: 8, effort: 3 }, AXES)).toEqual({ value: 8, effort: 3 });
    expect(startCell({ value: 8, effort: null }, AXES)).toEqual({ value: 5, effort: 5 });
    expect(startCell({ value: null, effort: null }, AXES)).toEqual({ value: 5, effort: 5 });
  });
  it("names a cell", () => {
    expect(cellWords({ value: 8, effort: 3 })).toBe("Value 8, effort 3");
  });
});
