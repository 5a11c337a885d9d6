import { describe, expect, it, vi } from "vitest";
import type { HistoryState, Product } from "../api";
import { declareAppCommands, type AppCommandHandlers, type AppCommandState } from "./appCommands";
import { declareItemCommands, ITEM_COMMANDS } from "./itemCommands";
import { commandForKey, type AppCommand } from "./registry";
import { formatShortcut } from "./shortcut";

const product = (id: string, name: string): Product => ({
  id,
  name,
  vision: "",
  strategy: "",
  targetUsers: "",
  northStarMetric: "",
  iceMode: "product",
  createdAt: "",
  updatedAt: "",
});

const noHistory: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

function handlers(): AppCommandHandlers {
  return {
    undo: vi.fn(),
    redo: vi.fn(),
    goBack: vi.fn(),
    goForward: vi.fn(),
    goToView: vi.fn(),
    openProduct: vi.fn(),
    newProduct: vi.fn(),
    renameProduct: vi.fn(),
    deleteProduct: vi.fn(),
    addItem: vi.fn(),
    setTheme: vi.fn(),
    openDatabase: vi.fn(),
    startNewDatabase: vi.fn(),
    backUpNow: vi.fn(),
    saveDatabaseCopy: vi.fn(),
    showShortcuts: vi.fn(),
    openPalette: vi.fn(),
    quit: vi.fn(),
  };
}

const lumen = product("p-1", "Lumen");
const atlas = product("p-2", "Atlas");

function state(overrides: Partial<AppCommandState> = {}): AppCommandState {
  return {
    history: noHistory,
    products: [lumen, atlas],
    openProduct: lumen,
    views: [
      { id: "home", label: "Home" },
      { id: "backlog", label: "Backlog" },
    ],
    databaseViews: [{ id: "backups", label: "Backups", keywords: ["restore"] }],
    currentView: "home",
    canGoBack: false,
    canGoForward: false,
    theme: "system",
    ...overrides,
  };
}

const byId = (commands: readonly AppCommand[], id: string) => {
  const command = commands.find((candidate) => candidate.id === id);
  if (!command) throw new Error(`no command ${id}`);
  return command;
};

describe("declareAppCommands", () => {
  it("names what Undo and Redo would do, and disables them when there is nothing", () => {
    const idle = declareAppCommands(state(), handlers());
    expect(byId(idle, "edit.undo")).toMatchObject({ label: "Undo", isEnabled: false });
    const busy = declareAppCommands(
      state({ history: { canUndo: true, canRedo: true, undoLabel: "Move “A” to top", redoLabel: "Add “B”" } }),
      handlers(),
    );
    expect(byId(busy, "edit.undo")).toMatchObject({ label: "Undo Move “A” to top", isEnabled: true });
    expect(byId(busy, "edit.redo")).toMatchObject({ label: "Redo Add “B”", isEnabled: true });
  });

  it("has a Go to command per view, disabled for the current one, and an Open command per other product", () => {
    const actions = handlers();
    const commands = declareAppCommands(state(), actions);
    expect(byId(commands, "go.home").isEnabled).toBe(false);
    const backlog = byId(commands, "go.backlog");
    expect(backlog).toMatchObject({ label: "Go to Backlog", isEnabled: true });
    expect(formatShortcut(backlog.shortcuts?.[0] ?? { key: "" })).toBe("Ctrl+2");
    backlog.run();
    expect(actions.goToView).toHaveBeenCalledWith("backlog");
    expect(byId(commands, "product.open.p-1").isEnabled).toBe(false);
    byId(commands, "product.open.p-2").run();
    expect(actions.openProduct).toHaveBeenCalledWith("p-2");
    byId(commands, "product.delete.p-1").run();
    expect(actions.deleteProduct).toHaveBeenCalledWith(lumen);
  });

  it("declares no shortcut twice", () => {
    const commands = [
      ...declareAppCommands(state(), handlers()),
      ...declareItemCommands(lumen, { index: 1, count: 3 }, { move: vi.fn(), edit: vi.fn(), delete: vi.fn() }),
    ];
    const written = commands.flatMap((command) => (command.shortcuts ?? []).map(formatShortcut));
    expect(new Set(written).size).toBe(written.length);
  });

  it("leaves the product commands out when no product is open", () => {
    const commands = declareAppCommands(state({ openProduct: null, products: [] }), handlers());
    expect(commands.some((command) => command.id.startsWith("product.delete"))).toBe(false);
    expect(byId(commands, "backlog.addItem").isEnabled).toBe(false);
    expect(byId(commands, "product.new").isEnabled).toBe(true);
  });

  it("reaches the database's views, backing up and saving a copy with or without a product", () => {
    const actions = handlers();
    const commands = declareAppCommands(state({ openProduct: null, products: [] }), actions);
    const backups = byId(commands, "go.backups");
    expect(backups).toMatchObject({ label: "Go to Backups", group: "Go to", isEnabled: true });
    expect(backups.shortcuts).toBeUndefined();
    expect(backups.keywords).toContain("restore");
    backups.run();
    expect(actions.goToView).toHaveBeenCalledWith("backups");
    expect(byId(declareAppCommands(state({ currentView: "backups" }), actions), "go.backups").isEnabled).toBe(false);

    byId(commands, "database.backUp").run();
    expect(actions.backUpNow).toHaveBeenCalledOnce();
    const saveCopy = byId(commands, "database.saveCopy");
    expect(saveCopy).toMatchObject({ label: "Save a copy of the database…", group: "Database", isEnabled: true });
    saveCopy.run();
    expect(actions.saveDatabaseCopy).toHaveBeenCalledOnce();
  });
});

describe("declareItemCommands", () => {
  it("disables the moves that can't go further and runs the handlers with the item", () => {
    const move = vi.fn();
    const first = declareItemCommands("a", { index: 0, count: 2 }, { move, edit: vi.fn(), delete: vi.fn() });
    expect(first.filter((command) => !command.isEnabled).map((command) => command.id)).toEqual(["item.moveUp", "item.moveTop"]);
    const last = declareItemCommands("b", { index: 1, count: 2 }, { move, edit: vi.fn(), delete: vi.fn() });
    expect(last.filter((command) => !command.isEnabled).map((command) => command.id)).toEqual([
      "item.moveDown",
      "item.moveBottom",
    ]);
    byId(last, "item.moveTop").run();
    expect(move).toHaveBeenCalledWith("b", "top");
    // The score commands are offered only by a list that handles them.
    const scoreIds = ["item.scores", "item.setMoscow", "item.setKano"];
    expect(last.map((command) => command.label)).toEqual(
      ITEM_COMMANDS.filter((command) => !scoreIds.includes(command.id)).map((command) => command.label),
    );
  });

  it("lists the moves disabled in a score order, and the score commands where they are handled", () => {
    const scores = vi.fn();
    const commands = declareItemCommands(
      "b",
      { index: 1, count: 3, canMove: false },
      { move: vi.fn(), edit: vi.fn(), delete: vi.fn(), scores, setMoscow: vi.fn(), setKano: vi.fn() },
    );
    expect(commands.filter((command) => command.id.startsWith("item.move")).every((command) => !command.isEnabled)).toBe(true);
    expect(commands.map((command) => command.label)).toEqual(ITEM_COMMANDS.map((command) => command.label));
    byId(commands, "item.scores").run();
    expect(scores).toHaveBeenCalledWith("b");
  });
});

describe("commandForKey", () => {
  const commands = declareAppCommands(
    state({ history: { canUndo: true, canRedo: false, undoLabel: "Add “x”", redoLabel: null } }),
    handlers(),
  );
  const press = (key: string, target: EventTarget | null, modifiers: Partial<KeyboardEvent> = {}) =>
    commandForKey(commands, {
      key,
      target,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      defaultPrevented: false,
      ...modifiers,
    })?.id ?? null;

  it("finds the command of a shortcut pressed on the page", () => {
    expect(press("z", document.body, { ctrlKey: true })).toBe("edit.undo");
    expect(press("y", document.body, { ctrlKey: true })).toBe("edit.redo");
    expect(press("?", document.body, { shiftKey: true })).toBe("help.shortcuts");
    expect(press("ArrowLeft", document.body, { altKey: true })).toBe("go.back");
    expect(press("q", document.body, { ctrlKey: true })).toBe("app.quit");
  });

  it("leaves text fields their own keys, except the commands that work while typing", () => {
    const input = document.createElement("input");
    expect(press("z", input, { ctrlKey: true })).toBeNull();
    expect(press("?", input, { shiftKey: true })).toBeNull();
    expect(press("k", input, { ctrlKey: true })).toBe("help.palette");
    // Quitting from a Home field saves the field first (the handler flushes pending saves).
    expect(press("q", input, { ctrlKey: true })).toBe("app.quit");
  });

  it("leaves dialogs, and printable keys in menus, alone", () => {
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    const button = document.createElement("button");
    dialog.append(button);
    const menu = document.createElement("div");
    menu.setAttribute("role", "menu");
    const item = document.createElement("div");
    menu.append(item);
    document.body.append(dialog, menu);
    expect(press("k", button, { ctrlKey: true })).toBeNull();
    expect(press("?", item, { shiftKey: true })).toBeNull();
    expect(press("z", item, { ctrlKey: true })).toBe("edit.undo");
    dialog.remove();
    menu.remove();
  });
});
