//! One card of the matrix: a button that is a pointer drag source (dnd-kit, after 8 px) and
//! carries the matrix's keys (Space picks it up, arrows move it a cell, Space or Enter drops,
//! Escape cancels, Shift+F10 opens its menu; a click opens the menu too).
import { useDraggable } from "@dnd-kit/core";
import { memo, type KeyboardEvent } from "react";
import type { ItemSummary } from "../../api";
import { cx } from "../../lib/classNames";
import { quoteTitle } from "../../lib/quote";
import { placeWords } from "./matrixGeometry";
import styles from "./MatrixView.module.css";

type MatrixCardProps = {
  item: ItemSummary;
  /** The id the drag knows it by (a card shown twice, in a cell and its list, needs two). */
  dragId: string;
  /** A chip in a cell, or a row of a list (with its kind and status line). */
  variant: "chip" | "row";
  /** The card's second line ("Feature · Idea"), for rows. */
  meta?: string;
  isCarried: boolean;
  describedBy: string;
  onKey: (event: KeyboardEvent<HTMLButtonElement>, item: ItemSummary) => void;
  onOpenMenu: (item: ItemSummary, anchor: HTMLElement) => void;
};

/** The card's accessible name: its title and where it is. */
export function cardName(item: ItemSummary): string {
  const { value, effort } = item.inputs;
  const place = value !== null && effort !== null ? placeWords({ value, effort }) : "not placed";
  return `${quoteTitle(item.title)}, ${place}`;
}

export const MatrixCard = memo(function MatrixCard({ item, dragId, variant, meta, isCarried, describedBy, onKey, onOpenMenu }: MatrixCardProps) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: dragId, data: { itemId: item.id } });
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={cx(styles.card, variant === "chip" ? styles.chip : styles.rowCard)}
      data-matrix-card={item.id}
      data-carried={isCarried || undefined}
      data-dragging={isDragging || undefined}
      aria-label={cardName(item)}
      aria-describedby={describedBy}
      aria-pressed={isCarried ? true : undefined}
      {...listeners}
      onClick={(event) => onOpenMenu(item, event.currentTarget)}
      onContextMenu={(event) => {
        event.preventDefault();
        onOpenMenu(item, event.currentTarget);
      }}
      onKeyDown={(event) => onKey(event, item)}
      // Space picks the card up (on keydown): its keyup must not click the button as well.
      onKeyUp={(event) => {
        if (event.key === " ") event.preventDefault();
      }}
    >
      <span className={styles.cardTitle}>{item.title}</span>
      {variant === "row" && meta ? <span className={styles.cardMeta}>{meta}</span> : null}
    </button>
  );
});
