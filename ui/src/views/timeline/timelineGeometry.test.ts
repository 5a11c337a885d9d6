import { describe, expect, it } from "vitest";
import type { TimelineBar, TimelineGroup } from "../../api";
import { dayAt, draggedSpan, spanBox, timelineRows, wholeDays } from "./timelineGeometry";

describe("snapping pointer travel to whole days", () => {
  it("rounds to the nearest day at every scale's day width", () => {
    expect(wholeDays(0, 12)).toBe(0);
    expect(wholeDays(5.9, 12)).toBe(0);
    expect(wholeDays(6, 12)).toBe(1);
    expect(wholeDays(-6.1, 12)).toBe(-1);
    expect(wholeDays(-5, 12)).toBe(0);
    expect(wholeDays(84, 12)).toBe(7);
    expect(wholeDays(30, 4)).toBe(8);
    expect(wholeDays(-45, 1.5)).toBe(-30);
  });

  it("never gives NaN or a negative zero", () => {
    expect(wholeDays(10, 0)).toBe(0);
    expect(wholeDays(Number.NaN, 4)).toBe(0);
    expect(Object.is(wholeDays(-1, 12), 0)).toBe(true);
  });
});

describe("bar geometry", () => {
  const bar = { offset: 30, days: 50 };

  it("moves the whole bar or one edge by whole days", () => {
    expect(draggedSpan(bar, "move", -3)).toEqual({ offset: 27, days: 50 });
    expect(draggedSpan(bar, "end", 4)).toEqual({ offset: 30, days: 54 });
    expect(draggedSpan(bar, "start", 5)).toEqual({ offset: 35, days: 45 });
    expect(draggedSpan(bar, "start", -2)).toEqual({ offset: 28, days: 52 });
  });

  it("never draws a bar shorter than one day", () => {
    expect(draggedSpan(bar, "end", -80)).toEqual({ offset: 30, days: 1 });
    expect(draggedSpan(bar, "start", 80)).toEqual({ offset: 79, days: 1 });
  });

  it("places a span from the left of its first day to the right of its last", () => {
    expect(spanBox(bar, 4)).toEqual({ left: 120, width: 200 });
    expect(spanBox({ offset: 0, days: 1 }, 1.5)).toEqual({ left: 0, width: 2 });
  });

  it("finds the day under a point within the axis", () => {
    expect(dayAt(0, 12, 100)).toBe(0);
    expect(dayAt(11.9, 12, 100)).toBe(0);
    expect(dayAt(12, 12, 100)).toBe(1);
    expect(dayAt(-40, 12, 100)).toBe(0);
    expect(dayAt(99_999, 12, 100)).toBe(99);
  });
});

describe("rows", () => {
  it("puts each group's heading before its bars", () => {
    const barOf = (itemId: string) => ({ itemId }) as TimelineBar;
    const groups = [
      { key: "now", label: "Now", bars: [barOf("a"), barOf("b")] },
      { key: "later", label: "Later", bars: [barOf("c")] },
    ] as TimelineGroup[];
    expect(timelineRows(groups).map((row) => row.key)).toEqual(["group:now", "a", "b", "group:later", "c"]);
  });
});
