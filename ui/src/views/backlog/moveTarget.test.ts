import { describe, expect, it } from "vitest";
import type { BacklogItem } from "../../api";
import { moveTargetFor } from "./moveTarget";

const item = (id: string): BacklogItem => ({
  id,
  productId: "p",
  title: id,
  description: "",
  status: "idea",
  kind: "feature",
  rank: "",
  position: 0,
  createdAt: "",
  updatedAt: "",
});
const list = ["a", "b", "c"].map(item);

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
    expect(moveTargetFor("down", list, 2, false)).toBeNull();
    expect(moveTargetFor("bottom", list, 2, true)).toBeNull();
  });
});
