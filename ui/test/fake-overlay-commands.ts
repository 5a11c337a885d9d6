//! The fake backend's baseline overlay (`get_timeline_overlay`), answering as
//! `baseline::overlay` does: the fake's own timeline (its axis) and the baseline's bars from the
//! fake's comparison; the contract replay checks the answers (tests/commands/contract_swimlanes.rs).
import type { BaselineComparison, TimelineGrouping, TimelineOverlay, TimelineScale, TimelineView } from "../src/api/client";
import { fail, invalid } from "./fake-rules";
import { parseDay, rangeWords } from "./fake-timeline-commands";

export type OverlayCommandsHost = {
  listTimeline: (productId: string, scale: TimelineScale, grouping: TimelineGrouping) => TimelineView;
  compareBaseline: (id: string) => BaselineComparison;
};

const daysWord = (days: number) => (days === 1 ? "1 day" : `${days} days`);

function slipWords(startShift: number, endShift: number): string {
  if (endShift === 0) return `ends the same day, starts ${daysWord(Math.abs(startShift))} ${startShift > 0 ? "later" : "earlier"}`;
  return endShift > 0 ? `slipped ${daysWord(endShift)}` : `came in ${daysWord(-endShift)} earlier`;
}

export function createOverlayCommands(host: OverlayCommandsHost) {
  const overlay = (productId: string, scale: TimelineScale, grouping: TimelineGrouping, baselineId: string): TimelineOverlay => {
    const comparison = host.compareBaseline(baselineId);
    if (comparison.baseline.productId !== productId) {
      fail(invalid("baselineId", "That baseline belongs to another product: choose one of this product's baselines."));
    }
    const view = host.listTimeline(productId, scale, grouping);
    const axisStart = parseDay("axis", view.axis.start);
    const bars = view.groups.flatMap((group) =>
      group.bars.flatMap((bar) => {
        const old = comparison.bars.find((candidate) => candidate.itemId === bar.itemId);
        if (!old || (old.startDate === bar.startDate && old.endDate === bar.endDate)) return [];
        const [start, end] = [parseDay("startDate", old.startDate), parseDay("endDate", old.endDate)];
        const startShift = parseDay("startDate", bar.startDate) - start;
        const endShift = parseDay("endDate", bar.endDate) - end;
        return [
          {
            itemId: bar.itemId,
            startDate: old.startDate,
            endDate: old.endDate,
            offset: start - axisStart,
            days: end - start + 1,
            slipDays: endShift,
            slipLabel: endShift > 0 ? `+${endShift} d` : endShift < 0 ? `\u2212${-endShift} d` : "0 d",
            description: `, baseline ${rangeWords(start, end)}, ${slipWords(startShift, endShift)}`,
          },
        ];
      }),
    );
    return { baselineId, baselineName: comparison.baseline.name, bars };
  };
  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    get_timeline_overlay: ({ productId, scale, grouping, baselineId }) =>
      overlay(String(productId), scale as TimelineScale, grouping as TimelineGrouping, String(baselineId)),
  };
  return { handlers };
}
