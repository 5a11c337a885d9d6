//! The one polite live region (`role="status"`): moves and other quiet confirmations.
import { useSyncExternalStore } from "react";

let message = "";
const listeners = new Set<() => void>();

function publish(next: string) {
  message = next;
  for (const listener of listeners) listener();
}

/** Announces `text` to screen readers (and to tests reading the status region). */
export function announce(text: string) {
  if (text === message) {
    // Screen readers ignore a region whose text did not change: clear it first.
    publish("");
    setTimeout(() => publish(text), 60);
    return;
  }
  publish(text);
}

/** What the live region says now (a later sentence may add to it). */
export function currentAnnouncement(): string {
  return message;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAnnouncement(): string {
  return useSyncExternalStore(subscribe, () => message);
}
