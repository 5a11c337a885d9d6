//! The Now / Next / Later board in swimlanes: a row per goal (or theme) as Rust lists them, then
//! the cards without one, each row with the board's columns as cells. A cell is a ranked list in
//! the board's one drag-and-drop context: dragging within a cell ranks the card, to another cell
//! of the row moves its lane, to another row changes its goal (theme) with the lane in one undo
//! step (`move_card_in_swimlanes`). Every drag has its keys and menu (`swimlaneCommands`), every
//! move is announced once and gives the card the focus back.
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useCallback, useId, useLayoutEffect, useRef, useState } from "react";
import {
  cellOf,
  describeError,
  toUiError,
  useMoveCardInSwimlanes,
  useSwimlaneBoard,
  type BoardColumn,
  type ItemSummary,
  type Product,
  type Swimlane,
  type SwimlaneGrouping,
} from "../../api";
import type { AppCommand } from "../../commands/registry";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { RankedList, type RankedColumn, type RankedListHandle } from "../../components/ranked-list/RankedList";
import { RankedRowPreview } from "../../components/ranked-list/RankedRow";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { boardCollision, columnDropId } from "./boardDrop";
import { CARD_HEIGHT, CARD_KEYS, SILENT } from "./BoardView";
import { declareSwimlaneCardCommands, type SwimlaneMoveRequest } from "./swimlaneCommands";
import { cellId, dropToSwimlaneMove, parseCellId, swimlaneKeyboardCoordinates } from "./swimlaneDrop";
import styles from "./BoardView.module.css";

type SwimlaneBoardProps = {
  product: Product;
  grouping: SwimlaneGrouping;
  cardColumns: readonly RankedColumn<ItemSummary>[];
};

/** A row's cells show at most this many cards before they scroll. */
const VISIBLE_CARDS = 3;

export function SwimlaneBoard({ product, grouping, cardColumns }: SwimlaneBoardProps) {
  const query = useSwimlaneBoard(product.id, grouping);
  const failure = useLoadFailure(query);
  const board = query.data;
  const moveCard = useMoveCardInSwimlanes();
  const lists = useRef(new Map<string, RankedListHandle>());
  const hintId = useId();
  const [dragged, setDragged] = useState<ItemSummary | null>(null);
  const keyboardDrag = useRef(false);
  const skipFirstOver = useRef(true);
  const latest = useRef(board);
  useLayoutEffect(() => {
    latest.current = board;
  });
  const noun = grouping === "goal" ? "goal" : "theme";
  const register = useCallback((cell: string, handle: RankedListHandle | null) => {
    if (handle) lists.current.set(cell, handle);
    else lists.current.delete(cell);
  }, []);

  /** Gives the moved card the focus in its cell, for a few frames until it keeps it (see
   * `BoardView`'s `focusCard`: a menu that closed hands the focus back a frame or two later). */
  const focusCard = useCallback((cell: string, itemId: string) => {
    let frames = 0;
    const request = () => {
      lists.current.get(cell)?.focusItem(itemId);
      const row = document.querySelector<HTMLElement>(`[data-board-cell="${CSS.escape(cell)}"] [data-row-id="${CSS.escape(itemId)}"]`);
      if (row && document.activeElement !== row) row.focus({ preventScroll: true });
      frames += 1;
      const settled = frames >= 3 && row !== null && document.activeElement === row;
      if (frames < 12 && !settled) requestAnimationFrame(request);
    };
    request();
  }, []);

  const move = useCallback(
    (item: ItemSummary, request: SwimlaneMoveRequest) => {
      void moveCard({ productId: product.id, grouping, itemId: item.id, ...request }).then(
        ({ moved, swimlaneKey, column, swimlaneLabel, columnLabel, position, total }) => {
          if (!moved) announce(`${quoteTitle(item.title)} is already there.`);
          else if (position !== null) {
            announce(`${quoteTitle(item.title)} moved to ${columnLabel} in ${swimlaneLabel}, position ${position} of ${total}`);
          }
          // Where Rust's board (already in the cache) has it, which this render may not show yet.
          focusCard(cellId(swimlaneKey ?? request.swimlane, column ?? request.column), item.id);
        },
        (error: unknown) => {
          announce(`${quoteTitle(item.title)} was not moved: ${describeError(toUiError(error))}`);
          const cell = cellOf(latest.current, item.id);
          if (cell) focusCard(cellId(cell.swimlane.key, cell.column.column), item.id);
        },
      );
    },
    [moveCard, product.id, grouping, focusCard],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: swimlaneKeyboardCoordinates,
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const cell = cellOf(latest.current, String(active.id));
    setDragged(cell?.column.cards[cell.index] ?? null);
    keyboardDrag.current = activatorEvent instanceof KeyboardEvent;
    skipFirstOver.current = true;
    if (cell) {
      const keys = keyboardDrag.current ? " Use the arrow keys to move it, Space to drop it, Escape to cancel." : "";
      const card = cell.column.cards[cell.index] as ItemSummary;
      announce(
        `Picked up ${quoteTitle(card.title)}, position ${cell.index + 1} of ${cell.column.cards.length} in ${cell.column.label}, ${cell.swimlane.label}.${keys}`,
      );
    }
  };

  const onDragOver = ({ over }: DragOverEvent) => {
    if (skipFirstOver.current) {
      skipFirstOver.current = false;
      return;
    }
    if (!keyboardDrag.current || !over) return;
    const data = over.data.current as { sortable?: { containerId: string; index: number } } | undefined;
    const id = data?.sortable?.containerId ?? (String(over.id).startsWith("column:") ? String(over.id).slice("column:".length) : "");
    const cell = parseCellId(id);
    const swimlane = latest.current?.swimlanes.find((candidate) => candidate.key === cell?.swimlane);
    const column = swimlane?.columns.find((candidate) => candidate.column === cell?.column);
    if (!swimlane || !column) return;
    announce(`Over ${column.label} in ${swimlane.label}, position ${data?.sortable ? data.sortable.index + 1 : column.cards.length + 1}`);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const cell = cellOf(latest.current, String(active.id));
    const card = cell?.column.cards[cell.index];
    if (!card) return;
    const translated = active.rect.current.translated;
    const request = dropToSwimlaneMove({
      activeId: String(active.id),
      active: active.data.current,
      overId: over ? String(over.id) : null,
      over: over?.data.current,
      below: Boolean(translated && over && translated.top + translated.height / 2 > over.rect.top + over.rect.height / 2),
    });
    if (!request) {
      announce(`${quoteTitle(card.title)} was dropped where it was.`);
      return;
    }
    move(card, request);
  };

  const onDragCancel = () => {
    if (dragged) announce(`Moving ${quoteTitle(dragged.title)} was cancelled.`);
    setDragged(null);
  };

  return (
    <>
      {failure ? <LoadError title="The swimlanes couldn’t be loaded." failure={failure} /> : null}
      {query.isPending ? <div className="loading" aria-busy="true" /> : null}
      {board ? (
        <>
          <p className="visually-hidden" id={hintId}>
            {CARD_KEYS} While a card is picked up, the left and right arrows take it to the next column of its row, up and down past
            the cell&apos;s ends to the next row.
          </p>
          <DndContext
            sensors={sensors}
            collisionDetection={(args) => boardCollision(args, keyboardDrag.current)}
            measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
            accessibility={{ announcements: SILENT, screenReaderInstructions: { draggable: "" } }}
            onDragStart={onDragStart}
            onDragOver={onDragOver}
            onDragEnd={onDragEnd}
            onDragCancel={onDragCancel}
          >
            <div className={styles.swimlanes}>
              {/* The columns' names once, above the rows (each cell's list names its column too). */}
              <div className={styles.columnHeads} aria-hidden="true">
                {board.swimlanes[0]?.columns.map((column) => (
                  <span key={column.column} className={styles.columnHead}>
                    {column.label}
                  </span>
                ))}
              </div>
              {board.swimlanes.map((swimlane) => (
                <SwimlaneRow
                  key={swimlane.key}
                  swimlane={swimlane}
                  swimlanes={board.swimlanes}
                  noun={noun}
                  cardColumns={cardColumns}
                  describedBy={hintId}
                  onMove={move}
                  register={register}
                />
              ))}
            </div>
            <DragOverlay dropAnimation={null}>
              {dragged ? <RankedRowPreview item={dragged} columns={cardColumns.slice(0, 1)} /> : null}
            </DragOverlay>
          </DndContext>
        </>
      ) : null}
    </>
  );
}

type SwimlaneRowProps = {
  swimlane: Swimlane;
  swimlanes: readonly Swimlane[];
  noun: string;
  cardColumns: readonly RankedColumn<ItemSummary>[];
  describedBy: string;
  onMove: (item: ItemSummary, request: SwimlaneMoveRequest) => void;
  register: (cell: string, handle: RankedListHandle | null) => void;
};

function SwimlaneRow({ swimlane, swimlanes, noun, cardColumns, describedBy, onMove, register }: SwimlaneRowProps) {
  const headingId = useId();
  const fullest = Math.max(1, ...swimlane.columns.map((column) => column.cards.length));
  // Room for the fullest cell's cards, up to VISIBLE_CARDS (the rest scrolls inside the cell),
  // and never less than a ranked list's own minimum height (12rem).
  const cellHeight = Math.max(Math.min(fullest, VISIBLE_CARDS) * CARD_HEIGHT + 48, 200);
  return (
    <section className={styles.swimlane} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.swimlaneHeading}>
        <span className={styles.columnLabel}>{swimlane.label}</span>
        <span className={styles.count} aria-label={`${swimlane.count} ${swimlane.count === 1 ? "card" : "cards"}`}>
          {swimlane.count}
        </span>
      </h2>
      <div className={styles.cells} style={{ height: `${cellHeight}px` }}>
        {swimlane.columns.map((column) => (
          <SwimlaneCell
            key={column.column}
            swimlane={swimlane}
            swimlanes={swimlanes}
            column={column}
            noun={noun}
            cardColumns={cardColumns}
            describedBy={describedBy}
            onMove={onMove}
            register={register}
          />
        ))}
      </div>
    </section>
  );
}

type SwimlaneCellProps = Omit<SwimlaneRowProps, "swimlane"> & { swimlane: Swimlane; column: BoardColumn };

function SwimlaneCell({ swimlane, swimlanes, column, noun, cardColumns, describedBy, onMove, register }: SwimlaneCellProps) {
  const id = cellId(swimlane.key, column.column);
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(id) });
  const count = column.cards.length;
  const rowCommands = useCallback(
    (item: ItemSummary, index: number): AppCommand[] =>
      declareSwimlaneCardCommands(noun, swimlanes, swimlane, column.column, index, (request) => onMove(item, request)),
    [noun, swimlanes, swimlane, column.column, onMove],
  );
  const rowLabel = useCallback((item: ItemSummary) => `${item.position}. ${item.title}`, []);
  const itemName = useCallback((item: ItemSummary) => quoteTitle(item.title), []);
  const onBlocked = useCallback(
    (item: ItemSummary, command: AppCommand) => {
      const upward = command.id === "card.up" || command.id === "card.top";
      announce(`${quoteTitle(item.title)} is already at the ${upward ? "top" : "bottom"} of ${column.label} in ${swimlane.label}`);
    },
    [column.label, swimlane.label],
  );
  const registerCell = useCallback((handle: RankedListHandle | null) => register(id, handle), [register, id]);
  return (
    <div ref={setNodeRef} className={styles.cell} data-board-cell={id} data-over={isOver || undefined}>
      <RankedList
        ref={registerCell}
        label={`${column.label}, ${swimlane.label}: ${count} ${count === 1 ? "card" : "cards"}`}
        items={column.cards}
        totalCount={count}
        columns={cardColumns}
        layout="cards"
        rowHeight={CARD_HEIGHT}
        rowLabel={rowLabel}
        itemName={itemName}
        rowCommands={rowCommands}
        onOpen={() => undefined}
        onDrop={() => undefined}
        onBlocked={onBlocked}
        describedBy={describedBy}
        sharedDrag={{ containerId: id }}
      />
    </div>
  );
}
