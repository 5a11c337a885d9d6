//! The fake backend's backups folder: what `list_backups`, `back_up_now`, `preview_restore` and
//! `restore_backup` answer in Rust (`src-tauri/commands/backups.rs`, `core/src/backup.rs`), checked
//! by the replayed contract. A backup holds a snapshot of the fake's data; an unreadable one
//! stands for a file in the folder that is named like a backup but is not a database.
import type { BackupInfo, BackupList, BackupReason, DatabaseSummary } from "../src/api/client";
import { fail, invalid, notFound } from "./fake-rules";

/** A backup that was in the folder before the session, `daysAgo` days before the fake's clock. */
export type FakeBackupSeed = { reason: BackupReason; daysAgo: number; unreadable?: boolean };

const FOLDER = "/home/po/.local/share/northstar/backups";

/** Rust's `BackupReason::tag`: the reason's part of the file name. */
const TAGS: Record<BackupReason, string> = {
  automatic: "auto",
  manual: "manual",
  beforeMigration: "pre-migration",
  beforeRestore: "pre-restore",
  beforeRepair: "pre-repair",
  atExit: "exit",
};

/** Rust's `BackupReason::label`. */
const LABELS: Record<BackupReason, string> = {
  automatic: "Daily",
  manual: "Backed up by you",
  beforeMigration: "Before an upgrade",
  beforeRestore: "Before a restore",
  beforeRepair: "Before a repair",
  atExit: "When Northstar closed",
};

/** What `inspect.rs` says of a file that is not a database at all. */
const NOT_A_DATABASE = "This file isn’t a Northstar database (it isn’t a database at all).";

/** Rust's `parse_backup_name` for a database called `northstar.db`. */
const BACKUP_NAME = /^northstar\.\d{8}T\d{9}Z\.(auto|manual|pre-migration|pre-restore|pre-repair|exit)\.db$/;

type Backup<D> = { info: BackupInfo & { summary: DatabaseSummary | null }; data: D | null };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The backups of one fake database. `now` is the fake's clock (each new backup is a minute
 * after the previous one, so the newest is always first), `summarize` reads what data holds.
 */
export function createFakeBackups<D>({
  now,
  seeds,
  initial,
  summarize,
  clone,
}: {
  now: string;
  seeds: readonly FakeBackupSeed[];
  initial: D;
  summarize: (data: D) => DatabaseSummary;
  clone: (data: D) => D;
}) {
  const start = Date.parse(now);
  let minutes = 0;
  const backups: Backup<D>[] = [];

  const add = (reason: BackupReason, at: number, data: D | null): BackupInfo => {
    const createdAt = new Date(at).toISOString();
    const fileName = `northstar.${createdAt.replace(/[-:.]/g, "")}.${TAGS[reason]}.db`;
    const summary = data === null ? null : summarize(data);
    const info = {
      fileName,
      path: `${FOLDER}/${fileName}`,
      createdAt,
      reason,
      reasonLabel: LABELS[reason],
      // A stand-in: the real size depends on SQLite's pages (the contract does not compare it).
      sizeBytes: summary === null ? 14 : 65_536 + 512 * (summary.products + summary.items),
      summary,
      problem: data === null ? NOT_A_DATABASE : null,
    };
    backups.push({ info, data: data === null ? null : clone(data) });
    return { ...info };
  };

  for (const seed of seeds) add(seed.reason, start - seed.daysAgo * DAY_MS, seed.unreadable ? null : initial);

  /** Rust's `backup_path` and `summarize_file`: a readable backup of this database, or the error. */
  const readable = (fileName: string): Backup<D> & { data: D; info: { summary: DatabaseSummary } } => {
    if (!BACKUP_NAME.test(fileName)) fail(invalid("backup", "That is not one of this database’s backups."));
    const backup = backups.find((candidate) => candidate.info.fileName === fileName);
    if (!backup) fail(notFound("backup", fileName));
    if (backup.data === null || backup.info.summary === null) {
      fail({ kind: "DatabaseUnavailable", detail: { message: backup.info.problem ?? NOT_A_DATABASE } });
    }
    return backup as Backup<D> & { data: D; info: { summary: DatabaseSummary } };
  };

  return {
    list: (databasePath: string): BackupList => ({
      databasePath,
      folder: FOLDER,
      backups: [...backups]
        .sort((a, b) => b.info.createdAt.localeCompare(a.info.createdAt) || b.info.fileName.localeCompare(a.info.fileName))
        .map((backup) => ({ ...backup.info })),
    }),
    /** A new backup of `data`, a minute after the previous one. */
    make: (reason: BackupReason, data: D): BackupInfo => {
      minutes += 1;
      return add(reason, start + minutes * 60_000, data);
    },
    readable,
  };
}
