//! The rationale prompt: a small question beside the work after a move put an item above items
//! that outscore it ("… Why?"), with a one-line answer. Not a dialog: nothing is blocked, the
//! focus stays where the move left it, and Alt+W (a registry command, so it is in the palette and
//! the `?` sheet too) or Tab reaches it. Enter records a decision linked to the moved item and
//! the items that outscore it (one undo step); Escape or Skip closes it and records nothing.
import { matchMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { describeError, HISTORY_STEP_KEY, toUiError, useCreateDecision } from "../../api";
import { useContributedCommands, type AppCommand } from "../../commands/registry";
import { formatShortcut } from "../../commands/shortcut";
import { announce } from "../../feedback/announcer";
import { ANSWER_SHORTCUT, dismissRationalePrompt, useRationaleQuestion, type RationaleQuestion } from "./rationalePrompt";
import styles from "./RationalePrompt.module.css";
import { quoteTitle } from "../../lib/quote";

const INPUT = "[data-rationale-prompt] input";

/** `productId`: the product the workspace shows (null on a view of the database). */
export function RationalePrompt({ productId }: { productId: string | null }) {
  const question = useRationaleQuestion();
  const queryClient = useQueryClient();
  // The question is about the order the last move left: an undo or redo changes that order, and
  // another product (or the database's views) is not where it was asked. Answering it there
  // would record a decision about an order nobody sees, so it closes. An undo also drops a
  // question still on its way (it would ask about the undone move). The mutation cache says
  // when an undo starts, however quickly it ends (a render may never see it under way).
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type === "added" && matchMutation({ mutationKey: HISTORY_STEP_KEY }, event.mutation)) dismissRationalePrompt();
      }),
    [queryClient],
  );
  const stale = question !== null && question.productId !== productId;
  useEffect(() => {
    if (stale) dismissRationalePrompt();
  }, [stale]);
  /** Where the focus was when the person went to the prompt: it goes back there after. */
  const returnTo = useRef<HTMLElement | null>(null);

  const goToPrompt = useCallback(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !active.closest("[data-rationale-prompt]")) returnTo.current = active;
    document.querySelector<HTMLInputElement>(INPUT)?.focus();
  }, []);

  const declare = useCallback(
    (): AppCommand[] => [
      {
        id: "decisions.answerWhy",
        label: "Answer why the moved item sits above higher-scoring ones",
        group: "Backlog",
        shortcuts: [ANSWER_SHORTCUT],
        keywords: ["rationale", "decision", "why", "prompt"],
        isEnabled: question !== null,
        run: goToPrompt,
      },
    ],
    [question, goToPrompt],
  );
  useContributedCommands("rationale-prompt", declare);

  const close = useCallback((said: string | null) => {
    const back = returnTo.current;
    returnTo.current = null;
    const inPrompt = document.activeElement?.closest("[data-rationale-prompt]") ?? null;
    dismissRationalePrompt();
    if (back?.isConnected && inPrompt) back.focus({ preventScroll: true });
    if (said) announce(said);
  }, []);

  if (question === null || stale) return null;
  // A new question starts empty: one card per question.
  return <PromptCard key={`${question.question}|${question.itemIds.join(",")}`} question={question} onClose={close} />;
}

function PromptCard({ question, onClose }: { question: RationaleQuestion; onClose: (said: string | null) => void }) {
  const [rationale, setRationale] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = useCreateDecision({ errorShownInPlace: true });
  const questionId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setError(null);
    create.mutate(
      { productId: question.productId, decidedOn: null, decision: question.decision, rationale, itemIds: question.itemIds },
      {
        onSuccess: ({ value }) => onClose(`Recorded the decision ${quoteTitle(value.decision)} in the decision log.`),
        onError: (failure) => setError(describeError(toUiError(failure))),
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose("Skipped: no decision recorded.");
    }
  };

  return (
    <section className={styles.prompt} aria-labelledby={questionId} data-rationale-prompt onKeyDown={onKeyDown}>
      <p id={questionId} className={styles.question}>
        {question.question}
      </p>
      <form className={styles.form} onSubmit={submit}>
        <input
          className="input"
          aria-label="Rationale"
          aria-describedby={error ? `${questionId} ${errorId}` : questionId}
          aria-invalid={error ? true : undefined}
          placeholder="One line for the decision log"
          value={rationale}
          onChange={(event) => setRationale(event.target.value)}
          autoComplete="off"
        />
        <button type="submit" className="button button-primary" aria-disabled={create.isPending || undefined}>
          Record
        </button>
        <button type="button" className="button" onClick={() => onClose("Skipped: no decision recorded.")}>
          Skip
        </button>
      </form>
      {error ? (
        <p id={errorId} className={styles.error} role="alert">
          {error}
        </p>
      ) : (
        <p className={styles.hint}>{formatShortcut(ANSWER_SHORTCUT)} to answer · Enter records · Esc skips</p>
      )}
    </section>
  );
}
