//! The 10 × 10 grid: four quadrants (each a named group of its 25 cells, tinted), each cell a
//! named group ("Value 8, effort 3, 2 cards") with its first cards as chips and, when more share
//! it than fit, a count that opens the cell's whole list. The quadrants and their labels are
//! Rust's (`list_matrix`).
import { memo, useId, type KeyboardEvent } from "react";
import { Button, Dialog, DialogTrigger, Heading, Popover } from "react-aria-components";
import type { ItemSummary, MatrixCell, MatrixView, Quadrant } from "../../api";
import { MatrixCard } from "./MatrixCard";
import { cellWords, type CellRef } from "./matrixGeometry";
import styles from "./MatrixView.module.css";

/** Cards shown in a cell before its count takes over (a cell is a few dozen px square). */
export const CARDS_PER_CELL = 2;
/** Cards listed in a cell's popover (the rest are counted: the backlog lists them all). */
const CARDS_PER_POPOVER = 100;

type CardHandlers = {
  describedBy: string;
  carriedId: string | null;
  onKey: (event: KeyboardEvent<HTMLButtonElement>, item: ItemSummary) => void;
  onOpenMenu: (item: ItemSummary, anchor: HTMLElement) => void;
};

type MatrixGridProps = CardHandlers & {
  view: MatrixView;
  /** The cell a drag or a carried card is over. */
  target: CellRef | null;
  /** A card to show in its cell even beyond the cell's first cards (it was just moved there). */
  pinnedId: string | null;
};

const QUADRANT_CLASS: Record<Quadrant, string | undefined> = {
  quickWins: styles.quickWins,
  bigBets: styles.bigBets,
  fillIns: styles.fillIns,
  timeSinks: styles.timeSinks,
};

const cardsWord = (count: number) => `${count} ${count === 1 ? "card" : "cards"}`;

export function MatrixGrid({ view, target, pinnedId, ...handlers }: MatrixGridProps) {
  const labelIds = useId();
  // Quadrants in reading order, each with its cells (the grid is split at the middle of the axes).
  const quadrants = view.quadrants.map((quadrant) => ({
    ...quadrant,
    cells: view.cells.filter((cell) => cell.quadrant === quadrant.quadrant),
  }));
  const labelId = (quadrant: Quadrant) => `${labelIds}-${quadrant}`;
  const quadrantLabel = (index: number) => {
    const quadrant = quadrants[index];
    if (!quadrant) return null;
    return (
      <p id={labelId(quadrant.quadrant)} className={styles.quadrantLabel}>
        <strong>{quadrant.label}</strong> <span>{quadrant.summary}</span>
      </p>
    );
  };
  return (
    <div className={styles.plot}>
      <div className={styles.quadrantLabels}>
        <span className={styles.axisTitle} aria-hidden="true">
          Value ↑
        </span>
        {quadrantLabel(0)}
        {quadrantLabel(1)}
      </div>
      <div className={styles.plotBody}>
        <div className={styles.valueAxis} aria-hidden="true">
          {[view.values.slice(0, 5), view.values.slice(5)].map((half, index) => (
            <div key={index} className={styles.valueTicks}>
              {half.map((value) => (
                <span key={value}>{value}</span>
              ))}
            </div>
          ))}
        </div>
        <div className={styles.quadrants} role="group" aria-label="Value/effort matrix: value upwards, effort to the right">
          {quadrants.map((quadrant) => {
            const count = quadrant.cells.reduce((sum, cell) => sum + cell.cards.length, 0);
            return (
              <section
                key={quadrant.quadrant}
                className={`${styles.quadrant} ${QUADRANT_CLASS[quadrant.quadrant] ?? ""}`}
                aria-label={`${quadrant.label}: ${quadrant.summary.toLowerCase()}, ${cardsWord(count)}`}
                aria-describedby={labelId(quadrant.quadrant)}
              >
                {quadrant.cells.map((cell) => (
                  <Cell
                    key={`${cell.value}:${cell.effort}`}
                    cell={cell}
                    isTarget={target !== null && target.value === cell.value && target.effort === cell.effort}
                    pinnedId={pinnedId}
                    {...handlers}
                  />
                ))}
              </section>
            );
          })}
        </div>
      </div>
      <div className={styles.effortAxis} aria-hidden="true">
        <span className={styles.axisTitle}>Effort →</span>
        {[view.efforts.slice(0, 5), view.efforts.slice(5)].map((half, index) => (
          <div key={index} className={styles.effortTicks}>
            {half.map((effort) => (
              <span key={effort}>{effort}</span>
            ))}
          </div>
        ))}
      </div>
      <div className={styles.quadrantLabels}>
        <span />
        {quadrantLabel(2)}
        {quadrantLabel(3)}
      </div>
    </div>
  );
}

type CellProps = CardHandlers & { cell: MatrixCell; isTarget: boolean; pinnedId: string | null };

const Cell = memo(function Cell({ cell, isTarget, pinnedId, ...handlers }: CellProps) {
  const count = cell.cards.length;
  const fits = count <= CARDS_PER_CELL;
  // A full cell shows its first card and the count; a card just moved here is shown too.
  let shown = fits ? cell.cards : cell.cards.slice(0, CARDS_PER_CELL - 1);
  const pinned = pinnedId === null ? undefined : cell.cards.find((card) => card.id === pinnedId);
  if (pinned && !shown.includes(pinned)) shown = [...shown.slice(0, Math.max(0, CARDS_PER_CELL - 2)), pinned];
  const carried = handlers.carriedId === null ? undefined : cell.cards.find((card) => card.id === handlers.carriedId);
  if (carried && !shown.includes(carried)) shown = [...shown.slice(0, Math.max(0, CARDS_PER_CELL - 2)), carried];
  const name = `${cellWords(cell)}, ${count === 0 ? "empty" : cardsWord(count)}`;
  return (
    <div
      role="group"
      aria-label={name}
      className={styles.cell}
      data-value={cell.value}
      data-effort={cell.effort}
      data-target={isTarget || undefined}
    >
      {shown.map((card) => (
        <MatrixCard key={card.id} item={card} dragId={card.id} variant="chip" isCarried={handlers.carriedId === card.id} {...handlers} />
      ))}
      {fits ? null : <CellOverflow cell={cell} hidden={count - shown.length} {...handlers} />}
    </div>
  );
});

function CellOverflow({ cell, hidden, ...handlers }: CardHandlers & { cell: MatrixCell; hidden: number }) {
  const headingId = useId();
  const listed = cell.cards.slice(0, CARDS_PER_POPOVER);
  return (
    <DialogTrigger>
      <Button className={styles.more} aria-label={`+${hidden} more: show all ${cell.cards.length} cards of ${cellWords(cell).toLowerCase()}`}>
        +{hidden}
      </Button>
      <Popover className={styles.popover} placement="bottom" offset={4}>
        <Dialog className={styles.popoverDialog} aria-labelledby={headingId}>
          <Heading slot="title" id={headingId} className={styles.popoverHeading}>
            {cellWords(cell)}: {cardsWord(cell.cards.length)}
          </Heading>
          <ul className={styles.popoverList}>
            {listed.map((card) => (
              <li key={card.id}>
                <MatrixCard item={card} dragId={`list:${card.id}`} variant="chip" isCarried={handlers.carriedId === card.id} {...handlers} />
              </li>
            ))}
          </ul>
          {cell.cards.length > listed.length ? (
            <p className={styles.sideHint}>{cell.cards.length - listed.length} more are in the backlog.</p>
          ) : null}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
