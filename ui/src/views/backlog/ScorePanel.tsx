import { useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import {
  describeError,
  toUiError,
  useItem,
  useScoringScales,
  useSensitivity,
  type Framework,
  type ItemDetails,
  type ItemSummary,
  type NumericFramework,
  type ScoringScales,
} from "../../api";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { quoteTitle } from "../../lib/quote";
import { ItemDecisions } from "../decisions/ItemDecisions";
import { ItemEvidenceSection } from "../evidence/ItemEvidenceSection";
import { ItemPlanSection } from "../releases/ItemPlanSection";
import { ItemRoadmap } from "../timeline/ItemRoadmap";
import { ScoreInputField } from "./ScoreInputField";
import { driftSentence, frameworkLabel, scoreText } from "./scoreLabels";
import styles from "./ScorePanel.module.css";

const NUMERIC: readonly NumericFramework[] = ["rice", "ice", "wsjf"];

type ScorePanelProps = {
  summary: ItemSummary;
  onClose: () => void;
};

/**
 * An item's scores: every framework's inputs on their scales (each saved as it is set, one undo
 * step), each score with its breakdown, its score position and drift, and the sensitivity of a
 * chosen framework. Everything shown is computed in Rust.
 */
export function ScorePanel({ summary, onClose }: ScorePanelProps) {
  const item = useItem(summary.id);
  const itemFailure = useLoadFailure(item);
  const scales = useScoringScales();
  const scalesFailure = useLoadFailure(scales);
  const failure = itemFailure ?? scalesFailure;
  return (
    <ModalOverlay
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal modal-wide">
        <Dialog className="dialog">
          <div className="dialog-form">
            <div className="dialog-header">
              <Heading slot="title" className="dialog-title">
                Scores of {quoteTitle(summary.title)}
              </Heading>
              <span className="dialog-meta">#{summary.position} in the backlog · saved as you change them</span>
            </div>
            {item.data && scales.data ? (
              <>
                <ScoreSections details={item.data} scales={scales.data} />
                <ItemEvidenceSection item={summary} onLeave={onClose} />
                <ItemDecisions item={summary} onLeave={onClose} />
                <ItemPlanSection item={summary} />
                <ItemRoadmap key={`${item.data.startDate}:${item.data.endDate}`} item={item.data} />
              </>
            ) : failure ? (
              <LoadError title={`The scores of ${quoteTitle(summary.title)} couldn’t be loaded.`} failure={failure} />
            ) : (
              <div className="loading" aria-busy="true" aria-label="Loading the scores" />
            )}
            <div className="dialog-actions">
              <Button className="button button-primary" onPress={onClose}>
                Done
              </Button>
            </div>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function ScoreSections({ details, scales }: { details: ItemDetails; scales: ScoringScales }) {
  const inputsOf = (of: Framework) => scales.inputs.filter((spec) => spec.framework === of);
  return (
    <div className={styles.sections}>
      {scales.frameworks.map((spec) => {
        const numeric = NUMERIC.find((candidate) => candidate === spec.framework);
        const score = numeric ? details.scores[numeric] : null;
        const position = numeric ? details.scorePositions[numeric] : null;
        return (
          <section key={spec.framework} className={styles.section} aria-labelledby={`score-section-${spec.framework}`}>
            <div className={styles.sectionHeader}>
              <h3 id={`score-section-${spec.framework}`} className={styles.sectionTitle}>
                {spec.label}
              </h3>
              {spec.formula ? <span className={styles.formula}>{spec.formula}</span> : null}
            </div>
            {numeric ? (
              score ? (
                <p className={styles.result}>
                  <span className={styles.scoreValue}>{scoreText(score)}</span>
                  <span className={styles.breakdownText}>{score.breakdown}</span>
                  {position ? (
                    <span className={styles.position}>
                      #{position.position} by {spec.label}
                      {position.drift !== 0 ? ` · ${driftSentence(position, spec.label)}` : " · the same place as in the manual rank"}
                    </span>
                  ) : null}
                </p>
              ) : (
                <p className={styles.unscoredText}>Not scored: set every input below.</p>
              )
            ) : null}
            <div className={styles.inputs}>
              {inputsOf(spec.framework).map((input) => (
                <ScoreInputField key={input.input} itemId={details.id} spec={input} value={details.inputs[input.input]} />
              ))}
            </div>
          </section>
        );
      })}
      <SensitivitySection itemId={details.id} scales={scales} />
    </div>
  );
}

/** Asked for one framework at a time, when the person picks it (it ranks the whole product). */
function SensitivitySection({ itemId, scales }: { itemId: string; scales: ScoringScales }) {
  const [framework, setFramework] = useState<NumericFramework | null>(null);
  const sensitivity = useSensitivity(framework === null ? null : itemId, framework ?? "rice");
  const label = framework === null ? "" : frameworkLabel(scales, framework);
  const inputLabel = (input: string) => scales.inputs.find((spec) => spec.input === input)?.shortLabel ?? input;
  return (
    <section className={styles.section} aria-labelledby="score-section-sensitivity">
      <div className={styles.sectionHeader}>
        <h3 id="score-section-sensitivity" className={styles.sectionTitle}>
          Sensitivity
        </h3>
        <div className={styles.frameworkPicker} role="group" aria-label="Sensitivity of">
          {NUMERIC.map((value) => (
            <button
              key={value}
              type="button"
              className="button"
              aria-pressed={framework === value}
              onClick={() => setFramework(value)}
            >
              {frameworkLabel(scales, value)}
            </button>
          ))}
        </div>
      </div>
      {framework === null ? (
        <p className={styles.formula}>How its place would change with each input one step down or up: choose a framework.</p>
      ) : sensitivity.data ? (
        <table className={styles.table} aria-label={`${label} sensitivity`}>
          <caption className={styles.caption}>
            {`Now #${sensitivity.data.position} of ${sensitivity.data.scored} by ${label} (${sensitivity.data.score.breakdown}). Each input one step down and up its scale:`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">One step down</th>
              <th scope="col">One step up</th>
            </tr>
          </thead>
          <tbody>
            {sensitivity.data.inputs.map((entry) => (
              <tr key={entry.input}>
                <th scope="row">{inputLabel(entry.input)}</th>
                <td>{entry.down ? entry.down.summary : "At the bottom of its scale"}</td>
                <td>{entry.up ? entry.up.summary : "At the top of its scale"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : sensitivity.isError ? (
        <p className={styles.unscoredText}>{describeError(toUiError(sensitivity.error))}</p>
      ) : (
        <div className="loading" aria-busy="true" aria-label="Loading the sensitivity" />
      )}
    </section>
  );
}
