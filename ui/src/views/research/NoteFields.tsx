//! A note's one-line fields (title, type, day, source): each saved when it loses the focus or on
//! Enter, one undo step each, Rust's refusal shown beside the field.
import { useId, useState, type KeyboardEvent } from "react";
import { describeError, toUiError, useUpdateNote, type NotePatch, type ResearchNote } from "../../api";
import { SelectField } from "../../components/SelectField";
import { NOTE_TYPES } from "./noteTypes";
import styles from "./Research.module.css";

const NO_CHANGE: NotePatch = { noteType: null, title: null, notedOn: null, source: null };

type TextField = "title" | "notedOn" | "source";

function LineField({
  note,
  field,
  label,
  large = false,
  placeholder,
  onSave,
  error,
}: {
  note: ResearchNote;
  field: TextField;
  label: string;
  large?: boolean;
  placeholder?: string;
  onSave: (field: TextField, value: string) => void;
  error: string | null;
}) {
  const id = useId();
  const errorId = useId();
  // The draft belongs to the stored value it started from: when the store's value changes (an
  // undo, another window), that value is shown again.
  const stored = note[field];
  const [edit, setEdit] = useState({ base: stored, text: stored });
  const draft = edit.base === stored ? edit.text : stored;
  const setDraft = (text: string) => setEdit({ base: stored, text });
  const commit = () => {
    if (draft !== note[field]) onSave(field, draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    }
    if (event.key === "Escape" && draft !== note[field]) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(note[field]);
    }
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={large ? "input input-large" : "input"}
        value={draft}
        placeholder={placeholder}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        spellCheck={field !== "notedOn"}
      />
      {error ? (
        <p id={errorId} className={styles.fieldError} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function NoteFields({ note }: { note: ResearchNote }) {
  const update = useUpdateNote();
  const [errors, setErrors] = useState<Partial<Record<keyof NotePatch, string>>>({});
  const save = (patch: Partial<NotePatch>, field: keyof NotePatch) => {
    update.mutate(
      { id: note.id, patch: { ...NO_CHANGE, ...patch } },
      {
        onSuccess: () => setErrors((known) => ({ ...known, [field]: undefined })),
        onError: (error) => setErrors((known) => ({ ...known, [field]: describeError(toUiError(error)) })),
      },
    );
  };
  const saveText = (field: TextField, value: string) => save({ [field]: value }, field);
  return (
    <div className={styles.fields}>
      <div className={styles.titleRow}>
        <LineField note={note} field="title" label="Title" large onSave={saveText} error={errors.title ?? null} />
      </div>
      <div className={styles.metaRow}>
        <SelectField
          label="Type"
          value={note.noteType}
          options={NOTE_TYPES}
          onChange={(noteType) => save({ noteType }, "noteType")}
        />
        <LineField note={note} field="notedOn" label="Day" placeholder="2026-03-01" onSave={saveText} error={errors.notedOn ?? null} />
        <LineField
          note={note}
          field="source"
          label="Source"
          placeholder="Ticket number, recording, survey…"
          onSave={saveText}
          error={errors.source ?? null}
        />
      </div>
    </div>
  );
}
