//! A note's participants and tags as chips: add an existing participant or a new one (created
//! and added in one undo step), tag by name (an existing tag in any case, or a new one), remove
//! either. Rust's refusals are shown beside the form.
import { useId, useState, type FormEvent } from "react";
import {
  describeError,
  toUiError,
  useAddNewNoteParticipant,
  useParticipants,
  useSetNoteParticipants,
  useSetNoteTags,
  useTagNote,
  useTags,
  type NamedRef,
  type ResearchNote,
} from "../../api";
import { SelectField } from "../../components/SelectField";
import { CloseIcon } from "../../components/icons";
import styles from "./Research.module.css";

const NEW_PARTICIPANT = "__new__";
const CHOOSE = "";

function Chips({ label, refs, onRemove }: { label: string; refs: readonly NamedRef[]; onRemove: (ref: NamedRef) => void }) {
  if (refs.length === 0) return <span className={styles.none}>None yet</span>;
  return (
    <ul className={styles.chips} aria-label={label}>
      {refs.map((ref) => (
        <li key={ref.id} className={styles.chip}>
          <span>{ref.name}</span>
          <button type="button" className={styles.chipRemove} aria-label={`Remove ${ref.name}`} onClick={() => onRemove(ref)}>
            <CloseIcon />
          </button>
        </li>
      ))}
    </ul>
  );
}

function NewParticipantForm({ note, onDone }: { note: ResearchNote; onDone: () => void }) {
  const add = useAddNewNoteParticipant();
  const [fields, setFields] = useState({ name: "", persona: "", segment: "", companySize: "" });
  const [error, setError] = useState<string | null>(null);
  const ids = { name: useId(), persona: useId(), segment: useId(), size: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { id: note.id, participant: { ...fields } },
      { onSuccess: onDone, onError: (failure) => setError(describeError(toUiError(failure))) },
    );
  };
  const input = (key: keyof typeof fields, id: string, label: string, autoFocus = false) => (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        value={fields[key]}
        autoFocus={autoFocus}
        onChange={(event) => setFields((known) => ({ ...known, [key]: event.target.value }))}
      />
    </div>
  );
  return (
    <form className={styles.newParticipant} onSubmit={submit} aria-label="New participant">
      {input("name", ids.name, "Name or pseudonym", true)}
      {input("persona", ids.persona, "Persona")}
      {input("segment", ids.segment, "Segment")}
      {input("companySize", ids.size, "Company size")}
      {error ? (
        <p className={styles.fieldError} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.formActions}>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          Add participant
        </button>
      </div>
    </form>
  );
}

export function NoteLinks({ note }: { note: ResearchNote }) {
  const participants = useParticipants(note.productId);
  const tags = useTags(note.productId);
  const setParticipants = useSetNoteParticipants();
  const setTags = useSetNoteTags();
  const tagNote = useTagNote();
  const [adding, setAdding] = useState(false);
  const [tagDraft, setTagDraft] = useState("");
  const [tagError, setTagError] = useState<string | null>(null);
  const tagInputId = useId();
  const tagListId = useId();

  const others = (participants.data ?? []).filter((p) => !note.participants.some((linked) => linked.id === p.id));
  const options = [
    { value: CHOOSE, label: "Add a participant…" },
    ...others.map((p) => ({ value: p.id, label: [p.name, p.persona, p.segment].filter((part) => part !== "").join(" · ") })),
    { value: NEW_PARTICIPANT, label: "New participant…" },
  ];
  const pick = (value: string) => {
    if (value === NEW_PARTICIPANT) setAdding(true);
    else if (value !== CHOOSE) setParticipants.mutate({ id: note.id, participantIds: [...note.participants.map((p) => p.id), value] });
  };
  const submitTag = (event: FormEvent) => {
    event.preventDefault();
    tagNote.mutate(
      { id: note.id, name: tagDraft },
      {
        onSuccess: () => {
          setTagDraft("");
          setTagError(null);
        },
        onError: (failure) => setTagError(describeError(toUiError(failure))),
      },
    );
  };

  return (
    <div className={styles.links}>
      <section className={styles.linkGroup} aria-label="Participants">
        <h2 className={styles.linkHeading}>Participants</h2>
        <Chips
          label="Participants of this note"
          refs={note.participants}
          onRemove={(ref) =>
            setParticipants.mutate({ id: note.id, participantIds: note.participants.filter((p) => p.id !== ref.id).map((p) => p.id) })
          }
        />
        {adding ? (
          <NewParticipantForm note={note} onDone={() => setAdding(false)} />
        ) : (
          <SelectField inline label="Participant" value={CHOOSE} options={options} onChange={pick} />
        )}
      </section>
      <section className={styles.linkGroup} aria-label="Tags">
        <h2 className={styles.linkHeading}>Tags</h2>
        <Chips
          label="Tags of this note"
          refs={note.tags}
          onRemove={(ref) => setTags.mutate({ id: note.id, tagIds: note.tags.filter((t) => t.id !== ref.id).map((t) => t.id) })}
        />
        <form className={styles.tagForm} onSubmit={submitTag}>
          <label className="visually-hidden" htmlFor={tagInputId}>
            Add a tag
          </label>
          <input
            id={tagInputId}
            className="input"
            list={tagListId}
            placeholder="Add a tag…"
            value={tagDraft}
            aria-invalid={tagError !== null}
            onChange={(event) => setTagDraft(event.target.value)}
          />
          <datalist id={tagListId}>
            {(tags.data ?? []).map((tag) => (
              <option key={tag.id} value={tag.name} />
            ))}
          </datalist>
          <button type="submit" className="button">
            Tag
          </button>
        </form>
        {tagError ? (
          <p className={styles.fieldError} role="alert">
            {tagError}
          </p>
        ) : null}
      </section>
    </div>
  );
}
