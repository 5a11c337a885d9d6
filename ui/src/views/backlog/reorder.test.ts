import { describe, expect, it } from "vitest";
import { unscoredRow } from "../../../test/item-rows";
import { moveTargetFor, moveTargetForDrop } from "./reorder";

const row = unscoredRow;
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
