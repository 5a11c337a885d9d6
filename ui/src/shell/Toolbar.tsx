import { useMemo } from "react";
import { useCommands, type AppCommand } from "../commands/registry";
import { formatShortcut } from "../commands/shortcut";
import { TextMenu } from "../components/ActionsMenu";
import { RedoIcon, SearchIcon, UndoIcon } from "../components/icons";
import styles from "./Toolbar.module.css";

type ToolbarProps = {
  productName: string | null;
  viewName: string | null;
};

/** The button's tooltip: what it would undo or redo, and its shortcut. */
export function historyTitle(command: AppCommand | undefined, nothing: string): string {
  const keys = command?.shortcuts?.[0] ? ` (${formatShortcut(command.shortcuts[0])})` : "";
  return command?.isEnabled ? `${command.label}${keys}` : `${nothing}${keys}`;
}

/** The Edit menu: the Edit commands, then the Help ones (shortcuts, palette). */
export function editMenuCommands(commands: readonly AppCommand[]): AppCommand[] {
  return commands.filter((command) => command.group === "Edit" || command.group === "Help");
}

export function Toolbar({ productName, viewName }: ToolbarProps) {
  const commands = useCommands();
  const undo = commands.find((command) => command.id === "edit.undo");
  const redo = commands.find((command) => command.id === "edit.redo");
  const palette = commands.find((command) => command.id === "help.palette");
  const editCommands = useMemo(() => editMenuCommands(commands), [commands]);

  return (
    <header className={styles.toolbar}>
      <div className={styles.title}>
        {productName !== null ? (
          <>
            <span className={styles.product}>{productName}</span>
            <span className={styles.separator} aria-hidden="true">
              /
            </span>
            <span className={styles.view}>{viewName}</span>
          </>
        ) : (
          <span className={styles.product}>Northstar</span>
        )}
      </div>
      <div className={styles.actions}>
        <button type="button" className={styles.search} onClick={() => palette?.run()}>
          <SearchIcon />
          <span>Search or run a command…</span>
          {palette?.shortcuts?.[0] ? <kbd className="kbd">{formatShortcut(palette.shortcuts[0])}</kbd> : null}
        </button>
        {/* aria-disabled, not disabled: a disabled button drops the focus to the page's body. */}
        <button
          type="button"
          className={styles.button}
          aria-label="Undo"
          title={historyTitle(undo, "Nothing to undo")}
          aria-disabled={!undo?.isEnabled}
          onClick={() => {
            if (undo?.isEnabled) undo.run();
          }}
        >
          <UndoIcon />
        </button>
        <button
          type="button"
          className={styles.button}
          aria-label="Redo"
          title={historyTitle(redo, "Nothing to redo")}
          aria-disabled={!redo?.isEnabled}
          onClick={() => {
            if (redo?.isEnabled) redo.run();
          }}
        >
          <RedoIcon />
        </button>
        <span className={styles.divider} aria-hidden="true" />
        <TextMenu label="Edit" commands={editCommands} className={styles.editMenu} />
      </div>
    </header>
  );
}
