import { describe, expect, it } from "vitest";
import session from "../../../test/contract/session.json";
import type { ItemSummary, MoveTarget } from "../../api";
import { moveTargetFor, moveTargetForDrop, reorderedList } from "./reorder";

const row = (id: string, position = 0): ItemSummary => ({
  id,
  productId: "p",
  title: id,
  kind: "feature",
  status: "idea",
  rank: "",
  position,
  excerpt: "",
  updatedAt: "",
});
const list = ["a", "b", "c", "d"].map((id, index) => row(id, index + 1));

describe("moveTargetFor", () => {
  it("uses the plain targets when nothing is filtered", () => {
    expect(moveTargetFor("up", list, 1, false)).toEqual({ to: "up" });
    expect(moveTargetFor("down", list, 1, false)).toEqual({ to: "down" });
    expect(moveTargetFor("top", list, 2, false)).toEqual({ to: "top" });
    expect(moveTargetFor("bottom", list, 0, false)).toEqual({ to: "bottom" });
  });

  it("moves past the visible neighbour in a filtered list", () => {
    expect(moveTargetFor("up", list, 1, true)).toEqual({ to: "before", itemId: "a" });
    expect(moveTargetFor("down", list, 1, true)).toEqual({ to: "after", itemId: "c" });
    expect(moveTargetFor("top", list, 1, true)).toEqual({ to: "top" });
  });

  it("refuses to go past either end", () => {
    expect(moveTargetFor("up", list, 0, false)).toBeNull();
    expect(moveTargetFor("top", list, 0, true)).toBeNull();
    expect(moveTargetFor("down", list, 3, false)).toBeNull();
    expect(moveTargetFor("bottom", list, 3, true)).toBeNull();
  });
});

describe("moveTargetForDrop", () => {
  it("puts a row dropped higher before the row it lands on, and lower after it", () => {
    expect(moveTargetForDrop(list, 3, 1)).toEqual({ to: "before", itemId: "b" });
    expect(moveTargetForDrop(list, 0, 2)).toEqual({ to: "after", itemId: "c" });
    expect(moveTargetForDrop(list, 2, 2)).toBeNull();
  });
});

type Step = { call: string; args: { id?: string; target?: MoveTarget; productId?: string }; ok?: unknown };

describe("reorderedList", () => {
  it("shows exactly the order Rust makes, for every move of the recorded session", () => {
    const steps = (session as unknown as { steps: Step[] }).steps;
    let checked = 0;
    steps.forEach((step, index) => {
      const change = (step.ok as { change?: unknown } | undefined)?.change;
      if (step.call !== "move_item" || !change) return;
      const before = steps
        .slice(0, index)
        .reverse()
        .find((candidate) => candidate.call === "list_items")?.ok as ItemSummary[];
      const after = steps.slice(index + 1).find((candidate) => candidate.call === "list_items")?.ok as ItemSummary[];
      const predicted = reorderedList(before, step.args.id ?? "", step.args.target as MoveTarget);
      expect(predicted.map((item) => [item.id, item.position])).toEqual(after.map((item) => [item.id, item.position]));
      checked += 1;
    });
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it("keeps the objects of rows whose position did not change", () => {
    const moved = reorderedList(list, "c", { to: "up" });
    expect(moved.map((item) => item.id)).toEqual(["a", "c", "b", "d"]);
    expect(moved[0]).toBe(list[0]);
    expect(moved[3]).toBe(list[3]);
  });
});
