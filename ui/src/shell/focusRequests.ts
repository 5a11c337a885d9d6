//! Where the keyboard should go once a view is ready: the palette's "open item" asks for an item's
//! row, "Add an item" for the backlog's title field. The view that can honour a request takes it
//! when its content has rendered (after the route change focused the view's heading).
import { useEffect, useSyncExternalStore } from "react";

export type FocusRequest = { kind: "item"; itemId: string } | { kind: "newItemTitle" } | { kind: "highlight"; noteId: string; highlightId: string };

let pending: FocusRequest | null = null;
const listeners = new Set<() => void>();

export function requestFocus(request: FocusRequest) {
  pending = request;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Calls `take` with the pending request when there is one and `ready` is true; the request is
 * consumed when `take` returns true.
 */
export function useFocusRequests(ready: boolean, take: (request: FocusRequest) => boolean) {
  const request = useSyncExternalStore(subscribe, () => pending);
  useEffect(() => {
    if (!ready || request === null) return;
    if (take(request)) pending = null;
  }, [ready, request, take]);
}
