import { describe, expect, it } from "vitest";
import type { TimelineBar, TimelineView } from "./client";
import { predictReschedule } from "./timeline";

const barOf = (itemId: string, offset: number, days: number) => ({ itemId, offset, days }) as TimelineBar;
const view = {
  groups: [{ key: "now", label: "Now", bars: [barOf("a", 30, 50), barOf("b", 10, 5)] }],
} as unknown as TimelineView;
const moved = (result: TimelineView, id: string) => result.groups[0]?.bars.find((bar) => bar.itemId === id);

describe("the timeline shown while a reschedule is on its way", () => {
  it("moves the bar or one edge by the days sent, and leaves the others", () => {
    const base = { productId: "p", scale: "month" as const, itemId: "a" };
    expect(moved(predictReschedule(view, { ...base, change: { kind: "shift", days: -7 } }), "a")).toMatchObject({ offset: 23, days: 50 });
    expect(moved(predictReschedule(view, { ...base, change: { kind: "end", days: 3 } }), "a")).toMatchObject({ offset: 30, days: 53 });
    expect(moved(predictReschedule(view, { ...base, change: { kind: "start", days: 4 } }), "a")).toMatchObject({ offset: 34, days: 46 });
    expect(moved(predictReschedule(view, { ...base, change: { kind: "shift", days: 5 } }), "b")).toMatchObject({ offset: 10, days: 5 });
  });

  it("waits for Rust when the change is dates or a drop (it does not work out where they fall)", () => {
    const base = { productId: "p", scale: "month" as const, itemId: "a" };
    expect(predictReschedule(view, { ...base, change: { kind: "dates", startDate: null, endDate: null } })).toBe(view);
    expect(predictReschedule(view, { ...base, change: { kind: "from", from: "2027-01-01", offsetDays: 3 } })).toBe(view);
  });
});
