import { useState } from "react";
import { describeError, toUiError } from "../api";
import { AlertIcon } from "./icons";
import styles from "./LoadError.module.css";

/** What a view needs of a query to show its failed load. */
type LoadedQuery = { error: unknown; isFetching: boolean; refetch: () => unknown };

/** A failed load, kept until a retry succeeds. */
export type LoadFailure = { error: unknown; isRetrying: boolean; retry: () => void };

/**
 * The query's failed load, or null. It stays while a retry is on its way: TanStack Query forgets
 * the error of a query that never had data as soon as it fetches again, and the view would swap
 * the failure (and the focused Try again button) for its loading state, dropping the keyboard to
 * the page's body.
 */
export function useLoadFailure(query: LoadedQuery): LoadFailure | null {
  const [shown, setShown] = useState<unknown>(null);
  if (query.error !== null && query.error !== shown) setShown(query.error);
  if (query.error === null && !query.isFetching && shown !== null) setShown(null);
  const error = query.error ?? shown;
  if (error === null) return null;
  return { error, isRetrying: query.isFetching, retry: () => void query.refetch() };
}

type LoadErrorProps = {
  /** What could not be loaded, e.g. "The backlog couldn’t be loaded." */
  title: string;
  failure: LoadFailure;
};

/**
 * A failed load, shown where the data would be: what failed, why (in Rust's words), and a
 * retry. Never an empty state: "0 items" would look like missing data.
 */
export function LoadError({ title, failure }: LoadErrorProps) {
  const { error, isRetrying, retry } = failure;
  return (
    <div className={styles.loadError} role="alert">
      <AlertIcon className={styles.icon} />
      <div className={styles.text}>
        <p className={styles.title}>{title}</p>
        <p>{describeError(toUiError(error))}</p>
      </div>
      {/* aria-disabled, not disabled: the pressed button keeps the focus while it retries. */}
      <button
        type="button"
        className="button"
        aria-disabled={isRetrying}
        onClick={() => {
          if (!isRetrying) retry();
        }}
      >
        {isRetrying ? "Trying again…" : "Try again"}
      </button>
    </div>
  );
}
