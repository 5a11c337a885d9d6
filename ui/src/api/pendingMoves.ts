//! Moves on their way to Rust, shown in every list of the product until Rust's order has them.
//!
//! Every item list shows Rust's last order with the moves still on their way applied to it, in the
//! order they were asked for (`reorderedList`, the order Rust makes). A move leaves this list at
//! the moment Rust's order after it is in the cache (before anything renders that order), or when
//! it fails. So a refetch that lands between two quick moves never shows the item going back, and a
//! failed move simply drops out: the list shows Rust's order with the later moves still on their
//! way, which is what Rust will make of them.
import type { QueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import type { MoveTarget } from "./client";
import { reorderedList, type Ranked } from "./order";

/** A move on its way: the item and where it goes. */
export type PendingMove = { itemId: string; target: MoveTarget };

/** `list` with each move applied in turn. */
export function applyPendingMoves<T extends Ranked>(list: readonly T[], moves: readonly PendingMove[]): T[] {
  return moves.reduce<T[]>((order, { itemId, target }) => reorderedList(order, itemId, target), [...list]);
}

type Pending = { productId: string; move: PendingMove };

const NONE: readonly PendingMove[] = [];

export type PendingMoves = {
  /** Shows a move until the returned function is called (Rust's order after it is in, or it failed). */
  add: (productId: string, move: PendingMove) => () => void;
  /** The product's moves on their way, oldest first (the same array until they change). */
  of: (productId: string) => readonly PendingMove[];
  subscribe: (listener: () => void) => () => void;
};

export function createPendingMoves(): PendingMoves {
  let pending: Pending[] = [];
  const byProduct = new Map<string, readonly PendingMove[]>();
  const listeners = new Set<() => void>();

  const publish = (productId: string) => {
    const moves = pending.filter((entry) => entry.productId === productId).map((entry) => entry.move);
    if (moves.length === 0) byProduct.delete(productId);
    else byProduct.set(productId, moves);
    for (const listener of listeners) listener();
  };

  return {
    add: (productId, move) => {
      const entry: Pending = { productId, move };
      pending = [...pending, entry];
      publish(productId);
      return () => {
        if (!pending.includes(entry)) return;
        pending = pending.filter((candidate) => candidate !== entry);
        publish(productId);
      };
    },
    of: (productId) => byProduct.get(productId) ?? NONE,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const stores = new WeakMap<QueryClient, PendingMoves>();

/** The moves on their way of a query client (one store per client, like the change feed). */
export function pendingMovesOf(queryClient: QueryClient): PendingMoves {
  let store = stores.get(queryClient);
  if (!store) {
    store = createPendingMoves();
    stores.set(queryClient, store);
  }
  return store;
}

/** The product's moves on their way; the component re-renders at once when one is added or done. */
export function usePendingMoves(queryClient: QueryClient, productId: string | null): readonly PendingMove[] {
  const store = pendingMovesOf(queryClient);
  const read = useCallback(() => (productId === null ? NONE : store.of(productId)), [store, productId]);
  return useSyncExternalStore(store.subscribe, read);
}
