//! An item panel's "Decisions" section: the decisions linked to the item, newest first (day,
//! decision, rationale), "Record decision…" with the item already chosen, and "Show all
//! decisions", which opens the decision log filtered by the item.
import { useState } from "react";
import { useDecisions, useItems, type ItemSummary } from "../../api";
import { useCommand } from "../../commands/registry";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { DecisionDialog } from "./DecisionDialog";
import { formatDay } from "./decisionForm";
import { setDecisionFilter } from "./decisionFilter";
import styles from "./DecisionLog.module.css";
import panel from "../backlog/ScorePanel.module.css";

type ItemDecisionsProps = {
  item: Pick<ItemSummary, "id" | "productId" | "title">;
  /** Closes the panel (before going to the log). */
  onLeave: () => void;
};

export function ItemDecisions({ item, onLeave }: ItemDecisionsProps) {
  const decisions = useDecisions(item.productId, item.id);
  const failure = useLoadFailure(decisions);
  const items = useItems(item.productId);
  const [recording, setRecording] = useState(false);
  const goToLog = useCommand("go.decisions");
  const showAll = () => {
    setDecisionFilter(item.productId, item.id);
    onLeave();
    goToLog?.run();
  };
  const shown = decisions.data ?? [];
  return (
    <section className={panel.section} aria-labelledby="score-section-decisions">
      <div className={panel.sectionHeader}>
        <h3 id="score-section-decisions" className={panel.sectionTitle}>
          Decisions
        </h3>
        <div className={styles.panelActions}>
          <button type="button" className="button" onClick={() => setRecording(true)}>
            Record decision…
          </button>
          <button type="button" className="button button-ghost" onClick={showAll} disabled={goToLog === undefined}>
            Show all decisions
          </button>
        </div>
      </div>
      {failure ? <LoadError title="Its decisions couldn’t be loaded." failure={failure} /> : null}
      {decisions.data && shown.length === 0 ? (
        <p className={panel.formula}>No decision is about this item yet.</p>
      ) : null}
      {shown.length > 0 ? (
        <ol className={styles.panelList} aria-label={`Decisions about ${item.title}`}>
          {shown.map((decision) => (
            <li key={decision.id} className={styles.panelDecision}>
              <span>
                <time className={styles.date} dateTime={decision.decidedOn}>
                  {formatDay(decision.decidedOn)}
                </time>{" "}
                <strong>{decision.decision}</strong>
              </span>
              <span className={styles.rationale}>{decision.rationale}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {recording ? (
        <DecisionDialog
          productId={item.productId}
          items={items.data ?? []}
          mode={{ type: "record", itemIds: [item.id] }}
          onClose={() => setRecording(false)}
        />
      ) : null}
    </section>
  );
}
