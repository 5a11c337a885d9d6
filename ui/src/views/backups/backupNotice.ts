//! The last thing a backup action did, shown in the Backups view (the live region says it too,
//! but only to screen readers). The actions run from the command registry, wherever the person
//! is; the view shows only what happened while it was open.
import { useSyncExternalStore } from "react";

let notice: string | null = null;
const listeners = new Set<() => void>();

export function setBackupNotice(text: string | null) {
  notice = text;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBackupNotice(): string | null {
  return useSyncExternalStore(subscribe, () => notice);
}
