//! The fake backend's research commands (notes, the body's autosave, participants, tags, links,
//! search and the link opener's refusal), answering as `queries::research_notes`,
//! `participants`, `tags` and `search` do; the contract replay checks every answer, refusal,
//! label and event. The search itself is in `fake-research-search.ts`.
import type {
  ChangedTable,
  DataChanged,
  NamedRef,
  NewNote,
  NewParticipant,
  NoteFilter,
  NotePatch,
  NoteSummary,
  Participant,
  ParticipantPatch,
  ResearchNote,
  SearchHit,
  SearchRequest,
  Tag,
} from "../src/api/client";
import type { Data, StoredItem, StoredProduct } from "./fake-data";
import { fail, fakeExcerpt, invalid, notFound, quoted, validLongText, validTitle } from "./fake-rules";
import { phrasesOf, searchDocument } from "./fake-research-search";

type Row = { table: ChangedTable; id: string };

export type StoredNote = Omit<ResearchNote, "participants" | "tags"> & { deleted: boolean; seq: number };
export type StoredParticipant = Omit<Participant, "noteCount"> & { deleted: boolean };
export type StoredTag = Omit<Tag, "noteCount"> & { deleted: boolean };
/** A note's link by `noteId:otherId` (Rust's `note_participant.id`, `note_tag.id`). */
export type StoredNoteLink = { noteId: string; otherId: string; deleted: boolean };

export type ResearchData = {
  notes: StoredNote[];
  participants: StoredParticipant[];
  tags: StoredTag[];
  noteParticipants: Record<string, StoredNoteLink>;
  noteTags: Record<string, StoredNoteLink>;
};

export function emptyResearch(): ResearchData {
  return { notes: [], participants: [], tags: [], noteParticipants: {}, noteTags: {} };
}

export type ResearchCommandsHost = {
  data: () => Data & { research: ResearchData };
  liveProduct: (id: string) => StoredProduct;
  write: <T>(
    reason: string,
    label: string,
    rows: readonly Row[],
    change: () => T,
    coalesce?: string,
  ) => { value: T; change: DataChanged | null };
  nextId: () => string;
  now: string;
  /** Rust's re-anchoring of the note's highlights inside the body's save: the rows it changes and how. */
  reanchor?: (noteId: string, body: string) => { rows: Row[]; apply: () => void };
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const chars = (text: string) => [...text].length;

/** Rust's `validate_decided_on` under another field's name. */
function validDay(field: string, text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== trimmed) {
    fail(invalid(field, `“${trimmed}” is not a date. Write it as year-month-day, e.g. 2026-03-01.`));
  }
  return trimmed;
}

/** Rust's `optional_line`. */
function optionalLine(field: string, noun: string, text: string, max: number): string {
  const trimmed = text.trim();
  const length = chars(trimmed);
  if (length > max) fail(invalid(field, `The ${noun} can be at most ${max} characters; this one has ${length}.`));
  if (CONTROL.test(trimmed)) fail(invalid(field, `The ${noun} must fit on one line (no line breaks or tabs).`));
  return trimmed;
}

function validName(text: string): string {
  if (text.trim() === "") fail(invalid("name", "Give the participant a name or a pseudonym."));
  return optionalLine("name", "name", text, 200);
}

function validTag(text: string): string {
  const collapsed = text.split(/\s+/).filter((word) => word !== "").join(" ");
  if (collapsed === "") fail(invalid("name", "Give the tag a name."));
  return optionalLine("name", "tag", collapsed, 60);
}

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const given = (value: string | null | undefined): value is string => value !== null && value !== undefined;
/** SQLite's `COLLATE NOCASE` and `lower()`: ASCII letters only. */
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => {
  const left = asciiLower(a.name);
  const right = asciiLower(b.name);
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

export function createResearchCommands(host: ResearchCommandsHost) {
  let seq = 0;
  const research = () => host.data().research;

  const liveNote = (id: string) => {
    const note = research().notes.find((candidate) => candidate.id === id && !candidate.deleted);
    const productLive = note && host.data().products.some((product) => product.id === note.productId && !product.deleted);
    if (!note || !productLive) fail(notFound("note", id));
    return note;
  };
  const liveParticipant = (id: string) => {
    const found = research().participants.find((candidate) => candidate.id === id && !candidate.deleted);
    if (!found) fail(notFound("participant", id));
    return found;
  };
  const liveTag = (id: string) => {
    const found = research().tags.find((candidate) => candidate.id === id && !candidate.deleted);
    if (!found) fail(notFound("tag", id));
    return found;
  };

  const linkedOf = (links: Record<string, StoredNoteLink>, rows: readonly { id: string; name: string; deleted: boolean }[], noteId: string): NamedRef[] =>
    rows
      .filter((row) => !row.deleted && links[`${noteId}:${row.id}`]?.deleted === false)
      .sort(byName)
      .map((row) => ({ id: row.id, name: row.name }));
  const participantsOf = (noteId: string) => linkedOf(research().noteParticipants, research().participants, noteId);
  const tagsOf = (noteId: string) => linkedOf(research().noteTags, research().tags, noteId);

  const publicNote = (note: StoredNote): ResearchNote => {
    const { deleted: _deleted, seq: _seq, ...rest } = note;
    return { ...rest, participants: participantsOf(note.id), tags: tagsOf(note.id) };
  };
  const liveNoteCount = (links: Record<string, StoredNoteLink>, otherId: string) =>
    Object.values(links).filter(
      (link) => link.otherId === otherId && !link.deleted && research().notes.some((note) => note.id === link.noteId && !note.deleted),
    ).length;
  const publicParticipant = ({ deleted: _deleted, ...rest }: StoredParticipant): Participant => ({
    ...rest,
    noteCount: liveNoteCount(research().noteParticipants, rest.id),
  });
  const publicTag = ({ deleted: _deleted, ...rest }: StoredTag): Tag => ({
    ...rest,
    noteCount: liveNoteCount(research().noteTags, rest.id),
  });

  const findTag = (productId: string, name: string, except?: string) =>
    research().tags.find(
      (tag) => tag.productId === productId && !tag.deleted && tag.name.toLowerCase() === name.toLowerCase() && tag.id !== except,
    );

  const newestFirst = (a: StoredNote, b: StoredNote) =>
    a.notedOn !== b.notedOn ? (a.notedOn < b.notedOn ? 1 : -1) : b.seq - a.seq;

  const link = (kind: "participant" | "tag", noteId: string, otherId: string, deleted: boolean) => {
    const links = kind === "participant" ? research().noteParticipants : research().noteTags;
    links[`${noteId}:${otherId}`] = { noteId, otherId, deleted };
  };
  const linkRow = (kind: "participant" | "tag", id: string): Row => ({
    table: kind === "participant" ? "noteParticipant" : "noteTag",
    id,
  });

  const insertParticipant = (productId: string, input: NewParticipant): StoredParticipant => {
    const stored: StoredParticipant = {
      id: host.nextId(),
      productId,
      name: validName(input.name),
      persona: optionalLine("persona", "persona", input.persona ?? "", 200),
      segment: optionalLine("segment", "segment", input.segment ?? "", 200),
      companySize: optionalLine("companySize", "company size", input.companySize ?? "", 100),
      createdAt: host.now,
      updatedAt: host.now,
      deleted: false,
    };
    host.liveProduct(productId);
    return stored;
  };

  const setLinks = (kind: "participant" | "tag", id: string, ids: readonly string[]) => {
    const note = liveNote(id);
    const field = kind === "participant" ? "participantIds" : "tagIds";
    const wanted: NamedRef[] = [];
    for (const otherId of ids) {
      if (wanted.some((known) => known.id === otherId)) continue;
      let other: { productId: string; name: string };
      try {
        other = kind === "participant" ? liveParticipant(otherId) : liveTag(otherId);
      } catch {
        fail(invalid(field, `One of these ${kind}s was deleted meanwhile: choose them again.`));
      }
      if (other.productId !== note.productId) fail(invalid(field, `${quoted(other.name)} belongs to another product's research.`));
      wanted.push({ id: otherId, name: other.name });
    }
    const current = kind === "participant" ? participantsOf(id) : tagsOf(id);
    const added = wanted.filter((w) => !current.some((c) => c.id === w.id));
    const removed = current.filter((c) => !wanted.some((w) => w.id === c.id));
    if (added.length === 0 && removed.length === 0) return { value: publicNote(note), change: null };
    const title = quoted(note.title);
    const [onlyAdded] = added;
    const [onlyRemoved] = removed;
    const label =
      added.length === 1 && removed.length === 0 && onlyAdded
        ? `Add ${quoted(onlyAdded.name)} to ${title}`
        : removed.length === 1 && added.length === 0 && onlyRemoved
          ? `Remove ${quoted(onlyRemoved.name)} from ${title}`
          : `Change the ${kind}s of ${title}`;
    const rows = [...removed, ...added].map((other) => linkRow(kind, `${id}:${other.id}`));
    const reason = kind === "participant" ? "Note participants set" : "Note tags set";
    return host.write(reason, label, rows, () => {
      for (const other of removed) link(kind, id, other.id, true);
      for (const other of added) link(kind, id, other.id, false);
      return publicNote(note);
    });
  };

  const searchable = (note: StoredNote) => ({
    title: note.title,
    body: note.body,
    extra: [note.source, ...participantsOf(note.id).map((p) => p.name), ...tagsOf(note.id).map((t) => t.name)].join(" ").trim(),
  });

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    list_notes: ({ productId, filter }) => {
      host.liveProduct(String(productId));
      const wanted = filter as NoteFilter;
      return research()
        .notes.filter((note) => note.productId === productId && !note.deleted)
        .filter((note) => !wanted.noteType || note.noteType === wanted.noteType)
        .filter((note) => !wanted.tagId || research().noteTags[`${note.id}:${wanted.tagId}`]?.deleted === false)
        .filter((note) => !wanted.participantId || research().noteParticipants[`${note.id}:${wanted.participantId}`]?.deleted === false)
        .sort(newestFirst)
        .map(
          (note): NoteSummary => ({
            id: note.id,
            noteType: note.noteType,
            title: note.title,
            notedOn: note.notedOn,
            source: note.source,
            excerpt: fakeExcerpt(note.body),
            participants: participantsOf(note.id),
            tags: tagsOf(note.id),
            updatedAt: note.updatedAt,
          }),
        );
    },
    get_note: ({ id }) => publicNote(liveNote(String(id))),
    create_note: ({ input }) => {
      const newNote = input as NewNote;
      const title = validTitle("title", "note", newNote.title);
      const body = validLongText("body", newNote.body ?? "");
      const source = optionalLine("source", "source", newNote.source ?? "", 300);
      const notedOn = given(newNote.notedOn) ? validDay("notedOn", newNote.notedOn) : today();
      host.liveProduct(newNote.productId);
      const note: StoredNote = {
        id: host.nextId(),
        productId: newNote.productId,
        noteType: newNote.noteType,
        title,
        body,
        notedOn,
        source,
        createdAt: host.now,
        updatedAt: host.now,
        deleted: false,
        seq: seq++,
      };
      return host.write("Note added", `Add note ${quoted(title)}`, [{ table: "researchNote", id: note.id }], () => {
        research().notes.push(note);
        return publicNote(note);
      });
    },
    update_note: ({ id, patch }) => {
      const note = liveNote(String(id));
      const change = patch as NotePatch;
      const title = given(change.title) ? validTitle("title", "note", change.title) : note.title;
      const notedOn = given(change.notedOn) ? validDay("notedOn", change.notedOn) : note.notedOn;
      const source = given(change.source) ? optionalLine("source", "source", change.source, 300) : note.source;
      const noteType = change.noteType ?? note.noteType;
      if (title === note.title && notedOn === note.notedOn && source === note.source && noteType === note.noteType) {
        return { value: publicNote(note), change: null };
      }
      return host.write("Note edited", `Edit note ${quoted(title)}`, [{ table: "researchNote", id: note.id }], () => {
        const stored = liveNote(note.id);
        Object.assign(stored, { title, notedOn, source, noteType });
        return publicNote(stored);
      });
    },
    save_note_body: ({ id, body }) => {
      const text = validLongText("body", String(body));
      const note = liveNote(String(id));
      if (text === note.body) return { value: publicNote(note), change: null };
      const reanchored = host.reanchor?.(note.id, text) ?? { rows: [], apply: () => undefined };
      return host.write(
        "Note saved",
        `Edit ${quoted(note.title)}`,
        [{ table: "researchNote", id: note.id }, ...reanchored.rows],
        () => {
          const stored = liveNote(note.id);
          stored.body = text;
          reanchored.apply();
          return publicNote(stored);
        },
        `note-body:${note.id}`,
      );
    },
    delete_note: ({ id }) => {
      const note = liveNote(String(id));
      return host.write("Note deleted", `Delete note ${quoted(note.title)}`, [{ table: "researchNote", id: note.id }], () => {
        liveNote(note.id).deleted = true;
        return null;
      });
    },
    set_note_participants: ({ id, participantIds }) => setLinks("participant", String(id), participantIds as string[]),
    set_note_tags: ({ id, tagIds }) => setLinks("tag", String(id), tagIds as string[]),
    add_new_note_participant: ({ id, participant }) => {
      const note = liveNote(String(id));
      const stored = insertParticipant(note.productId, participant as NewParticipant);
      const rows: Row[] = [
        { table: "participant", id: stored.id },
        { table: "noteParticipant", id: `${note.id}:${stored.id}` },
      ];
      return host.write("Participant added", `Add ${quoted(stored.name)} to ${quoted(note.title)}`, rows, () => {
        research().participants.push(stored);
        link("participant", note.id, stored.id, false);
        return publicNote(note);
      });
    },
    tag_note: ({ id, name }) => {
      const note = liveNote(String(id));
      const tagName = validTag(String(name));
      const existing = findTag(note.productId, tagName);
      if (existing && tagsOf(note.id).some((tag) => tag.id === existing.id)) return { value: publicNote(note), change: null };
      const tag: StoredTag = existing ?? { id: host.nextId(), productId: note.productId, name: tagName, deleted: false };
      const rows: Row[] = [...(existing ? [] : [{ table: "tag" as const, id: tag.id }]), { table: "noteTag", id: `${note.id}:${tag.id}` }];
      return host.write("Note tagged", `Tag ${quoted(note.title)} with ${quoted(tag.name)}`, rows, () => {
        if (!existing) research().tags.push(tag);
        link("tag", note.id, tag.id, false);
        return publicNote(note);
      });
    },
    list_participants: ({ productId }) => {
      host.liveProduct(String(productId));
      return research()
        .participants.filter((p) => p.productId === productId && !p.deleted)
        .sort(byName)
        .map(publicParticipant);
    },
    create_participant: ({ productId, input }) => {
      const stored = insertParticipant(String(productId), input as NewParticipant);
      return host.write("Participant added", `Add participant ${quoted(stored.name)}`, [{ table: "participant", id: stored.id }], () => {
        research().participants.push(stored);
        return publicParticipant(stored);
      });
    },
    update_participant: ({ id, patch }) => {
      const current = liveParticipant(String(id));
      const change = patch as ParticipantPatch;
      const next = {
        name: given(change.name) ? validName(change.name) : current.name,
        persona: given(change.persona) ? optionalLine("persona", "persona", change.persona, 200) : current.persona,
        segment: given(change.segment) ? optionalLine("segment", "segment", change.segment, 200) : current.segment,
        companySize: given(change.companySize) ? optionalLine("companySize", "company size", change.companySize, 100) : current.companySize,
      };
      if (Object.entries(next).every(([key, value]) => current[key as keyof typeof next] === value)) {
        return { value: publicParticipant(current), change: null };
      }
      return host.write("Participant edited", `Edit participant ${quoted(next.name)}`, [{ table: "participant", id: current.id }], () => {
        const stored = liveParticipant(current.id);
        Object.assign(stored, next);
        return publicParticipant(stored);
      });
    },
    delete_participant: ({ id }) => {
      const current = liveParticipant(String(id));
      return host.write("Participant deleted", `Delete participant ${quoted(current.name)}`, [{ table: "participant", id: current.id }], () => {
        liveParticipant(current.id).deleted = true;
        return null;
      });
    },
    list_tags: ({ productId }) => {
      host.liveProduct(String(productId));
      return research()
        .tags.filter((tag) => tag.productId === productId && !tag.deleted)
        .sort(byName)
        .map(publicTag);
    },
    create_tag: ({ productId, name }) => {
      const tagName = validTag(String(name));
      host.liveProduct(String(productId));
      const existing = findTag(String(productId), tagName);
      if (existing) fail(invalid("name", `There is already a tag ${quoted(existing.name)}: use that one.`));
      const tag: StoredTag = { id: host.nextId(), productId: String(productId), name: tagName, deleted: false };
      return host.write("Tag added", `Add tag ${quoted(tagName)}`, [{ table: "tag", id: tag.id }], () => {
        research().tags.push(tag);
        return publicTag(tag);
      });
    },
    rename_tag: ({ id, name }) => {
      const current = liveTag(String(id));
      const tagName = validTag(String(name));
      if (tagName === current.name) return { value: publicTag(current), change: null };
      const existing = findTag(current.productId, tagName, current.id);
      if (existing) fail(invalid("name", `There is already a tag ${quoted(existing.name)}: use that one.`));
      return host.write("Tag renamed", `Rename tag ${quoted(current.name)} to ${quoted(tagName)}`, [{ table: "tag", id: current.id }], () => {
        const stored = liveTag(current.id);
        stored.name = tagName;
        return publicTag(stored);
      });
    },
    delete_tag: ({ id }) => {
      const current = liveTag(String(id));
      return host.write("Tag deleted", `Delete tag ${quoted(current.name)}`, [{ table: "tag", id: current.id }], () => {
        liveTag(current.id).deleted = true;
        return null;
      });
    },
    search: ({ request }) => {
      const wanted = request as SearchRequest;
      if (given(wanted.from)) validDay("from", wanted.from);
      if (given(wanted.to)) validDay("to", wanted.to);
      if (given(wanted.productId)) host.liveProduct(wanted.productId);
      const phrases = phrasesOf(wanted.text);
      if (!phrases) return [];
      const notesOnly = Boolean(wanted.noteType ?? wanted.tagId ?? wanted.participantId ?? wanted.from ?? wanted.to);
      const liveProducts = new Set(host.data().products.filter((p) => !p.deleted).map((p) => p.id));
      const inScope = (productId: string) => liveProducts.has(productId) && (!given(wanted.productId) || productId === wanted.productId);
      const hits: (SearchHit & { score: number; order: number })[] = [];
      if (wanted.kind !== "item") {
        for (const note of research().notes) {
          if (note.deleted || !inScope(note.productId)) continue;
          if (wanted.noteType && note.noteType !== wanted.noteType) continue;
          if (wanted.tagId && research().noteTags[`${note.id}:${wanted.tagId}`]?.deleted !== false) continue;
          if (wanted.participantId && research().noteParticipants[`${note.id}:${wanted.participantId}`]?.deleted !== false) continue;
          if (given(wanted.from) && note.notedOn < wanted.from) continue;
          if (given(wanted.to) && note.notedOn > wanted.to) continue;
          const found = searchDocument(searchable(note), phrases);
          if (found) hits.push({ kind: "note", id: note.id, productId: note.productId, title: found.title, snippet: found.snippet, noteType: note.noteType, notedOn: note.notedOn, score: found.score, order: 1_000_000 + note.seq });
        }
      }
      if (wanted.kind !== "note" && !notesOnly) {
        host.data().items.forEach((item: StoredItem, index) => {
          if (item.deleted || !inScope(item.productId)) return;
          const found = searchDocument({ title: item.title, body: item.description, extra: "" }, phrases);
          if (found) hits.push({ kind: "item", id: item.id, productId: item.productId, title: found.title, snippet: found.snippet, noteType: null, notedOn: null, score: found.score, order: index });
        });
      }
      const limit = Math.min(Math.max(wanted.limit ?? 50, 1), 50);
      return hits
        .sort((a, b) => b.score - a.score || a.order - b.order)
        .slice(0, limit)
        .map(({ score: _score, order: _order, ...hit }) => hit);
    },
    open_external_link: ({ url }) => {
      const text = String(url).trim();
      const shown = [...text].slice(0, 80).join("") + (chars(text) > 80 ? "…" : "");
      let parsed: URL | null = null;
      try {
        parsed = new URL(text);
      } catch {
        parsed = null;
      }
      const scheme = parsed?.protocol.replace(/:$/, "");
      if (!parsed || !["http", "https", "mailto"].includes(scheme ?? "")) {
        const why = parsed
          ? "Northstar opens only web links (http, https) and email addresses (mailto)."
          : "it is not a complete web or email address.";
        fail(invalid("url", `“${shown}” was not opened: ${why}`));
      }
      openedLinks.push(parsed.href);
      return null;
    },
    guard_close: () => null,
  };

  /** The links the fake "opened" (a test checks a click went through Rust's command). */
  const openedLinks: string[] = [];

  return { handlers, openedLinks };
}
