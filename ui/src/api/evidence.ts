//! Evidence on items: an item's quotes, their summary and the suggested Reach and Confidence,
//! accepting a suggestion, and the product's evidence settings. Everything shown (counts,
//! strength, suggestions, provenance, why Accept is unavailable) comes from Rust; the rules of
//! `queries.ts` apply.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend, type NoteType, type Saved, type ScoreInput, type SegmentMultiplierChange } from "./client";

export const evidenceKeys = {
  /** Refetched on any change to items, research, highlights or the settings (`changes.ts`). */
  all: ["evidence"] as const,
  item: (itemId: string) => ["evidence", "item", itemId] as const,
  settings: (productId: string) => ["evidence", "settings", productId] as const,
};

const SHOWN_IN_PLACE = { errorShownInPlace: true } as const;

export function useItemEvidence(itemId: string) {
  return useQuery({ queryKey: evidenceKeys.item(itemId), queryFn: () => backend.getItemEvidence(itemId), meta: SHOWN_IN_PLACE });
}

export function useEvidenceSettings(productId: string) {
  return useQuery({
    queryKey: evidenceKeys.settings(productId),
    queryFn: () => backend.getEvidenceSettings(productId),
    meta: SHOWN_IN_PLACE,
  });
}

/** A write through the change feed, resolving once what it changed has been read again. */
function useEvidenceWrite<A, T>(send: (args: A) => Promise<Saved<T>>) {
  const feed = changeFeedOf(useQueryClient());
  return useMutation({
    meta: SHOWN_IN_PLACE,
    mutationFn: async (args: A) => {
      const saved = await feed.track(() => send(args));
      await feed.apply(saved.change);
      return saved;
    },
  });
}

export const useAcceptEvidenceSuggestion = () =>
  useEvidenceWrite(({ itemId, input }: { itemId: string; input: ScoreInput }) => backend.acceptEvidenceSuggestion(itemId, input));
export const useSetEvidenceWeight = () =>
  useEvidenceWrite(({ productId, noteType, weight }: { productId: string; noteType: NoteType; weight: number }) =>
    backend.setEvidenceWeight(productId, noteType, weight),
  );
export const useSetSegmentMultiplier = () =>
  useEvidenceWrite(({ productId, change }: { productId: string; change: SegmentMultiplierChange }) =>
    backend.setSegmentMultiplier(productId, change),
  );
