import { Fragment } from "react";
import { Button, Dialog, Modal, ModalOverlay } from "react-aria-components";

type Shortcut = {
  action: string;
  /** Alternative key combinations, each written as shown on the keys ("Ctrl+Shift+Z"). */
  keys: readonly string[];
};

type ShortcutGroup = { title: string; shortcuts: readonly Shortcut[] };

/** Every shortcut the app has; keep in step with `lib/shortcuts.ts` and the item editor. */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: "Anywhere",
    shortcuts: [
      { action: "Undo", keys: ["Ctrl+Z"] },
      { action: "Redo", keys: ["Ctrl+Shift+Z", "Ctrl+Y"] },
      { action: "Show keyboard shortcuts", keys: ["?"] },
      { action: "Close a dialog or menu", keys: ["Esc"] },
    ],
  },
  {
    title: "On a backlog row",
    shortcuts: [
      { action: "Focus the previous / next row", keys: ["↑ / ↓"] },
      { action: "Focus the first / last row", keys: ["Home / End"] },
      { action: "Move up / down", keys: ["Alt+↑ / Alt+↓"] },
      { action: "Move to top / bottom", keys: ["Alt+Shift+↑ / Alt+Shift+↓", "Alt+Home / Alt+End"] },
      { action: "Edit", keys: ["Enter"] },
      { action: "Delete (asks first)", keys: ["Delete"] },
    ],
  },
  {
    title: "In the item editor",
    shortcuts: [
      { action: "Save", keys: ["Ctrl+Enter"] },
      { action: "Cancel", keys: ["Esc"] },
    ],
  },
];

type ShortcutsDialogProps = {
  isOpen: boolean;
  onClose: () => void;
};

/** The keyboard shortcuts sheet (Edit menu › Keyboard shortcuts, or `?`). */
export function ShortcutsDialog({ isOpen, onClose }: ShortcutsDialogProps) {
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
          <div className="dialog-form shortcut-sheet">
            <h2 className="dialog-title">Keyboard shortcuts</h2>
            <p className="dialog-description">
              Undo and redo skip dialogs and text fields: there, Ctrl+Z undoes your typing.
            </p>
            {SHORTCUT_GROUPS.map((group) => (
              <section key={group.title} className="shortcut-group" aria-label={group.title}>
                <h3 className="shortcut-group-title">{group.title}</h3>
                <dl className="shortcut-list">
                  {group.shortcuts.map((shortcut) => (
                    <div key={shortcut.action} className="shortcut-row">
                      <dt>{shortcut.action}</dt>
                      <dd className="shortcut-keys">
                        {shortcut.keys.map((keys, index) => (
                          <Fragment key={keys}>
                            {index > 0 ? <span className="shortcut-or"> or </span> : null}
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
