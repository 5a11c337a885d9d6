import styles from "./BacklogView.module.css";

type SelectionBarProps = {
  count: number;
  labels: { moscow: string; kano: string };
  onSetCategory: (input: "moscow" | "kano") => void;
  onSetStatus: () => void;
  onClear: () => void;
};

/** What can be done to the selected rows at once: each is one undo step. */
export function SelectionBar({ count, labels, onSetCategory, onSetStatus, onClear }: SelectionBarProps) {
  return (
    <div className={styles.selectionBar} role="toolbar" aria-label="Selected items">
      <span className={styles.selectionCount}>
        {count} {count === 1 ? "item" : "items"} selected
      </span>
      <button type="button" className="button" onClick={() => onSetCategory("moscow")}>
        Set {labels.moscow}…
      </button>
      <button type="button" className="button" onClick={() => onSetCategory("kano")}>
        Set {labels.kano} category…
      </button>
      <button type="button" className="button" onClick={onSetStatus}>
        Set status…
      </button>
      <button type="button" className="button button-ghost" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
