//! The decision log: the log of a product (or of one item), recording, editing, linking and
//! deleting decisions, and the question a move may raise ("outscored by"). Every sentence about
//! counts, frameworks and scores comes from Rust; the rules of `queries.ts` apply (no retries,
//! errors of queries shown in place, errors of actions as toasts unless shown in place).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend, type DecisionPatch, type MovedIn, type NewDecision, type NumericFramework, type Saved } from "./client";

export const decisionKeys = {
  /** Every decision query (refetched on any change to decisions, links, items or products). */
  all: ["decisions"] as const,
  log: (productId: string, itemId: string | null) => ["decisions", productId, itemId] as const,
};

const SHOWN_IN_PLACE = { errorShownInPlace: true } as const;

/** The product's decisions, newest first; with `itemId`, only those linked to that item. */
export function useDecisions(productId: string, itemId: string | null) {
  return useQuery({
    queryKey: decisionKeys.log(productId, itemId),
    queryFn: () => backend.listDecisions(productId, itemId),
    meta: SHOWN_IN_PLACE,
  });
}

/** A write through the change feed, resolving once what it changed has been read again. */
function useDecisionWrite<A, T>(send: (args: A) => Promise<Saved<T>>, errorShownInPlace: boolean) {
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

type InPlace = { errorShownInPlace?: boolean };

/** Records a decision with its items: one undo step. A dialog shows Rust's refusal in place. */
export function useCreateDecision({ errorShownInPlace = false }: InPlace = {}) {
  return useDecisionWrite((input: NewDecision) => backend.createDecision(input), errorShownInPlace);
}

export function useUpdateDecision({ errorShownInPlace = false }: InPlace = {}) {
  return useDecisionWrite(
    ({ id, patch }: { id: string; patch: DecisionPatch }) => backend.updateDecision(id, patch),
    errorShownInPlace,
  );
}

/** Links and unlinks items (the decision's items become exactly `itemIds`): one undo step. */
export function useSetDecisionItems({ errorShownInPlace = false }: InPlace = {}) {
  return useDecisionWrite(
    ({ id, itemIds }: { id: string; itemIds: string[] }) => backend.setDecisionItems(id, itemIds),
    errorShownInPlace,
  );
}

export function useDeleteDecision() {
  return useDecisionWrite(({ id }: { id: string }) => backend.deleteDecision(id), false);
}

/** What a move's question is about: the moved item, the list it moved in, and its key there
 * before the move (on a board, null when it came from another column). */
export type MoveQuestion = {
  productId: string;
  itemId: string;
  framework: NumericFramework;
  list: MovedIn;
  previousKey: string | null;
};

/** The items a move put the item above that score higher (Rust compares; nothing here does). */
export function listOutscoringItems(question: MoveQuestion) {
  return backend.listOutscoringItems(question.itemId, question.framework, question.list, question.previousKey);
}
