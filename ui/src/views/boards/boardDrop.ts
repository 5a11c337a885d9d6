//! How a drag on a board becomes a card move: which column it was dropped in and next to which
//! card. Pure, so the rule is tested without a pointer; Rust then places the card.
import {
  closestCenter,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import type { MoveTarget } from "../../api";

/** The id of a column's drop area (the whole column, for empty columns and gaps). */
export const columnDropId = (column: string) => `column:${column}`;

const columnOfDropId = (id: string) => (id.startsWith("column:") ? id.slice("column:".length) : null);

/**
 * Two steps, as many columns need: the column under the pointer first (for a keyboard drag, with
 * no pointer, the column the dragged card overlaps most: the arrow keys move it onto a column),
 * then the card of that column nearest to the dragged card, or the column itself when it has none.
 */
export function boardCollision(args: Parameters<CollisionDetection>[0], byKeyboard: boolean): ReturnType<CollisionDetection> {
  const isColumn = (id: string | number) => columnOfDropId(String(id)) !== null;
  // A keyboard drag has a pointer position too (where it started), which the arrow keys never move.
  const under = byKeyboard
    ? rectIntersection({ ...args, droppableContainers: args.droppableContainers.filter((c) => isColumn(c.id)) })[0]
    : pointerWithin(args).find((collision) => isColumn(collision.id));
  if (!under) return closestCenter(args);
  const column = columnOfDropId(String(under.id));
  const cards = args.droppableContainers.filter(
    (container) => (container.data.current as SortableData | undefined)?.sortable?.containerId === column,
  );
  const nearest = closestCenter({ ...args, droppableContainers: cards });
  return nearest.length > 0 ? nearest : [under];
}

/**
 * The keyboard drag: ↑/↓ as in any sortable list; ←/→ carry the card to the next column (onto
 * its top, below its heading), which the next collision turns into that column's nearest card.
 * (dnd-kit's own ←/→ would pick the card's own column first: its left edge is left of the card.)
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const step = event.code === "ArrowLeft" ? -1 : event.code === "ArrowRight" ? 1 : 0;
  if (step === 0) return sortableKeyboardCoordinates(event, args);
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = args.context;
  if (!collisionRect) return undefined;
  const columns = droppableContainers
    .getEnabled()
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      return columnOfDropId(String(container.id)) !== null && rect ? [rect] : [];
    })
    .sort((a, b) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const current = columns.findIndex((rect) => centre >= rect.left && centre <= rect.right);
  const target = current < 0 ? undefined : columns[current + step];
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: target.top + 48 };
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
