//! Saves that are waiting or on their way (a Home field saved on blur, a move), so that undo and
//! redo run after them: pressing Undo blurs a field, and its save must reach Rust first, or the
//! undo would undo the wrong change (or the save would quietly redo what was undone).

type Flush = () => Promise<void>;

const flushes = new Set<Flush>();

/** Registers what saves a form's pending edits (and waits for saves on their way). */
export function registerPendingSave(flush: Flush): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/** Saves every pending edit and waits until each save has been answered (failed ones included). */
export async function flushPendingSaves(): Promise<void> {
  await Promise.all([...flushes].map((flush) => flush().catch(() => undefined)));
}
