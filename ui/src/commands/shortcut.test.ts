import { describe, expect, it } from "vitest";
import { formatShortcut, isTextEntryTarget, matchesShortcut, type KeyLike } from "./shortcut";

const key = (key: string, modifiers: Partial<KeyLike> = {}): KeyLike => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe("formatShortcut", () => {
  it("writes shortcuts the way the menus and the sheet show them", () => {
    expect(formatShortcut({ key: "z", ctrl: true, shift: true })).toBe("Ctrl+Shift+Z");
    expect(formatShortcut({ key: "ArrowUp", alt: true })).toBe("Alt+↑");
    expect(formatShortcut({ key: "?", shift: "any" })).toBe("?");
    expect(formatShortcut({ key: "Delete" })).toBe("Del");
    expect(formatShortcut({ key: "F10", shift: true })).toBe("Shift+F10");
    expect(formatShortcut({ key: " " })).toBe("Space");
  });
});

describe("matchesShortcut", () => {
  it("needs exactly the modifiers declared, with Cmd standing for Ctrl", () => {
    const undo = { key: "z", ctrl: true };
    expect(matchesShortcut(key("z", { ctrlKey: true }), undo)).toBe(true);
    expect(matchesShortcut(key("Z", { metaKey: true }), undo)).toBe(true);
    expect(matchesShortcut(key("z", { ctrlKey: true, shiftKey: true }), undo)).toBe(false);
    expect(matchesShortcut(key("z", { ctrlKey: true, altKey: true }), undo)).toBe(false);
    expect(matchesShortcut(key("z"), undo)).toBe(false);
    expect(matchesShortcut(key("Z", { ctrlKey: true, shiftKey: true }), { key: "z", ctrl: true, shift: true })).toBe(true);
  });

  it("lets a symbol typed with or without Shift match when Shift is 'any'", () => {
    expect(matchesShortcut(key("?", { shiftKey: true }), { key: "?", shift: "any" })).toBe(true);
    expect(matchesShortcut(key("?"), { key: "?", shift: "any" })).toBe(true);
    expect(matchesShortcut(key("?", { ctrlKey: true }), { key: "?", shift: "any" })).toBe(false);
  });

  it("matches named keys as they are", () => {
    expect(matchesShortcut(key("ArrowUp", { altKey: true, shiftKey: true }), { key: "ArrowUp", alt: true, shift: true })).toBe(true);
    expect(matchesShortcut(key("ArrowUp", { altKey: true }), { key: "ArrowUp", alt: true, shift: true })).toBe(false);
  });
});

describe("isTextEntryTarget", () => {
  it("is true for text fields and editable content, false for buttons and checkboxes", () => {
    const input = document.createElement("input");
    const checkbox = Object.assign(document.createElement("input"), { type: "checkbox" });
    const editable = document.createElement("div");
    editable.setAttribute("contenteditable", "true");
    const inside = document.createElement("span");
    editable.append(inside);
    document.body.append(editable);
    expect(isTextEntryTarget(input)).toBe(true);
    expect(isTextEntryTarget(document.createElement("textarea"))).toBe(true);
    expect(isTextEntryTarget(inside)).toBe(true);
    expect(isTextEntryTarget(checkbox)).toBe(false);
    expect(isTextEntryTarget(document.createElement("button"))).toBe(false);
    expect(isTextEntryTarget(null)).toBe(false);
    editable.remove();
  });
});
