//! Navigation over the window's own history: each route is a history entry (its URL hash), so
//! back and forward are the browser's, and a reload stays where it was. The position in the
//! session's history is kept in `history.state`, so the app knows whether back or forward leads
//! anywhere.
import { useSyncExternalStore } from "react";
import { formatRoute, parseRoute, sameRoute, type Route } from "./route";

type EntryState = { northstarIndex: number };

function indexOf(state: unknown): number {
  const index = (state as Partial<EntryState> | null)?.northstarIndex;
  return typeof index === "number" ? index : 0;
}

type Snapshot = { route: Route | null; index: number; lastIndex: number };

const listeners = new Set<() => void>();
let lastIndex = indexOf(window.history.state);
let snapshot: Snapshot = read();

function read(): Snapshot {
  return { route: parseRoute(window.location.hash), index: indexOf(window.history.state), lastIndex };
}

/** Re-reads the URL; true when it changed since the last read. */
function refresh(): boolean {
  const next = read();
  if (sameRoute(next.route, snapshot.route) && next.index === snapshot.index && next.lastIndex === snapshot.lastIndex) {
    return false;
  }
  snapshot = next;
  return true;
}

function publish() {
  if (refresh()) for (const listener of listeners) listener();
}

/** The current snapshot (re-read, so a URL changed from outside is seen too). */
function getSnapshot(): Snapshot {
  refresh();
  return snapshot;
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener("popstate", publish);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("popstate", publish);
  };
}

/** Goes to `route`: a new history entry, or (`replace`) in place of the current one. */
export function navigate(route: Route, { replace = false }: { replace?: boolean } = {}) {
  if (sameRoute(route, parseRoute(window.location.hash))) return;
  const current = indexOf(window.history.state);
  if (replace) {
    window.history.replaceState({ northstarIndex: current } satisfies EntryState, "", formatRoute(route));
  } else {
    window.history.pushState({ northstarIndex: current + 1 } satisfies EntryState, "", formatRoute(route));
    lastIndex = current + 1;
  }
  publish();
}

export function goBack() {
  if (indexOf(window.history.state) > 0) window.history.back();
}

export function goForward() {
  if (indexOf(window.history.state) < lastIndex) window.history.forward();
}

export type Navigation = {
  /** The route in the URL, or null when there is none yet (or it is not one of ours). */
  route: Route | null;
  canGoBack: boolean;
  canGoForward: boolean;
  navigate: typeof navigate;
  goBack: () => void;
  goForward: () => void;
};

export function useNavigation(): Navigation {
  const current = useSyncExternalStore(subscribe, getSnapshot);
  return {
    route: current.route,
    canGoBack: current.index > 0,
    canGoForward: current.index < current.lastIndex,
    // Module functions: the same identity on every render.
    navigate,
    goBack,
    goForward,
  };
}
