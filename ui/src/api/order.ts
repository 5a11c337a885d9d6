//! The order Rust makes for a move, computed ahead of its answer so the list can show it at once.
//! `order.test.ts` replays every move of the recorded contract: the prediction is Rust's order.
import type { ItemSummary, MoveTarget } from "./client";

/** What a ranked row needs for its order: its id and its 1-based place. */
export type Ranked = Pick<ItemSummary, "id" | "position">;

/**
 * The whole list as it will be once Rust has made the move, with positions counted from that
 * order: shown at once, replaced by Rust's own order when it arrives.
 */
export function reorderedList<T extends Ranked>(all: readonly T[], itemId: string, target: MoveTarget): T[] {
  const index = all.findIndex((item) => item.id === itemId);
  const moving = all[index];
  if (!moving) return [...all];
  const others = all.filter((item) => item.id !== itemId);
  const anchorIndex = (id: string) => others.findIndex((item) => item.id === id);
  let at: number;
  switch (target.to) {
    case "top":
      at = 0;
      break;
    case "bottom":
      at = others.length;
      break;
    case "up":
      at = Math.max(0, index - 1);
      break;
    case "down":
      at = Math.min(others.length, index + 1);
      break;
    case "before":
    case "after": {
      const anchor = anchorIndex(target.itemId);
      // An anchor that is not in the list (gone meanwhile) leaves the order as it is.
      if (anchor < 0) return [...all];
      at = target.to === "before" ? anchor : anchor + 1;
      break;
    }
  }
  others.splice(at, 0, moving);
  return others.map((item, position) => (item.position === position + 1 ? item : { ...item, position: position + 1 }));
}
