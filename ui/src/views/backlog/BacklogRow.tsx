import { memo, useMemo, type KeyboardEvent } from "react";
import type { BacklogItem } from "../../api";
import { ActionsMenu, type MenuAction } from "../../components/ActionsMenu";
import { KindChip, StatusBadge } from "../../components/Badges";
import { plainExcerpt } from "../../lib/markdown";
import { rowKeyAction, type MoveDirection, type RowKeyAction } from "../../lib/shortcuts";

export type RowAction = MoveDirection | "edit" | "delete";

type BacklogRowProps = {
  item: BacklogItem;
  statusLabel: string;
  isFirst: boolean;
  isLast: boolean;
  /** Stable across renders (the list passes one callback for every row). */
  onAction: (item: BacklogItem, action: RowAction, source: "menu" | "keyboard") => void;
  onFocusMove: (item: BacklogItem, to: Extract<RowKeyAction, { type: "focus" }>["to"]) => void;
};

/** One ranked row. Memoised: a move re-renders only the rows whose props changed. */
export const BacklogRow = memo(function BacklogRow({
  item,
  statusLabel,
  isFirst,
  isLast,
  onAction,
  onFocusMove,
}: BacklogRowProps) {
  const excerpt = useMemo(() => plainExcerpt(item.description), [item.description]);
  const actions = useMemo<MenuAction[]>(
    () => [
      { id: "up", label: "Move up", shortcut: "Alt+↑", isDisabled: isFirst },
      { id: "down", label: "Move down", shortcut: "Alt+↓", isDisabled: isLast },
      { id: "top", label: "Move to top", shortcut: "Alt+Shift+↑", isDisabled: isFirst },
      { id: "bottom", label: "Move to bottom", shortcut: "Alt+Shift+↓", isDisabled: isLast },
      { id: "edit", label: "Edit", shortcut: "Enter", separated: true },
      { id: "delete", label: "Delete", shortcut: "Del", isDanger: true },
    ],
    [isFirst, isLast],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    // Keys pressed on the row's own buttons belong to them.
    if (event.target !== event.currentTarget) return;
    const action = rowKeyAction(event);
    if (action === null) return;
    event.preventDefault();
    if (action.type === "focus") onFocusMove(item, action.to);
    else if (action.type === "move") onAction(item, action.to, "keyboard");
    else onAction(item, action.type, "keyboard");
  };

  return (
    <li
      className="backlog-row"
      data-item-id={item.id}
      aria-label={`${item.position}. ${item.title}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onAction(item, "edit", "menu")}
    >
      <span className="row-position" aria-hidden="true">
        {item.position}
      </span>
      <div className="row-main">
        <span className="row-title">{item.title}</span>
        {excerpt !== "" ? <span className="row-excerpt">{excerpt}</span> : null}
      </div>
      <div className="row-meta">
        <KindChip kind={item.kind} />
        <StatusBadge status={item.status} label={statusLabel} />
      </div>
      <ActionsMenu
        label={`Actions for ${item.title}`}
        actions={actions}
        className="row-menu"
        onAction={(id) => onAction(item, id as RowAction, "menu")}
      />
    </li>
  );
});
