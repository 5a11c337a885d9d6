//! From what the person did (a key on a row, a drop between rows) to the move Rust makes. Rust
//! decides the ranks; the UI only says where the item should go, relative to the rows the person
//! sees. The order shown until Rust's arrives is `api/order.ts`'s.
import type { ItemSummary, MoveTarget } from "../../api";
import type { MoveDirection } from "../../commands/itemCommands";

type Identified = Pick<ItemSummary, "id">;

/**
 * The move for a one-step or to-the-end move of `visible[index]`. With every item visible the
 * plain targets do; in a filtered list "up" and "down" mean past the neighbouring *visible* row,
 * so they become `before`/`after` that row. Null when the row can't go further.
 */
export function moveTargetFor(
  direction: MoveDirection,
  visible: readonly Identified[],
  index: number,
  isFiltered: boolean,
): MoveTarget | null {
  const atTop = index <= 0;
  const atBottom = index >= visible.length - 1;
  if ((direction === "up" || direction === "top") && atTop) return null;
  if ((direction === "down" || direction === "bottom") && atBottom) return null;
  if (!isFiltered || direction === "top" || direction === "bottom") return { to: direction };
  const neighbour = visible[direction === "up" ? index - 1 : index + 1];
  if (!neighbour) return null;
  return direction === "up" ? { to: "before", itemId: neighbour.id } : { to: "after", itemId: neighbour.id };
}

/** The move for a drop of `visible[from]` onto the place of `visible[to]`. */
export function moveTargetForDrop(visible: readonly Identified[], from: number, to: number): MoveTarget | null {
  const anchor = visible[to];
  if (!anchor || from === to || !visible[from]) return null;
  return to < from ? { to: "before", itemId: anchor.id } : { to: "after", itemId: anchor.id };
}
