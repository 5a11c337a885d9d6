//! The workspace's commands, declared once. `declareAppCommands` is a pure function of the app's
//! state and its handlers, so it is tested without rendering anything.
import type { HistoryState, Product } from "../api";
import type { ThemePreference } from "../theme/theme";
import type { AppCommand } from "./registry";
import { formatShortcut, type Shortcut } from "./shortcut";

/** Undo's key, declared once: the Edit menu's command and the sentences that mention it. */
export const UNDO_SHORTCUT: Shortcut = { key: "z", ctrl: true };

/** "Press Ctrl+Z to undo.", said after a delete. */
export const PRESS_UNDO = `Press ${formatShortcut(UNDO_SHORTCUT)} to undo.`;

/** "You can undo this with Ctrl+Z.", in delete confirmations. */
export const CAN_UNDO = `You can undo this with ${formatShortcut(UNDO_SHORTCUT)}.`;

export type ViewEntry = { id: string; label: string; keywords?: readonly string[] };

export type AppCommandState = {
  history: HistoryState | undefined;
  products: readonly Product[];
  openProduct: Product | null;
  views: readonly ViewEntry[];
  /** Views of the database file (backups): reachable with or without a product. */
  databaseViews: readonly ViewEntry[];
  currentView: string;
  canGoBack: boolean;
  canGoForward: boolean;
  theme: ThemePreference;
};

export type AppCommandHandlers = {
  undo: () => void;
  redo: () => void;
  goBack: () => void;
  goForward: () => void;
  goToView: (viewId: string) => void;
  openProduct: (productId: string) => void;
  newProduct: () => void;
  renameProduct: (product: Product) => void;
  deleteProduct: (product: Product) => void;
  addItem: () => void;
  setTheme: (theme: ThemePreference) => void;
  openDatabase: () => void;
  startNewDatabase: () => void;
  backUpNow: () => void;
  saveDatabaseCopy: () => void;
  showShortcuts: () => void;
  openPalette: () => void;
  quit: () => void;
};

const THEMES: readonly { value: ThemePreference; label: string; keywords: string[] }[] = [
  { value: "system", label: "Use the system theme", keywords: ["appearance", "auto", "os"] },
  { value: "light", label: "Use the light theme", keywords: ["appearance", "bright", "day"] },
  { value: "dark", label: "Use the dark theme", keywords: ["appearance", "night"] },
];

export function declareAppCommands(state: AppCommandState, handlers: AppCommandHandlers): AppCommand[] {
  const { history, openProduct } = state;
  const canUndo = Boolean(history?.canUndo);
  const canRedo = Boolean(history?.canRedo);
  const commands: AppCommand[] = [
    {
      id: "edit.undo",
      label: canUndo && history?.undoLabel ? `Undo ${history.undoLabel}` : "Undo",
      group: "Edit",
      shortcuts: [UNDO_SHORTCUT],
      isEnabled: canUndo,
      run: handlers.undo,
    },
    {
      id: "edit.redo",
      label: canRedo && history?.redoLabel ? `Redo ${history.redoLabel}` : "Redo",
      group: "Edit",
      shortcuts: [
        { key: "z", ctrl: true, shift: true },
        { key: "y", ctrl: true },
      ],
      isEnabled: canRedo,
      run: handlers.redo,
    },
    {
      id: "backlog.addItem",
      label: "Add an item to the backlog",
      group: "Backlog",
      keywords: ["new", "create", "feature", "story", "opportunity"],
      isEnabled: openProduct !== null,
      run: handlers.addItem,
    },
    {
      id: "go.back",
      label: "Go back",
      group: "Go to",
      shortcuts: [{ key: "ArrowLeft", alt: true }],
      keywords: ["previous", "history"],
      isEnabled: state.canGoBack,
      run: handlers.goBack,
    },
    {
      id: "go.forward",
      label: "Go forward",
      group: "Go to",
      shortcuts: [{ key: "ArrowRight", alt: true }],
      keywords: ["next", "history"],
      isEnabled: state.canGoForward,
      run: handlers.goForward,
    },
    ...state.views.map(
      (view, index): AppCommand => ({
        id: `go.${view.id}`,
        label: `Go to ${view.label}`,
        group: "Go to",
        shortcuts: index < 9 ? [{ key: String(index + 1), ctrl: true }] : undefined,
        worksWhileTyping: true,
        keywords: ["view", "open", "show"],
        isEnabled: openProduct !== null && state.currentView !== view.id,
        run: () => handlers.goToView(view.id),
      }),
    ),
    ...state.databaseViews.map(
      (view): AppCommand => ({
        id: `go.${view.id}`,
        label: `Go to ${view.label}`,
        group: "Go to",
        keywords: ["view", "open", "show", ...(view.keywords ?? [])],
        isEnabled: state.currentView !== view.id,
        run: () => handlers.goToView(view.id),
      }),
    ),
    ...state.products.map(
      (product): AppCommand => ({
        id: `product.open.${product.id}`,
        label: `Open ${product.name}`,
        group: "Products",
        keywords: ["product", "switch"],
        isEnabled: product.id !== openProduct?.id,
        run: () => handlers.openProduct(product.id),
      }),
    ),
    {
      id: "product.new",
      label: "New product…",
      group: "Products",
      keywords: ["create", "add"],
      isEnabled: true,
      run: handlers.newProduct,
    },
    ...(openProduct ? declareProductCommands(openProduct, handlers) : []),
    ...THEMES.map(
      (theme): AppCommand => ({
        id: `theme.${theme.value}`,
        label: theme.label,
        group: "Appearance",
        keywords: ["theme", ...theme.keywords],
        isEnabled: state.theme !== theme.value,
        run: () => handlers.setTheme(theme.value),
      }),
    ),
    {
      id: "database.open",
      label: "Open another database…",
      group: "Database",
      keywords: ["file", "switch", "sqlite"],
      isEnabled: true,
      run: handlers.openDatabase,
    },
    {
      id: "database.new",
      label: "Start a new database",
      group: "Database",
      keywords: ["file", "create", "fresh"],
      isEnabled: true,
      run: handlers.startNewDatabase,
    },
    {
      id: "database.backUp",
      label: "Back up now",
      group: "Database",
      keywords: ["backup", "copy", "snapshot", "safe"],
      isEnabled: true,
      run: handlers.backUpNow,
    },
    {
      id: "database.saveCopy",
      label: "Save a copy of the database…",
      group: "Database",
      keywords: ["backup", "export", "file", "duplicate"],
      isEnabled: true,
      run: handlers.saveDatabaseCopy,
    },
    declareQuitCommand(handlers.quit),
    {
      id: "help.shortcuts",
      label: "Keyboard shortcuts",
      group: "Help",
      shortcuts: [{ key: "?", shift: "any" }],
      keywords: ["keys", "help", "cheat sheet"],
      isEnabled: true,
      run: handlers.showShortcuts,
    },
    {
      id: "help.palette",
      label: "Command palette",
      group: "Help",
      shortcuts: [{ key: "k", ctrl: true }],
      worksWhileTyping: true,
      isEnabled: true,
      hiddenFromPalette: true,
      run: handlers.openPalette,
    },
  ];
  return commands;
}

/** Quit (Ctrl+Q): also offered on the problem screen, where no workspace is open. */
export function declareQuitCommand(quit: () => void): AppCommand {
  return {
    id: "app.quit",
    label: "Quit Northstar",
    group: "Database",
    shortcuts: [{ key: "q", ctrl: true }],
    worksWhileTyping: true,
    keywords: ["exit", "close", "save"],
    isEnabled: true,
    run: quit,
  };
}

/** The commands of one product (its sidebar menu; for the open one, the palette's too). */
export function declareProductCommands(
  product: Product,
  handlers: Pick<AppCommandHandlers, "renameProduct" | "deleteProduct">,
): AppCommand[] {
  return [
    {
      id: `product.rename.${product.id}`,
      label: `Rename ${product.name}…`,
      group: "Products",
      isEnabled: true,
      run: () => handlers.renameProduct(product),
    },
    {
      id: `product.delete.${product.id}`,
      label: `Delete ${product.name}…`,
      group: "Products",
      keywords: ["remove"],
      isEnabled: true,
      isDanger: true,
      run: () => handlers.deleteProduct(product),
    },
  ];
}
