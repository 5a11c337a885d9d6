//! List rows for tests that need `ItemSummary` values without a backend: unscored, as an item
//! with no score inputs is (every input, score and score position `null`).
import type { ItemSummary, ScoreInputs } from "../src/api/client";

export const EMPTY_INPUTS: ScoreInputs = {
  riceReach: null,
  riceImpact: null,
  riceConfidence: null,
  riceEffort: null,
  iceImpact: null,
  iceConfidence: null,
  iceEase: null,
  wsjfBusinessValue: null,
  wsjfTimeCriticality: null,
  wsjfRiskReduction: null,
  wsjfJobSize: null,
  moscow: null,
  kano: null,
  value: null,
  effort: null,
};

/** An unscored row of product "p" titled after its id. */
export function unscoredRow(id: string, position = 0): ItemSummary {
  return {
    id,
    productId: "p",
    title: id,
    kind: "feature",
    status: "idea",
    rank: "",
    position,
    excerpt: "",
    updatedAt: "",
    inputs: { ...EMPTY_INPUTS },
    scores: { rice: null, ice: null, wsjf: null, moscow: null, kano: null, value: null, effort: null },
    scorePositions: { rice: null, ice: null, wsjf: null },
    horizon: null,
    startDate: null,
    endDate: null,
    evidenceCount: 0,
  };
}
