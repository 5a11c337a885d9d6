//! Keyboard shortcuts as data: one declaration gives both the key matching and the text shown
//! in menus, the palette and the shortcuts sheet, so a shortcut is never written twice.

export type KeyLike = Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey" | "shiftKey">;

export type Shortcut = {
  /** `KeyboardEvent.key`: "z", "ArrowUp", "?", "Delete"… (letters in lower case). */
  key: string;
  /** Ctrl, or Cmd on macOS. */
  ctrl?: boolean;
  alt?: boolean;
  /**
   * Whether Shift is held. `"any"` for keys typed with Shift on some layouts and not on others
   * ("?"), where the key itself says enough.
   */
  shift?: boolean | "any";
};

const KEY_NAMES: Record<string, string> = {
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
  Delete: "Del",
  Escape: "Esc",
  " ": "Space",
};

/** How a shortcut is written on screen: "Ctrl+Shift+Z", "Alt+↑", "?". */
export function formatShortcut(shortcut: Shortcut): string {
  const parts: string[] = [];
  if (shortcut.ctrl) parts.push("Ctrl");
  if (shortcut.alt) parts.push("Alt");
  if (shortcut.shift === true) parts.push("Shift");
  const key = KEY_NAMES[shortcut.key] ?? (shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key);
  parts.push(key);
  return parts.join("+");
}

/** Whether a key event is this shortcut (Cmd counts as Ctrl). */
export function matchesShortcut(event: KeyLike, shortcut: Shortcut): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key !== shortcut.key) return false;
  if ((event.ctrlKey || event.metaKey) !== Boolean(shortcut.ctrl)) return false;
  if (event.altKey !== Boolean(shortcut.alt)) return false;
  if (shortcut.shift === "any") return true;
  return event.shiftKey === Boolean(shortcut.shift);
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

/** Whether the event's target is inside an element matching `selector`. */
export function isInside(target: EventTarget | null, selector: string): boolean {
  return typeof Element !== "undefined" && target instanceof Element && target.closest(selector) !== null;
}
