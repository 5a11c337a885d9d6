//! The Now / Next / Later board in swimlanes and the product home's roadmap snapshot. The rows,
//! their order and labels, each cell's cards and positions, the counts and the next release and
//! milestone are Rust's (`list_swimlane_board`, `get_home_roadmap`); a move is one command that
//! may change the card's goal (theme) with its lane, and the board is read again after it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend, type MoveTarget, type SwimlaneBoard, type SwimlaneGrouping } from "./client";
import { registerPendingSave } from "./pendingSaves";

/** Under "roadmapBoard": refetched after a card, an item, a goal, theme, release or milestone
 * changed (`changes.ts`). */
export const swimlaneBoardKey = (productId: string, grouping: SwimlaneGrouping) => ["roadmapBoard", productId, "swimlanes", grouping] as const;
export const homeRoadmapKey = (productId: string) => ["roadmapBoard", productId, "home"] as const;

export function useSwimlaneBoard(productId: string, grouping: SwimlaneGrouping) {
  return useQuery({
    queryKey: swimlaneBoardKey(productId, grouping),
    queryFn: () => backend.listSwimlaneBoard(productId, grouping),
    meta: { errorShownInPlace: true },
  });
}

export function useHomeRoadmap(productId: string) {
  return useQuery({
    queryKey: homeRoadmapKey(productId),
    queryFn: () => backend.getHomeRoadmap(productId),
    meta: { errorShownInPlace: true },
  });
}

export type SwimlaneMove = {
  productId: string;
  grouping: SwimlaneGrouping;
  itemId: string;
  swimlane: string;
  column: string;
  target: MoveTarget;
};

/** Where Rust put the card: its row's and column's labels and its place in that cell. */
export type SwimlaneMoveResult = {
  moved: boolean;
  /** The card's row and column keys now (null when it is not on the board). */
  swimlaneKey: string | null;
  column: string | null;
  swimlaneLabel: string;
  columnLabel: string;
  position: number | null;
  total: number;
};

/** Finds a card's cell in a swimlane board. */
export function cellOf(board: SwimlaneBoard | undefined, itemId: string) {
  for (const swimlane of board?.swimlanes ?? []) {
    for (const column of swimlane.columns) {
      const index = column.cards.findIndex((card) => card.id === itemId);
      if (index >= 0) return { swimlane, column, index };
    }
  }
  return null;
}

/** Moves a card in the swimlanes; resolves, once Rust's board is in the cache, to where it is. */
export function useMoveCardInSwimlanes() {
  const queryClient = useQueryClient();
  const feed = changeFeedOf(queryClient);
  const { mutateAsync } = useMutation({
    scope: { id: "move-card" },
    mutationFn: async (move: SwimlaneMove): Promise<SwimlaneMoveResult> => {
      const saved = await feed.track(() =>
        backend.moveCardInSwimlanes(move.itemId, move.column, move.target, move.grouping, move.swimlane),
      );
      await feed.apply(saved.change);
      const board = queryClient.getQueryData<SwimlaneBoard>(swimlaneBoardKey(move.productId, move.grouping));
      const cell = cellOf(board, move.itemId);
      return {
        moved: saved.change !== null,
        swimlaneKey: cell?.swimlane.key ?? null,
        column: cell?.column.column ?? null,
        swimlaneLabel: cell?.swimlane.label ?? "",
        columnLabel: cell?.column.label ?? move.column,
        position: cell ? cell.index + 1 : null,
        total: cell?.column.cards.length ?? 0,
      };
    },
  });
  return (move: SwimlaneMove): Promise<SwimlaneMoveResult> => {
    const settled = mutateAsync(move);
    const unregister = registerPendingSave(() => settled.then(() => undefined, () => undefined));
    settled.then(unregister, unregister);
    return settled;
  };
}
