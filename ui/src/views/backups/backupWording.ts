//! The Backups view's sentences: what a backup holds, what a restore replaces, what an action
//! did. Counts, dates and reasons come from Rust; only the sentences are the UI's.
import type { BackupInfo, DatabaseSummary, RestoreOutcome, RestorePreview } from "../../api";
import { formatCount, formatDateTime } from "../../lib/format";

/** "1 product, 25 items". */
export function describeContents(summary: Pick<DatabaseSummary, "products" | "items">): string {
  return `${formatCount(summary.products, "product")}, ${formatCount(summary.items, "item")}`;
}

/**
 * When each backup was made, in local time, by file name: to the minute, or to the second for
 * backups that share their minute with another (a backup, then a restore a moment later), so
 * that no two rows, buttons or dialogs name the same time.
 */
export function backupTimes(backups: readonly Pick<BackupInfo, "fileName" | "createdAt">[]): Map<string, string> {
  const byMinute = new Map<string, number>();
  for (const backup of backups) {
    const minute = formatDateTime(backup.createdAt);
    byMinute.set(minute, (byMinute.get(minute) ?? 0) + 1);
  }
  return new Map(
    backups.map((backup) => {
      const minute = formatDateTime(backup.createdAt);
      const shared = (byMinute.get(minute) ?? 0) > 1;
      return [backup.fileName, shared ? formatDateTime(backup.createdAt, { seconds: true }) : minute];
    }),
  );
}

export function backupMadeMessage(backup: BackupInfo): string {
  const contents = backup.summary ? `: ${describeContents(backup.summary)}` : "";
  return `Backed up on ${formatDateTime(backup.createdAt)}${contents}.`;
}

export function copySavedMessage(path: string): string {
  return `Saved a copy of the database to ${path}.`;
}

/** After restoring the backup made at `when`. */
export function restoredMessage(when: string, outcome: RestoreOutcome): string {
  const kept = outcome.safetyBackup ? " The database it replaced was backed up first." : "";
  return `Restored the backup of ${when}: ${describeContents(outcome.restored)}.${kept}`;
}

/** What a database holds, and when (a line of its own: dates read badly when they wrap). */
export type ContentsAndTime = { contents: string; time: string };

export type RestoreWording = {
  title: string;
  /** What is open now, which the restore replaces. */
  current: ContentsAndTime;
  /** What the backup holds. */
  backup: ContentsAndTime;
  /** What happens to the current file and the history. */
  consequences: string;
};

export function restoreTitle(when: string): string {
  return `Restore the backup of ${when}?`;
}

/** The confirmation of restoring the backup made at `when`, from `preview_restore`'s answer. */
export function describeRestore(when: string, preview: RestorePreview): RestoreWording {
  const replaced = preview.replaced ?? null;
  const current = replaced
    ? {
        contents: describeContents(replaced),
        time: replaced.lastChangeAt ? `last changed ${formatDateTime(replaced.lastChangeAt)}` : "never changed",
      }
    : { contents: "Northstar can’t read it", time: "it is kept as it is in the backups" };
  return {
    title: restoreTitle(when),
    current,
    backup: { contents: describeContents(preview.restored), time: `backed up ${when}` },
    consequences:
      "Everything in the open database is replaced by the backup, and undo starts afresh. Northstar backs up the " +
      "database as it is now first, so you can restore it from this list.",
  };
}
