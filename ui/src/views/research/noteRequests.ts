//! Which note the research view should open when it is shown next (the palette's search hits):
//! a pending request, taken once by the view.
import { useEffect, useSyncExternalStore } from "react";

let pending: string | null = null;
const listeners = new Set<() => void>();

export function requestNote(noteId: string) {
  pending = noteId;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls `open` with a pending request (now or when one comes), which is then consumed. */
export function useNoteRequests(open: (noteId: string) => void) {
  const request = useSyncExternalStore(subscribe, () => pending);
  useEffect(() => {
    if (request === null) return;
    pending = null;
    open(request);
  }, [request, open]);
}
