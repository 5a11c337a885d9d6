//! The one ranked-list component: the backlog now, every board column later.
//!
//! - ARIA grid with one tab stop: the active row (roving focus); the keyboard model is in
//!   `keyboard.ts`, the row commands (moves, edit, delete) come from the command registry.
//! - Virtualised (@tanstack/react-virtual): only the rows in view, plus a margin, are in the DOM;
//!   the active row and the dragged row are always kept mounted.
//! - Drag and drop (@dnd-kit): the whole row is the pointer handle (after 8 px), Space picks it up
//!   from the keyboard; a `DragOverlay` follows the pointer; the list scrolls at its edges.
//! - It never reorders anything itself: a drop calls `onDrop(item, from, to)`, and the owner moves
//!   the item (optimistically) and hands back the new order.
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  closestCenter,
  useDndMonitor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from "react";
import type { AppCommand } from "../../commands/registry";
import { announce } from "../../feedback/announcer";
import { AnchoredMenu } from "../ActionsMenu";
import { listKeyAction } from "./keyboard";
import { RankedRow, RankedRowPreview, type RankedColumn, type RankedItem } from "./RankedRow";
import { cx } from "../../lib/classNames";
import styles from "./RankedList.module.css";

export type { RankedColumn, RankedItem };

/** What the owner can ask of the list. */
export type RankedListHandle = {
  /** Makes the item the active row, scrolls to it and focuses it. */
  focusItem: (id: string) => void;
  /** Focuses the active row; when it left the list, the row that took its place. */
  focusActive: () => void;
};

/** Height of the header row, in px (the rows are placed below it). */
const HEADER_HEIGHT = 32;
const OVERSCAN = 8;

type RankedListProps<T extends RankedItem> = {
  /** The grid's accessible name, e.g. "Ranked backlog". */
  label: string;
  /** The rows, in rank order (possibly filtered). */
  items: readonly T[];
  /** How many items the whole ranked collection has (for "position 3 of 25"). */
  totalCount: number;
  columns: readonly RankedColumn<T>[];
  /** A row's accessible name: position, title, kind, status… */
  rowLabel: (item: T) => string;
  /** A row's short name for announcements and its menu ("“Bank sync”"). */
  itemName: (item: T) => string;
  /** The row's commands (menu and keys), given its index in `items`. */
  rowCommands: (item: T, index: number) => AppCommand[];
  /** Enter is a command; a double click opens the item too. */
  onOpen: (item: T) => void;
  /** A drag ended over another row: move `item` from index `from` to index `to` of `items`. */
  onDrop: (item: T, from: number, to: number) => void;
  /** A row command that can't run now was asked for (e.g. the first row "up"). */
  onBlocked?: (item: T, command: AppCommand) => void;
  rowHeight?: number;
  describedBy?: string;
  /** A row's own description (its scores…), read before `describedBy`. */
  rowDescription?: (item: T) => string;
  /**
   * False while the rows are shown in an order other than the rank (a score order): nothing can
   * be dragged. The owner disables its move commands and says why.
   */
  isReorderable?: boolean;
  /** Space was pressed to pick a row up while the list can't be reordered. */
  onReorderBlocked?: (item: T) => void;
  /** Multi-selection (Ctrl/Shift click, Shift+arrows, Ctrl+A, Escape), owned by the caller. */
  selection?: { selectedIds: ReadonlySet<string>; onChange: (ids: ReadonlySet<string>) => void };
  ref?: Ref<RankedListHandle>;
  /**
   * Multi-column mode (a board): the list joins the drag-and-drop context of the board around it
   * instead of having its own, as the sortable container `containerId`, so a row can be dragged
   * to another list. The board then owns the drop (and the overlay); `onDrop` is not called.
   */
  sharedDrag?: { containerId: string };
  /**
   * "cards" (a board's narrow columns): each row is a card, its first column across the whole
   * card, then a line with the position, the second column and the menu; the header row is
   * read by screen readers only. Default "table": one line per row under a visible header.
   */
  layout?: "table" | "cards";
};

export function RankedList<T extends RankedItem>(props: RankedListProps<T>) {
  const { items, columns, rowHeight = 56, rowCommands, isReorderable = true, selection } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The active row (the tab stop) and where it was, for when it leaves the list. */
  const [active, setActive] = useState<{ id: string; index: number } | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ item: T; index: number } | null>(null);
  const menuAnchor = useRef<HTMLElement | null>(null);
  /** A row to focus as soon as it is rendered. */
  const pendingFocus = useRef<string | null>(null);
  /** The row that had the keyboard last, while the keyboard stays in the list. */
  const heldFocus = useRef<string | null>(null);
  /** Where a Shift range starts: the row last clicked or Ctrl-clicked, or the active row. */
  const selectionAnchor = useRef<string | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const found = active === null ? -1 : ids.indexOf(active.id);
  // The active row left the list (deleted, filtered out): the row now in its place takes over.
  const activeIndex = items.length === 0 ? -1 : found >= 0 ? found : Math.min(active?.index ?? 0, items.length - 1);
  const effectiveActiveId = activeIndex >= 0 ? (items[activeIndex]?.id ?? null) : null;
  const dragIndex = dragId === null ? -1 : ids.indexOf(dragId);
  const activeNow = useRef(activeIndex);
  useLayoutEffect(() => {
    activeNow.current = activeIndex;
  });

  // The active and the dragged rows stay mounted wherever the list is scrolled: the active one
  // is the tab stop, the dragged one is dnd-kit's source.
  const rangeExtractor = useCallback(
    (range: Parameters<typeof defaultRangeExtractor>[0]) => {
      const indexes = new Set(defaultRangeExtractor(range));
      for (const index of [activeIndex, dragIndex]) if (index >= 0 && index < range.count) indexes.add(index);
      return [...indexes].sort((a, b) => a - b);
    },
    [activeIndex, dragIndex],
  );
  // The virtualizer is used as documented: its result is read during render, not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    // The sticky header covers the top of the scroll box: scrolling to a row keeps it below.
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => ids[index] ?? index,
    rangeExtractor,
    initialRect: { width: 800, height: 600 },
  });

  const focusIndex = useCallback(
    (index: number) => {
      const item = latest.current.items[index];
      if (!item) return;
      setActive({ id: item.id, index });
      pendingFocus.current = item.id;
      virtualizer.scrollToIndex(index, { align: "auto" });
    },
    [virtualizer],
  );

  useImperativeHandle(
    props.ref,
    () => ({
      focusItem: (id: string) => {
        // Wherever the item is once the list has rendered (a move may be on its way in).
        pendingFocus.current = id;
        setActive({ id, index: latest.current.items.findIndex((item) => item.id === id) });
      },
      focusActive: () => focusIndex(activeNow.current),
    }),
    [focusIndex],
  );

  // The keyboard stays on the list: after a move re-inserts the focused row, after the focused
  // row is deleted or undone, focus goes (back) to the active row instead of the page's body.
  useLayoutEffect(() => {
    const focused = document.activeElement;
    const lost = focused === null || focused === document.body || !focused.isConnected;
    if (heldFocus.current !== null && lost && effectiveActiveId !== null) pendingFocus.current = effectiveActiveId;
    const wanted = pendingFocus.current;
    if (wanted === null) return;
    const index = ids.indexOf(wanted);
    if (index < 0) {
      pendingFocus.current = null;
      return;
    }
    // Brings the row into view (a no-op when it is), then focuses it once it is rendered.
    virtualizer.scrollToIndex(index, { align: "auto" });
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(wanted)}"]`);
    if (row) {
      pendingFocus.current = null;
      if (document.activeElement !== row) row.focus({ preventScroll: true });
    }
  });

  // The active row moved (a move, a drop, an undo): the list follows it, so the row being
  // worked on stays in view. Scrolling is a no-op when it is in view already.
  const followed = useRef<{ id: string | null; index: number }>({ id: null, index: -1 });
  useLayoutEffect(() => {
    const previous = followed.current;
    followed.current = { id: effectiveActiveId, index: activeIndex };
    if (effectiveActiveId !== null && previous.id === effectiveActiveId && previous.index !== activeIndex) {
      virtualizer.scrollToIndex(activeIndex, { align: "auto" });
    }
  }, [effectiveActiveId, activeIndex, virtualizer]);

  useEffect(() => {
    const grid = scrollRef.current;
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof Node) || !grid?.contains(event.target)) heldFocus.current = null;
    };
    document.addEventListener("focusin", onFocusIn);
    return () => document.removeEventListener("focusin", onFocusIn);
  }, []);

  const onFocusRow = useCallback((id: string) => {
    const index = latest.current.items.findIndex((item) => item.id === id);
    setActive({ id, index });
    heldFocus.current = id;
  }, []);

  const openMenu = useCallback((item: T, anchor: HTMLElement) => {
    const index = latest.current.items.findIndex((candidate) => candidate.id === item.id);
    menuAnchor.current = anchor;
    setMenu({ item, index });
    // The row whose menu it is becomes the active one (the tab stop after the menu closes).
    setActive({ id: item.id, index });
  }, []);
  // The menu was opened from the focused row, so closing it gives the row the focus back.
  const closeMenu = useCallback(() => setMenu(null), []);

  /** Selects the rows from the anchor's to the one at `toIndex`, both included. */
  const selectRange = useCallback((anchorId: string, toIndex: number) => {
    const { items: rows, selection: chosen } = latest.current;
    const from = rows.findIndex((row) => row.id === anchorId);
    if (!chosen || from < 0) return;
    const [low, high] = from < toIndex ? [from, toIndex] : [toIndex, from];
    chosen.onChange(new Set(rows.slice(low, high + 1).map((row) => row.id)));
  }, []);

  /** A click on a row: Ctrl toggles it, Shift selects the range to it, a plain click clears. */
  const onRowClick = useCallback(
    (item: T, modifiers: { ctrl: boolean; shift: boolean }) => {
      const chosen = latest.current.selection;
      if (!chosen) return;
      if (modifiers.shift) {
        const anchor = selectionAnchor.current ?? latest.current.items[activeNow.current]?.id ?? item.id;
        selectRange(anchor, latest.current.items.findIndex((row) => row.id === item.id));
        return;
      }
      selectionAnchor.current = item.id;
      if (modifiers.ctrl) {
        const next = new Set(chosen.selectedIds);
        if (next.has(item.id)) next.delete(item.id);
        else next.add(item.id);
        chosen.onChange(next);
      } else if (chosen.selectedIds.size > 0) {
        chosen.onChange(new Set());
      }
    },
    [selectRange],
  );

  const dragging = dragId !== null;
  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, item: T, index: number, pickUp: (event: KeyboardEvent) => void) => {
      // Keys on the row's own button belong to it; during a keyboard drag they belong to dnd-kit.
      if (event.target !== event.currentTarget || dragging) return;
      const { items: rows, rowCommands: commandsOf, onBlocked } = latest.current;
      const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight));
      const chosen = latest.current.selection;
      const action = listKeyAction(event, {
        index,
        count: rows.length,
        pageSize,
        rowCommands: commandsOf(item, index),
        selectable: chosen !== undefined,
        hasSelection: (chosen?.selectedIds.size ?? 0) > 0,
      });
      if (action === null) return;
      if (action.type === "pickUp") {
        if (latest.current.isReorderable === false) {
          event.preventDefault();
          latest.current.onReorderBlocked?.(item);
        } else {
          pickUp(event);
        }
        return;
      }
      event.preventDefault();
      switch (action.type) {
        case "focus":
          focusIndex(action.index);
          break;
        case "openMenu": {
          const button = event.currentTarget.querySelector<HTMLElement>("[data-row-menu]");
          if (button) openMenu(item, button);
          break;
        }
        case "command":
          action.command.run();
          break;
        case "blocked":
          onBlocked?.(item, action.command);
          break;
        case "extend":
          if (selectionAnchor.current === null || !rows.some((row) => row.id === selectionAnchor.current)) selectionAnchor.current = item.id;
          selectRange(selectionAnchor.current, action.index);
          focusIndex(action.index);
          break;
        case "selectAll":
          chosen?.onChange(new Set(rows.map((row) => row.id)));
          break;
        case "clearSelection":
          chosen?.onChange(new Set());
          break;
      }
    },
    [dragging, rowHeight, focusIndex, openMenu, selectRange],
  );
  const onOpen = useCallback((item: T) => latest.current.onOpen(item), []);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );
  const keyboardDrag = useRef(false);
  const overAnnounced = useRef<string | null>(null);

  const describe = (id: string | number | undefined) => {
    const item = items.find((candidate) => candidate.id === id);
    return item ? { item, name: props.itemName(item) } : null;
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    setDragId(String(active.id));
    setActive({ id: String(active.id), index: ids.indexOf(String(active.id)) });
    keyboardDrag.current = activatorEvent instanceof KeyboardEvent;
    overAnnounced.current = String(active.id);
    const picked = describe(active.id);
    if (picked) {
      const keys = keyboardDrag.current ? " Use the arrow keys to move it, Space to drop it, Escape to cancel." : "";
      announce(`Picked up ${picked.name}, position ${picked.item.position} of ${props.totalCount}.${keys}`);
    }
  };

  const onDragOver = ({ over }: DragOverEvent) => {
    // The pointer's path is not read out; a keyboard drag says where the row would land.
    if (!keyboardDrag.current || !over || over.id === overAnnounced.current) return;
    overAnnounced.current = String(over.id);
    const target = describe(over.id);
    if (target) announce(`Over position ${target.item.position}`);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragId(null);
    const from = ids.indexOf(String(active.id));
    const to = over ? ids.indexOf(String(over.id)) : -1;
    const item = items[from];
    if (!item) return;
    if (to < 0 || to === from) {
      announce(`${props.itemName(item)} was dropped where it was.`);
      return;
    }
    props.onDrop(item, from, to);
  };

  const onDragCancel = ({ active }: { active: { id: string | number } }) => {
    setDragId(null);
    const cancelled = describe(active.id);
    if (cancelled) announce(`Moving ${cancelled.name} was cancelled.`);
  };

  // In a board, the board's context reports the drags: the list only keeps the dragged row mounted.
  const onSharedDragStart = (id: string) => {
    setDragId(id);
    setActive({ id, index: ids.indexOf(id) });
  };
  const onSharedDragEnd = () => setDragId(null);

  const template = ["3rem", ...columns.map((column) => column.width), "var(--control-height)"].join(" ");
  const dragged = dragIndex >= 0 ? items[dragIndex] : undefined;
  const menuCommands = useMemo(() => (menu ? rowCommands(menu.item, menu.index) : []), [menu, rowCommands]);
  const grid = (
        <SortableContext id={props.sharedDrag?.containerId} items={ids} strategy={verticalListSortingStrategy}>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={props.label}
        aria-rowcount={items.length + 1}
        aria-colcount={columns.length + 2}
        aria-multiselectable={selection ? true : undefined}
        className={styles.grid}
        data-dragging={dragging || undefined}
        data-layout={props.layout === "cards" ? "cards" : undefined}
      >
        <div role="rowgroup" className={styles.header}>
          <div role="row" aria-rowindex={1} className={styles.headerRow}>
            <div role="columnheader" className={cx(styles.cell, styles.position)}>
              #
            </div>
            {columns.map((column) => (
              <div role="columnheader" key={column.id} className={styles.cell}>
                {column.header}
              </div>
            ))}
            <div role="columnheader" className={cx(styles.cell, styles.menuCell)}>
              <span className="visually-hidden">Actions</span>
            </div>
          </div>
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index];
            if (!item) return null;
            return (
              <RankedRow
                key={item.id}
                item={item}
                index={row.index}
                top={row.start - HEADER_HEIGHT}
                label={props.rowLabel(item)}
                menuLabel={`Actions for ${props.itemName(item)}`}
                isActive={item.id === effectiveActiveId}
                columns={columns}
                describedBy={props.describedBy}
                description={props.rowDescription?.(item)}
                isReorderable={isReorderable}
                isSelected={selection ? selection.selectedIds.has(item.id) : undefined}
                onRowClick={onRowClick}
                onFocusRow={onFocusRow}
                onRowKeyDown={onRowKeyDown}
                onOpenMenu={openMenu}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </SortableContext>
  );

  return (
    <div className={styles.list} style={{ "--ranked-columns": template, "--ranked-row-height": `${rowHeight}px` } as CSSProperties}>
      {props.sharedDrag ? (
        <SharedDragMonitor ids={ids} onStart={onSharedDragStart} onEnd={onSharedDragEnd}>
          {grid}
        </SharedDragMonitor>
      ) : (
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        accessibility={{ announcements: SILENT, screenReaderInstructions: { draggable: "" } }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        {grid}
        <DragOverlay dropAnimation={null}>
          {dragged ? <RankedRowPreview item={dragged} columns={columns} /> : null}
        </DragOverlay>
      </DndContext>
      )}
      <AnchoredMenu
        anchorRef={menuAnchor}
        isOpen={menu !== null}
        onClose={closeMenu}
        label={menu ? `Actions for ${props.itemName(menu.item)}` : "Actions"}
        commands={menuCommands}
      />
    </div>
  );
}

/** Follows the drags of the board's context that start in this list. */
function SharedDragMonitor({
  ids,
  onStart,
  onEnd,
  children,
}: {
  ids: readonly string[];
  onStart: (id: string) => void;
  onEnd: () => void;
  children: ReactNode;
}) {
  useDndMonitor({
    onDragStart: ({ active }) => {
      if (ids.includes(String(active.id))) onStart(String(active.id));
    },
    onDragEnd: onEnd,
    onDragCancel: onEnd,
  });
  return children;
}

/** dnd-kit's own live region stays quiet: the app announces through its own. */
const SILENT = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};
