//! The decision log: a product's decisions, newest first, each with its day, what was decided,
//! why, and the items it is about (chips, each with its unlink button). Record, edit, link items
//! and delete (each one undo step); filter by item (a picker here, or an item panel's "Show all
//! decisions"). Everything shown is Rust's (`list_decisions`).
import { useCallback, useId, useState, type KeyboardEvent } from "react";
import { useDecisions, useDeleteDecision, useItems, useSetDecisionItems, type Decision, type Product } from "../../api";
import { CAN_UNDO, PRESS_UNDO } from "../../commands/appCommands";
import { commandForKey } from "../../commands/registry";
import { ActionsMenu } from "../../components/ActionsMenu";
import { ConfirmDialog } from "../../components/Dialogs";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { SelectField } from "../../components/SelectField";
import { CloseIcon } from "../../components/icons";
import { announce } from "../../feedback/announcer";
import { formatCount } from "../../lib/format";
import { quoteTitle } from "../../lib/quote";
import { declareDecisionCommands, describeDecisionKeys, type DecisionHandlers } from "./decisionCommands";
import { DecisionDialog, type DecisionDialogMode } from "./DecisionDialog";
import { formatDay } from "./decisionForm";
import { setDecisionFilter, useDecisionFilter } from "./decisionFilter";
import { LinkItemsDialog } from "./LinkItemsDialog";
import styles from "./DecisionLog.module.css";

type Overlay =
  | { type: "dialog"; mode: DecisionDialogMode }
  | { type: "link"; decision: Decision }
  | { type: "delete"; decision: Decision }
  | null;

const ALL = "";

export function DecisionLogView({ product }: { product: Product }) {
  const filter = useDecisionFilter(product.id);
  const decisions = useDecisions(product.id, filter);
  // The whole log (the same query as the unfiltered view): which items have decisions at all.
  const wholeLog = useDecisions(product.id, null);
  const failure = useLoadFailure(decisions);
  const items = useItems(product.id);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [opened, setOpened] = useState(0);
  const remove = useDeleteDecision();
  const unlink = useSetDecisionItems();
  const hintId = useId();
  const listed = items.data ?? [];
  const filterTitle = filter === null ? null : (listed.find((item) => item.id === filter)?.title ?? null);

  /** Each opening is a fresh dialog (its fields start from the mode). */
  const openDialog = useCallback((mode: DecisionDialogMode) => {
    setOpened((count) => count + 1);
    setOverlay({ type: "dialog", mode });
  }, []);
  const record = () => openDialog({ type: "record", itemIds: filter === null ? [] : [filter] });

  const handlers: DecisionHandlers = {
    edit: (decision) => openDialog({ type: "edit", decision }),
    link: (decision) => setOverlay({ type: "link", decision }),
    delete: (decision) => setOverlay({ type: "delete", decision }),
  };

  const unlinkItem = (decision: Decision, itemId: string, title: string) =>
    unlink.mutate(
      { id: decision.id, itemIds: decision.items.map((item) => item.id).filter((id) => id !== itemId) },
      { onSuccess: () => announce(`Unlinked ${quoteTitle(title)} from ${quoteTitle(decision.decision)}. ${PRESS_UNDO}`) },
    );

  const confirmDelete = (decision: Decision) => {
    setOverlay(null);
    remove.mutate({ id: decision.id }, { onSuccess: () => announce(`Deleted the decision ${quoteTitle(decision.decision)}. ${PRESS_UNDO}`) });
  };

  // Only the items some decision is about (in backlog order), and the one filtered by: a choice
  // of every backlog item would list 10,000 options for mostly empty answers.
  const linked = new Set((wholeLog.data ?? []).flatMap((decision) => decision.items.map((item) => item.id)));
  if (filter !== null) linked.add(filter);
  const options = [
    { value: ALL, label: "All items" },
    ...listed.filter((item) => linked.has(item.id)).map((item) => ({ value: item.id, label: item.title })),
    // A filter item no longer listed (deleted meanwhile) stays choosable until it is changed.
    ...(filter !== null && filterTitle === null ? [{ value: filter, label: "An item no longer in the backlog" }] : []),
  ];
  const shown = decisions.data ?? [];
  const subtitle = decisions.isPending
    ? "Loading…"
    : decisions.isError
      ? "Not loaded"
      : `${formatCount(shown.length, "decision")}, newest first${filterTitle ? `, about ${quoteTitle(filterTitle)}` : ""}`;

  return (
    <section className="view" aria-labelledby="decisions-heading">
      <header className="view-header">
        <div>
          <h1 id="decisions-heading" tabIndex={-1}>
            Decision log
          </h1>
          <p className="view-subtitle">{subtitle}</p>
        </div>
        <div className="view-header-tools">
          <SelectField
            inline
            label="About"
            value={filter ?? ALL}
            options={options}
            onChange={(value) => setDecisionFilter(product.id, value === ALL ? null : value)}
          />
          <button type="button" className="button button-primary" onClick={record}>
            Record decision…
          </button>
        </div>
      </header>
      {failure ? <LoadError title="The decision log couldn’t be loaded." failure={failure} /> : null}
      {decisions.isPending ? <div className="loading" aria-busy="true" /> : null}
      {decisions.data && shown.length === 0 ? (
        <div className="empty-state">
          <h2>{filterTitle ? `No decision about ${quoteTitle(filterTitle)} yet` : "No decisions yet"}</h2>
          <p>
            The decision log keeps why the backlog is in its order: what was decided, when, why, and the items it is
            about. When you move an item above items that score higher, Northstar offers to record why.
          </p>
        </div>
      ) : null}
      {shown.length > 0 ? (
        <>
          <p id={hintId} className="visually-hidden">
            {describeDecisionKeys(declareDecisionCommands(shown[0] as Decision, handlers))}
          </p>
          <ol className={styles.list} aria-label="Decisions">
            {shown.map((decision) => (
              <DecisionRow
                key={decision.id}
                decision={decision}
                handlers={handlers}
                describedBy={hintId}
                onUnlink={(itemId, title) => unlinkItem(decision, itemId, title)}
              />
            ))}
          </ol>
        </>
      ) : null}

      {overlay?.type === "dialog" ? (
        <DecisionDialog
          key={opened}
          productId={product.id}
          items={listed}
          mode={overlay.mode}
          onClose={() => setOverlay(null)}
        />
      ) : null}
      {overlay?.type === "link" ? (
        <LinkItemsDialog key={overlay.decision.id} decision={overlay.decision} items={listed} onClose={() => setOverlay(null)} />
      ) : null}
      <ConfirmDialog
        isOpen={overlay?.type === "delete"}
        title={overlay?.type === "delete" ? `Delete the decision ${quoteTitle(overlay.decision.decision)}?` : "Delete the decision?"}
        confirmLabel="Delete decision"
        onCancel={() => setOverlay(null)}
        onConfirm={() => {
          if (overlay?.type === "delete") confirmDelete(overlay.decision);
        }}
      >
        <p>Its items stay as they are. {CAN_UNDO}</p>
      </ConfirmDialog>
    </section>
  );
}

type DecisionRowProps = {
  decision: Decision;
  handlers: DecisionHandlers;
  describedBy: string;
  onUnlink: (itemId: string, title: string) => void;
};

function DecisionRow({ decision, handlers, describedBy, onUnlink }: DecisionRowProps) {
  const titleId = useId();
  const commands = declareDecisionCommands(decision, handlers);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // The row's own keys, only while the row itself (not a button in it) has the keyboard.
    if (event.target !== event.currentTarget) return;
    const command = commandForKey(commands, event.nativeEvent);
    if (!command) return;
    event.preventDefault();
    command.run();
  };
  return (
    <li>
      <article
        className={styles.row}
        tabIndex={0}
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        onKeyDown={onKeyDown}
        data-decision-id={decision.id}
      >
        <div className={styles.rowHeader}>
          <time className={styles.date} dateTime={decision.decidedOn}>
            {formatDay(decision.decidedOn)}
          </time>
          <h2 id={titleId} className={styles.decision}>
            {decision.decision}
          </h2>
          <ActionsMenu label={`Actions for the decision ${quoteTitle(decision.decision)}`} commands={commands} />
        </div>
        <p className={styles.rationale}>{decision.rationale}</p>
        {decision.items.length > 0 ? (
          <ul className={styles.chips} aria-label="Items it is about">
            {decision.items.map((item) => (
              <li key={item.id} className={styles.chip}>
                <span>{item.title}</span>
                <button
                  type="button"
                  className={styles.chipButton}
                  aria-label={`Unlink ${quoteTitle(item.title)}`}
                  onClick={() => onUnlink(item.id, item.title)}
                >
                  <CloseIcon />
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.noItems}>About no item in particular.</p>
        )}
      </article>
    </li>
  );
}
