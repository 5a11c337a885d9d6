import type { HistoryState } from "../api";
import { RedoIcon, UndoIcon } from "../components/icons";

type ToolbarProps = {
  productName: string | null;
  viewName: string;
  history: HistoryState | undefined;
  onUndo: () => void;
  onRedo: () => void;
};

export function undoTitle(history: HistoryState | undefined): string {
  return history?.canUndo && history.undoLabel ? `Undo ${history.undoLabel} (Ctrl+Z)` : "Nothing to undo (Ctrl+Z)";
}

export function redoTitle(history: HistoryState | undefined): string {
  return history?.canRedo && history.redoLabel
    ? `Redo ${history.redoLabel} (Ctrl+Shift+Z)`
    : "Nothing to redo (Ctrl+Shift+Z)";
}

export function Toolbar({ productName, viewName, history, onUndo, onRedo }: ToolbarProps) {
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
          className="icon-button toolbar-button"
          aria-label="Undo"
          title={undoTitle(history)}
          disabled={!history?.canUndo}
          onClick={onUndo}
        >
          <UndoIcon />
        </button>
        <button
          type="button"
          className="icon-button toolbar-button"
          aria-label="Redo"
          title={redoTitle(history)}
          disabled={!history?.canRedo}
          onClick={onRedo}
        >
          <RedoIcon />
        </button>
      </div>
    </header>
  );
}
