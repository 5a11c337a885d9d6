//! The cards without a value or an effort, in backlog order, beside the matrix: a virtualised
//! list (10,000 items keep a few dozen cards in the DOM), each card a drag source onto the grid.
//! The dragged and the carried cards stay mounted wherever the list is scrolled.
import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useId, useRef, type KeyboardEvent } from "react";
import type { ItemSummary } from "../../api";
import { MatrixCard } from "./MatrixCard";
import styles from "./MatrixView.module.css";

const ROW_HEIGHT = 52;

type NotPlacedListProps = {
  items: readonly ItemSummary[];
  /** Cards to keep mounted: the dragged one, the carried one, the one just given the focus. */
  keepMounted: readonly string[];
  carriedId: string | null;
  describedBy: string;
  metaOf: (item: ItemSummary) => string;
  onKey: (event: KeyboardEvent<HTMLButtonElement>, item: ItemSummary) => void;
  onOpenMenu: (item: ItemSummary, anchor: HTMLElement) => void;
};

export function NotPlacedList({ items, keepMounted, carriedId, describedBy, metaOf, onKey, onOpenMenu }: NotPlacedListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const count = items.length;
  // By value: a new array of the same indexes keeps the same extractor.
  const keptIndexes = keepMounted
    .map((id) => items.findIndex((item) => item.id === id))
    .filter((index) => index >= 0)
    .join(",");
  const rangeExtractor = useCallback(
    (range: Parameters<typeof defaultRangeExtractor>[0]) => {
      const indexes = new Set(defaultRangeExtractor(range));
      for (const index of keptIndexes.split(",").filter(Boolean).map(Number)) if (index < range.count) indexes.add(index);
      return [...indexes].sort((a, b) => a - b);
    },
    [keptIndexes],
  );
  // The virtualizer is used as documented: its result is read during render, not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    rangeExtractor,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  return (
    <section className={styles.notPlaced} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sideHeading}>
        <span>Not placed</span>
        <span className={styles.count} aria-hidden="true">
          {count}
        </span>
      </h2>
      <p className={styles.sideHint}>No value or effort yet, in backlog order. Drag a card onto the matrix.</p>
      <div ref={scrollRef} className={styles.notPlacedScroll}>
        <ul
          className={styles.notPlacedList}
          aria-label={`Not placed, ${count} ${count === 1 ? "card" : "cards"}`}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index];
            if (!item) return null;
            return (
              <li key={item.id} className={styles.notPlacedRow} style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                <MatrixCard
                  item={item}
                  dragId={item.id}
                  variant="row"
                  meta={metaOf(item)}
                  isCarried={carriedId === item.id}
                  describedBy={describedBy}
                  onKey={onKey}
                  onOpenMenu={onOpenMenu}
                />
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
