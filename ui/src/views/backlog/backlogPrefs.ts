//! How the backlog of each product is looked at: its order (manual rank or a framework's score
//! order) and which framework's scores its columns show. A view preference, not data: kept in
//! localStorage per product (it survives a restart), read by the view and by the commands that
//! change it ("Sort by RICE score" in Ctrl+K).
import { useSyncExternalStore } from "react";
import type { NumericFramework } from "../../api";

/** Manual rank, or one numeric framework's score order. */
export type BacklogOrder = "manual" | NumericFramework;
/** The framework the score column shows ("matrix": value and effort, two columns). */
export type ShownFramework = NumericFramework | "kano" | "matrix";

export type BacklogPrefs = { order: BacklogOrder; shown: ShownFramework };

export const DEFAULT_PREFS: BacklogPrefs = { order: "manual", shown: "rice" };

const ORDERS: readonly BacklogOrder[] = ["manual", "rice", "ice", "wsjf"];
const SHOWN: readonly ShownFramework[] = ["rice", "ice", "wsjf", "kano", "matrix"];

const storageKey = (productId: string) => `northstar.backlog.${productId}`;
const listeners = new Set<() => void>();
/** Parsed once per product, so every read returns the same object until it changes. */
const cache = new Map<string, BacklogPrefs>();

function parsePrefs(text: string | null): BacklogPrefs {
  try {
    const stored: unknown = JSON.parse(text ?? "{}");
    if (typeof stored !== "object" || stored === null) return DEFAULT_PREFS;
    const { order, shown } = stored as Record<string, unknown>;
    return {
      order: ORDERS.find((known) => known === order) ?? DEFAULT_PREFS.order,
      shown: SHOWN.find((known) => known === shown) ?? DEFAULT_PREFS.shown,
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function readBacklogPrefs(productId: string): BacklogPrefs {
  const cached = cache.get(productId);
  if (cached) return cached;
  let text: string | null = null;
  try {
    text = window.localStorage.getItem(storageKey(productId));
  } catch {
    // Storage can be unavailable: the backlog then opens in manual order.
  }
  const prefs = parsePrefs(text);
  cache.set(productId, prefs);
  return prefs;
}

export function setBacklogPrefs(productId: string, change: Partial<BacklogPrefs>) {
  const next = { ...readBacklogPrefs(productId), ...change };
  cache.set(productId, next);
  try {
    window.localStorage.setItem(storageKey(productId), JSON.stringify(next));
  } catch {
    // Not remembered, but still applied for this session.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBacklogPrefs(productId: string): BacklogPrefs {
  return useSyncExternalStore(subscribe, () => readBacklogPrefs(productId));
}

/** Forgets what was read (tests start from a clean localStorage). */
export function resetBacklogPrefsCache() {
  cache.clear();
}
