//! Words for scores, all read from what Rust sends: the scales' labels (`get_scoring_scales`) and
//! the breakdowns. Nothing here computes, rounds or orders a score.
import type { Framework, InputSpec, InputValue, ItemSummary, Score, ScoreInput, ScorePosition, ScoringScales } from "../../api";
import type { BacklogOrder } from "./backlogPrefs";

export function frameworkLabel(scales: ScoringScales | undefined, framework: Framework): string {
  return scales?.frameworks.find((spec) => spec.framework === framework)?.label ?? framework.toUpperCase();
}

export function inputSpec(scales: ScoringScales | undefined, input: ScoreInput): InputSpec | undefined {
  return scales?.inputs.find((spec) => spec.input === input);
}

/** A category's or choice's label ("Must", "80 % (medium)"), or the value itself. */
export function choiceLabel(scales: ScoringScales | undefined, input: ScoreInput, value: InputValue | null): string | null {
  if (value === null) return null;
  const scale = inputSpec(scales, input)?.scale;
  const choice = scale?.type === "choices" ? scale.choices.find((candidate) => candidate.value === value) : undefined;
  return choice?.label ?? String(value);
}

/**
 * The score as the breakdown reads it: what follows its last "= " ("2,000 × 2 × 80 % / 4 = 800"
 * shows "800"), so the column and the breakdown always agree on the rounding, which is Rust's.
 */
export function scoreText(score: Score): string {
  const at = score.breakdown.lastIndexOf("= ");
  return at < 0 ? score.breakdown : score.breakdown.slice(at + 2);
}

/** "Ranked 7 places below its RICE position (#2)": what a drift flag says in words. */
export function driftSentence(position: ScorePosition, label: string): string {
  const places = Math.abs(position.drift);
  const where = position.drift > 0 ? "below" : "above";
  return `Ranked ${places} ${places === 1 ? "place" : "places"} ${where} its ${label} position (#${position.position})`;
}

/** The flag's short text: "↓ 7 by RICE" (lower in the manual order than by RICE), "↑ 3 by ICE". */
export function driftFlag(position: ScorePosition, label: string): string {
  return `${position.drift > 0 ? "↓" : "↑"} ${Math.abs(position.drift)} by ${label}`;
}

const ORDER_FRAMEWORKS = ["rice", "ice", "wsjf"] as const;

/** A row's scores in words, for its accessible description. */
export function describeRowScores(item: ItemSummary, scales: ScoringScales | undefined, order: BacklogOrder): string {
  const parts = ORDER_FRAMEWORKS.map((framework) => {
    const label = frameworkLabel(scales, framework);
    const score = item.scores[framework];
    if (!score) return `${label} not scored`;
    const position = item.scorePositions[framework];
    const drift = order === "manual" && position?.far ? `, ${driftSentence(position, label)}` : "";
    return `${label} ${scoreText(score)}: ${score.breakdown}${drift}`;
  });
  parts.push(`MoSCoW ${choiceLabel(scales, "moscow", item.inputs.moscow) ?? "not set"}`);
  parts.push(`Kano ${choiceLabel(scales, "kano", item.inputs.kano) ?? "not set"}`);
  return `${parts.join(". ")}.`;
}
