//! The value/effort matrix: its query and placing a card. The cells, their quadrants and labels
//! come from Rust (`list_matrix`); a card is placed by setting its value and effort in one
//! `set_score_inputs` (one transaction, one undo step, labelled by Rust). A placement shows the
//! card in its new cell at once and puts Rust's matrix back if it fails.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { changeFeedOf } from "./changes";
import { backend, type ItemSummary, type MatrixCell, type MatrixView } from "./client";
import { registerPendingSave } from "./pendingSaves";

/** Under "board", so every change the boards refetch on (an item's inputs) refetches it too. */
export const matrixKey = (productId: string) => ["board", productId, "matrix"] as const;

export function useMatrix(productId: string) {
  return useQuery({
    queryKey: matrixKey(productId),
    queryFn: () => backend.listMatrix(productId),
    meta: { errorShownInPlace: true },
  });
}

export type CardPlacement = {
  productId: string;
  itemId: string;
  value: number;
  effort: number;
};

/** The matrix with the card in the cell (value, effort), among its cards in backlog order (the
 * `position` Rust gave every card), as Rust will show it. */
export function predictPlacement(view: MatrixView, placement: CardPlacement): MatrixView {
  const card =
    view.notPlaced.find((candidate) => candidate.id === placement.itemId) ??
    view.cells.flatMap((cell) => cell.cards).find((candidate) => candidate.id === placement.itemId);
  const target = view.cells.find((cell) => cell.value === placement.value && cell.effort === placement.effort);
  if (!card || !target) return view;
  const moved: ItemSummary = { ...card, inputs: { ...card.inputs, value: placement.value, effort: placement.effort } };
  const without = (cards: readonly ItemSummary[]) => cards.filter((candidate) => candidate.id !== card.id);
  const cells = view.cells.map((cell): MatrixCell => {
    const cards = without(cell.cards);
    if (cell !== target) return cards.length === cell.cards.length ? cell : { ...cell, cards };
    const at = cards.findIndex((candidate) => candidate.position > moved.position);
    cards.splice(at < 0 ? cards.length : at, 0, moved);
    return { ...cell, cards };
  });
  return { ...view, cells, notPlaced: without(view.notPlaced) };
}

/** Places a card: shown at once, then Rust's matrix; on failure Rust's matrix again (the error
 * goes the one toast path). Resolves true when something changed. */
export function usePlaceCard() {
  const queryClient = useQueryClient();
  const feed = changeFeedOf(queryClient);
  const { mutateAsync } = useMutation({
    scope: { id: "place-card" },
    mutationFn: async (placement: CardPlacement): Promise<boolean> => {
      const saved = await feed.track(() =>
        backend.setScoreInputs(
          [placement.itemId],
          [
            { input: "value", value: placement.value },
            { input: "effort", value: placement.effort },
          ],
        ),
      );
      await feed.apply(saved.change);
      return saved.change !== null;
    },
    onMutate: async (placement) => {
      const key = matrixKey(placement.productId);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<MatrixView>(key);
      if (before) queryClient.setQueryData(key, predictPlacement(before, placement));
      return { before };
    },
    onError: (_error, placement, context) => {
      const key = matrixKey(placement.productId);
      if (context?.before) queryClient.setQueryData(key, context.before);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  // Stable, so the matrix's cells (memoised) keep their handlers across renders.
  return useCallback(
    (placement: CardPlacement): Promise<boolean> => {
      const settled = mutateAsync(placement);
      // An undo pressed while the placement is on its way must undo this placement.
      const unregister = registerPendingSave(() => settled.then(() => undefined, () => undefined));
      settled.then(unregister, unregister);
      return settled;
    },
    [mutateAsync],
  );
}
