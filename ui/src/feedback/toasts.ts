//! The one error path: every failed query or action ends here and shows as a toast
//! (`role="alert"`), worded by `describeError`.
import { useSyncExternalStore } from "react";
import { toUiError } from "../api/client";
import { describeError } from "../api/errors";

export type Toast = { id: number; message: string };

const TOAST_LIFETIME_MS = 10_000;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function publish(next: readonly Toast[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

export function dismissToast(id: number) {
  const timer = timers.get(id);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(id);
  publish(toasts.filter((toast) => toast.id !== id));
}

/** Shows `message` as an error toast; the same message is never stacked twice. */
export function showErrorMessage(message: string) {
  const existing = toasts.find((toast) => toast.message === message);
  if (existing) dismissToast(existing.id);
  const id = nextId++;
  publish([...toasts, { id, message }].slice(-4));
  timers.set(
    id,
    setTimeout(() => dismissToast(id), TOAST_LIFETIME_MS),
  );
}

/** Shows any thrown value (usually an `AppErrorException`) in product-owner words. */
export function showError(error: unknown) {
  showErrorMessage(describeError(toUiError(error)));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}

/** For tests: forget every toast. */
export function clearToasts() {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
  publish([]);
}
