//! The line under a card's title on a board: what helps decide where it goes. Its score in the
//! framework the product's backlog shows (RICE, ICE, WSJF, its Kano category, or its value and
//! effort), then its kind and status. Every word comes from Rust (the scales, the breakdowns,
//! the status options); nothing here computes a score.
import type { ItemSummary, ScoringScales } from "../../api";
import { KIND_LABELS } from "../../components/Badges";
import type { ShownFramework } from "../backlog/backlogPrefs";
import { choiceLabel, frameworkLabel, scoreText } from "../backlog/scoreLabels";
import { cellWords } from "../matrix/matrixGeometry";

function scoreFact(item: ItemSummary, shown: ShownFramework, scales: ScoringScales | undefined): string {
  switch (shown) {
    case "rice":
    case "ice":
    case "wsjf": {
      const label = frameworkLabel(scales, shown);
      const score = item.scores[shown];
      return score ? `${label} ${scoreText(score)}` : `${label} not scored`;
    }
    case "kano":
      return choiceLabel(scales, "kano", item.inputs.kano) ?? "Kano not set";
    case "matrix": {
      const { value, effort } = item.inputs;
      return value !== null && effort !== null ? cellWords({ value, effort }) : "Value/effort not set";
    }
  }
}

/** "RICE 800 · Feature · Ready". */
export function cardFacts(
  item: ItemSummary,
  shown: ShownFramework,
  scales: ScoringScales | undefined,
  statusLabels: ReadonlyMap<string, string>,
): string {
  return [scoreFact(item, shown, scales), KIND_LABELS[item.kind], statusLabels.get(item.status) ?? item.status].join(" · ");
}
