//! The timeline's scrolling canvas: the axis (years and ticks, sticky at the top), the tick
//! lines, today's line, the releases and milestones (`TimelineMarkers`) and the rows (group headings and bars), virtualised with
//! @tanstack/react-virtual so 2,000 bars keep a few dozen rows in the DOM. Everything is placed
//! by style props from Rust's offsets (the window's CSP allows no style attributes in markup).
import { useVirtualizer } from "@tanstack/react-virtual";
import { forwardRef, useImperativeHandle, useLayoutEffect, useMemo, useRef } from "react";
import type { GhostBar, ScheduleChange, TimelineBar, TimelineView } from "../../api";
import { TimelineBarButton } from "./TimelineBarButton";
import { TimelineMarkerLines, TimelineMarkerStrip } from "./TimelineMarkers";
import { dayAt, timelineRows } from "./timelineGeometry";
import styles from "./Timeline.module.css";

const BAR_ROW_HEIGHT = 36;
const GROUP_ROW_HEIGHT = 34;
/** How much of the past is left in view when the timeline opens on today. */
const TODAY_MARGIN = 160;

export type TimelineGridHandle = {
  /** The day (offset from the axis start) under a point of the window, or null when the point
   * is not over the timeline's rows. */
  dayAtPoint: (clientX: number, clientY: number) => number | null;
};

type TimelineGridProps = {
  view: TimelineView;
  /** A baseline's bars for the items whose days changed (Rust's layout, this axis). */
  ghosts?: readonly GhostBar[];
  describedBy: string;
  onChange: (bar: TimelineBar, change: ScheduleChange) => void;
  onOpenDates: (bar: TimelineBar) => void;
};

export const TimelineGrid = forwardRef<TimelineGridHandle, TimelineGridProps>(function TimelineGrid(
  { view, ghosts, describedBy, onChange, onOpenDates },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  const { axis } = view;
  const dayWidth = axis.dayWidth;
  const width = axis.days * dayWidth;
  const rows = useMemo(() => timelineRows(view.groups), [view.groups]);
  const ghostOf = new Map((ghosts ?? []).map((ghost) => [ghost.itemId, ghost] as const));
  // The virtualizer's functions are read fresh on every render here, never memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === "group" ? GROUP_ROW_HEIGHT : BAR_ROW_HEIGHT),
    overscan: 10,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  useImperativeHandle(ref, () => ({
    dayAtPoint: (clientX, clientY) => {
      const scroller = scrollRef.current;
      const body = rowsRef.current;
      if (!scroller || !body) return null;
      const frame = scroller.getBoundingClientRect();
      if (clientX < frame.left || clientX > frame.right || clientY < frame.top || clientY > frame.bottom) return null;
      const x = clientX - body.getBoundingClientRect().left;
      return dayAt(x, dayWidth, axis.days);
    },
  }));

  // Opens on today (and again on another scale), leaving some of the past in view.
  const scale = axis.scale;
  const todayX = view.todayOffset * dayWidth;
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (scroller) scroller.scrollLeft = Math.max(0, todayX - TODAY_MARGIN);
    // Only when the scale changes: a reschedule must not scroll the timeline away.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scale]);

  const height = virtualizer.getTotalSize();
  return (
    <div ref={scrollRef} className={styles.scroller} data-timeline-scroller="">
      <div className={styles.canvas} style={{ width }}>
        <div className={styles.axis} style={{ width }} aria-hidden="true">
          {axis.ticks.map((tick) => (
            <div key={tick.start} className={styles.tick} style={{ left: tick.offset * dayWidth, width: tick.days * dayWidth }}>
              <span className={styles.tickYear}>{tick.year ?? ""}</span>
              <span className={styles.tickLabel}>{tick.label}</span>
            </div>
          ))}
          <span className={styles.todayFlag} style={{ left: todayX }}>
            Today
          </span>
        </div>
        <TimelineMarkerStrip releases={view.releases} milestones={view.milestones} dayWidth={dayWidth} />
        <div ref={rowsRef} className={styles.rows} style={{ height: Math.max(height, 120) }}>
          {axis.ticks.map((tick) => (
            <div
              key={tick.start}
              className={tick.year === null ? styles.tickLine : styles.yearLine}
              style={{ left: tick.offset * dayWidth }}
              aria-hidden="true"
            />
          ))}
          <TimelineMarkerLines releases={view.releases} milestones={view.milestones} dayWidth={dayWidth} />
          <div className={styles.todayLine} style={{ left: todayX }} data-today={view.today} aria-hidden="true" />
          {virtualizer.getVirtualItems().map((virtual) => {
            const row = rows[virtual.index];
            if (!row) return null;
            return (
              <div
                key={virtual.key}
                className={row.kind === "group" ? styles.groupRow : styles.barRow}
                style={{ transform: `translateY(${virtual.start}px)`, height: virtual.size }}
              >
                {row.kind === "group" ? (
                  <h2 className={styles.groupHeading}>
                    {row.group.label}
                    <span className={styles.count}>{row.group.bars.length}</span>
                  </h2>
                ) : (
                  <>
                    {ghostOf.has(row.bar.itemId) ? <GhostBarBox ghost={ghostOf.get(row.bar.itemId) as GhostBar} barOffset={row.bar.offset} dayWidth={dayWidth} /> : null}
                    <TimelineBarButton
                      bar={row.bar}
                      extraLabel={ghostOf.get(row.bar.itemId)?.description}
                    dayWidth={dayWidth}
                      describedBy={describedBy}
                      onChange={onChange}
                      onOpenDates={onOpenDates}
                    />
                  </>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});

/** A baseline's bar behind today's, with its slip ("+12 d") before whichever of the two starts
 * first (today's title is drawn after its end); the bar's own name says the same in words, so
 * this is not read twice. */
function GhostBarBox({ ghost, barOffset, dayWidth }: { ghost: GhostBar; barOffset: number; dayWidth: number }) {
  const left = ghost.offset * dayWidth;
  const width = Math.max(ghost.days * dayWidth, 4);
  const before = Math.min(ghost.offset, barOffset) * dayWidth;
  return (
    <>
      <span className={styles.ghostBar} style={{ left, width }} data-ghost-of={ghost.itemId} aria-hidden="true" />
      <span
        className={styles.slipLabel}
        style={{ left: before - 4 }}
        data-slip={ghost.slipDays > 0 ? "later" : ghost.slipDays < 0 ? "earlier" : "same"}
        aria-hidden="true"
      >
        {ghost.slipLabel}
      </span>
    </>
  );
}
