//! The value/effort matrix: a 10 × 10 grid (value up, effort right) in four labelled quadrants,
//! and beside it the cards not placed yet. Dropping a card on a cell sets its value and effort
//! (one `set_score_inputs`: one undo step, labelled by Rust); the cell is found from the pointer
//! (`matrixGeometry.ts`), the values are validated in Rust. Every drag has its keys (Space picks
//! a card up, arrows move it a cell, Space or Enter drops, Escape cancels) and its menu ("Set
//! value/effort…"); every placement is shown at once, announced once, and gives the card the
//! focus back in its new place.
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import {
  describeError,
  toUiError,
  useMatrix,
  usePlaceCard,
  useScoringScales,
  type ItemSummary,
  type MatrixView as Matrix,
  type Product,
  type StatusOption,
} from "../../api";
import type { AppCommand } from "../../commands/registry";
import { AnchoredMenu } from "../../components/ActionsMenu";
import { KIND_LABELS } from "../../components/Badges";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { MatrixGrid } from "./MatrixGrid";
import { NotPlacedList } from "./NotPlacedList";
import { PlaceDialog } from "./PlaceDialog";
import { cellAtPoint, cellWords, matrixKeyAction, measureCells, placeWords, startCell, type CellRect, type CellRef } from "./matrixGeometry";
import styles from "./MatrixView.module.css";

type MatrixViewProps = { product: Product; statusOptions: readonly StatusOption[] };

type Carry = { item: ItemSummary; cell: CellRef };

/** The quadrant label Rust gave the cell. */
function quadrantOf(view: Matrix | undefined, cell: CellRef): string {
  const quadrant = view?.cells.find((candidate) => candidate.value === cell.value && candidate.effort === cell.effort)?.quadrant;
  return view?.quadrants.find((candidate) => candidate.quadrant === quadrant)?.label ?? "";
}

/** Where the pointer is now: where the drag started plus how far it went. */
function pointerOf(event: { activatorEvent: Event; delta: { x: number; y: number } }): { x: number; y: number } | null {
  const start = event.activatorEvent;
  if (!("clientX" in start) || !("clientY" in start)) return null;
  return { x: Number(start.clientX) + event.delta.x, y: Number(start.clientY) + event.delta.y };
}

export function MatrixView({ product, statusOptions }: MatrixViewProps) {
  const query = useMatrix(product.id);
  const failure = useLoadFailure(query);
  const view = query.data;
  const scales = useScoringScales().data;
  const placeCard = usePlaceCard();
  const hintId = useId();
  const [dragged, setDragged] = useState<ItemSummary | null>(null);
  const [dropTarget, setDropTarget] = useState<CellRef | null>(null);
  const [carry, setCarry] = useState<Carry | null>(null);
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  const [menu, setMenu] = useState<ItemSummary | null>(null);
  const menuAnchor = useRef<HTMLElement | null>(null);
  const [dialogItem, setDialogItem] = useState<ItemSummary | null>(null);
  const cellRects = useRef<CellRect[]>([]);
  const latest = useRef({ view, carry });
  useLayoutEffect(() => {
    latest.current = { view, carry };
  });

  const statusLabels = useMemo(() => new Map(statusOptions.map((option) => [option.value, option.label] as const)), [statusOptions]);
  const metaOf = useCallback(
    (item: ItemSummary) => `${KIND_LABELS[item.kind]} · ${statusLabels.get(item.status) ?? item.status}`,
    [statusLabels],
  );

  const cardById = (id: string): ItemSummary | null => {
    const current = latest.current.view;
    if (!current) return null;
    return (
      current.notPlaced.find((card) => card.id === id) ??
      current.cells.flatMap((cell) => cell.cards).find((card) => card.id === id) ??
      null
    );
  };

  /** Gives the card the focus in its new place (the cell `at`, or wherever it is): repeated
   * for a few frames while the matrix re-renders (the card leaves its old place a moment later)
   * and a closing menu or dialog hands the focus back to where it was opened. */
  const focusCard = useCallback((itemId: string, at?: CellRef) => {
    const place = at ? `[data-value="${at.value}"][data-effort="${at.effort}"] ` : "";
    const selector = `${place}[data-matrix-card="${CSS.escape(itemId)}"]`;
    let frames = 0;
    let held = 0;
    const request = () => {
      const card = document.querySelector<HTMLElement>(selector);
      if (card && document.activeElement !== card) card.focus();
      held = card !== null && document.activeElement === card ? held + 1 : 0;
      frames += 1;
      if (frames < 60 && held < 3) requestAnimationFrame(request);
    };
    request();
  }, []);

  const place = useCallback(
    (item: ItemSummary, cell: CellRef) => {
      setPinnedId(item.id);
      const where = placeWords(cell);
      const quadrant = quadrantOf(latest.current.view, cell);
      void placeCard({ productId: product.id, itemId: item.id, value: cell.value, effort: cell.effort }).then(
        (changed) => {
          announce(changed ? `${quoteTitle(item.title)} set to ${where} — ${quadrant}` : `${quoteTitle(item.title)} is already at ${where}.`);
          focusCard(item.id, cell);
        },
        (error: unknown) => {
          announce(`${quoteTitle(item.title)} was not placed: ${describeError(toUiError(error))}`);
          focusCard(item.id);
        },
      );
      focusCard(item.id, cell);
    },
    [placeCard, product.id, focusCard],
  );

  const openMenu = useCallback((item: ItemSummary, anchor: HTMLElement) => {
    menuAnchor.current = anchor;
    setMenu(item);
  }, []);

  const onKey = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>, item: ItemSummary) => {
      const current = latest.current;
      if (!current.view) return;
      const carried = current.carry?.item.id === item.id ? current.carry.cell : null;
      const action = matrixKeyAction(event, carried, current.view);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      switch (action.kind) {
        case "pickUp": {
          const cell = startCell(item.inputs, current.view);
          setCarry({ item, cell });
          announce(
            `Picked up ${quoteTitle(item.title)}. Over ${cellWords(cell).toLowerCase()} — ${quadrantOf(current.view, cell)}. ` +
              "Use the arrow keys to move it, Space or Enter to drop it, Escape to cancel.",
          );
          break;
        }
        case "move":
          setCarry({ item, cell: action.cell });
          announce(`Over ${cellWords(action.cell).toLowerCase()} — ${quadrantOf(current.view, action.cell)}`);
          break;
        case "drop":
          setCarry(null);
          if (carried) place(item, carried);
          break;
        case "cancel":
          setCarry(null);
          announce(`Moving ${quoteTitle(item.title)} was cancelled.`);
          break;
        case "menu":
          openMenu(item, event.currentTarget);
          break;
      }
    },
    [place, openMenu],
  );

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 8 } }));

  const onDragStart = ({ active }: DragStartEvent) => {
    const card = cardById(String((active.data.current as { itemId?: string } | undefined)?.itemId ?? active.id));
    cellRects.current = measureCells(document.querySelectorAll("[data-matrix-grid] [data-value][data-effort]"));
    setCarry(null);
    setDragged(card);
    if (card) announce(`Picked up ${quoteTitle(card.title)}.`);
  };

  const cellUnder = (event: DragMoveEvent | DragEndEvent) => {
    const point = pointerOf(event);
    return point ? cellAtPoint(cellRects.current, point.x, point.y) : null;
  };

  const onDragMove = (event: DragMoveEvent) => {
    const cell = cellUnder(event);
    setDropTarget((before) => (before?.value === cell?.value && before?.effort === cell?.effort ? before : cell));
  };

  const onDragEnd = (event: DragEndEvent) => {
    const card = dragged;
    const cell = cellUnder(event);
    setDragged(null);
    setDropTarget(null);
    if (!card) return;
    if (!cell) {
      announce(`${quoteTitle(card.title)} was dropped outside the matrix: nothing changed.`);
      return;
    }
    place(card, cell);
  };

  const onDragCancel = () => {
    if (dragged) announce(`Moving ${quoteTitle(dragged.title)} was cancelled.`);
    setDragged(null);
    setDropTarget(null);
  };

  const menuCommands = useMemo(
    (): AppCommand[] =>
      menu
        ? [
            {
              id: "card.setValueEffort",
              label: "Set value/effort…",
              group: "Backlog",
              shortcuts: [],
              isEnabled: true,
              run: () => setDialogItem(menu),
            },
          ]
        : [],
    [menu],
  );

  const placed = view ? view.cells.reduce((sum, cell) => sum + cell.cards.length, 0) : 0;
  const keepMounted = [dragged?.id, carry?.item.id, pinnedId].filter((id): id is string => Boolean(id));

  return (
    <section
      className="view view-fill"
      aria-labelledby="matrix-heading"
      onBlur={(event) => {
        // A carried card that loses the keyboard is put back.
        const card = event.target.dataset.matrixCard;
        if (carry && card === carry.item.id) {
          setCarry(null);
          announce(`Moving ${quoteTitle(carry.item.title)} was cancelled.`);
        }
      }}
    >
      <header className="view-header">
        <div>
          <h1 id="matrix-heading" tabIndex={-1}>
            Value/effort matrix
          </h1>
          <p className="view-subtitle">
            {query.isPending
              ? "Loading…"
              : query.isError
                ? "Not loaded"
                : `${placed} placed, ${view?.notPlaced.length ?? 0} not placed. Drop a card on a cell to set its value and effort.`}
          </p>
        </div>
      </header>
      {failure ? <LoadError title="The value/effort matrix couldn’t be loaded." failure={failure} /> : null}
      {query.isPending ? <div className="loading" aria-busy="true" /> : null}
      {view ? (
        <>
          <p className="visually-hidden" id={hintId}>
            Space picks the card up; the arrow keys move it a cell (up: more value, right: more effort); Space or Enter drops
            it; Escape cancels. Shift+F10 or Enter opens its menu.
          </p>
          <DndContext
            sensors={sensors}
            accessibility={{ announcements: SILENT, screenReaderInstructions: { draggable: "" } }}
            onDragStart={onDragStart}
            onDragMove={onDragMove}
            onDragEnd={onDragEnd}
            onDragCancel={onDragCancel}
          >
            <div className={styles.board}>
              <div className={styles.matrixArea} data-matrix-grid="">
                <MatrixGrid
                  view={view}
                  target={dropTarget ?? carry?.cell ?? null}
                  pinnedId={pinnedId}
                  carriedId={carry?.item.id ?? null}
                  describedBy={hintId}
                  onKey={onKey}
                  onOpenMenu={openMenu}
                />
              </div>
              <NotPlacedList
                items={view.notPlaced}
                keepMounted={keepMounted}
                carriedId={carry?.item.id ?? null}
                describedBy={hintId}
                metaOf={metaOf}
                onKey={onKey}
                onOpenMenu={openMenu}
              />
            </div>
            <DragOverlay dropAnimation={null}>
              {dragged ? <div className={`${styles.card} ${styles.chip} ${styles.overlay}`}>{dragged.title}</div> : null}
            </DragOverlay>
          </DndContext>
          <AnchoredMenu
            anchorRef={menuAnchor}
            isOpen={menu !== null}
            onClose={() => setMenu(null)}
            label={menu ? `Actions for ${quoteTitle(menu.title)}` : "Card actions"}
            commands={menuCommands}
          />
          {dialogItem && scales ? (
            <PlaceDialog
              item={dialogItem}
              scales={scales}
              initial={startCell(dialogItem.inputs, view)}
              onApply={(cell) => {
                const item = dialogItem;
                setDialogItem(null);
                place(item, cell);
              }}
              onCancel={() => {
                const item = dialogItem;
                setDialogItem(null);
                focusCard(item.id);
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** dnd-kit's own live region stays quiet: the app announces through its own. */
const SILENT = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};
