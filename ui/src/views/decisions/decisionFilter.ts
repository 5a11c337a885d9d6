//! Which item the decision log is filtered by, per product: set by the log's own picker and by
//! an item panel's "Show all decisions" before it goes to the log. A view state, not data: kept
//! for the session only.
import { useSyncExternalStore } from "react";

const filters = new Map<string, string>();
const listeners = new Set<() => void>();

/** Filters the product's log by `itemId`, or shows every decision with `null`. */
export function setDecisionFilter(productId: string, itemId: string | null) {
  if (itemId === null) filters.delete(productId);
  else filters.set(productId, itemId);
  for (const listener of listeners) listener();
}

export function readDecisionFilter(productId: string): string | null {
  return filters.get(productId) ?? null;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDecisionFilter(productId: string): string | null {
  return useSyncExternalStore(subscribe, () => readDecisionFilter(productId));
}
