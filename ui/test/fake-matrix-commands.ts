//! The fake backend's value/effort matrix (`list_matrix`), answering as `queries::matrix` does:
//! the product's rows in backlog order, each in the cell of its value and effort, or not placed
//! when either is unset. Placing a card is `set_score_inputs`, which the fake already answers.
//!
//! The grid itself (the axes, each cell's quadrant, the quadrants' labels) is never worked out
//! here: it is the one Rust answered in the recorded session, like the scores.
import type { ItemSummary, MatrixView } from "../src/api/client";
import session from "./contract/session.json";

type Step = { call: string; ok?: unknown };

const recorded = (session as unknown as { steps: Step[] }).steps.find((step) => step.call === "list_matrix" && step.ok)
  ?.ok as MatrixView | undefined;

/** What the matrix needs of the fake backend. */
export type MatrixCommandsHost = {
  /** Checks the product exists (throws `NotFound` as Rust does). */
  liveProduct: (id: string) => unknown;
  /** The product's rows as `list_items` answers them, in backlog order. */
  summaries: (productId: string) => ItemSummary[];
};

export function createMatrixCommands(host: MatrixCommandsHost) {
  const listMatrix = (productId: string): MatrixView => {
    if (!recorded) throw new Error("The contract never recorded a matrix: add one to tests/commands/contract_matrix.rs.");
    host.liveProduct(productId);
    const cells = recorded.cells.map((cell) => ({ ...cell, cards: [] as ItemSummary[] }));
    const notPlaced: ItemSummary[] = [];
    for (const row of host.summaries(productId)) {
      const { value, effort } = row.inputs;
      const cell = value === null || effort === null ? undefined : cells.find((c) => c.value === value && c.effort === effort);
      if (cell) cell.cards.push(row);
      else notPlaced.push(row);
    }
    return { values: recorded.values, efforts: recorded.efforts, quadrants: recorded.quadrants, cells, notPlaced };
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    list_matrix: ({ productId }) => listMatrix(String(productId)),
  };
  return { handlers };
}
