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
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { DataChanged } from "./client";

/** What a change means for the cached queries. */
export type ChangeEffects = {
  /** Every query is refetched (another database was opened). */
  everything: boolean;
  /** Query keys (prefixes) to refetch. */
  refetch: QueryKey[];
};

/** Reads which item lists are cached, and which ids each holds, without depending on React. */
export type CachedLists = {
  /** Product id → the ids of the items in its cached list. */
  itemListIds: () => Map<string, ReadonlySet<string>>;
};

/**
 * The queries one or more changes affect. Item lists are keyed by product: a list is refetched
 * when it holds one of the changed items, and every list is when an id is in none of them (a new
 * item). A product change leaves item lists alone (deleting a product hides its items without
 * changing them). The history changes with every tracked change.
 */
export function affectedQueries(changes: readonly DataChanged[], cache: CachedLists): ChangeEffects {
  if (changes.some((change) => change.everything)) return { everything: true, refetch: [] };
  const refetch: QueryKey[] = [["history"]];
  const ids = new Set(changes.flatMap((change) => change.ids));
  const tables = new Set(changes.flatMap((change) => change.tables));
  if (tables.has("product")) refetch.push(["products"]);
  if (tables.has("backlogItem")) {
    const lists = cache.itemListIds();
    const holding = [...lists].filter(([, listed]) => [...ids].some((id) => listed.has(id)));
    const everyIdListed = [...ids].every((id) => holding.some(([, listed]) => listed.has(id)));
    if (everyIdListed) for (const [productId] of holding) refetch.push(["items", productId]);
    else refetch.push(["items"]);
    for (const id of ids) refetch.push(["item", id]);
  }
  return { everything: false, refetch };
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
  };

  const refetchFor = async (changes: readonly DataChanged[]) => {
    const effects = affectedQueries(changes, cache);
    if (effects.everything) {
      await queryClient.invalidateQueries();
      return;
    }
    await Promise.all(effects.refetch.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
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
