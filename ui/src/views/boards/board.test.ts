import { describe, expect, it } from "vitest";
import { predictMove, type BoardView } from "../../api";
import { unscoredRow } from "../../../test/item-rows";
import { dropToMove } from "./boardDrop";
import { declareCardCommands } from "./cardCommands";

function board(columns: Record<string, string[]>): BoardView {
  return {
    board: "moscow",
    label: "MoSCoW",
    mustEffort: null,
    columns: Object.entries(columns).map(([column, ids]) => ({
      column,
      label: column === "wont" ? "Won't" : column[0]?.toUpperCase() + column.slice(1),
      cards: ids.map((id, index) => ({ ...unscoredRow(id, index + 1), rank: `r${index}` })),
    })),
  };
}

const ids = (view: BoardView) => Object.fromEntries(view.columns.map((column) => [column.column, column.cards.map((card) => card.id)]));

describe("the card commands (menu and keys)", () => {
  const view = board({ must: ["a", "b", "c"], should: [], wont: ["d"] });
  const [must] = view.columns;
  if (!must) throw new Error("no column");
  const moves: unknown[] = [];
  const commands = (index: number) => declareCardCommands(must, index, view.columns, (request) => moves.push(request));

  it("offers the backlog's moves with the backlog's keys, then every other column", () => {
    expect(commands(1).map((command) => command.label)).toEqual([
      "Move up",
      "Move down",
      "Move to top",
      "Move to bottom",
      "Move to Should",
      "Move to Won't",
    ]);
    const up = commands(1)[0];
    expect(up?.shortcuts).toEqual([{ key: "ArrowUp", alt: true }]);
  });

  it("disables the moves a card at an end of its column can't make", () => {
    const enabled = (index: number) => commands(index).map((command) => command.isEnabled);
    expect(enabled(0)).toEqual([false, true, false, true, true, true]);
    expect(enabled(2)).toEqual([true, false, true, false, true, true]);
  });

  it("asks for a move within the column, or to the top of another", () => {
    moves.length = 0;
    commands(1).forEach((command) => command.run());
    expect(moves).toEqual([
      { column: "must", target: { to: "up" } },
      { column: "must", target: { to: "down" } },
      { column: "must", target: { to: "top" } },
      { column: "must", target: { to: "bottom" } },
      { column: "should", target: { to: "top" } },
      { column: "wont", target: { to: "top" } },
    ]);
  });
});

describe("a drop becomes a move", () => {
  const sortable = (containerId: string, index: number) => ({ sortable: { containerId, index } });

  it("within a column: before the card it lands on going up, after it going down", () => {
    const base = { activeId: "c", active: sortable("must", 2), below: false };
    expect(dropToMove({ ...base, overId: "a", over: sortable("must", 0) })).toEqual({ column: "must", target: { to: "before", itemId: "a" } });
    const down = { activeId: "a", active: sortable("must", 0), below: false };
    expect(dropToMove({ ...down, overId: "c", over: sortable("must", 2) })).toEqual({ column: "must", target: { to: "after", itemId: "c" } });
    expect(dropToMove({ ...base, overId: "c", over: sortable("must", 2) })).toBeNull();
  });

  it("across columns: beside the card it lands on, or at the end of the column's free space", () => {
    const base = { activeId: "a", active: sortable("must", 0) };
    expect(dropToMove({ ...base, overId: "d", over: sortable("wont", 0), below: false })).toEqual({
      column: "wont",
      target: { to: "before", itemId: "d" },
    });
    expect(dropToMove({ ...base, overId: "d", over: sortable("wont", 0), below: true })).toEqual({
      column: "wont",
      target: { to: "after", itemId: "d" },
    });
    expect(dropToMove({ ...base, overId: "column:should", over: undefined, below: false })).toEqual({
      column: "should",
      target: { to: "bottom" },
    });
    expect(dropToMove({ ...base, overId: "column:must", over: undefined, below: false })).toBeNull();
    expect(dropToMove({ ...base, overId: null, over: undefined, below: false })).toBeNull();
  });
});

describe("the board shown while a move is on its way", () => {
  const view = board({ must: ["a", "b", "c"], should: ["d"], unsorted: [] });

  it("puts the card where Rust will, renumbering the positions", () => {
    const move = { productId: "p", board: "moscow" as const, itemId: "c" };
    expect(ids(predictMove(view, { ...move, column: "must", target: { to: "top" } }))).toEqual({ must: ["c", "a", "b"], should: ["d"], unsorted: [] });
    expect(ids(predictMove(view, { ...move, column: "must", target: { to: "up" } }))).toEqual({ must: ["a", "c", "b"], should: ["d"], unsorted: [] });
    expect(ids(predictMove(view, { ...move, column: "should", target: { to: "before", itemId: "d" } }))).toEqual({
      must: ["a", "b"],
      should: ["c", "d"],
      unsorted: [],
    });
    const moved = predictMove(view, { ...move, column: "unsorted", target: { to: "bottom" } });
    expect(moved.columns.map((column) => column.cards.map((card) => card.position))).toEqual([[1, 2], [1], [1]]);
  });

  it("keeps a card's key within its column, and blanks it in another (its old key means nothing there)", () => {
    const move = { productId: "p", board: "moscow" as const, itemId: "c" };
    const key = (next: BoardView, column: string) =>
      next.columns.find((candidate) => candidate.column === column)?.cards.find((card) => card.id === "c")?.rank;
    const before = view.columns[0]?.cards[2]?.rank;
    expect(before).toBeTruthy();
    expect(key(predictMove(view, { ...move, column: "must", target: { to: "top" } }), "must")).toBe(before);
    expect(key(predictMove(view, { ...move, column: "should", target: { to: "top" } }), "should")).toBe("");
  });
});
