import { describe, expect, it } from "vitest";
import { unscoredRow } from "../../test/item-rows";
import session from "../../test/contract/session.json";
import type { ItemSummary, MoveTarget } from "./client";
import { reorderedList } from "./order";

const row = unscoredRow;
const list = ["a", "b", "c", "d"].map((id, index) => row(id, index + 1));

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

  it("leaves the order as it is when the anchor is not in the list", () => {
    expect(reorderedList(list, "c", { to: "after", itemId: "gone" }).map((item) => item.id)).toEqual(["a", "b", "c", "d"]);
    expect(reorderedList(list, "c", { to: "before", itemId: "gone" }).map((item) => item.id)).toEqual(["a", "b", "c", "d"]);
  });
});
