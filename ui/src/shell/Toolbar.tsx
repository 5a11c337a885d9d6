import { useMemo } from "react";
import type { HistoryState } from "../api";
import { TextMenu, type MenuAction } from "../components/ActionsMenu";
import { RedoIcon, UndoIcon } from "../components/icons";

type ToolbarProps = {
  productName: string | null;
  viewName: string;
  history: HistoryState | undefined;
  onUndo: () => void;
  onRedo: () => void;
  onShowShortcuts: () => void;
};

export const UNDO_KEYS = "Ctrl+Z";
export const REDO_KEYS = "Ctrl+Shift+Z";

export function undoTitle(history: HistoryState | undefined): string {
  return history?.canUndo && history.undoLabel
    ? `Undo ${history.undoLabel} (${UNDO_KEYS})`
    : `Nothing to undo (${UNDO_KEYS})`;
}

export function redoTitle(history: HistoryState | undefined): string {
  return history?.canRedo && history.redoLabel
    ? `Redo ${history.redoLabel} (${REDO_KEYS})`
    : `Nothing to redo (${REDO_KEYS})`;
}

/** The Edit menu's items: Undo/Redo name what they would undo or redo, as the buttons' titles do. */
export function editMenuActions(history: HistoryState | undefined): MenuAction[] {
  const canUndo = Boolean(history?.canUndo);
  const canRedo = Boolean(history?.canRedo);
  return [
    {
      id: "undo",
      label: canUndo && history?.undoLabel ? `Undo ${history.undoLabel}` : "Undo",
      shortcut: UNDO_KEYS,
      isDisabled: !canUndo,
    },
    {
      id: "redo",
      label: canRedo && history?.redoLabel ? `Redo ${history.redoLabel}` : "Redo",
      shortcut: REDO_KEYS,
      isDisabled: !canRedo,
    },
    { id: "shortcuts", label: "Keyboard shortcuts", shortcut: "?", separated: true },
  ];
}

export function Toolbar({ productName, viewName, history, onUndo, onRedo, onShowShortcuts }: ToolbarProps) {
  const editActions = useMemo(() => editMenuActions(history), [history]);
  const onEditAction = (id: string) => {
    if (id === "undo") onUndo();
    else if (id === "redo") onRedo();
    else if (id === "shortcuts") onShowShortcuts();
  };

  return (
    <header className="toolbar">
      <div className="toolbar-title">
        {productName !== null ? (
          <>
            <span className="toolbar-product">{productName}</span>
            <span className="toolbar-separator" aria-hidden="true">
              /
            </span>
            <span className="toolbar-view">{viewName}</span>
          </>
        ) : (
          <span className="toolbar-product">Northstar</span>
        )}
      </div>
      <div className="toolbar-actions">
        {/* Native buttons: react-aria's Button does not forward `title`, which shows the history label. */}
        <button
          type="button"
          className="toolbar-button"
          aria-label="Undo"
          title={undoTitle(history)}
          disabled={!history?.canUndo}
          onClick={onUndo}
        >
          <UndoIcon />
        </button>
        <button
          type="button"
          className="toolbar-button"
          aria-label="Redo"
          title={redoTitle(history)}
          disabled={!history?.canRedo}
          onClick={onRedo}
        >
          <RedoIcon />
        </button>
        <span className="toolbar-divider" aria-hidden="true" />
        <TextMenu label="Edit" actions={editActions} onAction={onEditAction} className="toolbar-menu-button" />
      </div>
    </header>
  );
}
