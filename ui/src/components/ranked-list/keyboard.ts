//! The ranked list's keyboard model, as pure functions (tested without a DOM).
//!
//! One tab stop: the list's active row. Plain arrows, Home/End and Page Up/Down move the focus;
//! the row's commands (Alt+↑ to move, Enter to edit, Delete…) come from the command registry;
//! Shift+F10, the context-menu key or → open the row's menu.
import type { AppCommand } from "../../commands/registry";
import { formatShortcut, matchesShortcut, type KeyLike, type Shortcut } from "../../commands/shortcut";

/** The navigation keys of every ranked list, as the shortcuts sheet lists them. */
export const LIST_NAVIGATION: readonly { label: string; shortcuts: readonly Shortcut[] }[] = [
  { label: "Focus the previous / next row", shortcuts: [{ key: "ArrowUp" }, { key: "ArrowDown" }] },
  { label: "Focus the first / last row", shortcuts: [{ key: "Home" }, { key: "End" }] },
  { label: "Focus a page up / down", shortcuts: [{ key: "PageUp" }, { key: "PageDown" }] },
  { label: "Open the row's menu", shortcuts: [{ key: "F10", shift: true }, { key: "ContextMenu" }] },
  { label: "Pick up the row to drag it with the arrows (Space again drops, Esc cancels)", shortcuts: [{ key: " " }] },
];

/** The selection keys of a list whose rows can be selected (the backlog), for the sheet. */
export const LIST_SELECTION: readonly { label: string; shortcuts: readonly Shortcut[] }[] = [
  { label: "Extend the selection up / down", shortcuts: [{ key: "ArrowUp", shift: true }, { key: "ArrowDown", shift: true }] },
  { label: "Select every row shown", shortcuts: [{ key: "a", ctrl: true }] },
  { label: "Clear the selection", shortcuts: [{ key: "Escape" }] },
];

export type ListKeyAction =
  | { type: "focus"; index: number }
  | { type: "openMenu" }
  | { type: "pickUp" }
  | { type: "command"; command: AppCommand }
  /** A row command whose shortcut matched but which can't run now (the first row "up"). */
  | { type: "blocked"; command: AppCommand }
  /** Shift+arrow: select from the anchor to `index` and focus it. */
  | { type: "extend"; index: number }
  | { type: "selectAll" }
  | { type: "clearSelection" };

const FOCUS_KEYS = new Set(["ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);

/**
 * What a key pressed on the row at `index` (of `count`) does. `pageSize` is how many rows a
 * page holds; `rowCommands` are the focused row's commands.
 */
export function listKeyAction(
  event: KeyLike,
  {
    index,
    count,
    pageSize,
    rowCommands,
    selectable = false,
    hasSelection = false,
  }: {
    index: number;
    count: number;
    pageSize: number;
    rowCommands: readonly AppCommand[];
    /** Whether rows can be selected (Shift+arrows, Ctrl+A, Escape). */
    selectable?: boolean;
    hasSelection?: boolean;
  },
): ListKeyAction | null {
  const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
  if (selectable && count > 0) {
    if (matchesShortcut(event, { key: "ArrowUp", shift: true })) return { type: "extend", index: Math.max(0, index - 1) };
    if (matchesShortcut(event, { key: "ArrowDown", shift: true })) return { type: "extend", index: Math.min(count - 1, index + 1) };
    if (matchesShortcut(event, { key: "a", ctrl: true })) return { type: "selectAll" };
    if (plain && event.key === "Escape" && hasSelection) return { type: "clearSelection" };
  }
  if (plain && FOCUS_KEYS.has(event.key) && count > 0) {
    const last = count - 1;
    const page = Math.max(1, pageSize - 1);
    const target = {
      ArrowUp: index - 1,
      ArrowDown: index + 1,
      Home: 0,
      End: last,
      PageUp: index - page,
      PageDown: index + page,
    }[event.key as "ArrowUp"];
    return { type: "focus", index: Math.min(last, Math.max(0, target)) };
  }
  if ((plain && (event.key === "ContextMenu" || event.key === "ArrowRight")) || matchesShortcut(event, { key: "F10", shift: true })) {
    return { type: "openMenu" };
  }
  if (plain && event.key === " ") return { type: "pickUp" };
  for (const command of rowCommands) {
    if (command.shortcuts?.some((shortcut) => matchesShortcut(event, shortcut))) {
      return command.isEnabled ? { type: "command", command } : { type: "blocked", command };
    }
  }
  return null;
}

/**
 * What a row's description tells a screen-reader user about its keys, built from the same
 * declarations as the keyboard handling and the shortcuts sheet.
 */
export function describeRowKeys(rowCommands: readonly { label: string; shortcuts: readonly Shortcut[] }[]): string {
  const first = (shortcuts: readonly Shortcut[] | undefined) => (shortcuts?.[0] ? formatShortcut(shortcuts[0]) : null);
  const parts = rowCommands
    .map((command) => {
      const keys = first(command.shortcuts);
      return keys ? `${keys}: ${command.label.replace(/…$/, "").toLowerCase()}` : null;
    })
    .filter((part): part is string => part !== null);
  const menu = LIST_NAVIGATION.find((entry) => entry.shortcuts.some((shortcut) => shortcut.key === "F10"));
  const pickUp = LIST_NAVIGATION.find((entry) => entry.shortcuts.some((shortcut) => shortcut.key === " "));
  if (menu) parts.push(`${first(menu.shortcuts) ?? ""}: open the row's menu`);
  if (pickUp) parts.push(`${first(pickUp.shortcuts) ?? ""}: pick the row up to drag it`);
  return `${parts.join("; ")}.`;
}
