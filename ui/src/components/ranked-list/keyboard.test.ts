import { describe, expect, it, vi } from "vitest";
import { declareItemCommands, ITEM_COMMANDS } from "../../commands/itemCommands";
import type { KeyLike } from "../../commands/shortcut";
import { describeRowKeys, listKeyAction } from "./keyboard";

const key = (key: string, modifiers: Partial<KeyLike> = {}): KeyLike => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

const handlers = { move: vi.fn(), edit: vi.fn(), delete: vi.fn() };

function actionFor(event: KeyLike, index: number, count = 10, pageSize = 4) {
  const rowCommands = declareItemCommands("row", { index, count }, handlers);
  return listKeyAction(event, { index, count, pageSize, rowCommands });
}

describe("listKeyAction", () => {
  it("moves the focus with the arrows, Home/End and Page Up/Down, staying inside the list", () => {
    expect(actionFor(key("ArrowDown"), 3)).toEqual({ type: "focus", index: 4 });
    expect(actionFor(key("ArrowUp"), 3)).toEqual({ type: "focus", index: 2 });
    expect(actionFor(key("ArrowUp"), 0)).toEqual({ type: "focus", index: 0 });
    expect(actionFor(key("ArrowDown"), 9)).toEqual({ type: "focus", index: 9 });
    expect(actionFor(key("Home"), 5)).toEqual({ type: "focus", index: 0 });
    expect(actionFor(key("End"), 5)).toEqual({ type: "focus", index: 9 });
    expect(actionFor(key("PageDown"), 1)).toEqual({ type: "focus", index: 4 });
    expect(actionFor(key("PageUp"), 8)).toEqual({ type: "focus", index: 5 });
    expect(actionFor(key("PageDown"), 8)).toEqual({ type: "focus", index: 9 });
  });

  it("runs the row's commands by their shortcuts", () => {
    expect(actionFor(key("ArrowUp", { altKey: true }), 3)).toMatchObject({ type: "command", command: { id: "item.moveUp" } });
    expect(actionFor(key("ArrowDown", { altKey: true, shiftKey: true }), 3)).toMatchObject({
      type: "command",
      command: { id: "item.moveBottom" },
    });
    expect(actionFor(key("Home", { altKey: true }), 3)).toMatchObject({ type: "command", command: { id: "item.moveTop" } });
    expect(actionFor(key("Enter"), 3)).toMatchObject({ type: "command", command: { id: "item.edit" } });
    expect(actionFor(key("Delete"), 3)).toMatchObject({ type: "command", command: { id: "item.delete" } });
  });

  it("reports a move that can't go further instead of running it", () => {
    expect(actionFor(key("ArrowUp", { altKey: true }), 0)).toMatchObject({ type: "blocked", command: { id: "item.moveUp" } });
    expect(actionFor(key("End", { altKey: true }), 9)).toMatchObject({ type: "blocked", command: { id: "item.moveBottom" } });
  });

  it("opens the row menu with Shift+F10, the menu key or →, and picks the row up with Space", () => {
    expect(actionFor(key("F10", { shiftKey: true }), 2)).toEqual({ type: "openMenu" });
    expect(actionFor(key("ContextMenu"), 2)).toEqual({ type: "openMenu" });
    expect(actionFor(key("ArrowRight"), 2)).toEqual({ type: "openMenu" });
    expect(actionFor(key(" "), 2)).toEqual({ type: "pickUp" });
  });

  it("leaves other keys and modified navigation keys alone", () => {
    expect(actionFor(key("a"), 2)).toBeNull();
    expect(actionFor(key("ArrowDown", { ctrlKey: true }), 2)).toBeNull();
    expect(actionFor(key("ArrowDown", { shiftKey: true }), 2)).toBeNull();
  });
});

describe("listKeyAction in a list whose rows can be selected", () => {
  const selecting = (event: KeyLike, index: number, hasSelection = false) =>
    listKeyAction(event, {
      index,
      count: 5,
      pageSize: 4,
      rowCommands: declareItemCommands("row", { index, count: 5 }, handlers),
      selectable: true,
      hasSelection,
    });

  it("extends the selection with Shift+arrows, staying inside the list", () => {
    expect(selecting(key("ArrowDown", { shiftKey: true }), 2)).toEqual({ type: "extend", index: 3 });
    expect(selecting(key("ArrowUp", { shiftKey: true }), 2)).toEqual({ type: "extend", index: 1 });
    expect(selecting(key("ArrowUp", { shiftKey: true }), 0)).toEqual({ type: "extend", index: 0 });
    expect(selecting(key("ArrowDown", { shiftKey: true }), 4)).toEqual({ type: "extend", index: 4 });
  });

  it("selects every row with Ctrl+A and clears a selection with Escape", () => {
    expect(selecting(key("a", { ctrlKey: true }), 2)).toEqual({ type: "selectAll" });
    expect(selecting(key("Escape"), 2, true)).toEqual({ type: "clearSelection" });
    expect(selecting(key("Escape"), 2, false)).toBeNull();
  });

  it("leaves the selection keys alone in a list without selection, and Alt+Shift+arrows to the moves", () => {
    expect(actionFor(key("a", { ctrlKey: true }), 2)).toBeNull();
    expect(selecting(key("ArrowDown", { altKey: true, shiftKey: true }), 2)).toMatchObject({
      type: "command",
      command: { id: "item.moveBottom" },
    });
  });
});

describe("describeRowKeys", () => {
  it("tells the row keys from their declarations", () => {
    expect(describeRowKeys(ITEM_COMMANDS)).toBe(
      "Alt+↑: move up; Alt+↓: move down; Alt+Shift+↑: move to top; Alt+Shift+↓: move to bottom; Enter: edit; " +
        "S: scores; M: set moscow; K: set kano category; " +
        "Del: delete; Shift+F10: open the row's menu; Space: pick the row up to drag it.",
    );
  });
});
