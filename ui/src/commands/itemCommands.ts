//! The commands of one backlog item (its row menu and its keys), declared once.
import type { AppCommand } from "./registry";
import type { Shortcut } from "./shortcut";

export type MoveDirection = "up" | "down" | "top" | "bottom";

type ItemCommandSpec = {
  id: string;
  label: string;
  shortcuts: readonly Shortcut[];
  move?: MoveDirection;
  isDanger?: boolean;
};

/** Labels and keys of the item commands, for the menus and the shortcuts sheet. */
export const ITEM_COMMANDS: readonly ItemCommandSpec[] = [
  { id: "item.moveUp", label: "Move up", move: "up", shortcuts: [{ key: "ArrowUp", alt: true }] },
  { id: "item.moveDown", label: "Move down", move: "down", shortcuts: [{ key: "ArrowDown", alt: true }] },
  {
    id: "item.moveTop",
    label: "Move to top",
    move: "top",
    shortcuts: [
      { key: "ArrowUp", alt: true, shift: true },
      { key: "Home", alt: true },
    ],
  },
  {
    id: "item.moveBottom",
    label: "Move to bottom",
    move: "bottom",
    shortcuts: [
      { key: "ArrowDown", alt: true, shift: true },
      { key: "End", alt: true },
    ],
  },
  { id: "item.edit", label: "Edit", shortcuts: [{ key: "Enter" }] },
  { id: "item.scores", label: "Scores…", shortcuts: [{ key: "s" }] },
  { id: "item.setMoscow", label: "Set MoSCoW…", shortcuts: [{ key: "m" }] },
  { id: "item.setKano", label: "Set Kano category…", shortcuts: [{ key: "k" }] },
  { id: "item.delete", label: "Delete…", shortcuts: [{ key: "Delete" }], isDanger: true },
];

export type ItemCommandHandlers<T> = {
  move: (item: T, direction: MoveDirection) => void;
  edit: (item: T) => void;
  delete: (item: T) => void;
  /** The score commands, where the list offers them. */
  scores?: (item: T) => void;
  setMoscow?: (item: T) => void;
  setKano?: (item: T) => void;
};

const SCORE_COMMANDS = { "item.scores": "scores", "item.setMoscow": "setMoscow", "item.setKano": "setKano" } as const;

/**
 * The commands of `item`, which is `index` of `count` in the list it is shown in. With
 * `canMove` false (the list shows a score order), the moves are listed but disabled.
 */
export function declareItemCommands<T>(
  item: T,
  { index, count, canMove = true }: { index: number; count: number; canMove?: boolean },
  handlers: ItemCommandHandlers<T>,
): AppCommand[] {
  return ITEM_COMMANDS.flatMap((spec): AppCommand[] => {
    const move = spec.move;
    const base = { id: spec.id, label: spec.label, group: "Backlog" as const, shortcuts: spec.shortcuts, isDanger: spec.isDanger };
    if (move) {
      const upward = move === "up" || move === "top";
      const isEnabled = canMove && (upward ? index > 0 : index < count - 1);
      return [{ ...base, isEnabled, run: () => handlers.move(item, move) }];
    }
    if (spec.id in SCORE_COMMANDS) {
      const handler = handlers[SCORE_COMMANDS[spec.id as keyof typeof SCORE_COMMANDS]];
      return handler ? [{ ...base, isEnabled: true, run: () => handler(item) }] : [];
    }
    const run = spec.id === "item.edit" ? () => handlers.edit(item) : () => handlers.delete(item);
    return [{ ...base, isEnabled: true, run }];
  });
}
