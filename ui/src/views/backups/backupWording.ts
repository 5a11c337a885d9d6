//! The Backups view's sentences: what a backup holds, what a restore replaces, what an action
//! did. Counts, dates and reasons come from Rust; only the sentences are the UI's.
import type { BackupInfo, DatabaseSummary, RestoreOutcome, RestorePreview } from "../../api";
import { formatCount, formatDateTime } from "../../lib/format";

/** "1 product, 25 items". */
export function describeContents(summary: Pick<DatabaseSummary, "products" | "items">): string {
  return `${formatCount(summary.products, "product")}, ${formatCount(summary.items, "item")}`;
}

/** When a backup was made, in local time. */
export function backupTime(backup: Pick<BackupInfo, "createdAt">): string {
  return formatDateTime(backup.createdAt);
}

export function backupMadeMessage(backup: BackupInfo): string {
  const contents = backup.summary ? `: ${describeContents(backup.summary)}` : "";
  return `Backed up on ${backupTime(backup)}${contents}.`;
}

export function copySavedMessage(path: string): string {
  return `Saved a copy of the database to ${path}.`;
}

export function restoredMessage(backup: Pick<BackupInfo, "createdAt">, outcome: RestoreOutcome): string {
  const kept = outcome.safetyBackup ? " The database it replaced was backed up first." : "";
  return `Restored the backup of ${backupTime(backup)}: ${describeContents(outcome.restored)}.${kept}`;
}

export type RestoreWording = {
  title: string;
  /** What is open now, which the restore replaces. */
  current: string;
  /** What the backup holds. */
  backup: string;
  /** What happens to the current file and the history. */
  consequences: string;
};

/** The confirmation of a restore, from `preview_restore`'s answer. */
export function describeRestore(backup: Pick<BackupInfo, "createdAt">, preview: RestorePreview): RestoreWording {
  const when = backupTime(backup);
  const replaced = preview.replaced ?? null;
  let current = "Northstar can’t read the database that is open now; it is kept as it is in the backups.";
  if (replaced) {
    const changed = replaced.lastChangeAt ? `last changed ${formatDateTime(replaced.lastChangeAt)}` : "never changed";
    current = `${describeContents(replaced)}, ${changed}.`;
  }
  return {
    title: `Restore the backup of ${when}?`,
    current,
    backup: `${describeContents(preview.restored)}, backed up ${when}.`,
    consequences:
      "Everything in the open database is replaced by the backup, and undo starts afresh. Northstar backs up the " +
      "database as it is now first, so you can restore it from this list.",
  };
}
