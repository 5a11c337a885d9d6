import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import {
  useCreateItem,
  useItems,
  useMoveItem,
  type BacklogItem,
  type ItemStatus,
  type Product,
  type StatusOption,
} from "../../api";
import { PlusIcon } from "../../components/icons";
import { SelectField } from "../../components/SelectField";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import type { MoveDirection } from "../../lib/shortcuts";
import { BacklogRow, type RowAction } from "./BacklogRow";
import { useItemDialogs } from "./ItemDialogs";
import { moveTargetFor } from "./moveTarget";

type BacklogViewProps = {
  product: Product;
  statusOptions: readonly StatusOption[];
};

type StatusFilter = ItemStatus | "all";

const MOVE_WORDS: Record<MoveDirection, string> = {
  up: "up",
  down: "down",
  top: "to the top",
  bottom: "to the bottom",
};

function focusRow(list: HTMLOListElement | null, itemId: string) {
  const row = list?.querySelector<HTMLLIElement>(`li[data-item-id="${CSS.escape(itemId)}"]`);
  row?.focus();
}

export function BacklogView({ product, statusOptions }: BacklogViewProps) {
  const itemsQuery = useItems(product.id);
  const items = itemsQuery.data;
  const createItem = useCreateItem();
  const { mutateAsync: move } = useMoveItem();
  const listRef = useRef<HTMLOListElement>(null);
  const [newTitle, setNewTitle] = useState("");
  const [filter, setFilter] = useState<StatusFilter>("all");

  const statusLabels = useMemo(
    () => new Map(statusOptions.map((option) => [option.value, option.label] as const)),
    [statusOptions],
  );
  const filterOptions = useMemo(
    (): { value: StatusFilter; label: string }[] => [{ value: "all", label: "All statuses" }, ...statusOptions],
    [statusOptions],
  );
  // Filtering hides rows; it never reorders them: the order is always the backend's.
  const visible = useMemo(
    () => (items === undefined || filter === "all" ? items : items.filter((item) => item.status === filter)),
    [items, filter],
  );

  // Rows get one stable callback; it reads the latest lists through this ref.
  const latest = useRef({ visible: [] as readonly BacklogItem[], total: 0, isFiltered: false });
  useEffect(() => {
    latest.current = { visible: visible ?? [], total: items?.length ?? 0, isFiltered: filter !== "all" };
  }, [visible, items, filter]);

  const onDeleted = useCallback((deleted: BacklogItem) => {
    // Keep the keyboard where it was: on the row that took the deleted one's place.
    const shown = latest.current.visible;
    const index = shown.findIndex((item) => item.id === deleted.id);
    const next = shown[index + 1] ?? shown[index - 1];
    if (next) requestAnimationFrame(() => focusRow(listRef.current, next.id));
  }, []);
  const { openEditor, confirmDelete, dialogs } = useItemDialogs(statusOptions, onDeleted);

  const onRowAction = useCallback(
    (item: BacklogItem, action: RowAction, source: "menu" | "keyboard") => {
      if (action === "edit") return openEditor(item);
      if (action === "delete") return confirmDelete(item);
      const { visible: shown, total, isFiltered } = latest.current;
      const index = shown.findIndex((candidate) => candidate.id === item.id);
      const target = moveTargetFor(action, shown, index, isFiltered);
      if (target === null) {
        announce(`${quoteTitle(item.title)} is already at the ${action === "up" || action === "top" ? "top" : "bottom"}`);
        return;
      }
      // mutateAsync: with quick repeated moves every one of them is announced, not only the last.
      move({ item, target }).then(
        (moved) => {
          announce(`${quoteTitle(moved.title)} moved to position ${moved.position} of ${total}`);
          if (source === "keyboard") requestAnimationFrame(() => focusRow(listRef.current, moved.id));
        },
        () => announce(`${quoteTitle(item.title)} was not moved ${MOVE_WORDS[action]}`),
      );
    },
    [move, openEditor, confirmDelete],
  );

  const onFocusMove = useCallback((item: BacklogItem, to: "previous" | "next" | "first" | "last") => {
    const shown = latest.current.visible;
    const index = shown.findIndex((candidate) => candidate.id === item.id);
    const target =
      to === "first" ? shown[0] : to === "last" ? shown[shown.length - 1] : shown[index + (to === "next" ? 1 : -1)];
    if (target) focusRow(listRef.current, target.id);
  }, []);

  const addItem = (event: FormEvent) => {
    event.preventDefault();
    createItem.mutate(
      { input: { productId: product.id, title: newTitle, description: null, status: null, kind: null } },
      {
        onSuccess: (created) => {
          setNewTitle("");
          announce(`${quoteTitle(created.title)} added at position ${created.position}`);
        },
      },
    );
  };

  const total = items?.length ?? 0;
  const shownCount = visible?.length ?? 0;
  const subtitle = itemsQuery.isPending
    ? "Loading…"
    : filter === "all"
      ? `${total} ${total === 1 ? "item" : "items"}, highest priority first`
      : `${shownCount} of ${total} items: ${statusLabels.get(filter) ?? filter}`;

  return (
    <section className="view view-backlog" aria-labelledby="backlog-heading">
      <header className="view-header">
        <div>
          <h1 id="backlog-heading">Backlog</h1>
          <p className="view-subtitle">{subtitle}</p>
        </div>
        <div className="view-header-tools">
          <SelectField label="Show" value={filter} options={filterOptions} onChange={setFilter} inline />
        </div>
      </header>

      <form className="add-item" onSubmit={addItem}>
        <PlusIcon className="add-item-icon" />
        <input
          className="add-item-input"
          aria-label="New item title"
          placeholder="Add an item to the bottom of the backlog…"
          value={newTitle}
          onChange={(event) => setNewTitle(event.target.value)}
          autoComplete="off"
        />
        <button type="submit" className="button button-primary" disabled={createItem.isPending}>
          Add item
        </button>
      </form>

      {items && items.length === 0 ? (
        <div className="empty-state">
          <h2>The backlog is empty</h2>
          <p>Add the first opportunity, feature or story above. Rank them by moving them up and down.</p>
        </div>
      ) : null}

      {items && items.length > 0 && visible?.length === 0 ? (
        <div className="empty-state">
          <h2>No items with this status</h2>
          <p>Choose “All statuses” to see the whole backlog.</p>
        </div>
      ) : null}

      {visible && visible.length > 0 ? (
        <>
          <p className="keyboard-hint" id="backlog-keyboard-hint">
            Tip: focus a row and press Alt+↑ / Alt+↓ to move it, Enter to edit. Press ? for all shortcuts.
          </p>
          <ol ref={listRef} className="backlog-list" aria-label="Ranked backlog" aria-describedby="backlog-keyboard-hint">
            {visible.map((item, index) => (
              <BacklogRow
                key={item.id}
                item={item}
                statusLabel={statusLabels.get(item.status) ?? item.status}
                isFirst={index === 0}
                isLast={index === visible.length - 1}
                onAction={onRowAction}
                onFocusMove={onFocusMove}
              />
            ))}
          </ol>
        </>
      ) : null}
      {dialogs}
    </section>
  );
}
