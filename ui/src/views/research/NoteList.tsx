//! The product's notes, newest first: type, day, title, excerpt, participants and tags. The
//! list reads Rust's `list_notes` (filtered there) and never reorders it.
import type { NoteSummary } from "../../api";
import { cx } from "../../lib/classNames";
import { formatDay } from "../decisions/decisionForm";
import { noteTypeLabel } from "./noteTypes";
import styles from "./Research.module.css";

type Props = {
  notes: readonly NoteSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
};

export function NoteList({ notes, selectedId, onSelect }: Props) {
  return (
    <ol className={styles.noteList} aria-label="Notes">
      {notes.map((note) => (
        <li key={note.id}>
          <button
            type="button"
            className={cx(styles.noteRow, note.id === selectedId && styles.noteRowSelected)}
            aria-current={note.id === selectedId ? "true" : undefined}
            onClick={() => onSelect(note.id)}
          >
            <span className={styles.hitMeta}>
              {noteTypeLabel(note.noteType)} · {formatDay(note.notedOn)}
            </span>
            <span className={styles.hitTitle}>{note.title}</span>
            {note.excerpt ? <span className={styles.hitSnippet}>{note.excerpt}</span> : null}
            {note.participants.length + note.tags.length > 0 ? (
              <span className={styles.rowFacts}>
                {[...note.participants.map((p) => p.name), ...note.tags.map((t) => `#${t.name}`)].join(" · ")}
              </span>
            ) : null}
          </button>
        </li>
      ))}
    </ol>
  );
}
