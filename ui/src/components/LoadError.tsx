import { describeError, toUiError } from "../api";
import { AlertIcon } from "./icons";

type LoadErrorProps = {
  /** What could not be loaded, e.g. "The backlog couldn’t be loaded." */
  title: string;
  error: unknown;
  onRetry: () => void;
  isRetrying?: boolean;
};

/**
 * A failed load, shown where the data would be: what failed, why (in Rust's words), and a
 * retry. Never an empty state: "0 items" would look like missing data.
 */
export function LoadError({ title, error, onRetry, isRetrying = false }: LoadErrorProps) {
  return (
    <div className="load-error" role="alert">
      <AlertIcon className="load-error-icon" />
      <div className="load-error-text">
        <p className="load-error-title">{title}</p>
        <p className="load-error-reason">{describeError(toUiError(error))}</p>
      </div>
      <button type="button" className="button" onClick={onRetry} disabled={isRetrying}>
        {isRetrying ? "Trying again…" : "Try again"}
      </button>
    </div>
  );
}
