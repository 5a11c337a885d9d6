//! Importing feedback as research notes: choose a CSV file or a folder of Markdown files in the
//! native dialog Rust opens, preview it (Rust's mapping, rows and problems), change the mapping
//! (Rust previews again), and import it in one undo step. Every mapping, problem, refusal and
//! sentence comes from Rust; the rules of `queries.ts` apply.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend, type FeedbackImportPreview, type FeedbackMapping } from "./client";

const SHOWN_IN_PLACE = { errorShownInPlace: true } as const;

/** Where the feedback comes from: the dialog to open, or a path already chosen. */
export type FeedbackSourceRequest = { pick: "file" | "folder" } | { path: string; mapping: FeedbackMapping | null };

export type PreviewedFeedback = { path: string; preview: FeedbackImportPreview };

/** The dry run of a source (shown in place: a refused file is the dialog's message, not a
 * toast). Resolves to null when the native dialog was cancelled. */
export function usePreviewFeedback() {
  return useMutation({
    meta: SHOWN_IN_PLACE,
    mutationFn: async ({ productId, request }: { productId: string; request: FeedbackSourceRequest }): Promise<PreviewedFeedback | null> => {
      if ("pick" in request) {
        const chosen = request.pick === "file" ? await backend.chooseFeedbackFile() : await backend.chooseFeedbackFolder();
        if (chosen === null) return null;
        return { path: chosen, preview: await backend.previewFeedbackImport(productId, chosen, null) };
      }
      return { path: request.path, preview: await backend.previewFeedbackImport(productId, request.path, request.mapping) };
    },
  });
}

/** Imports every row of the previewed source as a note: one undo step; refused whole on any
 * problem. */
export function useImportFeedback() {
  const feed = changeFeedOf(useQueryClient());
  return useMutation({
    meta: SHOWN_IN_PLACE,
    mutationFn: async ({ productId, path, mapping }: { productId: string; path: string; mapping: FeedbackMapping | null }) => {
      const saved = await feed.track(() => backend.importFeedback(productId, path, mapping));
      await feed.apply(saved.change);
      return saved.value;
    },
  });
}
