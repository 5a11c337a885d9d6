//! Research: the notes of a product, one note, participants, tags, their writes, full-text
//! search and opening a note's links. Every rule, label and message comes from Rust; the rules
//! of `queries.ts` apply (no retries, errors of queries shown in place, errors of actions as
//! toasts unless shown in place).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import {
  backend,
  type NewNote,
  type NewParticipant,
  type NoteFilter,
  type NotePatch,
  type Saved,
  type SearchRequest,
} from "./client";

export const researchKeys = {
  /** Every research query (refetched on any change to notes, participants, tags or links). */
  all: ["research"] as const,
  notes: (productId: string, filter: NoteFilter) => ["research", "notes", productId, filter] as const,
  note: (id: string) => ["research", "note", id] as const,
  participants: (productId: string) => ["research", "participants", productId] as const,
  tags: (productId: string) => ["research", "tags", productId] as const,
  /** Every search (refetched on any change to notes, their links, items or products). */
  search: (request: SearchRequest) => ["search", request] as const,
};

const SHOWN_IN_PLACE = { errorShownInPlace: true } as const;

export function useNotes(productId: string, filter: NoteFilter) {
  return useQuery({
    queryKey: researchKeys.notes(productId, filter),
    queryFn: () => backend.listNotes(productId, filter),
    meta: SHOWN_IN_PLACE,
    placeholderData: keepPreviousData,
  });
}

export function useNote(id: string | null) {
  return useQuery({
    queryKey: researchKeys.note(id ?? "none"),
    queryFn: () => backend.getNote(id as string),
    enabled: id !== null,
    meta: SHOWN_IN_PLACE,
  });
}

export function useParticipants(productId: string) {
  return useQuery({
    queryKey: researchKeys.participants(productId),
    queryFn: () => backend.listParticipants(productId),
    meta: SHOWN_IN_PLACE,
  });
}

export function useTags(productId: string) {
  return useQuery({
    queryKey: researchKeys.tags(productId),
    queryFn: () => backend.listTags(productId),
    meta: SHOWN_IN_PLACE,
  });
}

/** As-you-type search: the previous hits stay while the next ones are on their way. */
export function useSearch(request: SearchRequest) {
  return useQuery({
    queryKey: researchKeys.search(request),
    queryFn: () => backend.search(request),
    enabled: request.text.trim() !== "",
    meta: SHOWN_IN_PLACE,
    placeholderData: keepPreviousData,
  });
}

/** A write through the change feed, resolving once what it changed has been read again. */
function useResearchWrite<A, T>(send: (args: A) => Promise<Saved<T>>, errorShownInPlace = false) {
  const feed = changeFeedOf(useQueryClient());
  return useMutation({
    meta: errorShownInPlace ? SHOWN_IN_PLACE : undefined,
    mutationFn: async (args: A) => {
      const saved = await feed.track(() => send(args));
      await feed.apply(saved.change);
      return saved;
    },
  });
}

export function useCreateNote() {
  return useResearchWrite((input: NewNote) => backend.createNote(input));
}

/** Type, title, day or source; the page shows Rust's refusal beside the field. */
export function useUpdateNote() {
  return useResearchWrite(({ id, patch }: { id: string; patch: NotePatch }) => backend.updateNote(id, patch), true);
}

export function useDeleteNote() {
  return useResearchWrite(({ id }: { id: string }) => backend.deleteNote(id));
}

export function useSetNoteParticipants() {
  return useResearchWrite(({ id, participantIds }: { id: string; participantIds: string[] }) =>
    backend.setNoteParticipants(id, participantIds),
  );
}

/** Creates a participant and adds them to the note (one undo step); the form shows a refusal. */
export function useAddNewNoteParticipant() {
  return useResearchWrite(
    ({ id, participant }: { id: string; participant: NewParticipant }) => backend.addNewNoteParticipant(id, participant),
    true,
  );
}

export function useSetNoteTags() {
  return useResearchWrite(({ id, tagIds }: { id: string; tagIds: string[] }) => backend.setNoteTags(id, tagIds));
}

/** Tags the note by name (an existing tag in any case, or a new one); the field shows a refusal. */
export function useTagNote() {
  return useResearchWrite(({ id, name }: { id: string; name: string }) => backend.tagNote(id, name), true);
}

/** The editor's autosave, through the change feed (the list's excerpt and search follow). */
export function useNoteBodySaver() {
  const feed = changeFeedOf(useQueryClient());
  return async (id: string, body: string) => {
    const saved = await feed.track(() => backend.saveNoteBody(id, body));
    await feed.apply(saved.change);
    return saved;
  };
}

/** Hands a link of a note to the system (Rust refuses anything but http, https and mailto). */
export function openExternalLink(url: string) {
  return backend.openExternalLink(url);
}
