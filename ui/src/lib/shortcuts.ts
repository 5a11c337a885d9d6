//! Keyboard shortcuts as pure functions of a key event, so they can be tested without a DOM.

export type KeyLike = Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey" | "shiftKey">;

export type HistoryAction = "undo" | "redo";

/** Ctrl+Z → undo; Ctrl+Shift+Z and Ctrl+Y → redo (Cmd instead of Ctrl on macOS). */
export function historyShortcut(event: KeyLike): HistoryAction | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  return null;
}

const TEXT_INPUT_TYPES = new Set(["text", "search", "url", "tel", "email", "password", "number", ""]);

/** True when the key goes to a text field: there, Ctrl+Z is the field's own text undo. */
export function isTextEntryTarget(target: EventTarget | null): boolean {
  if (typeof Element === "undefined" || !(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('[contenteditable="true"], [contenteditable=""]') !== null;
}

type GlobalKeyEvent = KeyLike & { target: EventTarget | null; defaultPrevented: boolean };

const DIALOGS = '[role="dialog"], [role="alertdialog"]';

function isInside(target: EventTarget | null, selector: string): boolean {
  return typeof Element !== "undefined" && target instanceof Element && target.closest(selector) !== null;
}

/**
 * The history action for a key pressed anywhere in the window, or null when the app should let
 * the key be: in a text field (native text undo) or inside a dialog (the change under it is not
 * what the person is looking at).
 */
export function globalHistoryAction(event: GlobalKeyEvent): HistoryAction | null {
  if (event.defaultPrevented) return null;
  const action = historyShortcut(event);
  if (action === null || isTextEntryTarget(event.target) || isInside(event.target, DIALOGS)) return null;
  return action;
}

/** `?` (Shift+/ on most layouts; the key, not the physical position) with no Ctrl, Alt or Cmd. */
export function isShortcutsSheetKey(event: KeyLike): boolean {
  return event.key === "?" && !event.ctrlKey && !event.altKey && !event.metaKey;
}

/**
 * Whether a key pressed anywhere in the window opens the keyboard shortcuts sheet: `?`, except
 * in a text field (where it is typed), inside a dialog (the sheet is one), or in a menu or list
 * box (where it is typeahead).
 */
export function globalShortcutsSheetKey(event: GlobalKeyEvent): boolean {
  if (event.defaultPrevented || !isShortcutsSheetKey(event)) return false;
  return !isTextEntryTarget(event.target) && !isInside(event.target, `${DIALOGS}, [role="menu"], [role="listbox"]`);
}

export type MoveDirection = "up" | "down" | "top" | "bottom";

export type RowKeyAction =
  | { type: "move"; to: MoveDirection }
  | { type: "focus"; to: "previous" | "next" | "first" | "last" }
  | { type: "edit" }
  | { type: "delete" };

/**
 * Keys on a focused backlog row: Alt+↑/↓ move one step; Alt+Shift+↑/↓ and Alt+Home/End move to
 * the top/bottom; plain ↑/↓/Home/End move the focus; Enter edits; Delete asks to delete.
 */
export function rowKeyAction(event: KeyLike): RowKeyAction | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    switch (event.key) {
      case "ArrowUp":
        return { type: "move", to: event.shiftKey ? "top" : "up" };
      case "ArrowDown":
        return { type: "move", to: event.shiftKey ? "bottom" : "down" };
      case "Home":
        return { type: "move", to: "top" };
      case "End":
        return { type: "move", to: "bottom" };
      default:
        return null;
    }
  }
  if (event.shiftKey) return null;
  switch (event.key) {
    case "Enter":
      return { type: "edit" };
    case "Delete":
      return { type: "delete" };
    case "ArrowUp":
      return { type: "focus", to: "previous" };
    case "ArrowDown":
      return { type: "focus", to: "next" };
    case "Home":
      return { type: "focus", to: "first" };
    case "End":
      return { type: "focus", to: "last" };
    default:
      return null;
  }
}

/** Whether a move is possible from `position` (1-based) in a list of `count` rows. */
export function canMove(direction: MoveDirection, position: number, count: number): boolean {
  return direction === "up" || direction === "top" ? position > 1 : position < count;
}
