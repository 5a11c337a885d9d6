//! Highlights as a list of cards: the quote, its tags and items, and (across notes) the note's
//! title and the day it was highlighted. An orphaned highlight (its passage deleted from the
//! note) is listed with a visible flag and its quote, never hidden. Each card is one button.
import type { Highlight } from "../../api";
import styles from "./Highlights.module.css";

type Props = {
  highlights: readonly Highlight[];
  /** Across notes: each card names its note and its day. */
  showNote: boolean;
  onOpen: (highlight: Highlight) => void;
  label: string;
};

/** The day a highlight was made, as "30 Nov 2026" in the person's calendar. */
function highlightDay(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(date);
}

export function HighlightCards({ highlights, showNote, onOpen, label }: Props) {
  return (
    <ul className={styles.cards} aria-label={label}>
      {highlights.map((highlight) => (
        <li key={highlight.id}>
          <button type="button" className={styles.card} onClick={() => onOpen(highlight)}>
            {highlight.orphaned ? <span className={styles.orphanedFlag}>Passage deleted</span> : null}
            <span className={styles.cardQuote}>{highlight.exact}</span>
            {showNote ? (
              <span className={styles.cardMeta}>
                {highlight.noteTitle} · {highlightDay(highlight.createdAt)}
              </span>
            ) : null}
            {highlight.tags.length > 0 ? <span className={styles.cardMeta}>Tags: {highlight.tags.map((tag) => tag.name).join(", ")}</span> : null}
            {highlight.items.length > 0 ? (
              <span className={styles.cardMeta}>Evidence for: {highlight.items.map((item) => item.name).join(", ")}</span>
            ) : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
