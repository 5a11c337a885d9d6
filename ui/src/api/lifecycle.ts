//! Hooks for the app's life: trying a busy database again, and quitting.
import { useEffect } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { backend, subscribeToCloseRequested } from "./client";
import { flushPendingSaves } from "./pendingSaves";
import { queryKeys } from "./queries";

/** Opens the current database file again (it was open in another Northstar window or process). */
export function useRetryOpenDatabase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => backend.retryOpenDatabase(),
    onSuccess: async (status) => {
      queryClient.setQueryData(queryKeys.appStatus, status);
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== queryKeys.appStatus[0],
      });
    },
  });
}

/**
 * Quits Northstar the way closing the window does (the database is checkpointed and closed),
 * after the edits still waiting to be saved (a Home field being typed in) reached Rust.
 */
export async function quitApp(): Promise<null> {
  await flushPendingSaves();
  return backend.quitApp();
}

/**
 * The window's close button saves what is waiting first: Rust holds the close (a few seconds at
 * most) and asks; the answer is the ordinary quit, after every pending save (a note's body
 * between two autosaves) reached Rust.
 */
export function useSaveBeforeClose() {
  useEffect(() => {
    // Rust holds the close button only once the answer can arrive.
    return subscribeToCloseRequested(
      () => void quitApp(),
      () => void backend.guardClose().catch((error: unknown) => console.warn("Closing will not wait for saves", error)),
    );
  }, []);
}
