//! Baselines: the product's saved roadmaps and a comparison of one with today. The comparison,
//! its groups and every sentence in it come from Rust; the rules of `queries.ts` apply.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend, type RoadmapFormat, type Saved } from "./client";
import { flushPendingSaves } from "./pendingSaves";

export const baselineKeys = {
  /** Under the plan's key, so a change to the items, releases or baselines refetches them
   * (a comparison is made against today's roadmap). */
  all: ["plan", "baselines"] as const,
  list: (productId: string) => ["plan", "baselines", "list", productId] as const,
  comparison: (id: string) => ["plan", "baselines", "comparison", id] as const,
};

const SHOWN_IN_PLACE = { errorShownInPlace: true } as const;

/** The product's baselines, newest first. */
export function useBaselines(productId: string) {
  return useQuery({ queryKey: baselineKeys.list(productId), queryFn: () => backend.listBaselines(productId), meta: SHOWN_IN_PLACE });
}

/** A baseline compared with the roadmap now (`null` id: nothing chosen). */
export function useBaselineComparison(id: string | null) {
  return useQuery({
    queryKey: baselineKeys.comparison(id ?? ""),
    queryFn: () => backend.compareBaseline(id ?? ""),
    enabled: id !== null,
    meta: SHOWN_IN_PLACE,
  });
}

function useBaselineWrite<A, T>(send: (args: A) => Promise<Saved<T>>, errorShownInPlace: boolean) {
  const feed = changeFeedOf(useQueryClient());
  return useMutation({
    meta: errorShownInPlace ? SHOWN_IN_PLACE : undefined,
    mutationFn: async (args: A) => {
      const saved = await feed.track(() => send(args));
      await feed.apply(saved.change);
      return saved;
    },
  });
}

export const useSaveBaseline = () =>
  useBaselineWrite(({ productId, name }: { productId: string; name: string }) => backend.saveBaseline(productId, name), true);
export const useRenameBaseline = () =>
  useBaselineWrite(({ id, name }: { id: string; name: string }) => backend.renameBaseline(id, name), true);
export const useDeleteBaseline = () => useBaselineWrite(({ id }: { id: string }) => backend.deleteBaseline(id), false);

/** "Export roadmap…": Rust asks where in a native save dialog and writes the file there;
 * resolves to the path written, or null when the dialog was cancelled. */
export function useExportRoadmap() {
  return useMutation({
    mutationFn: async ({ productId, format }: { productId: string; format: RoadmapFormat }) => {
      await flushPendingSaves();
      return backend.exportRoadmap(productId, format);
    },
  });
}
