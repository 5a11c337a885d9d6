//! Highlights: passages of a note's body with their tags and items. Rust takes the quote from
//! the saved body, anchors it and re-anchors it on every save; the UI sends the editor's
//! selection (UTF-16 positions, as CodeMirror counts) and draws what comes back.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend, type HighlightFilter, type HighlightPatch, type NewHighlight, type Saved } from "./client";

export const highlightKeys = {
  /** Under "research": a note's or its links' change refetches them too. */
  all: ["research", "highlights"] as const,
  list: (productId: string, filter: HighlightFilter) => ["research", "highlights", productId, filter] as const,
};

export const noHighlightFilter: HighlightFilter = { noteId: null, tagId: null, participantId: null };

export function useHighlights(productId: string, filter: HighlightFilter) {
  return useQuery({
    queryKey: highlightKeys.list(productId, filter),
    queryFn: () => backend.listHighlights(productId, filter),
    meta: { errorShownInPlace: true },
    placeholderData: keepPreviousData,
  });
}

function useHighlightWrite<A, T>(send: (args: A) => Promise<Saved<T>>) {
  const feed = changeFeedOf(useQueryClient());
  return useMutation({
    mutationFn: async (args: A) => {
      const saved = await feed.track(() => send(args));
      await feed.apply(saved.change);
      return saved;
    },
  });
}

/** Highlights a passage; a stale or empty selection is refused by Rust, in words (a toast). */
export function useCreateHighlight() {
  return useHighlightWrite((input: NewHighlight) => backend.createHighlight(input));
}

export function useUpdateHighlight() {
  return useHighlightWrite(({ id, patch }: { id: string; patch: HighlightPatch }) => backend.updateHighlight(id, patch));
}

export function useDeleteHighlight() {
  return useHighlightWrite(({ id }: { id: string }) => backend.deleteHighlight(id));
}

/** A new research tag from the highlight dialog (Rust refuses a blank or duplicate name, in words). */
export function useCreateTag() {
  return useHighlightWrite(({ productId, name }: { productId: string; name: string }) => backend.createTag(productId, name));
}
export type { Highlight, HighlightFilter, HighlightPatch, NewHighlight } from "./client";
