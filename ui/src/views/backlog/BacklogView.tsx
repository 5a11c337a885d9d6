import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useCreateItem, useItems, useScoringScales, type ItemSummary, type Product, type StatusOption } from "../../api";
import { declareItemCommands, ITEM_COMMANDS } from "../../commands/itemCommands";
import { useContributedCommands, type AppCommand } from "../../commands/registry";
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
import { declareBacklogCommands } from "./backlogCommands";
import { backlogColumns } from "./backlogColumns";
import { filterRows, isFiltering, NO_FILTERS, type BacklogFilters } from "./backlogFilters";
import { setBacklogPrefs, useBacklogPrefs, type BacklogOrder, type ShownFramework } from "./backlogPrefs";
import { BacklogFilterBar } from "./BacklogFilterBar";
import { useItemDialogs } from "./ItemDialogs";
import { scoreColumns } from "./scoreColumns";
import { describeRowScores, frameworkLabel } from "./scoreLabels";
import { orderRows } from "./scoreOrder";
import { SelectionBar } from "./SelectionBar";
import { useBacklogMoves } from "./useBacklogMoves";
import { useScoreDialogs } from "./useScoreDialogs";
import styles from "./BacklogView.module.css";

type BacklogViewProps = {
  product: Product;
  statusOptions: readonly StatusOption[];
};

/** The row keys, read to screen-reader users with each row (from the command declarations). */
const ROW_KEYS = describeRowKeys(ITEM_COMMANDS);

/** "Alt+↑ and Alt+↓", from the same declarations. */
const MOVE_KEYS = ITEM_COMMANDS.filter((command) => command.id === "item.moveUp" || command.id === "item.moveDown")
  .map((command) => (command.shortcuts[0] ? formatShortcut(command.shortcuts[0]) : command.label))
  .join(" and ");

const NO_SELECTION: ReadonlySet<string> = new Set();

export function BacklogView({ product, statusOptions }: BacklogViewProps) {
  const itemsQuery = useItems(product.id);
  const itemsFailure = useLoadFailure(itemsQuery);
  const items = itemsQuery.data;
  const scales = useScoringScales().data;
  const createItem = useCreateItem();
  const listRef = useRef<RankedListHandle>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [newTitle, setNewTitle] = useState("");
  const [filters, setFilters] = useState<BacklogFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_SELECTION);
  const { order, shown } = useBacklogPrefs(product.id);
  const canMove = order === "manual";

  const statusLabels = useMemo(
    () => new Map(statusOptions.map((option) => [option.value, option.label] as const)),
    [statusOptions],
  );
  const labels = useMemo(
    () => ({
      rice: frameworkLabel(scales, "rice"),
      ice: frameworkLabel(scales, "ice"),
      wsjf: frameworkLabel(scales, "wsjf"),
      kano: frameworkLabel(scales, "kano"),
      matrix: frameworkLabel(scales, "matrix"),
      moscow: frameworkLabel(scales, "moscow"),
    }),
    [scales],
  );
  // Filtering hides rows and a score order lays them out by Rust's positions; the manual order
  // is always Rust's.
  const filtered = useMemo(() => (items === undefined ? undefined : filterRows(items, filters)), [items, filters]);
  const visible = useMemo(() => (filtered === undefined ? undefined : orderRows(filtered, order)), [filtered, order]);
  const isFiltered = isFiltering(filters);
  const columns = useMemo(
    () => [...backlogColumns(statusLabels).slice(0, 1), ...scoreColumns(shown, scales, canMove), ...backlogColumns(statusLabels).slice(1)],
    [statusLabels, shown, scales, canMove],
  );
  // The selection is of rows shown: a row that is filtered out or gone is no longer in it.
  const selectedShown = useMemo(() => (visible ?? []).filter((item) => selected.has(item.id)), [visible, selected]);

  const followMovedRow = useCallback((item: ItemSummary) => listRef.current?.focusItem(item.id), []);
  const { moveStep, moveDrop } = useBacklogMoves(visible ?? [], isFiltered, followMovedRow);
  // The deleted row was the active one: the row that took its place gets the keyboard.
  const focusNextRow = useCallback(() => listRef.current?.focusActive(), []);
  const { openEditor, confirmDelete, dialogs } = useItemDialogs(statusOptions, focusNextRow);
  const scoreDialogs = useScoreDialogs(statusOptions);
  const { openPanel, chooseCategory, chooseStatus } = scoreDialogs;

  const setMoscow = useCallback((item: ItemSummary) => chooseCategory("moscow", [item]), [chooseCategory]);
  const setKano = useCallback((item: ItemSummary) => chooseCategory("kano", [item]), [chooseCategory]);
  const rowCommands = useCallback(
    (item: ItemSummary, index: number): AppCommand[] =>
      declareItemCommands(
        item,
        { index, count: visible?.length ?? 0, canMove },
        { move: moveStep, edit: openEditor, delete: confirmDelete, scores: openPanel, setMoscow, setKano },
      ),
    [visible, canMove, moveStep, openEditor, confirmDelete, openPanel, setMoscow, setKano],
  );
  const rowLabel = useCallback(
    (item: ItemSummary) =>
      `${item.position}. ${item.title}, ${KIND_LABELS[item.kind]}, ${statusLabels.get(item.status) ?? item.status}`,
    [statusLabels],
  );
  const rowDescription = useCallback((item: ItemSummary) => describeRowScores(item, scales, order), [scales, order]);
  const itemName = useCallback((item: ItemSummary) => quoteTitle(item.title), []);
  const orderReason = canMove ? null : `Sorted by ${labels[order]} score. Items move in manual rank order only.`;
  const onBlocked = useCallback(
    (item: ItemSummary, command: AppCommand) => {
      if (orderReason !== null && command.id.startsWith("item.move")) {
        announce(orderReason);
        return;
      }
      const upward = command.id === "item.moveUp" || command.id === "item.moveTop";
      announce(`${quoteTitle(item.title)} is already at the ${upward ? "top" : "bottom"}`);
    },
    [orderReason],
  );

  const onReorderBlocked = useCallback(() => {
    if (orderReason !== null) announce(orderReason);
  }, [orderReason]);

  const setOrder = useCallback(
    (next: BacklogOrder) => {
      setBacklogPrefs(product.id, { order: next });
      announce(next === "manual" ? "Backlog in manual rank order" : `Backlog sorted by ${labels[next]} score, unscored items last`);
    },
    [product.id, labels],
  );
  const setShown = useCallback((next: ShownFramework) => setBacklogPrefs(product.id, { shown: next }), [product.id]);
  const selection = useMemo(() => ({ selectedIds: selected, onChange: setSelected }), [selected]);

  // The contributed commands change only with what they show (order, labels, how many rows are
  // selected): a new list re-renders the whole workspace, which a move or a refetch must not do.
  // Their handlers read the rows of the moment.
  const current = useRef({ selectedShown, visible, chooseCategory, chooseStatus });
  useLayoutEffect(() => {
    current.current = { selectedShown, visible, chooseCategory, chooseStatus };
  });
  const setSelectionCategory = useCallback((input: "moscow" | "kano") => {
    const now = current.current;
    now.chooseCategory(input, now.selectedShown);
  }, []);
  const setSelectionStatus = useCallback(() => {
    const now = current.current;
    now.chooseStatus(now.selectedShown);
  }, []);
  const selectAll = useCallback(() => setSelected(new Set((current.current.visible ?? []).map((item) => item.id))), []);
  const clearSelection = useCallback(() => setSelected(NO_SELECTION), []);
  const selectedCount = selectedShown.length;
  const canSelect = (visible?.length ?? 0) > 0;
  const backlogCommands = useCallback(
    () =>
      declareBacklogCommands(
        { order, shown, labels, selectedCount, canSelect },
        { setOrder, setShown, setSelectionCategory, setSelectionStatus, selectAll, clearSelection },
      ),
    [order, shown, labels, selectedCount, canSelect, setOrder, setShown, setSelectionCategory, setSelectionStatus, selectAll, clearSelection],
  );
  useContributedCommands("backlog", backlogCommands);

  const takeFocusRequest = useCallback(
    (request: FocusRequest) => {
      if (request.kind === "newItemTitle") {
        titleInput.current?.focus();
        return true;
      }
      // A highlight is the research view's to show.
      if (request.kind !== "item") return false;
      const item = items?.find((candidate) => candidate.id === request.itemId);
      if (!item) return false;
      if (!visible?.some((candidate) => candidate.id === item.id)) {
        setFilters(NO_FILTERS);
        return false;
      }
      listRef.current?.focusItem(item.id);
      return true;
    },
    [items, visible],
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
  const shownCount = visible?.length ?? 0;
  const orderWords = canMove ? "highest priority first" : `by ${labels[order]} score, unscored last`;
  const subtitle = itemsQuery.isPending
    ? "Loading…"
    : itemsQuery.isError
      ? "Not loaded"
      : isFiltered
        ? `${shownCount} of ${total} items shown, ${orderWords}`
        : `${total} ${total === 1 ? "item" : "items"}, ${orderWords}`;

  const orderOptions = useMemo(
    (): { value: BacklogOrder; label: string }[] => [
      { value: "manual", label: "Manual rank" },
      { value: "rice", label: `${labels.rice} score` },
      { value: "ice", label: `${labels.ice} score` },
      { value: "wsjf", label: `${labels.wsjf} score` },
    ],
    [labels],
  );
  const shownOptions = useMemo(
    (): { value: ShownFramework; label: string }[] =>
      (["rice", "ice", "wsjf", "kano", "matrix"] as const).map((value) => ({ value, label: labels[value] })),
    [labels],
  );

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
          <SelectField label="Order" value={order} options={orderOptions} onChange={setOrder} inline />
          <SelectField label="Scores" value={shown} options={shownOptions} onChange={setShown} inline />
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

      {items && items.length > 0 ? (
        <BacklogFilterBar
          filters={filters}
          statusOptions={statusOptions}
          scales={scales}
          hiddenCount={total - shownCount}
          onChange={setFilters}
          onClear={() => setFilters(NO_FILTERS)}
        />
      ) : null}

      {orderReason !== null && items && items.length > 0 ? (
        <p className={styles.orderNotice}>
          <span>{orderReason}</span>
          <button type="button" className="button button-ghost" onClick={() => setOrder("manual")}>
            Back to manual rank
          </button>
        </p>
      ) : null}

      {selectedShown.length > 0 ? (
        <SelectionBar
          count={selectedShown.length}
          labels={labels}
          onSetCategory={(input) => chooseCategory(input, selectedShown)}
          onSetStatus={() => chooseStatus(selectedShown)}
          onClear={() => setSelected(NO_SELECTION)}
        />
      ) : null}

      {itemsQuery.isPending ? <div className="loading" aria-busy="true" /> : null}

      {items && items.length === 0 ? (
        <div className="empty-state">
          <h2>The backlog is empty</h2>
          <p>Add the first opportunity, feature or story above. Rank them by dragging or with {MOVE_KEYS}.</p>
        </div>
      ) : null}

      {items && items.length > 0 && visible?.length === 0 ? (
        <div className="empty-state">
          <h2>No items match these filters</h2>
          <p>Choose “Clear filters” to see the whole backlog.</p>
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
            rowDescription={rowDescription}
            itemName={itemName}
            rowCommands={rowCommands}
            onOpen={openEditor}
            onDrop={moveDrop}
            onBlocked={onBlocked}
            describedBy={hintId}
            isReorderable={canMove}
            onReorderBlocked={onReorderBlocked}
            selection={selection}
          />
        </>
      ) : null}
      {dialogs}
      {scoreDialogs.dialogs}
    </section>
  );
}
