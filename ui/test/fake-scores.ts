//! Scores for the fake backend, never computed here: looked up in what the real commands answered.
//!
//! Rust computes every score, breakdown, score position, drift and sensitivity. A second
//! implementation in TypeScript could agree with it today and drift tomorrow without any test
//! noticing, so the fake has none. Instead, this module reads the recorded session
//! (`contract/session.json`, written by `cargo test`) once and files every derived answer under the
//! state it was derived from:
//! - **scores** by the inputs of one framework (and, for ICE, the product's mode): every row of every
//!   recorded answer that carries `inputs` and `scores` (`list_items`, `get_item`,
//!   `set_score_inputs`). MoSCoW, Kano, value and effort are carried from the inputs as they are.
//! - **score positions** by the scores of the list, in manual order: every recorded `list_items`.
//!   Items unscored in every numeric framework are left out of that key (they have no position and
//!   count for nobody, the rule of `scoring::positions`), so a backlog with no scores needs no
//!   recording at all.
//! - **sensitivity** by the product's mode, its items' inputs in manual order, the item's place
//!   and the framework: every recorded `get_sensitivity` (the session lists the product just
//!   before each one, which is where its state is read from).
//! - **refused changes** by the changes requested: every `set_score_inputs` refused with an
//!   `Invalid` that names an input.
//! - **the scales**: the recorded `get_scoring_scales` answer.
//!
//! Anything asked that was never recorded throws, naming what to add to the scripted session
//! (tests/commands/contract.rs), rather than inventing an answer. The replay
//! (`contract.test.ts`) then checks that the fake keeps inputs, ICE modes and orders exactly as
//! Rust does, since every lookup is keyed by that state.
import type {
  AppError,
  IceMode,
  NumericFramework,
  Score,
  ScoreChange,
  ScoreInputs,
  ScorePositions,
  Scores,
  ScoringScales,
  Sensitivity,
} from "../src/api/client";
import session from "./contract/session.json";
import { EMPTY_INPUTS } from "./item-rows";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = { call: string; args: Record<string, Json>; ok?: Json; error?: Json };


const FRAMEWORK_INPUTS = {
  rice: ["riceReach", "riceImpact", "riceConfidence", "riceEffort"],
  ice: ["iceImpact", "iceConfidence", "iceEase"],
  wsjf: ["wsjfBusinessValue", "wsjfTimeCriticality", "wsjfRiskReduction", "wsjfJobSize"],
} as const satisfies Record<NumericFramework, readonly (keyof ScoreInputs)[]>;

const FRAMEWORKS: readonly NumericFramework[] = ["rice", "ice", "wsjf"];

function scoreKey(framework: NumericFramework, inputs: ScoreInputs, mode: IceMode): string {
  const values = FRAMEWORK_INPUTS[framework].map((input) => inputs[input]);
  return JSON.stringify(framework === "ice" ? [mode, ...values] : values);
}

/** The scores of a list in manual order, without the items unscored in every framework. */
function positionsKey(scores: readonly Scores[]): string {
  const rows = scores
    .map((row) => FRAMEWORKS.map((framework) => row[framework]?.value ?? null))
    .filter((values) => values.some((value) => value !== null));
  return JSON.stringify(rows);
}

function sensitivityKey(mode: IceMode, rows: readonly ScoreInputs[], index: number, framework: NumericFramework) {
  const inputs = rows.map((row) => (Object.keys(EMPTY_INPUTS) as (keyof ScoreInputs)[]).map((key) => row[key]));
  return JSON.stringify({ mode, inputs, index, framework });
}

const changesKey = (changes: readonly ScoreChange[]) =>
  JSON.stringify(changes.map((change) => [change.input, change.value ?? null]));

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function notRecorded(what: string): never {
  throw new Error(
    `The contract never recorded ${what}: add it to the scripted session in tests/commands/contract.rs and run cargo test.`,
  );
}

type Row = { productId: string; inputs: ScoreInputs; scores: Scores; scorePositions?: ScorePositions };

function isRow(value: Json): value is Json & Row {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "inputs" in value && "scores" in value;
}

function walk(value: Json, visit: (object: { [key: string]: Json }) => void) {
  if (Array.isArray(value)) for (const entry of value) walk(entry, visit);
  else if (typeof value === "object" && value !== null) {
    visit(value);
    for (const entry of Object.values(value)) walk(entry, visit);
  }
}

function buildBook(steps: readonly Step[]) {
  const scores = new Map<string, Score | null>();
  const positions = new Map<string, ScorePositions[]>();
  const sensitivities = new Map<string, { ok: Sensitivity } | { error: AppError }>();
  const refusals = new Map<string, AppError>();
  let scales: ScoringScales | null = null;
  // The ICE mode of each product (by alias), as the answers so far have shown it.
  const modes = new Map<string, IceMode>();

  steps.forEach((step, index) => {
    const answer = step.ok ?? null;
    walk(answer, (object) => {
      if (typeof object.id === "string" && (object.iceMode === "product" || object.iceMode === "average")) {
        modes.set(object.id, object.iceMode);
      }
    });
    walk(answer, (object) => {
      if (!isRow(object)) return;
      const mode = modes.get(object.productId) ?? "product";
      for (const framework of FRAMEWORKS) {
        const key = scoreKey(framework, object.inputs, mode);
        const known = scores.get(key);
        if (known !== undefined && JSON.stringify(known) !== JSON.stringify(object.scores[framework])) {
          throw new Error(`step ${index + 1} records another ${framework} score for ${key}: is the ICE mode tracked?`);
        }
        scores.set(key, object.scores[framework]);
      }
    });
    if (step.call === "list_items" && Array.isArray(answer)) {
      const rows = answer as unknown as Row[];
      positions.set(
        positionsKey(rows.map((row) => row.scores)),
        rows.filter((row) => FRAMEWORKS.some((f) => row.scores[f] !== null)).map((row) => row.scorePositions as ScorePositions),
      );
    }
    if (step.call === "get_scoring_scales" && answer !== null) scales ??= answer as unknown as ScoringScales;
    if (step.call === "set_score_inputs" && step.error !== undefined) {
      const error = step.error as unknown as AppError;
      const field = error.kind === "Invalid" ? error.detail.field : null;
      if (field !== null && field !== "itemIds" && field !== "changes") {
        refusals.set(changesKey(step.args.changes as unknown as ScoreChange[]), error);
      }
    }
    if (step.call === "get_sensitivity") {
      const listed = steps[index - 1];
      const itemId = step.args.itemId;
      const rows = (listed?.call === "list_items" ? listed.ok : null) as unknown as (Row & { id: string })[] | null;
      const place = rows?.findIndex((row) => row.id === itemId) ?? -1;
      if (!rows || place < 0) return; // an unknown item: the fake answers NotFound by itself
      const mode = modes.get(rows[place]?.productId ?? "") ?? "product";
      const key = sensitivityKey(mode, rows.map((row) => row.inputs), place, step.args.framework as NumericFramework);
      sensitivities.set(key, step.error !== undefined ? { error: step.error as unknown as AppError } : { ok: step.ok as unknown as Sensitivity });
    }
  });
  return { scores, positions, sensitivities, refusals, scales };
}

const book = buildBook((session as unknown as { steps: Step[] }).steps);

/** Every framework's score of an item with these inputs, in a product with this ICE mode. */
export function recordedScores(inputs: ScoreInputs, mode: IceMode): Scores {
  const lookUp = (framework: NumericFramework) => {
    const key = scoreKey(framework, inputs, mode);
    if (!book.scores.has(key)) notRecorded(`the ${framework} score of ${key}`);
    return clone(book.scores.get(key) ?? null);
  };
  return {
    rice: lookUp("rice"),
    ice: lookUp("ice"),
    wsjf: lookUp("wsjf"),
    moscow: inputs.moscow,
    kano: inputs.kano,
    value: inputs.value,
    effort: inputs.effort,
  };
}

const UNPLACED: ScorePositions = { rice: null, ice: null, wsjf: null };

/** The score positions of a list's rows (scores in manual order). */
export function recordedPositions(scores: readonly Scores[]): ScorePositions[] {
  const scored = scores.map((row) => FRAMEWORKS.some((framework) => row[framework] !== null));
  if (!scored.includes(true)) return scores.map(() => clone(UNPLACED));
  const key = positionsKey(scores);
  const found = book.positions.get(key) ?? notRecorded(`a list scored ${key}`);
  let next = 0;
  return scored.map((isScored) => clone(isScored ? (found[next++] ?? UNPLACED) : UNPLACED));
}

/** The recorded answer to `get_sensitivity` for item `index` of a product in this state. */
export function recordedSensitivity(
  mode: IceMode,
  rows: readonly ScoreInputs[],
  index: number,
  framework: NumericFramework,
): Sensitivity {
  const key = sensitivityKey(mode, rows, index, framework);
  const found = book.sensitivities.get(key) ?? notRecorded(`get_sensitivity for ${key}`);
  // Tauri rejects with the serialised AppError itself: so does the fake.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if ("error" in found) throw clone(found.error);
  return clone(found.ok);
}

/** How Rust refused these changes, if the contract recorded them being refused. */
export function recordedRefusal(changes: readonly ScoreChange[]): AppError | null {
  const refusal = book.refusals.get(changesKey(changes));
  return refusal ? clone(refusal) : null;
}

/** The scales `get_scoring_scales` answered. */
export function recordedScales(): ScoringScales {
  return clone(book.scales ?? notRecorded("get_scoring_scales"));
}
