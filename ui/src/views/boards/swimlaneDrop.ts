//! How a drag on the board in swimlanes becomes a move: a cell is a sortable container whose id
//! names its row and its column (`<swimlane>|<column>`), so the board's drop rule
//! (`dropToMove`) and collision (`boardCollision`) apply to cells as they do to columns. Pure.
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import type { KeyboardCoordinateGetter } from "@dnd-kit/core";
import type { MoveTarget } from "../../api";
import { dropToMove, type DropInfo } from "./boardDrop";

export const cellId = (swimlane: string, column: string) => `${swimlane}|${column}`;

export function parseCellId(id: string): { swimlane: string; column: string } | null {
  const at = id.lastIndexOf("|");
  return at <= 0 ? null : { swimlane: id.slice(0, at), column: id.slice(at + 1) };
}

export type SwimlaneDrop = { swimlane: string; column: string; target: MoveTarget };

/** The move a drop asks for, in the cell it was dropped in; null when nothing moves. */
export function dropToSwimlaneMove(drop: DropInfo): SwimlaneDrop | null {
  const request = dropToMove(drop);
  const cell = request ? parseCellId(request.column) : null;
  return request && cell ? { ...cell, target: request.target } : null;
}

/**
 * The keyboard drag: ↑/↓ as in any sortable list (down past a cell's last card reaches the row
 * below); ←/→ carry the card to the next cell of its own row, onto its top.
 */
export const swimlaneKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const step = event.code === "ArrowLeft" ? -1 : event.code === "ArrowRight" ? 1 : 0;
  if (step === 0) return sortableKeyboardCoordinates(event, args);
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = args.context;
  if (!collisionRect) return undefined;
  const middle = collisionRect.top + collisionRect.height / 2;
  const cells = droppableContainers
    .getEnabled()
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      const isCell = String(container.id).startsWith("column:");
      return isCell && rect && middle >= rect.top && middle <= rect.bottom ? [rect] : [];
    })
    .sort((a, b) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const current = cells.findIndex((rect) => centre >= rect.left && centre <= rect.right);
  const target = current < 0 ? undefined : cells[current + step];
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: target.top + 48 };
};
