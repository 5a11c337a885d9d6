import { describe, expect, it } from "vitest";
import { applyPendingMoves, createPendingMoves, type PendingMove } from "./pendingMoves";

const list = (...ids: string[]) => ids.map((id, index) => ({ id, position: index + 1 }));
const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

describe("applyPendingMoves", () => {
  it("applies the moves on their way in the order they were asked for, counting positions again", () => {
    const moves: PendingMove[] = [
      { itemId: "d", target: { to: "up" } },
      { itemId: "d", target: { to: "up" } },
      { itemId: "a", target: { to: "after", itemId: "c" } },
    ];
    const shown = applyPendingMoves(list("a", "b", "c", "d"), moves);
    expect(ids(shown)).toEqual(["d", "b", "c", "a"]);
    expect(shown.map((row) => row.position)).toEqual([1, 2, 3, 4]);
  });

  it("skips a move whose item or anchor is gone", () => {
    expect(ids(applyPendingMoves(list("a", "b"), [{ itemId: "gone", target: { to: "top" } }]))).toEqual(["a", "b"]);
    expect(ids(applyPendingMoves(list("a", "b"), [{ itemId: "b", target: { to: "before", itemId: "gone" } }]))).toEqual([
      "a",
      "b",
    ]);
  });
});

describe("the moves on their way", () => {
  it("are kept per product, in the order asked, until each is done", () => {
    const store = createPendingMoves();
    let notified = 0;
    store.subscribe(() => (notified += 1));
    const first: PendingMove = { itemId: "a", target: { to: "down" } };
    const second: PendingMove = { itemId: "a", target: { to: "bottom" } };
    const doneFirst = store.add("p-1", first);
    const doneSecond = store.add("p-1", second);
    store.add("p-2", { itemId: "x", target: { to: "top" } });
    expect(store.of("p-1")).toEqual([first, second]);
    expect(store.of("p-1")).toBe(store.of("p-1"));
    doneFirst();
    doneFirst();
    expect(store.of("p-1")).toEqual([second]);
    doneSecond();
    expect(store.of("p-1")).toEqual([]);
    expect(store.of("p-2")).toHaveLength(1);
    expect(notified).toBe(5);
  });
});
