import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { affectedQueries, createChangeFeed, type CachedLists } from "./changes";
import type { DataChanged } from "./client";

const change = (sequence: number, tables: DataChanged["tables"], ids: string[], everything = false): DataChanged => ({
  sequence,
  reason: "test",
  tables,
  ids,
  everything,
});

const lists = (entries: Record<string, string[]>): CachedLists => ({
  itemListIds: () => new Map(Object.entries(entries).map(([product, ids]) => [product, new Set(ids)])),
});

describe("affectedQueries", () => {
  const cached = lists({ "p-1": ["i-1", "i-2"], "p-2": ["i-9"] });

  it("refetches the list that holds a changed item, that item, and the history", () => {
    expect(affectedQueries([change(1, ["backlogItem"], ["i-2"])], cached)).toEqual({
      everything: false,
      refetch: [["history"], ["items", "p-1"], ["item", "i-2"]],
    });
  });

  it("refetches every list when an item is in none of them (a new item)", () => {
    expect(affectedQueries([change(1, ["backlogItem"], ["i-new"])], cached).refetch).toContainEqual(["items"]);
  });

  it("refetches the products, and no item list, when only a product changed", () => {
    expect(affectedQueries([change(1, ["product"], ["p-1"])], cached)).toEqual({
      everything: false,
      refetch: [["history"], ["products"]],
    });
  });

  it("refetches everything after another database was opened", () => {
    expect(affectedQueries([change(1, [], [], true), change(2, ["product"], ["p-1"])], cached).everything).toBe(true);
  });
});

/** A query client with two shown (observed) queries whose fetches are counted. */
function countingClient() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const fetches: string[] = [];
  const observe = (queryKey: readonly unknown[], data: unknown) => {
    client.setQueryData(queryKey, data);
    const observer = new QueryObserver(client, {
      queryKey,
      queryFn: () => {
        fetches.push(JSON.stringify(queryKey));
        return data;
      },
    });
    observer.subscribe(() => undefined);
  };
  observe(["items", "p-1"], [{ id: "i-1" }]);
  observe(["history"], {});
  return { client, fetches };
}

describe("the change feed", () => {
  it("applies a change once, whether the command result or the event comes first", async () => {
    const { client, fetches } = countingClient();
    const feed = createChangeFeed(client);
    const moved = change(7, ["backlogItem"], ["i-1"]);
    const fromEvent = feed.apply(moved);
    const fromResult = feed.apply({ ...moved });
    expect(fromResult).toBe(fromEvent);
    await fromResult;
    expect(fetches.sort()).toEqual(['["history"]', '["items","p-1"]']);
    await feed.apply(moved);
    expect(fetches).toHaveLength(2);
  });

  it("holds changes while the UI's own writes are on their way, then refetches once", async () => {
    const { client, fetches } = countingClient();
    const feed = createChangeFeed(client);
    let finish = (_: string) => undefined as void;
    const write = feed.track(() => new Promise<string>((resolve) => (finish = resolve)));
    const first = feed.apply(change(1, ["backlogItem"], ["i-1"]));
    const second = feed.apply(change(2, ["backlogItem"], ["i-1"]));
    await Promise.resolve();
    expect(fetches).toEqual([]);
    finish("done");
    await expect(write).resolves.toBe("done");
    await Promise.all([first, second]);
    expect(fetches.sort()).toEqual(['["history"]', '["items","p-1"]']);
  });

  it("does nothing for a write that changed nothing", async () => {
    const { client, fetches } = countingClient();
    await createChangeFeed(client).apply(null);
    expect(fetches).toEqual([]);
  });
});
