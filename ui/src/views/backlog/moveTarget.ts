import type { BacklogItem, MoveTarget } from "../../api";
import type { MoveDirection } from "../../lib/shortcuts";

/**
 * The backend move for a one-step or to-the-end move of `visible[index]`. With every item visible
 * the plain targets do; in a filtered list "up" and "down" mean past the neighbouring *visible*
 * row, so they become `before`/`after` that row. Returns null when the row can't go further.
 */
export function moveTargetFor(
  direction: MoveDirection,
  visible: readonly BacklogItem[],
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
