import { Fragment, useMemo } from "react";
import { Button, Dialog, Modal, ModalOverlay } from "react-aria-components";
import { UNDO_SHORTCUT } from "../commands/appCommands";
import { ITEM_COMMANDS } from "../commands/itemCommands";
import { COMMAND_GROUPS, useCommands, type AppCommand } from "../commands/registry";
import { formatShortcut, type Shortcut } from "../commands/shortcut";
import { LIST_NAVIGATION, LIST_SELECTION } from "../components/ranked-list/keyboard";
import { EDITOR_SHORTCUTS } from "../views/backlog/ItemEditor";
import { BAR_COMMANDS } from "../views/timeline/barCommands";
import { cx } from "../lib/classNames";
import styles from "./ShortcutsDialog.module.css";

type ShortcutRow = { action: string; keys: readonly string[] };
type ShortcutGroup = { title: string; rows: readonly ShortcutRow[] };

const written = (shortcuts: readonly Shortcut[]) => shortcuts.map(formatShortcut);

/**
 * Every shortcut, read from where it is declared: the registry's commands (by group), the row
 * commands and navigation keys of ranked lists, and the item editor's keys.
 */
export function shortcutGroups(commands: readonly AppCommand[]): ShortcutGroup[] {
  const global = COMMAND_GROUPS.map((group) => ({
    title: group,
    rows: commands
      .filter((command) => command.group === group && command.shortcuts && command.shortcuts.length > 0)
      .map((command) => ({ action: shortcutName(command), keys: written(command.shortcuts ?? []) })),
  }));
  return [
    ...global.filter((group) => group.rows.length > 0),
    {
      title: "In a ranked list",
      rows: [
        ...LIST_NAVIGATION.map((entry) => ({ action: entry.label, keys: written(entry.shortcuts) })),
        ...LIST_SELECTION.map((entry) => ({ action: entry.label, keys: written(entry.shortcuts) })),
        ...ITEM_COMMANDS.map((command) => ({ action: command.label, keys: written(command.shortcuts) })),
      ],
    },
    {
      title: "On a timeline bar",
      rows: BAR_COMMANDS.filter((command) => command.shortcuts.length > 0).map((command) => ({
        action: command.label,
        keys: written(command.shortcuts),
      })),
    },
    {
      title: "In the item editor",
      rows: EDITOR_SHORTCUTS.map((entry) => ({ action: entry.label, keys: written(entry.shortcuts) })),
    },
  ];
}

/** "Undo Move “X” to top" is listed as plain "Undo": the sheet names the action, not its target. */
function shortcutName(command: AppCommand): string {
  if (command.id === "edit.undo") return "Undo";
  if (command.id === "edit.redo") return "Redo";
  return command.label;
}

type ShortcutsDialogProps = {
  isOpen: boolean;
  onClose: () => void;
};

/** The keyboard shortcuts sheet (Edit menu › Keyboard shortcuts, or `?`). */
export function ShortcutsDialog({ isOpen, onClose }: ShortcutsDialogProps) {
  const commands = useCommands();
  const groups = useMemo(() => shortcutGroups(commands), [commands]);
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal modal-medium">
        <Dialog aria-label="Keyboard shortcuts" className="dialog">
          <div className={cx("dialog-form", styles.sheet)}>
            <h2 className="dialog-title">Keyboard shortcuts</h2>
            <p className="dialog-description">
              Undo and redo skip dialogs and text fields: there, {formatShortcut(UNDO_SHORTCUT)} undoes your typing.
            </p>
            {groups.map((group) => (
              <section key={group.title} className={styles.group} aria-label={group.title}>
                <h3 className={styles.groupTitle}>{group.title}</h3>
                <dl className={styles.list}>
                  {group.rows.map((row) => (
                    <div key={row.action} className={styles.row}>
                      <dt>{row.action}</dt>
                      <dd className={styles.keys}>
                        {row.keys.map((keys, index) => (
                          <Fragment key={keys}>
                            {index > 0 ? <span> or </span> : null}
                            <kbd className="kbd">{keys}</kbd>
                          </Fragment>
                        ))}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
            <div className="dialog-actions">
              <Button className="button button-primary" onPress={onClose} autoFocus>
                Close
              </Button>
            </div>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
