//! The roadmap timeline: its query and rescheduling an item. The axis, the bars' offsets and
//! lengths, today's line and every date are Rust's (`list_timeline`, the schedule commands); the
//! UI sends whole days. A move or resize shows the bar in its new place at once (the same days
//! added to its offset or length) and puts Rust's timeline back if it fails.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend, type ItemDates, type TimelineGrouping, type TimelineScale, type TimelineView } from "./client";
import { registerPendingSave } from "./pendingSaves";

/** Under "board", so every change the boards refetch on (an item, a product) refetches it too.
 * Without a grouping, the key of the scale's timelines in every grouping. */
export const timelineKey = (productId: string, scale: TimelineScale, grouping?: TimelineGrouping) =>
  grouping ? (["board", productId, "timeline", scale, grouping] as const) : (["board", productId, "timeline", scale] as const);

export function useTimeline(productId: string, scale: TimelineScale, grouping: TimelineGrouping = "horizon") {
  return useQuery({
    queryKey: timelineKey(productId, scale, grouping),
    queryFn: () => backend.listTimeline(productId, scale, grouping),
    meta: { errorShownInPlace: true },
    // Switching the scale keeps the last timeline on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

/** What to change about an item's dates. */
export type ScheduleChange =
  | { kind: "shift" | "end" | "start"; days: number }
  | { kind: "dates"; startDate: string | null; endDate: string | null }
  | { kind: "from"; from: string; offsetDays: number };

export type Reschedule = { productId: string; scale: TimelineScale; itemId: string; change: ScheduleChange };

/** The timeline with the bar moved or resized by whole days, as Rust will draw it. */
export function predictReschedule(view: TimelineView, { itemId, change }: Reschedule): TimelineView {
  if (change.kind !== "shift" && change.kind !== "end" && change.kind !== "start") return view;
  const groups = view.groups.map((group) => ({
    ...group,
    bars: group.bars.map((bar) => {
      if (bar.itemId !== itemId) return bar;
      switch (change.kind) {
        case "shift":
          return { ...bar, offset: bar.offset + change.days };
        case "end":
          return { ...bar, days: Math.max(1, bar.days + change.days) };
        case "start": {
          const days = Math.min(change.days, bar.days - 1);
          return { ...bar, offset: bar.offset + days, days: bar.days - days };
        }
      }
    }),
  }));
  return { ...view, groups };
}

function send({ itemId, change }: Reschedule) {
  switch (change.kind) {
    case "shift":
      return backend.shiftItemDates(itemId, change.days);
    case "end":
      return backend.resizeItemEnd(itemId, change.days);
    case "start":
      return backend.resizeItemStart(itemId, change.days);
    case "dates":
      return backend.setItemDates(itemId, change.startDate, change.endDate);
    case "from":
      return backend.scheduleItemFrom(itemId, change.from, change.offsetDays);
  }
}

export type Rescheduled = { dates: ItemDates; changed: boolean };

/** Reschedules an item: shown at once, then Rust's timeline; on failure Rust's timeline again.
 * With `errorShownInPlace`, a refusal is left to the caller (a dialog shows it by its field). */
export function useReschedule(options: { errorShownInPlace?: boolean } = {}) {
  const queryClient = useQueryClient();
  const feed = changeFeedOf(queryClient);
  const { mutateAsync } = useMutation({
    scope: { id: "reschedule" },
    meta: options.errorShownInPlace ? { errorShownInPlace: true } : undefined,
    mutationFn: async (reschedule: Reschedule): Promise<Rescheduled> => {
      const saved = await feed.track(() => send(reschedule));
      await feed.apply(saved.change);
      return { dates: saved.value, changed: saved.change !== null };
    },
    onMutate: async (reschedule) => {
      const key = timelineKey(reschedule.productId, reschedule.scale);
      await queryClient.cancelQueries({ queryKey: key });
      // The scale's timeline in each grouping shows the bar moved.
      const before = queryClient.getQueriesData<TimelineView>({ queryKey: key });
      for (const [cached, view] of before) {
        if (view) queryClient.setQueryData(cached, predictReschedule(view, reschedule));
      }
      return { before };
    },
    onError: (_error, reschedule, context) => {
      const key = timelineKey(reschedule.productId, reschedule.scale);
      for (const [cached, view] of context?.before ?? []) queryClient.setQueryData(cached, view);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  return (reschedule: Reschedule): Promise<Rescheduled> => {
    const settled = mutateAsync(reschedule);
    // An undo pressed while the change is on its way must undo this change.
    const unregister = registerPendingSave(() => settled.then(() => undefined, () => undefined));
    settled.then(unregister, unregister);
    return settled;
  };
}

/** A baseline's ghost bars on this timeline (its scale and grouping): under "board", so a
 * reschedule refetches them, but not under the timeline's own key, whose cached views a
 * reschedule rewrites in place (`predictReschedule`); `null` baseline, no overlay. */
export function useTimelineOverlay(productId: string, scale: TimelineScale, grouping: TimelineGrouping, baselineId: string | null) {
  return useQuery({
    queryKey: ["board", productId, "timelineOverlay", scale, grouping, baselineId] as const,
    queryFn: () => backend.getTimelineOverlay(productId, scale, grouping, baselineId ?? ""),
    enabled: baselineId !== null,
    meta: { errorShownInPlace: true },
  });
}
