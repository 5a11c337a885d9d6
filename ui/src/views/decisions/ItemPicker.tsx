//! Picks items of the product for a decision: the chosen ones as chips (each with a button that
//! takes it out), then a search field and the matching items as checkboxes (search-as-you-type,
//! at most 50 shown: type more to narrow down).
import { useDeferredValue, useId, useState } from "react";
import type { ItemSummary } from "../../api";
import { CloseIcon } from "../../components/icons";
import { quoteTitle } from "../../lib/quote";
import { searchItems } from "./itemSearch";
import styles from "./DecisionLog.module.css";

const SHOWN = 50;

type ItemPickerProps = {
  /** The product's items, in backlog order. */
  items: readonly Pick<ItemSummary, "id" | "title">[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** Rust's refusal of the items, shown under the field. */
  error?: string | null;
};

export function ItemPicker({ items, chosen, onChange, error }: ItemPickerProps) {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const searchId = useId();
  const errorId = useId();
  const { shown, matched } = searchItems(items, deferred, SHOWN);
  const titleOf = (id: string) => items.find((item) => item.id === id)?.title ?? "An item no longer in the backlog";
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((candidate) => candidate !== id));
  return (
    <fieldset className={styles.picker} aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">Items it is about</legend>
      {chosen.length > 0 ? (
        <ul className={styles.chips} aria-label="Chosen items">
          {chosen.map((id) => (
            <li key={id} className={styles.chip}>
              <span>{titleOf(id)}</span>
              <button
                type="button"
                className={styles.chipButton}
                aria-label={`Take out ${quoteTitle(titleOf(id))}`}
                onClick={() => toggle(id, false)}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">None yet: a decision may be about no item in particular.</p>
      )}
      <label htmlFor={searchId} className="visually-hidden">
        Find items
      </label>
      <input
        id={searchId}
        type="search"
        className="input"
        placeholder="Find items by title"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
      />
      <ul className={styles.options} aria-label="Matching items">
        {shown.map((item) => (
          <li key={item.id}>
            <label className={styles.option}>
              <input
                type="checkbox"
                checked={chosen.includes(item.id)}
                onChange={(event) => toggle(item.id, event.target.checked)}
              />
              <span>{item.title}</span>
            </label>
          </li>
        ))}
      </ul>
      <p className="field-hint" aria-live="polite">
        {matched === 0
          ? "No item matches."
          : matched > shown.length
            ? `${shown.length} of ${matched} matching items shown: type more to narrow down.`
            : `${matched} ${matched === 1 ? "item matches" : "items match"}.`}
      </p>
      {error ? (
        <p id={errorId} className={styles.fieldError} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
