//! Autosave with no lost keystrokes: edits are saved a moment after typing pauses, one save on
//! its way at a time (the newest text goes next), and `flush()` saves whatever is waiting now
//! (on blur, on switching notes, before undo and before the window closes). A failed save keeps
//! the text as unsaved and is tried again with the next edit or flush.

export type SaveStatus = "saved" | "unsaved" | "saving" | "failed";

export type Autosave = {
  /** The editor's text changed. */
  edit: (text: string) => void;
  /** Saves what is waiting at once; resolves when everything typed so far reached the store. */
  flush: () => Promise<void>;
  status: () => SaveStatus;
  /** The last text the store acknowledged. */
  saved: () => string;
  /** The store's text changed underneath (an undo): it is the saved and the current text now. */
  rebase: (text: string) => void;
  /** Stops the timer (the pending text is flushed first by the owner, if it wants). */
  dispose: () => void;
};

export type AutosaveOptions = {
  initial: string;
  save: (text: string) => Promise<unknown>;
  delayMs: number;
  onStatus: (status: SaveStatus) => void;
};

export function createAutosave({ initial, save, delayMs, onStatus }: AutosaveOptions): Autosave {
  let savedText = initial;
  let latest = initial;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let failed = false;
  let current: SaveStatus = "saved";

  const report = () => {
    const next: SaveStatus = inFlight ? "saving" : latest !== savedText ? (failed ? "failed" : "unsaved") : "saved";
    if (next !== current) {
      current = next;
      onStatus(next);
    }
  };

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  /** Saves until the store holds the newest text (or a save fails). */
  const run = async (): Promise<void> => {
    while (latest !== savedText) {
      const text = latest;
      try {
        await save(text);
        savedText = text;
        failed = false;
      } catch {
        failed = true;
        return;
      }
    }
  };

  const start = (): Promise<void> => {
    clearTimer();
    if (inFlight) return inFlight.then(() => (latest !== savedText && !failed ? start() : undefined));
    if (latest === savedText) return Promise.resolve();
    inFlight = run().finally(() => {
      inFlight = null;
      report();
    });
    report();
    return inFlight;
  };

  return {
    edit(text) {
      latest = text;
      failed = false;
      clearTimer();
      if (latest !== savedText) timer = setTimeout(() => void start(), delayMs);
      report();
    },
    flush: () => start(),
    status: () => current,
    saved: () => savedText,
    rebase(text) {
      clearTimer();
      savedText = text;
      latest = text;
      failed = false;
      report();
    },
    dispose: clearTimer,
  };
}
