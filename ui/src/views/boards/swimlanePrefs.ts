//! Whether the Now / Next / Later board shows swimlanes, and by what, per product: a view
//! preference kept in localStorage (not data), like the backlog's order.
import { useSyncExternalStore } from "react";
import type { SwimlaneGrouping } from "../../api";

export type SwimlaneChoice = SwimlaneGrouping | "none";

export const SWIMLANE_CHOICES: readonly { value: SwimlaneChoice; label: string }[] = [
  { value: "none", label: "None" },
  { value: "goal", label: "Goal" },
  { value: "theme", label: "Theme" },
];

const keyOf = (productId: string) => `northstar.swimlanes.${productId}`;
const listeners = new Set<() => void>();

export function readSwimlaneChoice(productId: string): SwimlaneChoice {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(keyOf(productId));
  } catch {
    // Storage refused (private mode): the board starts without swimlanes.
  }
  return SWIMLANE_CHOICES.find((choice) => choice.value === stored)?.value ?? "none";
}

export function setSwimlaneChoice(productId: string, choice: SwimlaneChoice) {
  try {
    window.localStorage.setItem(keyOf(productId), choice);
  } catch {
    // Not remembered; the choice still applies until the view is left.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSwimlaneChoice(productId: string): SwimlaneChoice {
  return useSyncExternalStore(subscribe, () => readSwimlaneChoice(productId));
}
