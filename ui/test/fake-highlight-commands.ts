//! The fake backend's highlight commands, answering as `queries::highlights` does: the quote
//! taken from the note's saved body at the editor's UTF-16 selection (JavaScript strings count
//! in UTF-16 too), its tags and items, lists by note, tag and participant, and the same
//! refusals, labels and events, and the re-anchoring a body save does (`reanchor`, called by the
//! fake's `save_note_body`), as the contract's saves after highlighting recorded it.
import type { ChangedTable, DataChanged, Highlight, HighlightFilter, HighlightPatch, NamedRef, NewHighlight } from "../src/api/client";
import type { Data } from "./fake-data";
import { emptyResearch, type ResearchData } from "./fake-research-commands";
import { fail, invalid, notFound, quoted } from "./fake-rules";

type Row = { table: ChangedTable; id: string };

export type StoredHighlight = Omit<Highlight, "noteTitle" | "end" | "tags" | "items"> & { deleted: boolean };
export type HighlightData = {
  highlights: StoredHighlight[];
  /** Links by `highlightId:otherId`, as Rust's `highlight_tag.id` and `highlight_item.id`. */
  tagLinks: Record<string, { deleted: boolean }>;
  itemLinks: Record<string, { deleted: boolean }>;
};

export type HighlightCommandsHost = {
  data: () => Data & { research?: ResearchData; highlights?: HighlightData };
  write: <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };
  nextId: () => string;
  now: string;
};

const CONTEXT_CHARS = 32;
const MAX_EXACT_CHARS = 5000;
const codePoints = (text: string) => [...text];
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const byName = (a: NamedRef, b: NamedRef) => {
  const [left, right] = [asciiLower(a.name), asciiLower(b.name)];
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** Rust's `continues_previous` (research/anchor.rs). */
function continuesPrevious(text: string): boolean {
  const code = text.codePointAt(0);
  if (code === undefined) return false;
  const ranges: [number, number][] = [
    [0x0300, 0x036f], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f],
    [0xfe00, 0xfe0f], [0x200c, 0x200d], [0x1f3fb, 0x1f3ff], [0xe0100, 0xe01ef],
  ];
  return ranges.some(([low, high]) => code >= low && code <= high);
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Rust's `passage_label`. */
function passageLabel(exact: string): string {
  const flat = exact.split(/\s+/).filter(Boolean).join(" ");
  const chars = codePoints(flat);
  return quoted(chars.length <= 40 ? flat : `${chars.slice(0, 40).join("")}…`);
}

export function createHighlightCommands(host: HighlightCommandsHost) {
  const store = (): HighlightData => {
    const data = host.data();
    data.highlights ??= { highlights: [], tagLinks: {}, itemLinks: {} };
    return data.highlights;
  };
  const research = () => {
    const data = host.data();
    data.research ??= emptyResearch();
    return data.research;
  };
  const liveNote = (id: string) => {
    const note = research().notes.find((candidate) => candidate.id === id && !candidate.deleted);
    if (!note || !host.data().products.some((product) => product.id === note.productId && !product.deleted)) fail(notFound("note", id));
    return note;
  };
  const otherRows = (kind: "tag" | "item") =>
    kind === "tag"
      ? research().tags.map((tag) => ({ id: tag.id, productId: tag.productId, name: tag.name, deleted: tag.deleted }))
      : host.data().items.map((item) => ({ id: item.id, productId: item.productId, name: item.title, deleted: item.deleted }));
  const linksOf = (kind: "tag" | "item") => (kind === "tag" ? store().tagLinks : store().itemLinks);
  const linked = (kind: "tag" | "item", highlightId: string): NamedRef[] =>
    otherRows(kind)
      .filter((row) => !row.deleted && linksOf(kind)[`${highlightId}:${row.id}`]?.deleted === false)
      .map((row) => ({ id: row.id, name: row.name }))
      .sort(byName);

  const publicHighlight = (stored: StoredHighlight): Highlight => {
    const { deleted: _deleted, ...rest } = stored;
    return {
      ...rest,
      noteTitle: liveNote(stored.noteId).title,
      end: stored.start + stored.exact.length,
      tags: linked("tag", stored.id),
      items: linked("item", stored.id),
    };
  };
  const liveHighlight = (id: string) => {
    const found = store().highlights.find((candidate) => candidate.id === id && !candidate.deleted);
    const noteLive = found && research().notes.some((note) => note.id === found.noteId && !note.deleted);
    if (!found || !noteLive) fail(notFound("highlight", id));
    return found;
  };

  /** Rust's `checked_links`. */
  const checked = (kind: "tag" | "item", productId: string, ids: string[]): NamedRef[] => {
    const [field, noun] = kind === "tag" ? ["tagIds", "tag"] : ["itemIds", "item"];
    const refs: NamedRef[] = [];
    for (const id of ids) {
      if (refs.some((known) => known.id === id)) continue;
      const found = otherRows(kind).find((row) => row.id === id && !row.deleted);
      if (!found) fail(invalid(field, `One of these ${noun}s was deleted meanwhile: choose them again.`));
      if (found.productId !== productId) fail(invalid(field, `${quoted(found.name)} belongs to another product.`));
      refs.push({ id, name: found.name });
    }
    return refs;
  };

  /** Rust's `quote_at`. */
  const quoteAt = (body: string, start: number, end: number) => {
    if (end <= start) fail(invalid("range", "Select the passage to highlight first."));
    const outside = (at: number) => at > body.length || (at > 0 && at < body.length && isLowSurrogate(body.charCodeAt(at)));
    if (outside(start) || outside(end)) fail(invalid("range", "The selection is no longer in the note: select the passage again."));
    const exact = body.slice(start, end);
    if (exact.trim() === "") fail(invalid("range", "Only blank space is selected: select words to highlight."));
    if (codePoints(exact).length > MAX_EXACT_CHARS) {
      fail(invalid("range", `A highlight quotes at most ${MAX_EXACT_CHARS} characters: select a shorter passage.`));
    }
    if (continuesPrevious(body.slice(start)) || continuesPrevious(body.slice(end))) {
      fail(invalid("range", "The selection splits a character (an accent or an emoji): widen it by one."));
    }
    return {
      exact,
      prefix: codePoints(body.slice(0, start)).slice(-CONTEXT_CHARS).join(""),
      suffix: codePoints(body.slice(end)).slice(0, CONTEXT_CHARS).join(""),
    };
  };

  const setLink = (kind: "tag" | "item", highlightId: string, otherId: string, deleted: boolean) => {
    linksOf(kind)[`${highlightId}:${otherId}`] = { deleted };
  };

  /** Rust's `locate`: the occurrence with the most shared surroundings, then the nearest the hint. */
  const locate = (body: string, stored: StoredHighlight) => {
    const commonTail = (a: string[], b: string[]) => {
      let count = 0;
      while (count < a.length && count < b.length && a[a.length - 1 - count] === b[b.length - 1 - count]) count++;
      return count;
    };
    const commonHead = (a: string[], b: string[]) => {
      let count = 0;
      while (count < a.length && count < b.length && a[count] === b[count]) count++;
      return count;
    };
    let best: { context: number; distance: number; start: number } | null = null;
    for (let at = body.indexOf(stored.exact); at !== -1; at = body.indexOf(stored.exact, at + 1)) {
      if (at > 0 && isLowSurrogate(body.charCodeAt(at))) continue;
      const end = at + stored.exact.length;
      if (continuesPrevious(body.slice(at)) || continuesPrevious(body.slice(end))) continue;
      const context =
        commonTail(codePoints(body.slice(0, at)), codePoints(stored.prefix)) + commonHead(codePoints(body.slice(end)), codePoints(stored.suffix));
      const distance = Math.abs(at - stored.start);
      if (!best || context > best.context || (context === best.context && distance < best.distance)) best = { context, distance, start: at };
    }
    if (!best) return null;
    return {
      start: best.start,
      prefix: codePoints(body.slice(0, best.start)).slice(-CONTEXT_CHARS).join(""),
      suffix: codePoints(body.slice(best.start + stored.exact.length)).slice(0, CONTEXT_CHARS).join(""),
    };
  };

  /** Rust's `reanchor_note`, run inside the body's save: only the rows whose anchor changed. */
  const reanchor = (noteId: string, body: string) => {
    const plan: { stored: StoredHighlight; found: ReturnType<typeof locate> }[] = [];
    for (const stored of store().highlights.filter((h) => h.noteId === noteId && !h.deleted)) {
      const found = locate(body, stored);
      if (found) {
        const same = !stored.orphaned && found.start === stored.start && found.prefix === stored.prefix && found.suffix === stored.suffix;
        if (!same) plan.push({ stored, found });
      } else if (!stored.orphaned) plan.push({ stored, found: null });
    }
    return {
      rows: plan.map(({ stored }) => ({ table: "highlight" as const, id: stored.id })),
      apply: () => {
        for (const { stored, found } of plan) {
          const row = store().highlights.find((h) => h.id === stored.id);
          if (!row) continue;
          if (found) Object.assign(row, { ...found, orphaned: false, updatedAt: host.now });
          else Object.assign(row, { orphaned: true, updatedAt: host.now });
        }
      },
    };
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    list_highlights: ({ productId, filter }) => {
      const wanted = filter as HighlightFilter;
      if (!host.data().products.some((product) => product.id === productId && !product.deleted)) fail(notFound("product", String(productId)));
      const notes = new Map(research().notes.filter((note) => !note.deleted).map((note) => [note.id, note]));
      return store()
        .highlights.filter((h) => h.productId === productId && !h.deleted && notes.has(h.noteId))
        .filter((h) => wanted.noteId === null || h.noteId === wanted.noteId)
        .filter((h) => wanted.tagId === null || store().tagLinks[`${h.id}:${wanted.tagId}`]?.deleted === false)
        .filter((h) => wanted.participantId === null || research().noteParticipants[`${h.noteId}:${wanted.participantId}`]?.deleted === false)
        .sort((a, b) => {
          const [left, right] = [notes.get(a.noteId), notes.get(b.noteId)];
          if (left && right && left.notedOn !== right.notedOn) return left.notedOn < right.notedOn ? 1 : -1;
          if (a.noteId !== b.noteId) return a.noteId < b.noteId ? -1 : 1;
          if (a.start !== b.start) return a.start - b.start;
          return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        })
        .map(publicHighlight);
    },
    create_highlight: ({ input }) => {
      const wanted = input as NewHighlight;
      const note = liveNote(wanted.noteId);
      const quote = quoteAt(note.body, wanted.start, wanted.end);
      const tags = checked("tag", note.productId, wanted.tagIds);
      const items = checked("item", note.productId, wanted.itemIds);
      const id = host.nextId();
      const rows: Row[] = [
        { table: "highlight", id },
        ...tags.map((tag) => ({ table: "highlightTag" as const, id: `${id}:${tag.id}` })),
        ...items.map((item) => ({ table: "highlightItem" as const, id: `${id}:${item.id}` })),
      ];
      return host.write("Highlight added", `Highlight ${passageLabel(quote.exact)} in ${quoted(note.title)}`, rows, () => {
        const stored: StoredHighlight = {
          id,
          productId: note.productId,
          noteId: note.id,
          ...quote,
          start: wanted.start,
          orphaned: false,
          createdAt: host.now,
          updatedAt: host.now,
          deleted: false,
        };
        store().highlights.push(stored);
        for (const tag of tags) setLink("tag", id, tag.id, false);
        for (const item of items) setLink("item", id, item.id, false);
        return publicHighlight(stored);
      });
    },
    update_highlight: ({ id, patch }) => {
      const current = publicHighlight(liveHighlight(String(id)));
      const change = patch as HighlightPatch;
      const plan: { kind: "tag" | "item"; otherId: string; deleted: boolean }[] = [];
      for (const [kind, ids, present] of [
        ["tag", change.tagIds, current.tags],
        ["item", change.itemIds, current.items],
      ] as const) {
        if (ids === null) continue;
        const wanted = checked(kind, current.productId, ids);
        for (const gone of present.filter((p) => !wanted.some((w) => w.id === p.id))) plan.push({ kind, otherId: gone.id, deleted: true });
        for (const added of wanted.filter((w) => !present.some((p) => p.id === w.id))) plan.push({ kind, otherId: added.id, deleted: false });
      }
      if (plan.length === 0) return { value: current, change: null };
      const rows: Row[] = plan.map((step) => ({
        table: step.kind === "tag" ? "highlightTag" : "highlightItem",
        id: `${current.id}:${step.otherId}`,
      }));
      return host.write("Highlight edited", `Change the highlight ${passageLabel(current.exact)}`, rows, () => {
        for (const step of plan) setLink(step.kind, current.id, step.otherId, step.deleted);
        return publicHighlight(liveHighlight(current.id));
      });
    },
    delete_highlight: ({ id }) => {
      const current = liveHighlight(String(id));
      return host.write("Highlight deleted", `Delete the highlight ${passageLabel(current.exact)}`, [{ table: "highlight", id: current.id }], () => {
        liveHighlight(current.id).deleted = true;
        return null;
      });
    },
  };
  return { handlers, reanchor };
}
