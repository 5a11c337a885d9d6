//! The Kano questionnaire: the results query, and the import (choose a file in the native dialog
//! Rust opens, preview it, import it), "Set Kano to the mode" and deleting an import. Every
//! figure, category, problem and refusal comes from Rust; the rules of `queries.ts` apply.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend } from "./client";

export const kanoSurveyKeys = {
  /** Refetched when answers, items or products change (`changes.ts`). */
  results: (productId: string) => ["kanoResults", productId] as const,
};

const SHOWN_IN_PLACE = { errorShownInPlace: true } as const;

/** The product's imports and, per item with answers, distribution, mode, Better and Worse. */
export function useKanoResults(productId: string) {
  return useQuery({
    queryKey: kanoSurveyKeys.results(productId),
    queryFn: () => backend.getKanoResults(productId),
    meta: SHOWN_IN_PLACE,
  });
}

/** "Import answers…": the native open dialog, then the dry run of the chosen file (shown in
 * place: a refused file is the preview's message, not a toast). Resolves to null if cancelled. */
export function usePreviewKanoFile() {
  return useMutation({
    meta: SHOWN_IN_PLACE,
    mutationFn: async ({ productId, path }: { productId: string; path?: string }) => {
      const chosen = path ?? (await backend.chooseKanoFile());
      if (chosen === null) return null;
      return { path: chosen, preview: await backend.previewKanoImport(productId, chosen) };
    },
  });
}

/** Imports every answer of the previewed file: one undo step; refused whole on any problem. */
export function useImportKanoAnswers() {
  const feed = changeFeedOf(useQueryClient());
  return useMutation({
    meta: SHOWN_IN_PLACE,
    mutationFn: async ({ productId, path }: { productId: string; path: string }) => {
      const saved = await feed.track(() => backend.importKanoAnswers(productId, path));
      await feed.apply(saved.change);
      return saved.value;
    },
  });
}

/** Sets the item's Kano category to its answers' mode (one undo step, like setting it by hand). */
export function useApplyKanoResult() {
  const feed = changeFeedOf(useQueryClient());
  return useMutation({
    mutationFn: async ({ itemId }: { itemId: string }) => {
      const saved = await feed.track(() => backend.applyKanoResult(itemId));
      await feed.apply(saved.change);
      return saved.value;
    },
  });
}

/** Deletes an import and its answers (one undo step). */
export function useDeleteKanoImport() {
  const feed = changeFeedOf(useQueryClient());
  return useMutation({
    mutationFn: async ({ surveyId }: { surveyId: string }) => {
      const saved = await feed.track(() => backend.deleteKanoImport(surveyId));
      await feed.apply(saved.change);
    },
  });
}
