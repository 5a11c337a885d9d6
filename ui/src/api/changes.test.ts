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

const lists = (entries: Record<string, string[]>, details: string[] = []): CachedLists => ({
  itemListIds: () => new Map(Object.entries(entries).map(([product, ids]) => [product, new Set(ids)])),
  itemDetailIds: () => details,
});

describe("affectedQueries", () => {
  const cached = lists({ "p-1": ["i-1", "i-2"], "p-2": ["i-9"] });

  it("refetches the list that holds a changed item, that item, the history and sensitivity", () => {
    expect(affectedQueries([change(1, ["backlogItem"], ["i-2"])], cached)).toEqual({
      everything: false,
      refetch: [["history"], ["items", "p-1"], ["item", "i-2"], ["sensitivity"], ["board"], ["decisions"], ["kanoResults"], ["plan"], ["search"], ["roadmapBoard"], ["research", "highlights"], ["evidence"]],
      productLists: [],
    });
  });

  it("refetches the details shown of the changed item's neighbours, whose score positions may move", () => {
    const withDetails = lists({ "p-1": ["i-1", "i-2"], "p-2": ["i-9"] }, ["i-1", "i-9"]);
    expect(affectedQueries([change(1, ["backlogItem"], ["i-2"])], withDetails).refetch).toEqual([
      ["history"],
      ["items", "p-1"],
      ["item", "i-2"],
      ["item", "i-1"],
      ["sensitivity"],
      ["board"],
      ["decisions"],
      ["kanoResults"],
      ["plan"],
      ["search"],
      ["roadmapBoard"],
      ["research", "highlights"],
      ["evidence"],
    ]);
  });

  it("refetches every list when an item is in none of them (a new item)", () => {
    expect(affectedQueries([change(1, ["backlogItem"], ["i-new"])], cached).refetch).toContainEqual(["items"]);
  });

  it("refetches the products, then the product's own list (its ICE mode scores its items)", () => {
    expect(affectedQueries([change(1, ["product"], ["p-1"])], cached)).toEqual({
      everything: false,
      refetch: [["history"], ["products"], ["sensitivity"], ["board"], ["decisions"], ["kanoResults"], ["plan"], ["research"], ["search"], ["roadmapBoard"], ["evidence"]],
      productLists: ["p-1"],
    });
    expect(affectedQueries([change(1, ["product"], ["p-new"])], cached).productLists).toEqual([]);
  });

  it("refetches the boards, and nothing of the backlog, after a card moved within its column", () => {
    expect(affectedQueries([change(1, ["boardRank"], ["moscow:i-2"])], cached)).toEqual({
      everything: false,
      refetch: [["history"], ["board"], ["roadmapBoard"]],
      productLists: [],
    });
  });

  it("refetches the decision logs, and nothing of the backlog or the boards, after a decision changed", () => {
    for (const tables of [["decision"], ["decisionItem"], ["decision", "decisionItem"]] as const) {
      expect(affectedQueries([change(1, [...tables], ["d-1"])], cached)).toEqual({
        everything: false,
        refetch: [["history"], ["decisions"]],
        productLists: [],
      });
    }
  });

  it("refetches the Kano results, and nothing of the backlog or boards, after an import", () => {
    expect(affectedQueries([change(1, ["kanoSurvey", "kanoResponse"], ["k-1", "1:k-1"])], cached)).toEqual({
      everything: false,
      refetch: [["history"], ["kanoResults"]],
      productLists: [],
    });
  });

  it("refetches the roadmap plan, and nothing of the backlog or boards, after a goal, theme, release or milestone changed", () => {
    for (const table of ["keyResult", "baseline"] as const) {
      expect(affectedQueries([change(1, [table], ["g-1"])], cached)).toEqual({
        everything: false,
        refetch: [["history"], ["plan"]],
        productLists: [],
      });
    }
    // The swimlanes and the home's snapshot name goals, themes, releases and milestones.
    for (const table of ["goal", "theme", "release", "milestone"] as const) {
      expect(affectedQueries([change(1, [table], ["g-1"])], cached)).toEqual({
        everything: false,
        refetch: [["history"], ["plan"], ["roadmapBoard"]],
        productLists: [],
      });
    }
  });

  it("refetches items' evidence, and nothing else, after an evidence setting or a highlight's link changed", () => {
    for (const tables of [["evidenceWeight"], ["segmentMultiplier"]] as const) {
      expect(affectedQueries([change(1, [...tables], ["p-1:interview"])], cached)).toEqual({
        everything: false,
        refetch: [["history"], ["evidence"]],
        productLists: [],
      });
    }
    // A highlight's link also shows in the research view's highlight lists.
    expect(affectedQueries([change(1, ["highlightItem"], ["h-1:i-1"])], cached)).toEqual({
      everything: false,
      refetch: [["history"], ["research", "highlights"], ["evidence"]],
      productLists: [],
    });
  });

  it("refetches research and search, and nothing of the backlog, after a note or its links changed", () => {
    for (const tables of [["researchNote"], ["participant", "noteParticipant"], ["tag", "noteTag"]] as const) {
      expect(affectedQueries([change(1, [...tables], ["n-1"])], cached)).toEqual({
        everything: false,
        refetch: [["history"], ["research"], ["search"], ["evidence"]],
        productLists: [],
      });
    }
  });

  it("refetches the highlights after a highlight or its links changed", () => {
    for (const tables of [["highlight"], ["highlightTag"], ["highlightItem"]] as const) {
      expect(affectedQueries([change(1, [...tables], ["h-1"])], cached).refetch).toContainEqual(["research", "highlights"]);
    }
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

  it("refetches a changed product's list after the products, and not once it is deleted", async () => {
    const { client, fetches } = countingClient();
    const products = [{ id: "p-1" }];
    const observer = new QueryObserver(client, {
      queryKey: ["products"],
      queryFn: () => {
        fetches.push('["products"]');
        return [...products];
      },
    });
    client.setQueryData(["products"], [...products]);
    observer.subscribe(() => undefined);
    const feed = createChangeFeed(client);
    await feed.apply(change(1, ["product"], ["p-1"]));
    expect(fetches.sort()).toEqual(['["history"]', '["items","p-1"]', '["products"]']);
    fetches.length = 0;
    products.length = 0;
    await feed.apply(change(2, ["product"], ["p-1"]));
    expect(fetches.sort()).toEqual(['["history"]', '["products"]']);
  });

  it("does nothing for a write that changed nothing", async () => {
    const { client, fetches } = countingClient();
    await createChangeFeed(client).apply(null);
    expect(fetches).toEqual([]);
  });
});
