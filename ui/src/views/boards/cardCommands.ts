//! The commands of one card on a board (its menu and its keys): the backlog's move commands,
//! with the same labels and keys (declared once, in `itemCommands.ts`), within the card's
//! column, and "Move to …" each other column of the board.
import type { BoardColumn, MoveTarget } from "../../api";
import { ITEM_COMMANDS } from "../../commands/itemCommands";
import type { AppCommand } from "../../commands/registry";

/** Where a card command sends the card. */
export type CardMoveRequest = { column: string; target: MoveTarget };

const WITHIN: readonly { id: string; target: MoveTarget["to"] }[] = [
  { id: "item.moveUp", target: "up" },
  { id: "item.moveDown", target: "down" },
  { id: "item.moveTop", target: "top" },
  { id: "item.moveBottom", target: "bottom" },
];

/** The commands of the card at `index` of `column`, among the board's `columns`. */
export function declareCardCommands(
  column: BoardColumn,
  index: number,
  columns: readonly BoardColumn[],
  move: (request: CardMoveRequest) => void,
): AppCommand[] {
  const count = column.cards.length;
  const within = WITHIN.flatMap(({ id, target }): AppCommand[] => {
    const spec = ITEM_COMMANDS.find((command) => command.id === id);
    if (!spec) return [];
    const upward = target === "up" || target === "top";
    return [
      {
        id: `card.${target}`,
        label: spec.label,
        group: "Backlog",
        shortcuts: spec.shortcuts,
        isEnabled: upward ? index > 0 : index < count - 1,
        run: () => move({ column: column.column, target: { to: target } as MoveTarget }),
      },
    ];
  });
  const across = columns
    .filter((other) => other.column !== column.column)
    .map(
      (other): AppCommand => ({
        id: `card.moveTo.${other.column}`,
        label: `Move to ${other.label}`,
        group: "Backlog",
        shortcuts: [],
        isEnabled: true,
        run: () => move({ column: other.column, target: { to: "top" } }),
      }),
    );
  return [...within, ...across];
}
