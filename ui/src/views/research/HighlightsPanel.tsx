//! The product's highlights across notes, narrowed by the view's tag and participant selects
//! (Rust's `list_highlights` filter: a tag of the highlight, a participant of its note), in
//! Rust's order (by note, newest first, then where each passage starts). A card opens the passage.
import { useMemo } from "react";
import { useHighlights, type HighlightFilter } from "../../api";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { formatCount } from "../../lib/format";
import { HighlightCards } from "./HighlightCards";
import styles from "./Highlights.module.css";

type Props = {
  productId: string;
  tagId: string | null;
  participantId: string | null;
  onOpen: (noteId: string, highlightId: string) => void;
};

export function HighlightsPanel({ productId, tagId, participantId, onOpen }: Props) {
  const filter = useMemo<HighlightFilter>(() => ({ noteId: null, tagId, participantId }), [tagId, participantId]);
  const highlights = useHighlights(productId, filter);
  const failure = useLoadFailure(highlights);
  if (failure) return <LoadError title="The highlights couldn’t be loaded." failure={failure} />;
  const listed = highlights.data ?? [];
  if (!highlights.data) return null;
  const narrowed = tagId !== null || participantId !== null;
  if (listed.length === 0) {
    return (
      <p className={styles.none}>
        {narrowed ? "No highlight here. Choose another tag or participant." : "No highlights yet: select a passage in a note and press Highlight."}
      </p>
    );
  }
  return (
    <section className={styles.section} aria-label="Highlights">
      <p className={styles.none} aria-live="polite">
        {formatCount(listed.length, "highlight")}
        {narrowed ? " with this tag or participant" : ", by note"}
      </p>
      <HighlightCards
        highlights={listed}
        showNote
        onOpen={(highlight) => onOpen(highlight.noteId, highlight.id)}
        label="Highlights"
      />
    </section>
  );
}
