//! The items without dates, beside the timeline, in backlog order. Each can be dragged onto the
//! timeline (a drop at a day gives it Rust's default length from that day) or given dates with
//! "Schedule…". The drag is the pointer's own (pointer capture), so it works in the window's
//! WebKit, where HTML5 drag and drop does not. The list is virtualised: a backlog of 10,000 items
//! without dates keeps a few dozen of them in the DOM (the carried one stays mounted).
import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useId, useRef, useState, type PointerEvent } from "react";
import type { UnscheduledItem } from "../../api";
import { KIND_LABELS } from "../../components/Badges";
import { quoteTitle } from "../../lib/quote";
import styles from "./Timeline.module.css";

/** How far the pointer must travel before a press becomes a drag (a click stays a click). */
const DRAG_THRESHOLD = 6;
/** One item's row: two lines of text beside its button, and the gap under it. */
const ROW_HEIGHT = 72;

type Carried = { item: UnscheduledItem; pointerId: number; startX: number; startY: number; x: number; y: number; moved: boolean };

type UnscheduledListProps = {
  items: readonly UnscheduledItem[];
  onDrop: (item: UnscheduledItem, clientX: number, clientY: number) => void;
  onSchedule: (item: UnscheduledItem) => void;
};

export function UnscheduledList({ items, onDrop, onSchedule }: UnscheduledListProps) {
  const headingId = useId();
  const [carried, setCarried] = useState<Carried | null>(null);
  const current = useRef<Carried | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const carriedIndex = carried ? items.findIndex((item) => item.itemId === carried.item.itemId) : -1;
  const rangeExtractor = useCallback(
    (range: Parameters<typeof defaultRangeExtractor>[0]) => {
      const indexes = new Set(defaultRangeExtractor(range));
      if (carriedIndex >= 0 && carriedIndex < range.count) indexes.add(carriedIndex);
      return [...indexes].sort((a, b) => a - b);
    },
    [carriedIndex],
  );
  // The virtualizer is used as documented: its result is read during render, not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    rangeExtractor,
    getItemKey: (index) => items[index]?.itemId ?? index,
  });
  const update = (next: Carried | null) => {
    current.current = next;
    setCarried(next);
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>, item: UnscheduledItem) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    update({ item, pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, x: event.clientX, y: event.clientY, moved: false });
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const now = current.current;
    if (!now || now.pointerId !== event.pointerId) return;
    const moved = now.moved || Math.hypot(event.clientX - now.startX, event.clientY - now.startY) >= DRAG_THRESHOLD;
    update({ ...now, x: event.clientX, y: event.clientY, moved });
  };
  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    const now = current.current;
    if (!now || now.pointerId !== event.pointerId) return;
    update(null);
    if (now.moved) onDrop(now.item, event.clientX, event.clientY);
  };
  const onCancel = (event: PointerEvent<HTMLElement>) => {
    if (current.current?.pointerId === event.pointerId) update(null);
  };

  return (
    <section className={styles.unscheduled} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sideHeading}>
        <span>Unscheduled</span>
        <span className={styles.count} aria-hidden="true">
          {items.length}
        </span>
      </h2>
      <p className={styles.sideHint}>No dates yet, in backlog order. Drag one onto the timeline, or schedule it.</p>
      {items.length === 0 ? <p className={styles.sideHint}>Every item has dates.</p> : null}
      <div ref={scrollRef} className={styles.unscheduledScroll}>
        <ul className={styles.unscheduledList} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const item = items[virtual.index];
            if (!item) return null;
            return (
              <li
                key={virtual.key}
                className={styles.unscheduledItem}
                style={{ transform: `translateY(${virtual.start}px)`, height: ROW_HEIGHT - 6 }}
              >
                <span
                  className={styles.unscheduledGrip}
                  data-unscheduled={item.itemId}
                  data-carried={carried?.item.itemId === item.itemId && carried.moved ? "" : undefined}
                  onPointerDown={(event) => onPointerDown(event, item)}
                  onPointerMove={onPointerMove}
                  onPointerUp={onPointerUp}
                  onPointerCancel={onCancel}
                >
                  <span className={styles.unscheduledTitle}>{item.title}</span>
                  <span className={styles.unscheduledMeta}>
                    {KIND_LABELS[item.kind]} · {item.horizonLabel}
                  </span>
                </span>
                <button type="button" className="button" aria-label={`Schedule ${quoteTitle(item.title)}…`} onClick={() => onSchedule(item)}>
                  Schedule…
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      {carried?.moved ? (
        <div className={styles.ghost} style={{ left: carried.x + 12, top: carried.y + 8 }} aria-hidden="true">
          {carried.item.title}
        </div>
      ) : null}
    </section>
  );
}
