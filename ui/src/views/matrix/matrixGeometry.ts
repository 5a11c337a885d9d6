//! The matrix's geometry and keyboard model, pure so they are tested without a pointer: which
//! cell a point is in (the snap of a drop), and where the arrow keys carry a picked-up card.
//! Only places on the grid are worked out here; the values are validated, stored and labelled in
//! Rust (the quadrant of every cell comes with `list_matrix`).

/** A cell of the grid, by its value and effort. */
export type CellRef = { value: number; effort: number };

/** A cell and where it is on screen. */
export type CellRect = CellRef & { left: number; top: number; right: number; bottom: number };

/** The axes as `list_matrix` sends them: values from the top, efforts from the left. */
export type MatrixAxes = { values: readonly number[]; efforts: readonly number[] };

/** The cell under the point, or null outside every cell (the gaps between quadrants, outside
 * the grid): a drop there places nothing. */
export function cellAtPoint(cells: readonly CellRect[], x: number, y: number): CellRef | null {
  const hit = cells.find((cell) => x >= cell.left && x < cell.right && y >= cell.top && y < cell.bottom);
  return hit ? { value: hit.value, effort: hit.effort } : null;
}

/** The cells' rectangles, read from elements carrying `data-value` and `data-effort`. */
export function measureCells(elements: Iterable<Element>): CellRect[] {
  return [...elements].flatMap((element) => {
    const value = Number((element as HTMLElement).dataset.value);
    const effort = Number((element as HTMLElement).dataset.effort);
    if (!Number.isFinite(value) || !Number.isFinite(effort)) return [];
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return [{ value, effort, left, top, right, bottom }];
  });
}

export type MatrixKeyAction =
  | { kind: "pickUp" }
  | { kind: "move"; cell: CellRef }
  | { kind: "drop" }
  | { kind: "cancel" }
  | { kind: "menu" }
  | null;

/** The next number of `axis` above (`step` 1) or below (-1) `current`, held at the ends. */
function stepAlong(axis: readonly number[], current: number, step: 1 | -1): number {
  const ascending = [...axis].sort((a, b) => a - b);
  const index = ascending.indexOf(current);
  if (index < 0) return current;
  return ascending[Math.min(ascending.length - 1, Math.max(0, index + step))] ?? current;
}

/**
 * What a key does to a card. Not carried: Space picks it up, Shift+F10 or the menu key opens
 * its menu. Carried (`carried` is where it would land): ↑ value + 1, ↓ value − 1, → effort + 1,
 * ← effort − 1 (held at the grid's edges), Space or Enter drops, Escape cancels.
 */
export function matrixKeyAction(
  key: { key: string; shiftKey: boolean },
  carried: CellRef | null,
  axes: MatrixAxes,
): MatrixKeyAction {
  if (carried === null) {
    if (key.key === " ") return { kind: "pickUp" };
    if (key.key === "ContextMenu" || (key.key === "F10" && key.shiftKey)) return { kind: "menu" };
    return null;
  }
  switch (key.key) {
    case "ArrowUp":
      return { kind: "move", cell: { ...carried, value: stepAlong(axes.values, carried.value, 1) } };
    case "ArrowDown":
      return { kind: "move", cell: { ...carried, value: stepAlong(axes.values, carried.value, -1) } };
    case "ArrowRight":
      return { kind: "move", cell: { ...carried, effort: stepAlong(axes.efforts, carried.effort, 1) } };
    case "ArrowLeft":
      return { kind: "move", cell: { ...carried, effort: stepAlong(axes.efforts, carried.effort, -1) } };
    case " ":
    case "Enter":
      return { kind: "drop" };
    case "Escape":
      return { kind: "cancel" };
    default:
      return null;
  }
}

/** Where a picked-up card starts: its own cell, or, for a card not placed yet, the middle of
 * the grid (the lower-left of its four central cells). */
export function startCell(inputs: { value: number | null; effort: number | null }, axes: MatrixAxes): CellRef {
  if (inputs.value !== null && inputs.effort !== null) return { value: inputs.value, effort: inputs.effort };
  const middle = (axis: readonly number[]) => {
    const ascending = [...axis].sort((a, b) => a - b);
    return ascending[Math.floor((ascending.length - 1) / 2)] ?? 0;
  };
  return { value: middle(axes.values), effort: middle(axes.efforts) };
}

/** "value 8, effort 3": a place on the matrix, inside a sentence. */
export const placeWords = (cell: CellRef) => `value ${cell.value}, effort ${cell.effort}`;

/** "Value 8, effort 3": a place on the matrix, as a name of its own. */
export const cellWords = (cell: CellRef) => `V${placeWords(cell).slice(1)}`;
