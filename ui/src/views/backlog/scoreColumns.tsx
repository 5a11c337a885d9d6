//! The backlog's score columns: the chosen framework's score (with its breakdown on hover and
//! when the row has the keyboard, and its rank drift in manual order) and the MoSCoW bucket.
import type { ItemSummary, NumericFramework, Score, ScorePosition, ScoringScales } from "../../api";
import type { RankedColumn } from "../../components/ranked-list/RankedList";
import type { ShownFramework } from "./backlogPrefs";
import { choiceLabel, driftFlag, driftSentence, frameworkLabel, inputSpec, scoreText } from "./scoreLabels";
import styles from "./scoreColumns.module.css";

type ScoreCellProps = {
  score: Score | null;
  position: ScorePosition | null;
  label: string;
  /** Drift is shown against the manual order only. */
  showDrift: boolean;
};

/** A numeric score, "Not scored", and the drift flag when Rust says the drift is far. */
export function ScoreCell({ score, position, label, showDrift }: ScoreCellProps) {
  if (score === null) return <span className={styles.unscored}>Not scored</span>;
  const far = showDrift && position?.far ? position : null;
  return (
    <span className={styles.scoreCell}>
      <span className={styles.score}>{scoreText(score)}</span>
      {far ? (
        <span className={styles.drift} title={driftSentence(far, label)}>
          <span aria-hidden="true">{driftFlag(far, label)}</span>
          <span className="visually-hidden">{driftSentence(far, label)}</span>
        </span>
      ) : null}
      {/* Shown on hover and while the row has the keyboard; read as part of the row's description. */}
      <span className={styles.breakdown} aria-hidden="true" data-breakdown>
        {label}: {score.breakdown}
      </span>
    </span>
  );
}

function ChoiceCell({ text }: { text: string | null }) {
  return text === null ? <span className={styles.unscored}>Not set</span> : <span className={styles.choice}>{text}</span>;
}

const NUMERIC: readonly ShownFramework[] = ["rice", "ice", "wsjf"];

/** The score columns for the framework shown, then MoSCoW. */
export function scoreColumns(
  shown: ShownFramework,
  scales: ScoringScales | undefined,
  showDrift: boolean,
): RankedColumn<ItemSummary>[] {
  const moscow: RankedColumn<ItemSummary> = {
    id: "moscow",
    header: frameworkLabel(scales, "moscow"),
    width: "5.5rem",
    render: (item) => <ChoiceCell text={choiceLabel(scales, "moscow", item.inputs.moscow)} />,
  };
  if (NUMERIC.includes(shown)) {
    const framework = shown as NumericFramework;
    const label = frameworkLabel(scales, framework);
    return [
      {
        id: `score-${framework}`,
        header: label,
        width: "9.5rem",
        render: (item) => (
          <ScoreCell score={item.scores[framework] ?? null} position={item.scorePositions[framework]} label={label} showDrift={showDrift} />
        ),
      },
      moscow,
    ];
  }
  if (shown === "kano") {
    return [
      {
        id: "kano",
        header: frameworkLabel(scales, "kano"),
        width: "7.5rem",
        render: (item) => <ChoiceCell text={choiceLabel(scales, "kano", item.inputs.kano)} />,
      },
      moscow,
    ];
  }
  const matrixColumn = (input: "value" | "effort"): RankedColumn<ItemSummary> => ({
    id: input,
    header: inputSpec(scales, input)?.shortLabel ?? input,
    width: "4.5rem",
    render: (item) => {
      const value = item.scores[input];
      return value === null ? <span className={styles.unscored}>Not set</span> : <span className={styles.score}>{value}</span>;
    },
  });
  return [matrixColumn("value"), matrixColumn("effort"), moscow];
}
