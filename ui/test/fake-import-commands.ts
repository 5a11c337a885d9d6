//! The fake backend's feedback import, answering as `feedback_import` does; the contract replay
//! checks every answer and event.
//!
//! The fake cannot read files, so a file or folder is what the recorded session says it holds:
//! every `preview_feedback_import` is filed under its path and mapping, with the participants
//! and tags it found new or reused. An import writes the preview's rows as notes, creating or
//! reusing participants and tags by name (without regard to case) in Rust's order, so its rows
//! and events match. The fake keeps a row's excerpt as the note's body (the file itself is not
//! in the contract). `choose_feedback_file` and `choose_feedback_folder` answer the native
//! dialog's path, chosen by tests with `chooseFeedbackPath`.
import type { AppError, ChangedTable, DataChanged, FeedbackImportPreview, FeedbackRow, NamedRef } from "../src/api/client";
import session from "./contract/session.json";
import { clone, type Data } from "./fake-data";
import { fail, formatNumber, invalid } from "./fake-rules";
import { emptyResearch, type ResearchData, type StoredNote } from "./fake-research-commands";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = { call: string; args: Record<string, Json>; ok?: Json; error?: Json };
type Row = { table: ChangedTable; id: string };
type Outcome<T> = { ok: T } | { error: AppError };

/** A mapping's fields in one order, whatever order the caller wrote them in. */
const canonical = (mapping: unknown) =>
  mapping === null || typeof mapping !== "object" ? null : Object.entries(mapping as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
const previewKey = (path: string, mapping: unknown) => JSON.stringify([path, canonical(mapping ?? null)]);

function buildBook(steps: readonly Step[]) {
  const previews = new Map<string, Outcome<FeedbackImportPreview>[]>();
  for (const step of steps) {
    if (step.call !== "preview_feedback_import") continue;
    const key = previewKey(typeof step.args.path === "string" ? step.args.path : "", step.args.mapping);
    const outcome = step.error !== undefined ? { error: step.error as unknown as AppError } : { ok: step.ok as unknown as FeedbackImportPreview };
    previews.set(key, [...(previews.get(key) ?? []), outcome]);
  }
  return { previews };
}

const book = buildBook((session as unknown as { steps: Step[] }).steps);

function notRecorded(what: string): never {
  throw new Error(`The contract never recorded ${what}: add it to tests/commands/contract_import.rs and run cargo test.`);
}

/** Rust's keys: participants and tags are matched by their lower-case name. */
const key = (name: string) => name.toLowerCase();

export type ImportCommandsHost = {
  data: () => Data & { research: ResearchData };
  liveProduct: (id: string) => unknown;
  write: <T>(reason: string, label: string, rows: readonly Row[], change: () => T) => { value: T; change: DataChanged | null };
  nextId: () => string;
  now: string;
};

export function createImportCommands(host: ImportCommandsHost) {
  let chosenPath: string | null = null;
  let seq = 1_000_000;
  const research = () => host.data().research ?? emptyResearch();

  const liveNames = (productId: string) => ({
    participants: new Map(
      research()
        .participants.filter((p) => p.productId === productId && !p.deleted)
        .map((p) => [key(p.name), p.id]),
    ),
    tags: new Map(
      research()
        .tags.filter((t) => t.productId === productId && !t.deleted)
        .map((t) => [key(t.name), t.id]),
    ),
  });

  /** The recorded preview whose reused participants and tags are those the product has now. */
  const recorded = (productId: string, path: string, mapping: unknown): FeedbackImportPreview => {
    host.liveProduct(productId);
    // A mapping equal to the one Rust detected reads the file as no mapping does.
    const asDetected = (book.previews.get(previewKey(path, null)) ?? []).some(
      (outcome) => "ok" in outcome && previewKey(path, outcome.ok.detected) === previewKey(path, mapping),
    );
    const outcomes =
      book.previews.get(previewKey(path, asDetected ? null : mapping)) ?? notRecorded(`a preview of ${path} with ${JSON.stringify(mapping)}`);
    const live = liveNames(productId);
    const reused = (rows: FeedbackRow[], names: (row: FeedbackRow) => string[], known: Map<string, string>) =>
      new Set(rows.flatMap(names).map(key).filter((name) => known.has(name))).size;
    const found = outcomes.find((outcome) => {
      if ("error" in outcome) return true;
      const { rows, summary } = outcome.ok;
      return (
        reused(rows, (row) => row.participants, live.participants) === summary.reusedParticipants &&
        reused(rows, (row) => row.tags, live.tags) === summary.reusedTags
      );
    });
    if (!found) return notRecorded(`a preview of ${path} with the participants and tags the product has now`);
    if ("error" in found) fail(clone(found.error));
    return clone(found.ok);
  };

  const importFeedback = (productId: string, path: string, mapping: unknown) => {
    const preview = recorded(productId, path, mapping);
    if (preview.importBlocked !== null) {
      const first = preview.rows.find((row) => row.problems.length > 0);
      if (!first) fail(invalid("mapping", `Nothing was imported: ${preview.importBlocked}`));
      const [one, many, fix] = preview.format === "csv" ? ["row has", "rows have", "the file"] : ["file has", "files have", "the folder"];
      const count = preview.summary.problems;
      const rows = count === 1 ? `1 ${one} a problem` : `${formatNumber(count)} ${many} problems`;
      fail(invalid("file", `Nothing was imported: ${rows} (${first.place}: ${first.problems.join(" ")}). Fix ${fix} and preview it again.`));
    }
    const live = liveNames(productId);
    const rows: Row[] = [];
    const notes: StoredNote[] = [];
    const newParticipants: NamedRef[] = [];
    const newTags: NamedRef[] = [];
    const links: { kind: "participant" | "tag"; noteId: string; otherId: string }[] = [];
    for (const row of preview.rows) {
      const note: StoredNote = {
        id: host.nextId(),
        productId,
        noteType: row.noteType,
        title: row.title,
        body: row.excerpt,
        notedOn: row.notedOn ?? "",
        source: row.source,
        createdAt: host.now,
        updatedAt: host.now,
        deleted: false,
        seq: seq++,
      };
      notes.push(note);
      for (const [kind, names, known, created] of [
        ["participant", row.participants, live.participants, newParticipants],
        ["tag", row.tags, live.tags, newTags],
      ] as const) {
        for (const name of names) {
          let otherId = known.get(key(name));
          if (otherId === undefined) {
            otherId = host.nextId();
            known.set(key(name), otherId);
            created.push({ id: otherId, name });
            rows.push({ table: kind, id: otherId });
          }
          links.push({ kind, noteId: note.id, otherId });
          rows.push({ table: kind === "participant" ? "noteParticipant" : "noteTag", id: `${note.id}:${otherId}` });
        }
      }
      // Rust writes a note's links first and the note last (one search index write per note).
      rows.push({ table: "researchNote", id: note.id });
    }
    const words = notes.length === 1 ? "1 note" : `${formatNumber(notes.length)} notes`;
    return host.write("Feedback imported", `Import ${words} from ${preview.source}`, rows, () => {
      const data = research();
      host.data().research = data;
      data.notes.push(...notes);
      for (const person of newParticipants) {
        data.participants.push({ id: person.id, productId, name: person.name, persona: "", segment: "", companySize: "", createdAt: host.now, updatedAt: host.now, deleted: false });
      }
      for (const tag of newTags) data.tags.push({ id: tag.id, productId, name: tag.name, deleted: false });
      for (const link of links) {
        const table = link.kind === "participant" ? data.noteParticipants : data.noteTags;
        table[`${link.noteId}:${link.otherId}`] = { noteId: link.noteId, otherId: link.otherId, deleted: false };
      }
      return {
        source: preview.source,
        notes: notes.map((note) => ({ id: note.id, name: note.title })),
        newParticipants,
        newTags,
        message: `Imported ${words} from ${preview.source}.`,
      };
    });
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    // Not in the contract: their answer is the native dialog's (the path chosen, or null).
    choose_feedback_file: () => chosenPath,
    choose_feedback_folder: () => chosenPath,
    preview_feedback_import: ({ productId, path, mapping }) => recorded(String(productId), String(path), mapping),
    import_feedback: ({ productId, path, mapping }) => importFeedback(String(productId), String(path), mapping),
  };
  return {
    handlers,
    /** What the next native file or folder dialog answers: a path, or null (cancelled). */
    choosePath(path: string | null) {
      chosenPath = path;
    },
  };
}
