//! The rationale prompt's state: after a move that put an item above items that outscore it (in
//! the framework the backlog shows), a small, skippable question "Why?". The comparison and every
//! word of the question are Rust's (`list_outscoring_items`); this module only decides whether a
//! move is worth asking about (a numeric framework is shown) and holds the open question.
//!
//! Rules: never blocking (the question opens beside the work, the focus stays on the moved row,
//! the live region says it and how to reach it), one question at a time (a later move that raises one replaces
//! it), and a failed question is silent (the move itself was saved; nothing is lost by not asking).
import { useSyncExternalStore } from "react";
import { listOutscoringItems, type MoveQuestion, type NumericFramework, type Outscoring } from "../../api";
import { formatShortcut, type Shortcut } from "../../commands/shortcut";
import { announce, currentAnnouncement } from "../../feedback/announcer";
import { readBacklogPrefs } from "../backlog/backlogPrefs";

/** Reaches the open question from anywhere (a "why" question). */
export const ANSWER_SHORTCUT: Shortcut = { key: "w", alt: true };

export type RationaleQuestion = {
  productId: string;
  /** Rust's question, e.g. "“Offline mode” now sits above 3 items that score higher in RICE. Why?" */
  question: string;
  /** What recording the answer decides (Rust's words). */
  decision: string;
  /** The moved item, then the items that outscore it: the decision's links. */
  itemIds: string[];
};

let open: RationaleQuestion | null = null;
let asked = 0;
const listeners = new Set<() => void>();

function publish(next: RationaleQuestion | null) {
  open = next;
  for (const listener of listeners) listener();
}

/** The framework whose scores a move is compared by: the one the product's backlog shows, when
 * it orders items (RICE, ICE, WSJF); Kano and the matrix don't. */
export function promptFramework(productId: string): NumericFramework | null {
  const shown = readBacklogPrefs(productId).shown;
  return shown === "rice" || shown === "ice" || shown === "wsjf" ? shown : null;
}

/** The question to open for Rust's answer, or null when there is nothing to ask. */
export function questionFrom(productId: string, answer: Outscoring): RationaleQuestion | null {
  if (answer.question === null || answer.decision === null || answer.items.length === 0) return null;
  return {
    productId,
    question: answer.question,
    decision: answer.decision,
    itemIds: [answer.itemId, ...answer.items.map((item) => item.id)],
  };
}

/**
 * Asks Rust, after a move that succeeded, whether it put the item above items that outscore it,
 * and opens the question if so (announced after what the move said). A later move's answer
 * replaces an earlier one; an answer that arrives after a later move was asked about is dropped.
 */
export async function askWhyAfterMove(move: Omit<MoveQuestion, "framework">): Promise<void> {
  const framework = promptFramework(move.productId);
  if (framework === null) return;
  const ticket = ++asked;
  let answer: Outscoring;
  try {
    answer = await listOutscoringItems({ ...move, framework });
  } catch {
    return;
  }
  if (ticket !== asked) return;
  const question = questionFrom(move.productId, answer);
  if (question === null) {
    // A move that raises no question leaves another item's open question (and its draft) alone;
    // a move of the item asked about changes what was asked, so that question closes.
    if (open?.itemIds[0] === answer.itemId) publish(null);
    return;
  }
  publish(question);
  // One sentence for the region, the move's and then the question: replacing the move's words
  // with the question alone could drop them before they were read (the answer comes one IPC
  // round trip after the move's announcement).
  const before = currentAnnouncement();
  const hint = `${question.question} Press ${formatShortcut(ANSWER_SHORTCUT)} to answer, or go on: it can be skipped.`;
  announce(before ? `${before}. ${hint}` : hint);
}

/** Closes the question (skipped, answered, undone, or its product left), and drops the answer
 * to a question still on its way. */
export function dismissRationalePrompt() {
  asked += 1;
  publish(null);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRationaleQuestion(): RationaleQuestion | null {
  return useSyncExternalStore(subscribe, () => open);
}
