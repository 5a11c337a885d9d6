//! The fake backend's board commands (`list_board`, `move_card`), answering as
//! `queries::boards` and `queries::board_moves` do; the contract replay checks every answer.
//!
//! Order, as in Rust: a card placed on a board (`data.cards`, undone with the rest of the data)
//! sorts by its key while its column is the item's column now; any other card sorts by its place
//! in the backlog. Rust's keys are fractional-index strings; here a card's backlog place is its
//! index among the fake's items (deleted ones included, as Rust keeps their ranks) and a move
//! takes a number between its neighbours'. That agrees with Rust as long as the backlog is not
//! reordered after cards were placed, which no board test does.
//!
//! Labels (the boards', the columns') and the MoSCoW effort check are never worked out here:
//! they come from what Rust answered in the recorded session, like the scores.
import type {
  BoardKind,
  BoardView,
  ChangedTable,
  DataChanged,
  Horizon,
  ItemSummary,
  MoveTarget,
  MustEffort,
  ScoreInputs,
} from "../src/api/client";
import session from "./contract/session.json";
import type { Data, StoredItem } from "./fake-data";
import { fail, invalid, quoted } from "./fake-rules";

type Row = { table: ChangedTable; id: string };
type BoardItem = { inputs: ScoreInputs; horizon: Horizon | null };
type Column = { column: string; label: string };
type Step = { call: string; ok?: unknown };

/** What the board commands need of the fake backend. */
export type BoardCommandsHost = {
  data: () => Data;
  liveItem: (id: string) => StoredItem;
  /** The product's rows as `list_items` answers them, in backlog order. */
  summaries: (productId: string) => ItemSummary[];
  write: <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };
  now: string;
};

const recordedBoards = (session as unknown as { steps: Step[] }).steps
  .filter((step) => step.call === "list_board" && step.ok)
  .map((step) => step.ok as BoardView);


function boardShape(board: BoardKind): { label: string; columns: Column[] } {
  const recorded = recordedBoards.find((view) => view.board === board);
  if (!recorded) throw new Error(`The contract never recorded a ${board} board: add one to tests/commands/contract_boards.rs.`);
  return { label: recorded.label, columns: recorded.columns.map(({ column, label }) => ({ column, label })) };
}

const PLANNED = ["must", "should", "could"] as const;

/** What the MoSCoW check reads: the RICE efforts of the planned columns (in an order that does
 * not depend on the cards'), and how many Musts have none. */
function effortKey(columns: readonly { column: string; cards: readonly { inputs: ScoreInputs }[] }[]): string {
  const cardsOf = (id: string) => columns.find((candidate) => candidate.column === id)?.cards ?? [];
  const efforts = PLANNED.map((id) =>
    cardsOf(id)
      .flatMap((card) => (card.inputs.riceEffort === null ? [] : [card.inputs.riceEffort]))
      .sort((a, b) => a - b),
  );
  const unestimated = cardsOf("must").filter((card) => card.inputs.riceEffort === null).length;
  return JSON.stringify([...efforts, unestimated]);
}

const recordedEfforts = new Map<string, MustEffort>(
  recordedBoards.flatMap((view) => (view.mustEffort ? [[effortKey(view.columns), view.mustEffort] as const] : [])),
);

function recordedMustEffort(columns: Parameters<typeof effortKey>[0]): MustEffort {
  const found = recordedEfforts.get(effortKey(columns));
  if (!found) {
    throw new Error(
      `The contract never recorded the MoSCoW effort check for ${effortKey(columns)}: add it to tests/commands/contract_boards.rs.`,
    );
  }
  return found;
}

export function createBoardCommands(host: BoardCommandsHost) {
  /** The item's field a board's columns are: a score input, or (Now / Next / Later) its horizon. */
  const inputOf = (item: BoardItem, board: BoardKind) =>
    board === "moscow" ? item.inputs.moscow : board === "kano" ? item.inputs.kano : item.horizon;
  const columnOf = (item: BoardItem, board: BoardKind) => inputOf(item, board) ?? "unsorted";

  /** A card's key on the board: its own while its column is its item's, else its backlog place. */
  const keyOf = (itemId: string, column: string, board: BoardKind) => {
    const card = host.data().cards[`${board}:${itemId}`];
    if (card && card.bucket === column) return card.key;
    return host.data().items.findIndex((item) => item.id === itemId);
  };

  /** The live cards of a column in board order, with their keys. */
  const cardsOf = (productId: string, board: BoardKind, column: string) =>
    host
      .summaries(productId)
      .filter((row) => columnOf(row, board) === column)
      .map((row) => ({ row, key: keyOf(row.id, column, board) }))
      .sort((a, b) => a.key - b.key || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));

  const listBoard = (productId: string, board: BoardKind): BoardView => {
    const shape = boardShape(board);
    const columns = shape.columns.map(({ column, label }) => ({
      column,
      label,
      cards: cardsOf(productId, board, column).map(({ row }, index) => ({ ...row, rank: "<rank>", position: index + 1 })),
    }));
    return { board, label: shape.label, columns, mustEffort: board === "moscow" ? recordedMustEffort(columns) : null };
  };

  const moveCard = (itemId: string, board: BoardKind, columnId: string, target: MoveTarget) => {
    const shape = boardShape(board);
    const column = shape.columns.find((candidate) => candidate.column === columnId);
    if (!column) {
      fail(
        invalid(
          "column",
          `“${columnId}” is not a column of the ${shape.label} board. Use one of: ${shape.columns.map((c) => c.column).join(", ")}.`,
        ),
      );
    }
    const item = host.liveItem(itemId);
    const sameColumn = columnOf(item, board) === column.column;
    const others = cardsOf(item.productId, board, column.column).filter(({ row }) => row.id !== item.id);
    const current = cardsOf(item.productId, board, column.column).findIndex(({ row }) => row.id === item.id);
    const unchanged = { value: { itemId: item.id, board, column: column.column, rank: "<rank>" }, change: null };
    // The index in `others` the card goes to.
    let at: number;
    let words: string;
    switch (target.to) {
      case "top":
        if (sameColumn && current === 0) return unchanged;
        at = 0;
        words = ` to the top of ${column.label}`;
        break;
      case "bottom":
        if (sameColumn && current === others.length) return unchanged;
        at = others.length;
        words = ` to the bottom of ${column.label}`;
        break;
      case "up":
      case "down":
        if (!sameColumn) {
          fail(invalid("target", `${quoted(item.title)} is not in ${column.label}: it can only move up or down in its own column.`));
        }
        if (target.to === "up" ? current === 0 : current === others.length) return unchanged;
        at = target.to === "up" ? current - 1 : current + 1;
        words = ` within ${column.label}`;
        break;
      case "before":
      case "after": {
        const other = host.liveItem(target.itemId);
        if (other.productId !== item.productId) fail(invalid("target", "Cards can only move on their own product's board."));
        if (columnOf(other, board) !== column.column) fail(invalid("target", `${quoted(other.title)} is not in ${column.label}.`));
        if (other.id === item.id) return unchanged;
        const anchor = others.findIndex(({ row }) => row.id === other.id);
        at = target.to === "before" ? anchor : anchor + 1;
        if (sameColumn && at === current) return unchanged;
        words = ` within ${column.label}`;
        break;
      }
    }
    const lower = others[at - 1]?.key;
    const upper = others[at]?.key;
    const key =
      lower === undefined ? (upper === undefined ? 0 : upper - 1) : upper === undefined ? lower + 1 : (lower + upper) / 2;
    const label = sameColumn ? `Move ${quoted(item.title)}${words}` : `Move ${quoted(item.title)} to ${column.label}`;
    const cardId = `${board}:${item.id}`;
    const rows: Row[] = sameColumn
      ? [{ table: "boardRank", id: cardId }]
      : [
          { table: "backlogItem", id: item.id },
          { table: "boardRank", id: cardId },
        ];
    return host.write("Card moved", label, rows, () => {
      const stored = host.data().items.find((candidate) => candidate.id === item.id) as StoredItem;
      if (!sameColumn) {
        const value = column.column === "unsorted" ? null : column.column;
        if (board === "horizon") stored.horizon = value as Horizon | null;
        else stored.inputs = board === "moscow" ? { ...stored.inputs, moscow: value as ScoreInputs["moscow"] } : { ...stored.inputs, kano: value as ScoreInputs["kano"] };
        stored.updatedAt = host.now;
      }
      host.data().cards[cardId] = { bucket: column.column, key };
      return { itemId: item.id, board, column: column.column, rank: "<rank>" };
    });
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    list_board: ({ productId, board }) => listBoard(String(productId), board as BoardKind),
    move_card: ({ itemId, board, column, target }) =>
      moveCard(String(itemId), board as BoardKind, String(column), target as MoveTarget),
  };
  return { handlers };
}
