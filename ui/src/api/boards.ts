//! Prioritisation boards: the board query and the card move. The board's order, its columns and
//! their labels, and the MoSCoW effort check all come from Rust (`list_board`); a move shows the
//! card in its new place at once (the order Rust makes: taken out, put before or after its
//! neighbour) and puts Rust's board back if the move fails.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend, type BoardKind, type BoardView, type MoveTarget } from "./client";
import { registerPendingSave } from "./pendingSaves";

export const boardKey = (productId: string, board: BoardKind) => ["board", productId, board] as const;

export function useBoard(productId: string, board: BoardKind) {
  return useQuery({
    queryKey: boardKey(productId, board),
    queryFn: () => backend.listBoard(productId, board),
    meta: { errorShownInPlace: true },
  });
}

export type CardMove = {
  productId: string;
  board: BoardKind;
  itemId: string;
  /** The column the card goes to ("must", "unsorted"…). */
  column: string;
  target: MoveTarget;
};

/** The board with the card moved as Rust will move it (never a decision Rust makes differently:
 * the card goes next to the card named by `target`, or to an end of the column). */
export function predictMove(view: BoardView, move: CardMove): BoardView {
  const from = view.columns.find((column) => column.cards.some((card) => card.id === move.itemId));
  const card = from?.cards.find((candidate) => candidate.id === move.itemId);
  if (!from || !card) return view;
  const columns = view.columns.map((column) => ({ ...column, cards: column.cards.filter((c) => c.id !== move.itemId) }));
  const to = columns.find((column) => column.column === move.column);
  if (!to) return view;
  const current = from.cards.indexOf(card);
  const target = move.target;
  let at: number;
  switch (target.to) {
    case "top":
      at = 0;
      break;
    case "bottom":
      at = to.cards.length;
      break;
    case "up":
      at = Math.max(0, current - 1);
      break;
    case "down":
      at = Math.min(to.cards.length, current + 1);
      break;
    case "before":
    case "after": {
      const anchor = to.cards.findIndex((candidate) => candidate.id === target.itemId);
      if (anchor < 0) return view;
      at = target.to === "before" ? anchor : anchor + 1;
      break;
    }
  }
  // A card shown in another column has no key there until Rust's board arrives: its old key
  // belongs to the column it left (an empty key says "not known yet", see `BoardView`'s move).
  to.cards.splice(at, 0, to === columns[view.columns.indexOf(from)] ? card : { ...card, rank: "" });
  for (const column of columns) column.cards = column.cards.map((c, index) => ({ ...c, position: index + 1 }));
  return { ...view, columns };
}

export type CardMoveResult = {
  /** False when the card was already there (Rust changed nothing). */
  moved: boolean;
  /** The label of the column it is in now, from Rust ("Won't"). */
  columnLabel: string;
  /** Its 1-based place in that column after the move, and the column's size. */
  position: number | null;
  total: number;
};

/** Moves a card: shown at once, then Rust's board; on failure Rust's board again (the error is
 * shown by the one toast path). Resolves to where Rust put it. */
export function useMoveCard() {
  const queryClient = useQueryClient();
  const feed = changeFeedOf(queryClient);
  const { mutateAsync } = useMutation({
    scope: { id: "move-card" },
    mutationFn: async (move: CardMove): Promise<CardMoveResult> => {
      const saved = await feed.track(() => backend.moveCard(move.itemId, move.board, move.column, move.target));
      await feed.apply(saved.change);
      // Rust's board after the move is in the cache now.
      const view = queryClient.getQueryData<BoardView>(boardKey(move.productId, move.board));
      const column = view?.columns.find((candidate) => candidate.column === move.column);
      const index = column?.cards.findIndex((card) => card.id === move.itemId) ?? -1;
      return {
        moved: saved.change !== null,
        columnLabel: column?.label ?? move.column,
        position: index >= 0 ? index + 1 : null,
        total: column?.cards.length ?? 0,
      };
    },
    onMutate: async (move) => {
      const key = boardKey(move.productId, move.board);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<BoardView>(key);
      if (before) queryClient.setQueryData(key, predictMove(before, move));
      return { before };
    },
    onError: (_error, move, context) => {
      const key = boardKey(move.productId, move.board);
      if (context?.before) queryClient.setQueryData(key, context.before);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  return (move: CardMove): Promise<CardMoveResult> => {
    const settled = mutateAsync(move);
    // An undo pressed while the move is on its way must undo this move.
    const unregister = registerPendingSave(() => settled.then(() => undefined, () => undefined));
    settled.then(unregister, unregister);
    return settled;
  };
}
