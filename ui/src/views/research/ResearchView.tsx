//! The research view: a product's notes (newest first, filtered by type, tag or participant) and
//! the note open beside them; the search box above the list searches notes and backlog items as
//! you type (Rust's FTS5 search, best first, the matches marked). A new note opens ready to type.
//! "Highlights" lists the product's highlights instead, by tag or participant (Rust's filter);
//! a card, or a focus request for a highlight, opens its note with the passage selected.
import { useCallback, useId, useState } from "react";
import {
  describeError,
  toUiError,
  useCreateNote,
  useNote,
  useNotes,
  useParticipants,
  useSearch,
  useTags,
  type NoteFilter,
  type NoteType,
  type Product,
  type SearchHit,
  type SearchKind,
} from "../../api";
import { useContributedCommands, type AppCommand } from "../../commands/registry";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { SelectField } from "../../components/SelectField";
import { announce } from "../../feedback/announcer";
import { formatCount } from "../../lib/format";
import { quoteTitle } from "../../lib/quote";
import { requestFocus, useFocusRequests, type FocusRequest } from "../../shell/focusRequests";
import { HighlightsPanel } from "./HighlightsPanel";
import { useNoteRequests } from "./noteRequests";
import { NoteList } from "./NoteList";
import { NotePage } from "./NotePage";
import { NOTE_TYPES } from "./noteTypes";
import { ImportFeedbackDialog } from "./ImportFeedbackDialog";
import { SearchResults } from "./SearchResults";
import styles from "./Research.module.css";

const ANY = "";

type Props = { product: Product; goTo: (viewId: string) => void };

export function ResearchView({ product, goTo }: Props) {
  const [noteType, setNoteType] = useState<NoteType | typeof ANY>(ANY);
  const [tagId, setTagId] = useState(ANY);
  const [participantId, setParticipantId] = useState(ANY);
  const [text, setText] = useState("");
  const [kind, setKind] = useState<SearchKind | typeof ANY>(ANY);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const fromId = useId();
  const toId = useId();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const searchId = useId();
  const [shown, setShown] = useState<"notes" | "highlights">("notes");
  const [reveal, setReveal] = useState<string | null>(null);
  const clearReveal = useCallback(() => setReveal(null), []);
  const openHighlight = useCallback((noteId: string, highlightId: string) => {
    setSelectedId(noteId);
    setReveal(highlightId);
  }, []);
  const takeFocusRequest = useCallback(
    (request: FocusRequest) => {
      if (request.kind !== "highlight") return false;
      openHighlight(request.noteId, request.highlightId);
      return true;
    },
    [openHighlight],
  );
  useFocusRequests(true, takeFocusRequest);
  // A note found by the palette's search: opened here once.
  const openNote = useCallback((noteId: string) => {
    setSelectedId(noteId);
    setShown("notes");
  }, []);
  useNoteRequests(openNote);
  const [importing, setImporting] = useState(false);
  const importCommands = useCallback(
    (): AppCommand[] => [
      {
        id: "research.importFeedback",
        label: "Import feedback…",
        group: "Products",
        keywords: ["import", "csv", "markdown", "tickets", "survey", "notes"],
        isEnabled: true,
        run: () => setImporting(true),
      },
    ],
    [],
  );
  useContributedCommands("research-import", importCommands);

  const filter: NoteFilter = {
    noteType: noteType === ANY ? null : noteType,
    tagId: tagId === ANY ? null : tagId,
    participantId: participantId === ANY ? null : participantId,
  };
  const notes = useNotes(product.id, filter);
  const failure = useLoadFailure(notes);
  const tags = useTags(product.id);
  const participants = useParticipants(product.id);
  const searching = text.trim() !== "";
  const search = useSearch({
    text,
    productId: product.id,
    kind: kind === ANY ? null : kind,
    noteType: filter.noteType,
    tagId: filter.tagId,
    participantId: filter.participantId,
    from: from.trim() === "" ? null : from,
    to: to.trim() === "" ? null : to,
    limit: null,
  });
  const listed = notes.data ?? [];
  // The newest note is open until another is chosen.
  const openId = selectedId ?? listed[0]?.id ?? null;
  const note = useNote(openId);
  const create = useCreateNote();

  const newNote = () =>
    create.mutate(
      { productId: product.id, noteType: noteType === ANY ? "interview" : noteType, title: "Untitled note", notedOn: null, source: null, body: null },
      {
        onSuccess: ({ value }) => {
          setSelectedId(value.id);
          announce(`Added ${quoteTitle(value.title)}`);
        },
      },
    );

  const openHit = (hit: SearchHit) => {
    if (hit.kind === "note") {
      setSelectedId(hit.id);
      return;
    }
    requestFocus({ kind: "item", itemId: hit.id });
    goTo("backlog");
  };

  const hits = search.data ?? [];
  const subtitle = searching
    ? search.isError
      ? describeError(toUiError(search.error))
      : `${formatCount(hits.length, "result")} for “${text.trim()}”`
    : notes.isPending
      ? "Loading…"
      : `${formatCount(listed.length, "note")}, newest first`;

  const typeOptions = [{ value: ANY as NoteType | typeof ANY, label: "All types" }, ...NOTE_TYPES];
  const tagOptions = [{ value: ANY, label: "All tags" }, ...(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))];
  const participantOptions = [
    { value: ANY, label: "Everyone" },
    ...(participants.data ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];
  const kindOptions: { value: SearchKind | typeof ANY; label: string }[] = [
    { value: ANY, label: "Notes and items" },
    { value: "note", label: "Notes" },
    { value: "item", label: "Backlog items" },
  ];

  return (
    <section className="view" aria-labelledby="research-heading">
      <header className="view-header">
        <div>
          <h1 id="research-heading" tabIndex={-1}>
            Research
          </h1>
          <p className="view-subtitle" aria-live="polite">
            {subtitle}
          </p>
        </div>
        <div className="view-header-tools">
          <button type="button" className="button" onClick={() => setImporting(true)}>
            Import feedback…
          </button>
          <button type="button" className="button button-primary" onClick={newNote}>
            New note
          </button>
        </div>
      </header>
      {importing ? (
        <ImportFeedbackDialog
          productId={product.id}
          onClose={() => setImporting(false)}
          onImported={(imported) => {
            setImporting(false);
            setSelectedId(imported.notes[0]?.id ?? null);
          }}
        />
      ) : null}
      <div className={styles.layout}>
        <div className={styles.side}>
          <div className={styles.searchBox}>
            <label htmlFor={searchId} className="visually-hidden">
              Search notes and items
            </label>
            <input
              id={searchId}
              type="search"
              className="input"
              placeholder="Search notes and items…"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <div role="group" aria-label="List" className={styles.modeSwitch}>
            <button type="button" className="button button-ghost" aria-pressed={shown === "notes"} onClick={() => setShown("notes")}>
              Notes
            </button>
            <button type="button" className="button button-ghost" aria-pressed={shown === "highlights"} onClick={() => setShown("highlights")}>
              Highlights
            </button>
          </div>
          <div className={styles.filters}>
            {shown === "notes" || searching ? <SelectField inline label="Type" value={noteType} options={typeOptions} onChange={setNoteType} /> : null}
            <SelectField inline label="Tag" value={tagId} options={tagOptions} onChange={setTagId} />
            <SelectField inline label="Participant" value={participantId} options={participantOptions} onChange={setParticipantId} />
            {searching ? <SelectField inline label="Find" value={kind} options={kindOptions} onChange={setKind} /> : null}
          </div>
          {searching ? (
            <div className={styles.dates}>
              <label htmlFor={fromId} className="field-label">
                Notes from
              </label>
              <input id={fromId} className="input" placeholder="2026-01-01" value={from} onChange={(event) => setFrom(event.target.value)} />
              <label htmlFor={toId} className="field-label">
                to
              </label>
              <input id={toId} className="input" placeholder="2026-12-31" value={to} onChange={(event) => setTo(event.target.value)} />
            </div>
          ) : null}
          {failure ? <LoadError title="The notes couldn’t be loaded." failure={failure} /> : null}
          {searching ? (
            hits.length > 0 ? (
              <SearchResults hits={hits} onOpen={openHit} />
            ) : search.isFetching ? null : (
              <p className={styles.none}>Nothing matches. Try fewer or other words.</p>
            )
          ) : shown === "highlights" ? (
            <HighlightsPanel productId={product.id} tagId={filter.tagId} participantId={filter.participantId} onOpen={openHighlight} />
          ) : listed.length > 0 ? (
            <NoteList notes={listed} selectedId={openId} onSelect={setSelectedId} />
          ) : notes.data ? (
            <div className="empty-state">
              <h2>No notes yet</h2>
              <p>Write down interviews, usability tests, support tickets and findings here, with who said it and tags.</p>
            </div>
          ) : null}
        </div>
        <div className={styles.main}>
          {note.data && !note.isError ? (
            <NotePage
              key={note.data.id}
              note={note.data}
              onDeleted={() => setSelectedId(null)}
              reveal={reveal}
              onRevealed={clearReveal}
            />
          ) : (
            <p className={styles.none}>Choose a note, or start a new one.</p>
          )}
        </div>
      </div>
    </section>
  );
}
