import { useCallback, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useCreateItem, useItems, type ItemStatus, type ItemSummary, type Product, type StatusOption } from "../../api";
import { declareItemCommands, ITEM_COMMANDS } from "../../commands/itemCommands";
import type { AppCommand } from "../../commands/registry";
import { formatShortcut } from "../../commands/shortcut";
import { KIND_LABELS } from "../../components/Badges";
import { PlusIcon } from "../../components/icons";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { describeRowKeys } from "../../components/ranked-list/keyboard";
import { RankedList, type RankedListHandle } from "../../components/ranked-list/RankedList";
import { SelectField } from "../../components/SelectField";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { useFocusRequests, type FocusRequest } from "../../shell/focusRequests";
import { backlogColumns } from "./backlogColumns";
import { useItemDialogs } from "./ItemDialogs";
import { useBacklogMoves } from "./useBacklogMoves";
import styles from "./BacklogView.module.css";

type BacklogViewProps = {
  product: Product;
  statusOptions: readonly StatusOption[];
};

type StatusFilter = ItemStatus | "all";

/** The row keys, read to screen-reader users with each row (from the command declarations). */
const ROW_KEYS = describeRowKeys(ITEM_COMMANDS);

/** "Alt+↑ and Alt+↓", from the same declarations. */
const MOVE_KEYS = ITEM_COMMANDS.filter((command) => command.id === "item.moveUp" || command.id === "item.moveDown")
  .map((command) => (command.shortcuts[0] ? formatShortcut(command.shortcuts[0]) : command.label))
  .join(" and ");

export function BacklogView({ product, statusOptions }: BacklogViewProps) {
  const itemsQuery = useItems(product.id);
  const itemsFailure = useLoadFailure(itemsQuery);
  const items = itemsQuery.data;
  const createItem = useCreateItem();
  const listRef = useRef<RankedListHandle>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const hintId = useId();
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
  // Filtering hides rows; it never reorders them: the order is always Rust's.
  const visible = useMemo(
    () => (items === undefined || filter === "all" ? items : items.filter((item) => item.status === filter)),
    [items, filter],
  );
  const columns = useMemo(() => backlogColumns(statusLabels), [statusLabels]);

  const followMovedRow = useCallback((item: ItemSummary) => listRef.current?.focusItem(item.id), []);
  const { moveStep, moveDrop } = useBacklogMoves(visible ?? [], filter !== "all", followMovedRow);
  // The deleted row was the active one: the row that took its place gets the keyboard.
  const focusNextRow = useCallback(() => listRef.current?.focusActive(), []);
  const { openEditor, confirmDelete, dialogs } = useItemDialogs(statusOptions, focusNextRow);

  const rowCommands = useCallback(
    (item: ItemSummary, index: number): AppCommand[] =>
      declareItemCommands(item, { index, count: visible?.length ?? 0 }, { move: moveStep, edit: openEditor, delete: confirmDelete }),
    [visible, moveStep, openEditor, confirmDelete],
  );
  const rowLabel = useCallback(
    (item: ItemSummary) =>
      `${item.position}. ${item.title}, ${KIND_LABELS[item.kind]}, ${statusLabels.get(item.status) ?? item.status}`,
    [statusLabels],
  );
  const itemName = useCallback((item: ItemSummary) => quoteTitle(item.title), []);
  const onBlocked = useCallback((item: ItemSummary, command: AppCommand) => {
    const upward = command.id === "item.moveUp" || command.id === "item.moveTop";
    announce(`${quoteTitle(item.title)} is already at the ${upward ? "top" : "bottom"}`);
  }, []);

  const takeFocusRequest = useCallback(
    (request: FocusRequest) => {
      if (request.kind === "newItemTitle") {
        titleInput.current?.focus();
        return true;
      }
      const item = items?.find((candidate) => candidate.id === request.itemId);
      if (!item) return false;
      if (filter !== "all" && item.status !== filter) {
        setFilter("all");
        return false;
      }
      listRef.current?.focusItem(item.id);
      return true;
    },
    [items, filter],
  );
  useFocusRequests(items !== undefined, takeFocusRequest);

  const isAdding = createItem.isPending || itemsQuery.isPending;
  const addItem = (event: FormEvent) => {
    event.preventDefault();
    if (isAdding) return;
    createItem.mutate(
      { input: { productId: product.id, title: newTitle, description: null, status: null, kind: null } },
      {
        onSuccess: () => {
          setNewTitle("");
          announce(`${quoteTitle(newTitle.trim())} added at the bottom of the backlog`);
        },
      },
    );
  };

  const total = items?.length ?? 0;
  const subtitle = itemsQuery.isPending
    ? "Loading…"
    : itemsQuery.isError
      ? "Not loaded"
      : filter === "all"
        ? `${total} ${total === 1 ? "item" : "items"}, highest priority first`
        : `${visible?.length ?? 0} of ${total} items: ${statusLabels.get(filter) ?? filter}`;

  return (
    <section className="view view-fill" aria-labelledby="backlog-heading">
      <header className="view-header">
        <div>
          <h1 id="backlog-heading" tabIndex={-1}>
            Backlog
          </h1>
          <p className="view-subtitle">{subtitle}</p>
        </div>
        <div className="view-header-tools">
          <SelectField label="Show" value={filter} options={filterOptions} onChange={setFilter} inline />
        </div>
      </header>

      {itemsFailure ? (
        <LoadError title="The backlog couldn’t be loaded." failure={itemsFailure} />
      ) : (
        <form className={styles.addItem} onSubmit={addItem}>
          <PlusIcon className={styles.addItemIcon} />
          <input
            ref={titleInput}
            className={styles.addItemInput}
            aria-label="New item title"
            placeholder="Add an item to the bottom of the backlog…"
            value={newTitle}
            onChange={(event) => setNewTitle(event.target.value)}
            autoComplete="off"
            disabled={itemsQuery.isPending}
          />
          {/* aria-disabled, not disabled: a clicked button that disables itself drops the focus. */}
          <button type="submit" className="button button-primary" aria-disabled={isAdding}>
            Add item
          </button>
        </form>
      )}

      {itemsQuery.isPending ? <div className="loading" aria-busy="true" /> : null}

      {items && items.length === 0 ? (
        <div className="empty-state">
          <h2>The backlog is empty</h2>
          <p>Add the first opportunity, feature or story above. Rank them by dragging or with {MOVE_KEYS}.</p>
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
          <p className="visually-hidden" id={hintId}>
            {ROW_KEYS}
          </p>
          <RankedList
            ref={listRef}
            label="Ranked backlog"
            items={visible}
            totalCount={total}
            columns={columns}
            rowLabel={rowLabel}
            itemName={itemName}
            rowCommands={rowCommands}
            onOpen={openEditor}
            onDrop={moveDrop}
            onBlocked={onBlocked}
            describedBy={hintId}
          />
        </>
      ) : null}
      {dialogs}
    </section>
  );
}
