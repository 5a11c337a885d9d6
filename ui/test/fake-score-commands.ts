//! The fake backend's score commands. Inputs are stored on the fake's items and undone with them,
//! as Rust stores them in columns; every score, score position and sensitivity comes from what
//! Rust answered in the recorded session (`fake-scores.ts`), never from a formula here.
import type {
  BacklogItem,
  ChangedTable,
  DataChanged,
  IceMode,
  ItemScores,
  NumericFramework,
  ScoreChange,
  ScoreInputs,
  ScorePositions,
  Scores,
} from "../src/api/client";
import { clone } from "./fake-data";
import { checkScoreRequest, describeScoreChanges, fail, quoted } from "./fake-rules";
import {
  recordedPositions,
  recordedRefusal,
  recordedScales,
  recordedScores,
  recordedSensitivity,
} from "./fake-scores";

type Item = BacklogItem & { inputs: ScoreInputs };
type Row = { table: ChangedTable; id: string };

/** What the score commands need of the fake backend. */
export type ScoreCommandsHost = {
  liveItem: (id: string) => Item;
  liveProduct: (id: string) => { iceMode: IceMode };
  /** The product's live items in rank order. */
  ranked: (productId: string) => Item[];
  /** The stored item itself, to change inside `write`. */
  stored: (id: string) => Item;
  /** One user action: recorded for undo when it changed rows, and announced. */
  write: <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };
  now: string;
};

export type RowScores = { inputs: ScoreInputs; scores: Scores; scorePositions: ScorePositions };

export function createScoreCommands(host: ScoreCommandsHost) {
  /** The score fields of the product's rows, in rank order. */
  const rowScores = (productId: string): RowScores[] => {
    const rows = host.ranked(productId);
    const { iceMode } = host.liveProduct(productId);
    const scores = rows.map((item) => recordedScores(item.inputs, iceMode));
    const positions = recordedPositions(scores);
    return rows.map((item, index) => ({
      inputs: clone(item.inputs),
      scores: scores[index] as Scores,
      scorePositions: positions[index] as ScorePositions,
    }));
  };

  const setScoreInputs = (itemIds: string[], requested: ScoreChange[]) => {
    checkScoreRequest(itemIds, requested);
    const refusal = recordedRefusal(requested);
    if (refusal) fail(refusal);
    const updated = [...new Set(itemIds)].map(host.liveItem).map((item) => {
      const inputs = { ...item.inputs };
      for (const change of requested) Object.assign(inputs, { [change.input]: change.value ?? null });
      return { item, inputs, changed: JSON.stringify(inputs) !== JSON.stringify(item.inputs) };
    });
    const changed = updated.filter((entry) => entry.changed);
    const [single] = changed;
    const target = changed.length === 1 && single ? quoted(single.item.title) : `${changed.length} items`;
    const label = describeScoreChanges(requested, target, recordedScales());
    const rows: Row[] = changed.map(({ item }) => ({ table: "backlogItem", id: item.id }));
    return host.write("Scores set", label, rows, () =>
      updated.map(({ item, inputs, changed: isChanged }): ItemScores => {
        if (isChanged) Object.assign(host.stored(item.id), { inputs, updatedAt: host.now });
        return {
          id: item.id,
          productId: item.productId,
          inputs: clone(inputs),
          scores: recordedScores(inputs, host.liveProduct(item.productId).iceMode),
        };
      }),
    );
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    get_scoring_scales: () => recordedScales(),
    set_score_inputs: ({ itemIds, changes }) => setScoreInputs(itemIds as string[], changes as ScoreChange[]),
    get_sensitivity: ({ itemId, framework }) => {
      const item = host.liveItem(String(itemId));
      const rows = host.ranked(item.productId);
      const index = rows.findIndex((candidate) => candidate.id === item.id);
      const mode = host.liveProduct(item.productId).iceMode;
      return recordedSensitivity(mode, rows.map((row) => row.inputs), index, framework as NumericFramework);
    },
  };

  return { rowScores, handlers };
}
