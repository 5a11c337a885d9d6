import { useSortable } from "@dnd-kit/sortable";
import { memo, useId, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { MoreIcon } from "../icons";
import { cx } from "../../lib/classNames";
import styles from "./RankedList.module.css";

export type RankedItem = { id: string; position: number };

/** A column after the position: header text, CSS grid width, and what a row shows in it. */
export type RankedColumn<T> = {
  id: string;
  header: string;
  /** A CSS grid track size, e.g. "minmax(0, 1fr)" or "7.5rem". */
  width: string;
  render: (item: T) => ReactNode;
};

type RankedRowProps<T extends RankedItem> = {
  item: T;
  index: number;
  /** Top of the row in the list, in px. */
  top: number;
  label: string;
  menuLabel: string;
  isActive: boolean;
  columns: readonly RankedColumn<T>[];
  describedBy?: string;
  /** The row's own description (its scores…), read before `describedBy`. */
  description?: string;
  /** False: the row can't be dragged (the list is not in rank order). */
  isReorderable: boolean;
  /** Undefined when the list has no selection. */
  isSelected?: boolean;
  /** Stable across renders: the list passes the same callbacks to every row. */
  onRowClick: (item: T, modifiers: { ctrl: boolean; shift: boolean }) => void;
  onFocusRow: (id: string) => void;
  onRowKeyDown: (event: KeyboardEvent<HTMLDivElement>, item: T, index: number, pickUp: (event: KeyboardEvent) => void) => void;
  onOpenMenu: (item: T, anchor: HTMLElement) => void;
  onOpen: (item: T) => void;
};

/**
 * One row of a ranked list (`role="row"`): the roving tab stop when active, a drag source for
 * the pointer (whole row) and the keyboard (Space), and a menu button that is not a tab stop.
 * Memoised: a move re-renders only the rows whose position or place changed.
 */
function RankedRowInner<T extends RankedItem>(props: RankedRowProps<T>) {
  const { item, index, top, label, menuLabel, isActive, columns, describedBy, description, isReorderable, isSelected } = props;
  const { setNodeRef, listeners, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !isReorderable });
  const descriptionId = useId();
  // The row's own facts (its scores) first, then the keys every row shares.
  const describers = [description ? descriptionId : undefined, describedBy].filter(Boolean).join(" ");
  // Placed with `top`, moved by dnd-kit with `transform`: dnd-kit measures rows ignoring their
  // transform, so the virtual position must not be one.
  const shift = transform ? `translate3d(0, ${transform.y}px, 0)` : undefined;
  return (
    <div
      ref={setNodeRef}
      role="row"
      className={styles.row}
      data-row-id={item.id}
      // The whole row is the pointer's drag handle (the window benchmark drags by this mark).
      data-drag-handle
      data-dragging={isDragging || undefined}
      aria-rowindex={index + 2}
      aria-label={label}
      aria-describedby={describers || undefined}
      aria-selected={isSelected}
      tabIndex={isActive ? 0 : -1}
      style={{ top: `${top}px`, transform: shift, transition }}
      onFocus={(event) => {
        if (event.target === event.currentTarget) props.onFocusRow(item.id);
      }}
      onPointerDown={listeners?.onPointerDown as ((event: PointerEvent) => void) | undefined}
      onKeyDown={(event) => props.onRowKeyDown(event, item, index, (keyEvent) => dndKeyDown(listeners)?.(keyEvent))}
      onDoubleClick={() => props.onOpen(item)}
      onClick={(event) => {
        if (event.target instanceof Element && event.target.closest("[data-row-menu]")) return;
        props.onRowClick(item, { ctrl: event.ctrlKey || event.metaKey, shift: event.shiftKey });
      }}
    >
      <div role="gridcell" className={cx(styles.cell, styles.position)}>
        {isSelected ? <CheckMark /> : null}
        {item.position}
      </div>
      {columns.map((column) => (
        <div role="gridcell" key={column.id} className={styles.cell}>
          {column.render(item)}
        </div>
      ))}
      <div role="gridcell" className={cx(styles.cell, styles.menuCell)}>
        {description ? (
          <span id={descriptionId} className="visually-hidden">
            {description}
          </span>
        ) : null}
        <button
          type="button"
          tabIndex={-1}
          className={cx("icon-button", styles.rowMenu)}
          data-row-menu
          aria-label={menuLabel}
          aria-haspopup="menu"
          onPointerDown={(event) => event.stopPropagation()}
          // The row keeps the focus (the button is not a tab stop): the menu returns it there.
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => {
            event.currentTarget.closest<HTMLElement>('[role="row"]')?.focus({ preventScroll: true });
            props.onOpenMenu(item, event.currentTarget);
          }}
        >
          <MoreIcon />
        </button>
      </div>
    </div>
  );
}

/** The selected row's mark (aria-selected says it to screen readers). */
function CheckMark() {
  return (
    <svg className={styles.check} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d="m2.5 6.5 2.5 2.5 4.5-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** dnd-kit's keyboard activator (Space picks the row up), called only for that key. */
function dndKeyDown(listeners: Record<string, unknown> | undefined) {
  return listeners?.onKeyDown as ((event: KeyboardEvent) => void) | undefined;
}

export const RankedRow = memo(RankedRowInner) as typeof RankedRowInner;

/** The row as it follows the pointer during a drag (a picture of the row, hidden from AT). */
export function RankedRowPreview<T extends RankedItem>({ item, columns }: { item: T; columns: readonly RankedColumn<T>[] }) {
  return (
    <div className={cx(styles.row, styles.preview)} data-drag-preview aria-hidden="true">
      <div className={cx(styles.cell, styles.position)}>{item.position}</div>
      {columns.map((column) => (
        <div key={column.id} className={styles.cell}>
          {column.render(item)}
        </div>
      ))}
      <div className={cx(styles.cell, styles.menuCell)} />
    </div>
  );
}
