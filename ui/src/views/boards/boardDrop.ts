//! How a drag on a board becomes a card move: which column it was dropped in and next to which
//! card. Pure, so the rule is tested without a pointer; Rust then places the card.
import { closestCenter, pointerWithin, type CollisionDetection } from "@dnd-kit/core";
import type { MoveTarget } from "../../api";

/** The id of a column's drop area (the whole column, for empty columns and gaps). */
export const columnDropId = (column: string) => `column:${column}`;

const columnOfDropId = (id: string) => (id.startsWith("column:") ? id.slice("column:".length) : null);

/**
 * Two steps, as many columns need: the column under the pointer first, then the card of that
 * column nearest to the dragged card (a keyboard drag, with no pointer, takes the nearest card).
 */
export const boardCollision: CollisionDetection = (args) => {
  const under = pointerWithin(args).find((collision) => columnOfDropId(String(collision.id)) !== null);
  if (!under) return closestCenter(args);
  const column = columnOfDropId(String(under.id));
  const cards = args.droppableContainers.filter(
    (container) => (container.data.current as SortableData | undefined)?.sortable?.containerId === column,
  );
  const nearest = closestCenter({ ...args, droppableContainers: cards });
  return nearest.length > 0 ? nearest : [under];
};

type SortableData = { sortable?: { containerId: string | number; index: number } };

/** What dnd-kit says of the dragged card and of what it is over. */
export type DropInfo = {
  activeId: string;
  active: SortableData | undefined;
  /** The droppable under the card at the drop: a card or a column; null outside every column. */
  overId: string | null;
  over: SortableData | undefined;
  /** The dragged card's centre is below the centre of the card it is over. */
  below: boolean;
};

/** The move a drop asks for, or null when the card stays where it was. */
export function dropToMove(drop: DropInfo): { column: string; target: MoveTarget } | null {
  const from = drop.active?.sortable?.containerId;
  if (drop.overId === null || from === undefined) return null;
  const overColumn = columnOfDropId(drop.overId);
  if (overColumn !== null) {
    // Over a column's empty space: to the end of another column; in its own, nowhere new.
    return String(from) === overColumn ? null : { column: overColumn, target: { to: "bottom" } };
  }
  const column = drop.over?.sortable?.containerId;
  if (column === undefined || drop.overId === drop.activeId) return null;
  if (String(column) === String(from)) {
    const fromIndex = drop.active?.sortable?.index ?? -1;
    const toIndex = drop.over?.sortable?.index ?? -1;
    if (fromIndex === toIndex) return null;
    return {
      column: String(column),
      target: fromIndex < toIndex ? { to: "after", itemId: drop.overId } : { to: "before", itemId: drop.overId },
    };
  }
  return {
    column: String(column),
    target: drop.below ? { to: "after", itemId: drop.overId } : { to: "before", itemId: drop.overId },
  };
}
