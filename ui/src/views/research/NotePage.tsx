//! One note: its fields, participants and tags, and its body (editor or preview), and Delete.
import { useState } from "react";
import { useDeleteNote, type ResearchNote } from "../../api";
import { CAN_UNDO } from "../../commands/appCommands";
import { ConfirmDialog } from "../../components/Dialogs";
import { announce } from "../../feedback/announcer";
import { quoteTitle } from "../../lib/quote";
import { NoteBody } from "./NoteBody";
import { NoteFields } from "./NoteFields";
import { NoteLinks } from "./NoteLinks";
import styles from "./Research.module.css";

type Props = {
  note: ResearchNote;
  onDeleted: () => void;
  /** A highlight of this note to show (a focus request, or a card of the highlights list). */
  reveal?: string | null;
  onRevealed?: () => void;
};

export function NotePage({ note, onDeleted, reveal = null, onRevealed }: Props) {
  const remove = useDeleteNote();
  const [confirming, setConfirming] = useState(false);
  return (
    <article className={styles.page} aria-label={`Note ${note.title}`}>
      <NoteFields note={note} />
      <NoteLinks note={note} />
      <NoteBody key={note.id} note={note} reveal={reveal} onRevealed={onRevealed} />
      <div className={styles.pageActions}>
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          Delete note…
        </button>
      </div>
      <ConfirmDialog
        isOpen={confirming}
        title={`Delete the note ${quoteTitle(note.title)}?`}
        confirmLabel="Delete note"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          remove.mutate(
            { id: note.id },
            {
              onSuccess: () => {
                announce(`Deleted ${quoteTitle(note.title)}`);
                onDeleted();
              },
            },
          );
        }}
      >
        <p>Its participants and tags stay. {CAN_UNDO}</p>
      </ConfirmDialog>
    </article>
  );
}
