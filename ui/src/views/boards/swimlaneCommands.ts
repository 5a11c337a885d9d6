//! The commands of one card on the board in swimlanes (its menu and its keys): the backlog's
//! move commands within its cell (same labels and keys, from `itemCommands.ts`), "Move to" each
//! other column of its row, and "Move to <goal>" each other row in its column.
import type { MoveTarget, Swimlane } from "../../api";
import { ITEM_COMMANDS } from "../../commands/itemCommands";
import type { AppCommand } from "../../commands/registry";
import { quoteTitle } from "../../lib/quote";

export type SwimlaneMoveRequest = { swimlane: string; column: string; target: MoveTarget };

/**
 * Up and down stay inside the cell: the card goes before the card above it or after the card
 * below it in this cell (Rust's own up/down would step over the cards of other rows in the
 * column, which this cell does not show). Top and bottom of a cell are the column's.
 */
function withinTarget(kind: string, ids: readonly string[], index: number): MoveTarget | null {
  switch (kind) {
    case "up":
      return ids[index - 1] ? { to: "before", itemId: ids[index - 1] as string } : null;
    case "down":
      return ids[index + 1] ? { to: "after", itemId: ids[index + 1] as string } : null;
    case "top":
      return { to: "top" };
    default:
      return { to: "bottom" };
  }
}

const WITHIN = [
  { id: "item.moveUp", kind: "up" },
  { id: "item.moveDown", kind: "down" },
  { id: "item.moveTop", kind: "top" },
  { id: "item.moveBottom", kind: "bottom" },
] as const;

/** The commands of the card at `index` of the cell (`swimlane`, `column`) among `swimlanes`. */
export function declareSwimlaneCardCommands(
  rowNoun: string,
  swimlanes: readonly Swimlane[],
  swimlane: Swimlane,
  column: string,
  index: number,
  move: (request: SwimlaneMoveRequest) => void,
): AppCommand[] {
  const ids = swimlane.columns.find((candidate) => candidate.column === column)?.cards.map((card) => card.id) ?? [];
  const within = WITHIN.flatMap(({ id, kind }): AppCommand[] => {
    const spec = ITEM_COMMANDS.find((command) => command.id === id);
    if (!spec) return [];
    const upward = kind === "up" || kind === "top";
    const target = withinTarget(kind, ids, index);
    return [
      {
        id: `card.${kind}`,
        label: spec.label,
        group: "Backlog",
        shortcuts: spec.shortcuts,
        isEnabled: target !== null && (upward ? index > 0 : index < ids.length - 1),
        run: () => {
          if (target) move({ swimlane: swimlane.key, column, target });
        },
      },
    ];
  });
  const acrossColumns = swimlane.columns
    .filter((other) => other.column !== column)
    .map(
      (other): AppCommand => ({
        id: `card.moveTo.${other.column}`,
        label: `Move to ${other.label}`,
        group: "Backlog",
        shortcuts: [],
        isEnabled: true,
        run: () => move({ swimlane: swimlane.key, column: other.column, target: { to: "top" } }),
      }),
    );
  const acrossRows = swimlanes
    .filter((other) => other.key !== swimlane.key)
    .map(
      (other): AppCommand => ({
        id: `card.moveToRow.${other.key}`,
        // "Move to goal “Grow retention”": a goal may be called "Next" too.
        label: other.key === "none" ? `Move to ${other.label}` : `Move to ${rowNoun} ${quoteTitle(other.label)}`,
        group: "Backlog",
        shortcuts: [],
        isEnabled: true,
        run: () => move({ swimlane: other.key, column, target: { to: "top" } }),
      }),
    );
  return [...within, ...acrossColumns, ...acrossRows];
}
