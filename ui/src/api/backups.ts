//! The Backups view's queries and actions (the rules of `queries.ts` apply: no retries, errors of
//! queries shown in place, errors of actions as toasts).
//!
//! Backups are files, not rows: no `DataChanged` names them. The list is read again whenever the
//! view is shown (the app backs up by itself at start and at exit) and after each action here; a
//! restore changes everything, and its `DataChanged` says so.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import { backend, type BackupInfo } from "./client";
import { flushPendingSaves } from "./pendingSaves";
import { queryKeys } from "./queries";

export const backupKeys = {
  all: ["backups"] as const,
  preview: (fileName: string) => ["backups", "preview", fileName] as const,
  /** Mutation keys: views show that an action is under way with `useIsMutating`. */
  backUpNow: ["backUpNow"] as const,
  saveCopy: ["saveDatabaseCopy"] as const,
  restore: ["restoreBackup"] as const,
};

const SHOWN_IN_PLACE = { errorShownInPlace: true } as const;

/** The database's backups, newest first, with the file and folder they belong to. */
export function useBackups() {
  return useQuery({ queryKey: backupKeys.all, queryFn: backend.listBackups, staleTime: 0, meta: SHOWN_IN_PLACE });
}

/** What restoring `fileName` would replace, read afresh each time the confirmation opens. */
export function useRestorePreview(fileName: string | null) {
  return useQuery({
    queryKey: backupKeys.preview(fileName ?? ""),
    queryFn: () => backend.previewRestore(fileName ?? ""),
    enabled: fileName !== null,
    staleTime: 0,
    gcTime: 0,
    meta: SHOWN_IN_PLACE,
  });
}

/** Makes a backup now (after any field still being saved); resolves once the list shows it. */
export function useBackUpNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: backupKeys.backUpNow,
    mutationFn: async (): Promise<BackupInfo> => {
      await flushPendingSaves();
      const made = await backend.backUpNow();
      await queryClient.invalidateQueries({ queryKey: backupKeys.all });
      return made;
    },
  });
}

/** "Save a copy…": Rust opens the native save dialog; resolves to the path, or null if cancelled. */
export function useSaveDatabaseCopy() {
  return useMutation({
    mutationKey: backupKeys.saveCopy,
    mutationFn: async () => {
      await flushPendingSaves();
      return backend.saveDatabaseCopy();
    },
  });
}

/**
 * Replaces the database with a backup. Resolves once every query has been read again from the
 * restored file (the change is "everything"). A failed restore has reopened the current file,
 * with a fresh history, and may have backed it up: both are read again.
 */
export function useRestoreBackup() {
  const queryClient = useQueryClient();
  const feed = changeFeedOf(queryClient);
  return useMutation({
    mutationKey: backupKeys.restore,
    mutationFn: async ({ fileName }: { fileName: string }) => {
      await flushPendingSaves();
      const saved = await feed.track(() => backend.restoreBackup(fileName));
      await feed.apply(saved.change ?? null);
      return saved.value;
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.history });
      void queryClient.invalidateQueries({ queryKey: backupKeys.all });
    },
  });
}
