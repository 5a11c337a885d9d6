//! The change feed: how the UI learns what to refetch.
//!
//! Every change reaches the UI as a `DataChanged` (sequence number, tables, row ids): as the
//! `data-changed` event for every change, and also as the result of the command when the UI made
//! the change itself. Rules:
//! - A change is applied once, whichever copy arrives first: the other copy (the echo) gets the
//!   same promise, so a mutation never refetches twice and one refetch never cancels another.
//! - Applying a change refetches only the queries that show rows it touched (`affectedQueries`).
//! - While the UI's own writes are on their way (`track`), changes wait and are applied together
//!   when the last write returns: one refetch for a burst of changes, none of them reading an
//!   order that a write on its way is about to change. (Moves shown before Rust has them are not
//!   in the cache at all: `pendingMoves.ts` applies them on top of whatever order arrives.)
//! - Score positions and sensitivity are relative: a change to one item moves the others in the
//!   score orders. So a change to an item also refetches the shown details of the other items in
//!   its list, and every shown sensitivity; a change to a product (its ICE mode changes every ICE
//!   score) refetches its list and the details shown of its items, once the products are read
//!   again and only if the product is still there (a deleted product's list would fail to load).
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { ChangedTable, DataChanged } from "./client";

/** What a change means for the cached queries. */
export type ChangeEffects = {
  /** Every query is refetched (another database was opened). */
  everything: boolean;
  /** Query keys (prefixes) to refetch. */
  refetch: QueryKey[];
  /** Products whose item lists (and the details shown of their items) are refetched after the
   * products, if they still exist. */
  productLists: string[];
};

/** Reads which item lists are cached, and which ids each holds, without depending on React. */
export type CachedLists = {
  /** Product id → the ids of the items in its cached list. */
  itemListIds: () => Map<string, ReadonlySet<string>>;
  /** The ids of the items whose details (`get_item`) are cached. */
  itemDetailIds: () => readonly string[];
};

/** The ids of the items in `listed` whose details are cached. */
function detailsIn(listed: ReadonlySet<string>, cache: CachedLists): string[] {
  return cache.itemDetailIds().filter((id) => listed.has(id));
}

/**
 * The queries one or more changes affect. Item lists are keyed by product: a list is refetched
 * when it holds one of the changed items, with the details shown of its items (their score
 * positions may have moved), and every list is when an id is in none of them (a new item). A
 * product's own list is refetched after the products (`productLists`). The history changes with
 * every tracked change, and sensitivity with any item or product.
 */
export function affectedQueries(changes: readonly DataChanged[], cache: CachedLists): ChangeEffects {
  if (changes.some((change) => change.everything)) return { everything: true, refetch: [], productLists: [] };
  const refetch: QueryKey[] = [["history"]];
  const ids = new Set(changes.flatMap((change) => change.ids));
  const tables = new Set(changes.flatMap((change) => change.tables));
  const lists = cache.itemListIds();
  let productLists: string[] = [];
  if (tables.has("product")) {
    refetch.push(["products"]);
    productLists = [...ids].filter((id) => lists.has(id));
  }
  if (tables.has("backlogItem")) {
    const holding = [...lists].filter(([, listed]) => [...ids].some((id) => listed.has(id)));
    const everyIdListed = [...ids].every((id) => holding.some(([, listed]) => listed.has(id)));
    const details = new Set<string>(ids);
    if (everyIdListed) {
      for (const [productId, listed] of holding) {
        refetch.push(["items", productId]);
        for (const id of detailsIn(listed, cache)) details.add(id);
      }
    } else {
      refetch.push(["items"]);
      for (const id of cache.itemDetailIds()) details.add(id);
    }
    for (const id of details) refetch.push(["item", id]);
  }
  if (tables.has("product") || tables.has("backlogItem")) refetch.push(["sensitivity"]);
  // A board shows every item of its product, each in the column its input says.
  if (tables.has("product") || tables.has("backlogItem") || tables.has("boardRank")) refetch.push(["board"]);
  // The decision log shows its decisions with their items' titles (a deleted item leaves them).
  if (tables.has("decision") || tables.has("decisionItem") || tables.has("backlogItem") || tables.has("product")) {
    refetch.push(["decisions"]);
  }
  // Kano results carry the items' titles and categories, and follow their answers.
  const kanoTables: readonly ChangedTable[] = ["product", "backlogItem", "kanoSurvey", "kanoResponse"];
  if (kanoTables.some((table) => tables.has(table))) {
    refetch.push(["kanoResults"]);
  }
  // The roadmap plan shows items' titles, sizes and MoSCoW (a release's load) beside its own rows;
  // baselines (under "plan") are compared with the items' lanes, dates and releases.
  const planTables: readonly ChangedTable[] = ["product", "backlogItem", "goal", "keyResult", "theme", "release", "milestone", "baseline"];
  if (planTables.some((table) => tables.has(table))) {
    refetch.push(["plan"]);
  }
  // Research lists show participants' and tags' names; search shows notes and items.
  const researchTables: readonly ChangedTable[] = ["product", "researchNote", "participant", "noteParticipant", "tag", "noteTag"];
  if (researchTables.some((table) => tables.has(table))) refetch.push(["research"]);
  if (researchTables.some((table) => tables.has(table)) || tables.has("backlogItem")) refetch.push(["search"]);
  // The board in swimlanes and the home's snapshot show cards with their goal, theme, release
  // and milestone names.
  const roadmapBoardTables: readonly ChangedTable[] = ["product", "backlogItem", "boardRank", "goal", "theme", "release", "milestone"];
  if (roadmapBoardTables.some((table) => tables.has(table))) refetch.push(["roadmapBoard"]);
  // Highlights (under "research") show their note's title and their tags' and items' names.
  const highlightTables: readonly ChangedTable[] = ["highlight", "highlightTag", "highlightItem", "backlogItem"];
  const researchRefetched = researchTables.some((table) => tables.has(table));
  if (!researchRefetched && highlightTables.some((table) => tables.has(table))) refetch.push(["research", "highlights"]);
  // An item's evidence reads its inputs, the research behind it and the evidence settings.
  const evidenceTables: readonly ChangedTable[] = [...researchTables, "backlogItem", "highlight", "highlightItem", "evidenceWeight", "segmentMultiplier"];
  if (evidenceTables.some((table) => tables.has(table))) refetch.push(["evidence"]);
  return { everything: false, refetch, productLists };
}

/** How many applied sequence numbers are remembered to recognise late echoes. */
const REMEMBERED = 500;

export type ChangeFeed = {
  /** Applies a change once (by sequence number); resolves when what it affects was refetched. */
  apply: (change: DataChanged | null) => Promise<void>;
  /** Runs one of the UI's own writes; changes wait until no write is on its way. */
  track: <T>(write: () => Promise<T>) => Promise<T>;
};

export function createChangeFeed(queryClient: QueryClient): ChangeFeed {
  const applied = new Map<number, Promise<void>>();
  let writesInFlight = 0;
  let waiting: { change: DataChanged; resolve: () => void }[] = [];

  const cache: CachedLists = {
    itemListIds: () => {
      const lists = new Map<string, ReadonlySet<string>>();
      for (const [key, data] of queryClient.getQueriesData<{ id: string }[]>({ queryKey: ["items"] })) {
        const productId = key[1];
        if (typeof productId === "string" && Array.isArray(data)) {
          lists.set(productId, new Set(data.map((item) => item.id)));
        }
      }
      return lists;
    },
    itemDetailIds: () =>
      queryClient
        .getQueriesData({ queryKey: ["item"] })
        .map(([key]) => key[1])
        .filter((id): id is string => typeof id === "string"),
  };

  const refetchFor = async (changes: readonly DataChanged[]) => {
    const effects = affectedQueries(changes, cache);
    if (effects.everything) {
      await queryClient.invalidateQueries();
      return;
    }
    await Promise.all(effects.refetch.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    if (effects.productLists.length === 0) return;
    const live = new Set((queryClient.getQueryData<{ id: string }[]>(["products"]) ?? []).map((product) => product.id));
    const lists = cache.itemListIds();
    const shown = effects.productLists.filter((productId) => live.has(productId));
    const keys: QueryKey[] = shown.flatMap((productId) => [
      ["items", productId],
      ...detailsIn(lists.get(productId) ?? new Set(), cache).map((id) => ["item", id]),
    ]);
    await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };

  const flush = () => {
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return;
    void refetchFor(batch.map((entry) => entry.change)).finally(() => {
      for (const entry of batch) entry.resolve();
    });
  };

  const apply = (change: DataChanged | null): Promise<void> => {
    if (change === null) return Promise.resolve();
    const known = applied.get(change.sequence);
    if (known) return known;
    const done = new Promise<void>((resolve) => {
      waiting.push({ change, resolve });
    });
    applied.set(change.sequence, done);
    if (applied.size > REMEMBERED) {
      const oldest = applied.keys().next().value;
      if (oldest !== undefined) applied.delete(oldest);
    }
    if (writesInFlight === 0) flush();
    return done;
  };

  const track = async <T>(write: () => Promise<T>): Promise<T> => {
    writesInFlight += 1;
    try {
      return await write();
    } finally {
      writesInFlight -= 1;
      if (writesInFlight === 0) flush();
    }
  };

  return { apply, track };
}

const feeds = new WeakMap<QueryClient, ChangeFeed>();

/** The change feed of a query client (one per client). */
export function changeFeedOf(queryClient: QueryClient): ChangeFeed {
  let feed = feeds.get(queryClient);
  if (!feed) {
    feed = createChangeFeed(queryClient);
    feeds.set(queryClient, feed);
  }
  return feed;
}
