//! The one command registry. Every action the person can take is declared once as an
//! `AppCommand` (label, shortcuts, enabled state, handler); the Edit menu, the row menus, the
//! command palette, the `?` sheet and the keyboard all read these declarations.
import { createContext, useContext, useEffect } from "react";
import { isInside, isTextEntryTarget, matchesShortcut, type KeyLike, type Shortcut } from "./shortcut";

export const COMMAND_GROUPS = ["Edit", "Go to", "Products", "Backlog", "Appearance", "Database", "Help"] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

export type AppCommand = {
  /** Stable id, e.g. "edit.undo"; the palette remembers recent commands by it. */
  id: string;
  /** As shown in menus and the palette, e.g. "Undo Move “Bank sync” to top". */
  label: string;
  group: CommandGroup;
  /** The first one is shown next to the label. */
  shortcuts?: readonly Shortcut[];
  /** Whether the shortcut also works while typing in a text field (Ctrl+K does, Ctrl+Z doesn't). */
  worksWhileTyping?: boolean;
  /** Other words the palette matches, e.g. "dark" for the theme. */
  keywords?: readonly string[];
  isEnabled: boolean;
  /** Destructive: drawn in red in menus. */
  isDanger?: boolean;
  /** Left out of the palette (the palette's own command). */
  hiddenFromPalette?: boolean;
  run: () => void;
};

const DIALOGS = '[role="dialog"], [role="alertdialog"]';
/** Where single printable keys ("?") belong to the widget: typeahead in menus and lists. */
const TYPEAHEAD = '[role="menu"], [role="listbox"]';

type KeyEventLike = KeyLike & { target: EventTarget | null; defaultPrevented: boolean };

/**
 * The command a key pressed anywhere in the window runs, or null when the key belongs where it
 * was pressed: in a dialog (the change under it is not what the person is looking at), in a text
 * field (unless the command works while typing), or a printable key in a menu or list box.
 */
export function commandForKey(commands: readonly AppCommand[], event: KeyEventLike): AppCommand | null {
  if (event.defaultPrevented || isInside(event.target, DIALOGS)) return null;
  const typing = isTextEntryTarget(event.target);
  for (const command of commands) {
    if (!command.shortcuts?.some((shortcut) => matchesShortcut(event, shortcut))) continue;
    if (typing && !command.worksWhileTyping) continue;
    const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (printable && isInside(event.target, TYPEAHEAD)) continue;
    return command;
  }
  return null;
}

/**
 * Whether a dialog is open. The mouse's back and forward buttons have no focused target to
 * judge by (they may be pressed over the dimmed page around a dialog): while a dialog is open
 * they do nothing, as every shortcut does inside one.
 */
export function isDialogOpen(root: ParentNode = document): boolean {
  return root.querySelector(DIALOGS) !== null;
}

/**
 * How a view adds its own commands to the registry while it is shown (the backlog's "Sort by RICE
 * score"): the workspace lists them with its own, so the palette, the `?` sheet and the keyboard
 * find them like any other. `owner` names the contribution; `null` withdraws it.
 */
export const ContributeCommandsContext = createContext<(owner: string, commands: readonly AppCommand[] | null) => void>(() => undefined);

/**
 * Contributes the commands `declare` makes while the calling component is mounted, and again
 * whenever `declare` changes (keep it stable: each contribution re-renders the workspace).
 */
export function useContributedCommands(owner: string, declare: () => readonly AppCommand[]) {
  const contribute = useContext(ContributeCommandsContext);
  useEffect(() => {
    contribute(owner, declare());
  }, [contribute, owner, declare]);
  useEffect(() => () => contribute(owner, null), [contribute, owner]);
}

/** The commands of the open workspace, for the components that offer them. */
export const CommandsContext = createContext<readonly AppCommand[]>([]);

export function useCommands(): readonly AppCommand[] {
  return useContext(CommandsContext);
}

export function useCommand(id: string): AppCommand | undefined {
  return useCommands().find((command) => command.id === id);
}
