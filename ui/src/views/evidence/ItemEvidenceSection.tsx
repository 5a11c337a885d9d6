//! An item panel's "Evidence" section: the summary (participants, segments, notes, the most
//! recent day and the strength, as Rust explains it), the suggested Reach and Confidence beside
//! the entered inputs with their provenance and an Accept button (unavailable with Rust's reason),
//! and the quotes, each opening its passage in the research view.
import {
  describeError,
  toUiError,
  useAcceptEvidenceSuggestion,
  useItemEvidence,
  type EvidenceQuote,
  type EvidenceSuggestion,
  type ItemSummary,
} from "../../api";
import { PRESS_UNDO } from "../../commands/appCommands";
import { useCommand } from "../../commands/registry";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { announce } from "../../feedback/announcer";
import { requestFocus } from "../../shell/focusRequests";
import { formatDay } from "../decisions/decisionForm";
import { noteTypeLabel } from "../research/noteTypes";
import panel from "../backlog/ScorePanel.module.css";
import styles from "./Evidence.module.css";

type ItemEvidenceSectionProps = {
  item: Pick<ItemSummary, "id" | "title">;
  /** Closes the panel (before going to a quote's note). */
  onLeave: () => void;
};

export function ItemEvidenceSection({ item, onLeave }: ItemEvidenceSectionProps) {
  const evidence = useItemEvidence(item.id);
  const failure = useLoadFailure(evidence);
  const goToResearch = useCommand("go.research");
  const openQuote = (quote: EvidenceQuote) => {
    onLeave();
    goToResearch?.run();
    requestFocus({ kind: "highlight", noteId: quote.noteId, highlightId: quote.highlightId });
  };
  const found = evidence.data;
  return (
    <section className={panel.section} aria-labelledby="score-section-evidence">
      <div className={panel.sectionHeader}>
        <h3 id="score-section-evidence" className={panel.sectionTitle}>
          Evidence
        </h3>
        {found ? <span className={styles.strength}>{found.summary.strengthExplained}</span> : null}
      </div>
      {failure ? <LoadError title="Its evidence couldn’t be loaded." failure={failure} /> : null}
      {found ? (
        <>
          <dl className={styles.summary} aria-label="Evidence summary">
            <div>
              <dt>Participants</dt>
              <dd>{found.summary.participantCount}</dd>
            </div>
            <div>
              <dt>Segments</dt>
              <dd>{found.summary.segmentCount}</dd>
            </div>
            <div>
              <dt>Notes</dt>
              <dd>{found.summary.noteCount}</dd>
            </div>
            <div>
              <dt>Most recent</dt>
              <dd>{found.summary.latestOn ? formatDay(found.summary.latestOn) : "—"}</dd>
            </div>
          </dl>
          <ul className={styles.suggestions} aria-label="Suggested from evidence">
            {found.suggestions.map((suggestion) => (
              <SuggestionRow key={suggestion.input} itemId={item.id} suggestion={suggestion} />
            ))}
          </ul>
          {found.quotes.length > 0 ? (
            <ol className={styles.quotes} aria-label={`Evidence for ${item.title}`}>
              {found.quotes.map((quote) => (
                <li key={quote.highlightId} className={styles.quote}>
                  <blockquote className={styles.exact}>{quote.exact}</blockquote>
                  <div className={styles.quoteMeta}>
                    <button type="button" className="button button-ghost" onClick={() => openQuote(quote)}>
                      {`Open in “${quote.noteTitle}”`}
                    </button>
                    <span>{noteTypeLabel(quote.noteType)}</span>
                    <time dateTime={quote.notedOn}>{formatDay(quote.notedOn)}</time>
                    {quote.participants.map((person) => (
                      <span key={person.id}>{person.segment ? `${person.name} (${person.segment})` : person.name}</span>
                    ))}
                    {quote.orphaned ? (
                      <span className={styles.orphaned}>Orphaned: its passage is no longer in the note, so it is not counted</span>
                    ) : null}
                  </div>
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function SuggestionRow({ itemId, suggestion }: { itemId: string; suggestion: EvidenceSuggestion }) {
  const accept = useAcceptEvidenceSuggestion();
  const blocked = suggestion.acceptBlocked;
  const reasonId = `evidence-${suggestion.input}-reason`;
  const run = () => {
    if (blocked !== null || accept.isPending) return;
    accept.mutate(
      { itemId, input: suggestion.input },
      { onSuccess: (saved) => announce(`${saved.value.decision.decision}. ${PRESS_UNDO}`) },
    );
  };
  return (
    <li className={styles.suggestion}>
      <div className={styles.values}>
        <span className={styles.suggested}>
          {`Suggested ${suggestion.label}: ${suggestion.valueLabel ?? "none"}`}
        </span>
        <span className={styles.entered}>{`Entered: ${suggestion.currentLabel ?? "not set"}`}</span>
      </div>
      <p id={reasonId} className={styles.provenance}>
        {suggestion.provenance}
        {blocked !== null && blocked !== suggestion.provenance ? ` ${blocked}` : ""}
      </p>
      <button
        type="button"
        className="button button-primary"
        aria-disabled={blocked !== null || accept.isPending}
        aria-describedby={reasonId}
        onClick={run}
      >
        {suggestion.valueLabel ? `Accept ${suggestion.label} ${suggestion.valueLabel}` : `Accept ${suggestion.label}`}
      </button>
      {accept.isError ? (
        <p className={panel.refusal} role="alert">
          {describeError(toUiError(accept.error))}
        </p>
      ) : null}
    </li>
  );
}
