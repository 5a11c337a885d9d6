//! Where things are drawn on the timeline, from Rust's layout: a bar's box from its offset and
//! length in days (Rust's), the whole number of days a pointer travelled, the day under a point,
//! and the rows the virtualised list shows. Pixels and day counts only: no date is worked out
//! here (Rust turns the days into dates).
import type { TimelineBar, TimelineGroup } from "../../api";

/** How a drag changes a bar: the whole bar, or one of its edges. */
export type DragMode = "move" | "start" | "end";

/** The whole number of days `pixels` of pointer travel stand for (half a day rounds away). */
export function wholeDays(pixels: number, dayWidth: number): number {
  if (!(dayWidth > 0) || !Number.isFinite(pixels)) return 0;
  const days = Math.round(pixels / dayWidth);
  return Object.is(days, -0) ? 0 : days;
}

/** A bar's offset and length in days while `mode` drags it by `days` (never shorter than a day:
 * Rust refuses an end before the start, and the preview does not draw one). */
export function draggedSpan(bar: Pick<TimelineBar, "offset" | "days">, mode: DragMode, days: number): { offset: number; days: number } {
  switch (mode) {
    case "move":
      return { offset: bar.offset + days, days: bar.days };
    case "end":
      return { offset: bar.offset, days: Math.max(1, bar.days + days) };
    case "start": {
      const moved = Math.min(days, bar.days - 1);
      return { offset: bar.offset + moved, days: bar.days - moved };
    }
  }
}

/** The box of a span in pixels: from the left of its first day to the right of its last. */
export function spanBox(span: { offset: number; days: number }, dayWidth: number): { left: number; width: number } {
  return { left: span.offset * dayWidth, width: Math.max(span.days * dayWidth, 2) };
}

/** The day (offset from the axis start) under `x` pixels from the axis start, within the axis. */
export function dayAt(x: number, dayWidth: number, axisDays: number): number {
  if (!(dayWidth > 0)) return 0;
  return Math.min(Math.max(Math.floor(x / dayWidth), 0), Math.max(axisDays - 1, 0));
}

/** A row of the virtualised list: a group's heading or one bar. */
export type TimelineRow = { kind: "group"; key: string; group: TimelineGroup } | { kind: "bar"; key: string; bar: TimelineBar };

export function timelineRows(groups: readonly TimelineGroup[]): TimelineRow[] {
  return groups.flatMap((group): TimelineRow[] => [
    { kind: "group", key: `group:${group.key}`, group },
    ...group.bars.map((bar): TimelineRow => ({ kind: "bar", key: bar.itemId, bar })),
  ]);
}
