//! Score queries and actions (the rules of `queries.ts` apply: no retries, errors of queries
//! shown in place, errors of actions as toasts). Scores, breakdowns and score positions arrive
//! with the items (`useItems`, `useItem`); everything here is computed in Rust.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend, type NumericFramework, type ScoreChange } from "./client";

export const scoreKeys = {
  scales: ["scoringScales"] as const,
  /** Refetched on every item or product change (`changes.ts`): positions are relative. */
  sensitivity: (itemId: string, framework: NumericFramework) => ["sensitivity", itemId, framework] as const,
};

const SHOWN_IN_PLACE = { errorShownInPlace: true } as const;

/** Every framework and input with the values it allows and their labels (they never change). */
export function useScoringScales() {
  return useQuery({ queryKey: scoreKeys.scales, queryFn: backend.getScoringScales, meta: SHOWN_IN_PLACE });
}

/** How the item's score position moves with each input one step down or up its scale. */
export function useSensitivity(itemId: string | null, framework: NumericFramework) {
  return useQuery({
    queryKey: scoreKeys.sensitivity(itemId ?? "", framework),
    queryFn: () => backend.getSensitivity(itemId ?? "", framework),
    enabled: itemId !== null,
    meta: SHOWN_IN_PLACE,
  });
}

/**
 * Sets or clears inputs on one or many items (the bulk edit too): one undo step. Resolves once the
 * lists showing them have been read again; a refusal (`Invalid`, naming the input) writes nothing.
 */
export function useSetScoreInputs({ errorShownInPlace = false }: { errorShownInPlace?: boolean } = {}) {
  const feed = changeFeedOf(useQueryClient());
  return useMutation({
    // A field that shows its refusal beside it raises no toast as well.
    meta: errorShownInPlace ? SHOWN_IN_PLACE : undefined,
    mutationFn: async ({ itemIds, changes }: { itemIds: string[]; changes: ScoreChange[] }) => {
      const saved = await feed.track(() => backend.setScoreInputs(itemIds, changes));
      await feed.apply(saved.change ?? null);
      return saved;
    },
  });
}
