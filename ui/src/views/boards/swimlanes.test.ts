import { describe, expect, it } from "vitest";
import type { ItemSummary, Swimlane } from "../../api";
import { declareSwimlaneCardCommands, type SwimlaneMoveRequest } from "./swimlaneCommands";
import { cellId, dropToSwimlaneMove, parseCellId } from "./swimlaneDrop";

const card = (id: string) => ({ id, title: id }) as ItemSummary;
const row = (key: string, label: string, now: string[], next: string[] = []): Swimlane => ({
  key,
  label,
  count: now.length + next.length,
  columns: [
    { column: "now", label: "Now", cards: now.map(card) },
    { column: "next", label: "Next", cards: next.map(card) },
  ],
});

describe("swimlane cells", () => {
  it("name their row and column, and a goal id never splits wrongly", () => {
    expect(parseCellId(cellId("0192-abc", "next"))).toEqual({ swimlane: "0192-abc", column: "next" });
    expect(parseCellId("next")).toBeNull();
  });

  it("turn a drop on another row's cell into a move there, and a drop next to a card into before/after it", () => {
    const sortable = (containerId: string, index: number) => ({ sortable: { containerId, index } });
    expect(
      dropToSwimlaneMove({ activeId: "a", active: sortable("g1|now", 0), overId: `column:${cellId("none", "next")}`, over: undefined, below: false }),
    ).toEqual({ swimlane: "none", column: "next", target: { to: "bottom" } });
    expect(dropToSwimlaneMove({ activeId: "a", active: sortable("g1|now", 0), overId: "b", over: sortable("g2|now", 1), below: true })).toEqual({
      swimlane: "g2",
      column: "now",
      target: { to: "after", itemId: "b" },
    });
    expect(dropToSwimlaneMove({ activeId: "a", active: sortable("g1|now", 0), overId: "column:g1|now", over: undefined, below: false })).toBeNull();
  });
});

describe("a card's commands in swimlanes", () => {
  const rows = [row("g1", "Grow", ["a", "b", "c"], ["d"]), row("none", "No goal", ["e"])];
  const commands = (index: number) => {
    const sent: SwimlaneMoveRequest[] = [];
    const list = declareSwimlaneCardCommands("goal", rows, rows[0] as Swimlane, "now", index, (request) => sent.push(request));
    return { list, sent };
  };

  it("move up and down within the cell, next to the cell's own neighbours", () => {
    const { list, sent } = commands(1);
    list.find((command) => command.id === "card.up")?.run();
    list.find((command) => command.id === "card.down")?.run();
    expect(sent).toEqual([
      { swimlane: "g1", column: "now", target: { to: "before", itemId: "a" } },
      { swimlane: "g1", column: "now", target: { to: "after", itemId: "c" } },
    ]);
    expect(commands(0).list.find((command) => command.id === "card.up")?.isEnabled).toBe(false);
  });

  it("offer the row's other columns and the other rows, a goal named by its title", () => {
    const { list, sent } = commands(0);
    expect(list.filter((command) => command.id.startsWith("card.moveTo")).map((command) => command.label)).toEqual([
      "Move to Next",
      "Move to No goal",
    ]);
    list.find((command) => command.label === "Move to No goal")?.run();
    expect(sent).toEqual([{ swimlane: "none", column: "now", target: { to: "top" } }]);
    const fromNoGoal = declareSwimlaneCardCommands("goal", rows, rows[1] as Swimlane, "now", 0, () => undefined);
    expect(fromNoGoal.map((command) => command.label)).toContain("Move to goal “Grow”");
  });
});
