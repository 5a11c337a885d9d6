import { describe, expect, it } from "vitest";
import {
  canMove,
  globalHistoryAction,
  globalShortcutsSheetKey,
  historyShortcut,
  isShortcutsSheetKey,
  isTextEntryTarget,
  rowKeyAction,
  type KeyLike,
} from "./shortcuts";

const key = (k: string, modifiers: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe("historyShortcut", () => {
  it("maps Ctrl+Z to undo and Ctrl+Shift+Z / Ctrl+Y to redo", () => {
    expect(historyShortcut(key("z", { ctrlKey: true }))).toBe("undo");
    expect(historyShortcut(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(historyShortcut(key("y", { ctrlKey: true }))).toBe("redo");
  });

  it("accepts Cmd on macOS", () => {
    expect(historyShortcut(key("z", { metaKey: true }))).toBe("undo");
    expect(historyShortcut(key("z", { metaKey: true, shiftKey: true }))).toBe("redo");
  });

  it("ignores other keys and combinations", () => {
    expect(historyShortcut(key("z"))).toBeNull();
    expect(historyShortcut(key("z", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyShortcut(key("y", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(historyShortcut(key("x", { ctrlKey: true }))).toBeNull();
  });
});

describe("globalHistoryAction", () => {
  const event = (target: EventTarget | null, modifiers: Partial<KeyLike> = { ctrlKey: true }) => ({
    ...key("z", modifiers),
    target,
    defaultPrevented: false,
  });

  it("undoes when focus is on the page or a button", () => {
    const button = document.createElement("button");
    expect(globalHistoryAction(event(document.body))).toBe("undo");
    expect(globalHistoryAction(event(button))).toBe("undo");
  });

  it("leaves Ctrl+Z to text fields, where it undoes typing", () => {
    const input = document.createElement("input");
    const textarea = document.createElement("textarea");
    const editable = document.createElement("div");
    editable.setAttribute("contenteditable", "true");
    document.body.append(editable);
    expect(globalHistoryAction(event(input))).toBeNull();
    expect(globalHistoryAction(event(textarea))).toBeNull();
    expect(isTextEntryTarget(editable)).toBe(true);
    editable.remove();
  });

  it("still undoes from a checkbox, and never inside a dialog", () => {
    const checkbox = document.createElement("input");
    checkbox.type = "checkbox";
    expect(globalHistoryAction(event(checkbox))).toBe("undo");
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    const inside = document.createElement("button");
    dialog.append(inside);
    expect(globalHistoryAction(event(inside))).toBeNull();
  });

  it("respects a handler that already took the key", () => {
    expect(globalHistoryAction({ ...event(document.body), defaultPrevented: true })).toBeNull();
  });
});

describe("the shortcuts sheet key", () => {
  // `?` is Shift+/ on most layouts: the key value is what counts.
  const question = (target: EventTarget | null, modifiers: Partial<KeyLike> = { shiftKey: true }) => ({
    ...key("?", modifiers),
    target,
    defaultPrevented: false,
  });

  it("is ? with or without Shift, never with Ctrl, Alt or Cmd", () => {
    expect(isShortcutsSheetKey(key("?", { shiftKey: true }))).toBe(true);
    expect(isShortcutsSheetKey(key("?"))).toBe(true);
    expect(isShortcutsSheetKey(key("/", { shiftKey: false }))).toBe(false);
    expect(isShortcutsSheetKey(key("?", { shiftKey: true, ctrlKey: true }))).toBe(false);
    expect(isShortcutsSheetKey(key("?", { shiftKey: true, altKey: true }))).toBe(false);
    expect(isShortcutsSheetKey(key("?", { shiftKey: true, metaKey: true }))).toBe(false);
  });

  it("opens the sheet from the page, a button or a backlog row", () => {
    const button = document.createElement("button");
    const row = document.createElement("li");
    row.tabIndex = 0;
    expect(globalShortcutsSheetKey(question(document.body))).toBe(true);
    expect(globalShortcutsSheetKey(question(button))).toBe(true);
    expect(globalShortcutsSheetKey(question(row))).toBe(true);
  });

  it("is typed, not taken, in text fields", () => {
    const input = document.createElement("input");
    const search = document.createElement("input");
    search.type = "search";
    const textarea = document.createElement("textarea");
    const editable = document.createElement("div");
    editable.setAttribute("contenteditable", "true");
    document.body.append(editable);
    expect(globalShortcutsSheetKey(question(input))).toBe(false);
    expect(globalShortcutsSheetKey(question(search))).toBe(false);
    expect(globalShortcutsSheetKey(question(textarea))).toBe(false);
    expect(globalShortcutsSheetKey(question(editable))).toBe(false);
    editable.remove();
  });

  it("is left alone inside dialogs, menus and list boxes, and when a handler took it", () => {
    for (const role of ["dialog", "alertdialog", "menu", "listbox"]) {
      const container = document.createElement("div");
      container.setAttribute("role", role);
      const inside = document.createElement("div");
      container.append(inside);
      expect(globalShortcutsSheetKey(question(inside)), role).toBe(false);
    }
    expect(globalShortcutsSheetKey({ ...question(document.body), defaultPrevented: true })).toBe(false);
  });
});

describe("rowKeyAction", () => {
  it("moves with Alt+arrows, to the ends with Alt+Shift+arrows or Alt+Home/End", () => {
    expect(rowKeyAction(key("ArrowUp", { altKey: true }))).toEqual({ type: "move", to: "up" });
    expect(rowKeyAction(key("ArrowDown", { altKey: true }))).toEqual({ type: "move", to: "down" });
    expect(rowKeyAction(key("ArrowUp", { altKey: true, shiftKey: true }))).toEqual({ type: "move", to: "top" });
    expect(rowKeyAction(key("ArrowDown", { altKey: true, shiftKey: true }))).toEqual({ type: "move", to: "bottom" });
    expect(rowKeyAction(key("Home", { altKey: true }))).toEqual({ type: "move", to: "top" });
    expect(rowKeyAction(key("End", { altKey: true }))).toEqual({ type: "move", to: "bottom" });
  });

  it("edits with Enter, asks to delete with Delete, moves focus with plain arrows", () => {
    expect(rowKeyAction(key("Enter"))).toEqual({ type: "edit" });
    expect(rowKeyAction(key("Delete"))).toEqual({ type: "delete" });
    expect(rowKeyAction(key("ArrowDown"))).toEqual({ type: "focus", to: "next" });
    expect(rowKeyAction(key("Home"))).toEqual({ type: "focus", to: "first" });
  });

  it("leaves other combinations alone", () => {
    expect(rowKeyAction(key("ArrowUp", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(rowKeyAction(key("Enter", { shiftKey: true }))).toBeNull();
    expect(rowKeyAction(key("a"))).toBeNull();
  });
});

describe("canMove", () => {
  it("disables up/top on the first row and down/bottom on the last", () => {
    expect(canMove("up", 1, 5)).toBe(false);
    expect(canMove("top", 1, 5)).toBe(false);
    expect(canMove("down", 1, 5)).toBe(true);
    expect(canMove("bottom", 5, 5)).toBe(false);
    expect(canMove("up", 5, 5)).toBe(true);
    expect(canMove("down", 1, 1)).toBe(false);
  });
});
