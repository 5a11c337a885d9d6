import { useCallback, useLayoutEffect, useRef } from "react";
import { describeError, toUiError, useMoveItem, type ItemSummary, type MoveTarget } from "../../api";
import type { MoveDirection } from "../../commands/itemCommands";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { askWhyAfterMove } from "../decisions/rationalePrompt";
import { moveTargetFor, moveTargetForDrop } from "./reorder";

/**
 * The backlog's moves (keys, menu, drops): each shows the new order at once, asks Rust to make
 * it, and is announced once, with the position in Rust's order, or with why it failed (the order
 * then goes back to Rust's).
 */
export function useBacklogMoves(
  visible: readonly ItemSummary[],
  isFiltered: boolean,
  /** Called as the move is shown: the moved row keeps (or gets) the keyboard and stays in view. */
  onMoving: (item: ItemSummary) => void,
) {
  const move = useMoveItem();
  const lists = useRef({ visible, isFiltered, onMoving });
  useLayoutEffect(() => {
    lists.current = { visible, isFiltered, onMoving };
  });

  const request = useCallback(
    (item: ItemSummary, target: MoveTarget) => {
      // Each move is announced, not only the last of quick repeated ones.
      const moving = move({ item, target });
      lists.current.onMoving(item);
      moving.then(
        (result) => {
          const name = quoteTitle(item.title);
          if (!result.moved) announce(`${name} is already there`);
          else if (result.position !== null) announce(`${name} moved to position ${result.position} of ${result.total}`);
          // Above items that outscore it? Rust says, and the rationale prompt asks why.
          if (result.moved) void askWhyAfterMove({ productId: item.productId, itemId: item.id, list: { list: "backlog" }, previousKey: item.rank });
        },
        (error: unknown) => announce(`${quoteTitle(item.title)} was not moved: ${describeError(toUiError(error))}`),
      );
    },
    [move],
  );

  const moveStep = useCallback(
    (item: ItemSummary, direction: MoveDirection) => {
      const { visible: shown, isFiltered: filtered } = lists.current;
      const index = shown.findIndex((candidate) => candidate.id === item.id);
      const target = moveTargetFor(direction, shown, index, filtered);
      if (target === null) {
        announce(`${quoteTitle(item.title)} is already at the ${direction === "up" || direction === "top" ? "top" : "bottom"}`);
        return;
      }
      request(item, target);
    },
    [request],
  );

  const moveDrop = useCallback(
    (item: ItemSummary, from: number, to: number) => {
      const target = moveTargetForDrop(lists.current.visible, from, to);
      if (target !== null) request(item, target);
    },
    [request],
  );

  return { moveStep, moveDrop };
}
