//! A prioritisation board (MoSCoW, Kano): its columns side by side, each a virtualised ranked
//! list that joins the board's one drag-and-drop context, so a card is dragged within its column
//! to rank it and across columns to re-bucket it. Every drag has its keys and its menu (the card
//! commands); every move is announced once and gives the card the focus back. The columns, their
//! labels, the order and the MoSCoW effort check are Rust's (`list_board`).
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
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import {
  describeError,
  toUiError,
  useBoard,
  useMoveCard,
  useScoringScales,
  type BoardColumn,
  type BoardKind,
  type ItemSummary,
  type Product,
  type StatusOption,
} from "../../api";
import { ITEM_COMMANDS } from "../../commands/itemCommands";
import type { AppCommand } from "../../commands/registry";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { RoadmapExportMenu } from "../roadmap-export/RoadmapExportMenu";
import { describeRowKeys } from "../../components/ranked-list/keyboard";
import { RankedList, type RankedColumn, type RankedListHandle } from "../../components/ranked-list/RankedList";
import { RankedRowPreview } from "../../components/ranked-list/RankedRow";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { useBacklogPrefs } from "../backlog/backlogPrefs";
import { askWhyAfterMove } from "../decisions/rationalePrompt";
import { boardCollision, boardKeyboardCoordinates, columnDropId, dropToMove } from "./boardDrop";
import { cardFacts } from "./cardFacts";
import { EvidenceBadge } from "../evidence/EvidenceBadge";
import { declareCardCommands, type CardMoveRequest } from "./cardCommands";
import { SwimlaneBoard } from "./SwimlaneBoard";
import { SWIMLANE_CHOICES, setSwimlaneChoice, useSwimlaneChoice } from "./swimlanePrefs";
import styles from "./BoardView.module.css";

type BoardViewProps = {
  product: Product;
  statusOptions: readonly StatusOption[];
  board: BoardKind;
  /** The view's title, e.g. "MoSCoW board". */
  title: string;
};

/** A card's height: up to three lines of title and two of its facts. */
export const CARD_HEIGHT = 96;

/** A card: its title (up to three lines), then its facts (`cardFacts`). */
export function cardColumns(factsOf: (item: ItemSummary) => string): readonly RankedColumn<ItemSummary>[] {
  return [
    {
      id: "title",
      header: "Card",
      width: "minmax(0, 1fr)",
      render: (item) => <span className={styles.cardTitle}>{item.title}</span>,
    },
    {
      id: "facts",
      header: "Score, kind and status",
      width: "auto",
      render: (item) => (
        <span className={styles.cardFacts}>
          {factsOf(item)}
          <EvidenceBadge count={item.evidenceCount} />
        </span>
      ),
    },
  ];
}

/** dnd-kit's own live region stays quiet: the app announces through its own. */
export const SILENT = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};

/** The card keys, read with each card (from the command declarations, never written here). */
export const CARD_KEYS = describeRowKeys(ITEM_COMMANDS.filter((command) => command.id.startsWith("item.move")));

export function BoardView({ product, statusOptions, board, title }: BoardViewProps) {
  const swimlaneChoice = useSwimlaneChoice(product.id);
  // Swimlanes are the roadmap board's (a goal or theme says what an item is for, not its MoSCoW).
  const swimlanes = board === "horizon" && swimlaneChoice !== "none" ? swimlaneChoice : null;
  const query = useBoard(product.id, board);
  const scales = useScoringScales().data;
  const { shown } = useBacklogPrefs(product.id);
  const cardColumnsShown = useMemo(() => {
    const statusLabels = new Map(statusOptions.map((option) => [option.value, option.label] as const));
    return cardColumns((item) => cardFacts(item, shown, scales, statusLabels));
  }, [statusOptions, shown, scales]);
  const failure = useLoadFailure(query);
  const view = query.data;
  const moveCard = useMoveCard();
  const lists = useRef(new Map<string, RankedListHandle>());
  const hintId = useId();
  const [dragged, setDragged] = useState<ItemSummary | null>(null);
  const keyboardDrag = useRef(false);
  const skipFirstOver = useRef(true);
  const latest = useRef(view);
  useLayoutEffect(() => {
    latest.current = view;
  });

  const columnOf = (itemId: string) => latest.current?.columns.find((column) => column.cards.some((card) => card.id === itemId));

  /** Gives the moved card the focus in its column. A column that just got its first card lays
   * its rows out a frame later, and a menu that closed restores the focus to where it was opened
   * (the column the card left) a frame or two later: the request is repeated for a few frames
   * until the card has kept the focus. */
  const focusCard = useCallback((column: string, itemId: string) => {
    let frames = 0;
    const request = () => {
      lists.current.get(column)?.focusItem(itemId);
      // The card's row itself, once its new column has rendered it.
      const row = document.querySelector<HTMLElement>(
        `[data-board-column="${CSS.escape(column)}"] [data-row-id="${CSS.escape(itemId)}"]`,
      );
      if (row && document.activeElement !== row) row.focus({ preventScroll: true });
      frames += 1;
      const settled = frames >= 3 && row !== null && document.activeElement === row;
      if (frames < 12 && !settled) requestAnimationFrame(request);
    };
    request();
  }, []);

  const move = useCallback(
    (item: ItemSummary, request: CardMoveRequest) => {
      // Its key in its column before the move, for the rationale prompt: none from another
      // column, nor while a move into this one is still on its way (`predictMove` blanks it).
      const previousKey = columnOf(item.id)?.column === request.column && item.rank !== "" ? item.rank : null;
      void moveCard({ productId: product.id, board, itemId: item.id, column: request.column, target: request.target }).then(
        ({ moved, columnLabel, position, total }) => {
          if (!moved) announce(`${quoteTitle(item.title)} is already there.`);
          else if (position !== null) announce(`${quoteTitle(item.title)} moved to ${columnLabel}, position ${position} of ${total}`);
          focusCard(request.column, item.id);
          if (moved) void askWhyAfterMove({ productId: product.id, itemId: item.id, list: { list: "board", board }, previousKey });
        },
        (error: unknown) => {
          announce(`${quoteTitle(item.title)} was not moved: ${describeError(toUiError(error))}`);
          focusCard(columnOf(item.id)?.column ?? request.column, item.id);
        },
      );
    },
    [moveCard, product.id, board, focusCard],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: boardKeyboardCoordinates,
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );

  const cardById = (id: string) =>
    latest.current?.columns.flatMap((column) => column.cards).find((card) => card.id === id) ?? null;

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const card = cardById(String(active.id));
    setDragged(card);
    keyboardDrag.current = activatorEvent instanceof KeyboardEvent;
    skipFirstOver.current = true;
    const column = columnOf(String(active.id));
    if (card && column) {
      const keys = keyboardDrag.current ? " Use the arrow keys to move it, Space to drop it, Escape to cancel." : "";
      announce(`Picked up ${quoteTitle(card.title)}, position ${card.position} of ${column.cards.length} in ${column.label}.${keys}`);
    }
  };

  const onDragOver = ({ over }: DragOverEvent) => {
    // The first report is the card over itself, right after the pick-up: it would hide it.
    if (skipFirstOver.current) {
      skipFirstOver.current = false;
      return;
    }
    if (!keyboardDrag.current || !over) return;
    const data = over.data.current as { sortable?: { containerId: string; index: number } } | undefined;
    const overColumn = String(over.id).startsWith("column:") ? String(over.id).slice("column:".length) : undefined;
    const column = latest.current?.columns.find((candidate) => candidate.column === (data?.sortable?.containerId ?? overColumn));
    if (!column) return;
    // Over a card: its place; over a column's free space: after its cards.
    announce(`Over ${column.label}, position ${data?.sortable ? data.sortable.index + 1 : column.cards.length + 1}`);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const card = cardById(String(active.id));
    if (!card) return;
    const translated = active.rect.current.translated;
    const request = dropToMove({
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

  const total = view?.columns.reduce((sum, column) => sum + column.cards.length, 0) ?? 0;
  const warning = view?.mustEffort;

  return (
    <section className="view view-fill" aria-labelledby={`${board}-heading`}>
      <header className="view-header">
        <div>
          <h1 id={`${board}-heading`} tabIndex={-1}>
            {title}
          </h1>
          <p className="view-subtitle">
            {query.isPending ? "Loading…" : query.isError ? "Not loaded" : `${total} ${total === 1 ? "card" : "cards"}, most important first in each column`}
          </p>
        </div>
        {board === "horizon" ? <RoadmapExportMenu product={product} /> : null}
        {board === "horizon" ? (
          <div className={styles.switch} role="group" aria-label="Swimlanes">
            <span aria-hidden="true">Swimlanes</span>
            <span className={styles.choices}>
              {SWIMLANE_CHOICES.map((choice) => (
                <button
                  key={choice.value}
                  type="button"
                  className={styles.choice}
                  aria-pressed={choice.value === swimlaneChoice}
                  onClick={() => setSwimlaneChoice(product.id, choice.value)}
                >
                  {choice.label}
                </button>
              ))}
            </span>
          </div>
        ) : null}
      </header>
      {swimlanes ? <SwimlaneBoard product={product} grouping={swimlanes} cardColumns={cardColumnsShown} /> : null}
      {swimlanes ? null : failure ? <LoadError title={`The ${title} couldn’t be loaded.`} failure={failure} /> : null}
      {!swimlanes && query.isPending ? <div className="loading" aria-busy="true" /> : null}
      {warning ? (
        <p className={warning.overLimit ? styles.warning : styles.effort} role={warning.overLimit ? "alert" : undefined}>
          {warning.message}
        </p>
      ) : null}
      {view && !swimlanes ? (
        <>
          <p className="visually-hidden" id={hintId}>
            {CARD_KEYS} While a card is picked up, the left and right arrows take it to the next column.
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
            <div className={styles.columns}>
              {view.columns.map((column) => (
                <BoardColumnView
                  key={column.column}
                  column={column}
                  cardColumns={cardColumnsShown}
                  columns={view.columns}
                  describedBy={hintId}
                  onMove={move}
                  register={(handle) => {
                    if (handle) lists.current.set(column.column, handle);
                    else lists.current.delete(column.column);
                  }}
                />
              ))}
            </div>
            <DragOverlay dropAnimation={null}>
              {dragged ? <RankedRowPreview item={dragged} columns={cardColumnsShown.slice(0, 1)} /> : null}
            </DragOverlay>
          </DndContext>
        </>
      ) : null}
    </section>
  );
}

type BoardColumnViewProps = {
  column: BoardColumn;
  cardColumns: readonly RankedColumn<ItemSummary>[];
  columns: readonly BoardColumn[];
  describedBy: string;
  onMove: (item: ItemSummary, request: CardMoveRequest) => void;
  register: (handle: RankedListHandle | null) => void;
};

function BoardColumnView({ column, cardColumns, columns, describedBy, onMove, register }: BoardColumnViewProps) {
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(column.column) });
  const headingId = useId();
  const count = column.cards.length;
  const rowCommands = useCallback(
    (item: ItemSummary, index: number): AppCommand[] =>
      declareCardCommands(column, index, columns, (request) => onMove(item, request)),
    [column, columns, onMove],
  );
  const rowLabel = useCallback((item: ItemSummary) => `${item.position}. ${item.title}`, []);
  const itemName = useCallback((item: ItemSummary) => quoteTitle(item.title), []);
  const onBlocked = useCallback(
    (item: ItemSummary, command: AppCommand) => {
      const upward = command.id === "card.up" || command.id === "card.top";
      announce(`${quoteTitle(item.title)} is already at the ${upward ? "top" : "bottom"} of ${column.label}`);
    },
    [column.label],
  );
  return (
    <section
      ref={setNodeRef}
      className={styles.column}
      data-board-column={column.column}
      data-over={isOver || undefined}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className={styles.columnHeading}>
        <span className={styles.columnLabel}>{column.label}</span>
        <span className={styles.count} aria-label={`${count} ${count === 1 ? "card" : "cards"}`}>
          {count}
        </span>
      </h2>
      <RankedList
        ref={register}
        label={`${column.label} column`}
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
        sharedDrag={{ containerId: column.column }}
      />
    </section>
  );
}
