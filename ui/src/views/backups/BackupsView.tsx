import { useIsMutating } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { backupKeys, useBackups, useRestoreBackup, type BackupInfo } from "../../api";
import { useCommands } from "../../commands/registry";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { formatDateTime, formatSize } from "../../lib/format";
import { backupTimes, describeContents, restoredMessage } from "./backupWording";
import { setBackupNotice, useBackupNotice } from "./backupNotice";
import styles from "./BackupsView.module.css";
import { RestoreDialog } from "./RestoreDialog";
import { reportBackupAction } from "./useBackupCommands";

/**
 * The database's backups: where the file and its backups are, each backup (newest first) with
 * when and why it was made, what it holds and its size, and Restore…; Back up now and Save a
 * copy… run the registry's commands. Rotation keeps the list short, so it is not virtualised.
 */
export function BackupsView() {
  const list = useBackups();
  const listFailure = useLoadFailure(list);
  const commands = useCommands();
  const backUpNow = commands.find((command) => command.id === "database.backUp");
  const saveCopy = commands.find((command) => command.id === "database.saveCopy");
  const isBackingUp = useIsMutating({ mutationKey: backupKeys.backUpNow }) > 0;
  const isSavingCopy = useIsMutating({ mutationKey: backupKeys.saveCopy }) > 0;
  const restore = useRestoreBackup();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const notice = useBackupNotice();
  // Only what happens while the view is open is shown in it.
  useEffect(() => {
    setBackupNotice(null);
    return () => setBackupNotice(null);
  }, []);

  const backups = useMemo(() => list.data?.backups ?? [], [list.data]);
  const times = useMemo(() => backupTimes(backups), [backups]);
  const timeOf = (backup: BackupInfo) => times.get(backup.fileName) ?? formatDateTime(backup.createdAt);
  const isEmpty = list.isSuccess && backups.length === 0;

  const backUpButton = (primary: boolean) => (
    // aria-disabled, not disabled: a disabled button drops the focus to the page's body.
    <button
      type="button"
      className={primary ? "button button-primary" : "button"}
      aria-disabled={isBackingUp}
      onClick={() => backUpNow?.run()}
    >
      {isBackingUp ? "Backing up…" : "Back up now"}
    </button>
  );

  const confirmRestore = (backup: BackupInfo) => {
    const when = timeOf(backup);
    setRestoring(null);
    restore.mutate({ fileName: backup.fileName }, { onSuccess: (outcome) => reportBackupAction(restoredMessage(when, outcome)) });
  };

  let content;
  if (listFailure) {
    content = <LoadError title="The backups couldn’t be listed." failure={listFailure} />;
  } else if (list.isPending) {
    content = <div className="loading" aria-busy="true" />;
  } else if (isEmpty) {
    content = (
      <div className="empty-state">
        <h2>No backups yet</h2>
        <p>Northstar makes one by itself when it closes after a change, and the next time it starts.</p>
        {backUpButton(true)}
      </div>
    );
  } else {
    content = (
      <div className={styles.tableFrame}>
        <table className={styles.table}>
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Backed up</th>
              <th scope="col">Why</th>
              <th scope="col">Holds</th>
              <th scope="col" className={styles.size}>
                Size
              </th>
              <th scope="col" className={styles.actions}>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <BackupRow
                key={backup.fileName}
                backup={backup}
                when={timeOf(backup)}
                isRestoring={restore.isPending}
                onRestore={() => setRestoring(backup)}
              />
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="view" aria-labelledby="backups-heading">
      <header className="view-header">
        <div>
          <p className="eyebrow">Database</p>
          <h1 id="backups-heading" tabIndex={-1}>
            Backups
          </h1>
          <p className="view-subtitle">
            Northstar backs up this database by itself once a day, when it closes after changes, and before an upgrade
            or a restore. It keeps every backup of the last day, one a day for a week and one a week for a month.
          </p>
        </div>
        <div className="view-header-tools">
          <button type="button" className="button" aria-disabled={isSavingCopy} onClick={() => saveCopy?.run()}>
            Save a copy…
          </button>
          {isEmpty ? null : backUpButton(true)}
        </div>
      </header>

      {list.data ? (
        <dl className={styles.files}>
          <dt>Database file</dt>
          <dd>
            <code>{list.data.databasePath}</code>
          </dd>
          <dt>Backups folder</dt>
          <dd>
            <code>{list.data.folder}</code>
          </dd>
        </dl>
      ) : null}

      {restore.isPending ? (
        <p className={styles.notice} aria-busy="true">
          Restoring the backup…
        </p>
      ) : notice ? (
        <p className={styles.notice}>{notice}</p>
      ) : null}

      {content}

      <RestoreDialog
        backup={restoring}
        when={restoring ? timeOf(restoring) : ""}
        onCancel={() => setRestoring(null)}
        onConfirm={confirmRestore}
      />
    </section>
  );
}

type BackupRowProps = { backup: BackupInfo; when: string; isRestoring: boolean; onRestore: () => void };

function BackupRow({ backup, when, isRestoring, onRestore }: BackupRowProps) {
  const summary = backup.summary ?? null;
  return (
    <tr>
      <th scope="row" className={styles.when}>
        {when}
      </th>
      <td>
        <span className={styles.reason}>{backup.reasonLabel}</span>
      </td>
      <td className={styles.holds}>
        {summary ? describeContents(summary) : <span className={styles.problem}>Can’t be read: {backup.problem}</span>}
      </td>
      <td className={styles.size}>{formatSize(backup.sizeBytes)}</td>
      <td className={styles.actions}>
        {summary ? (
          <button
            type="button"
            className="button"
            aria-label={`Restore the backup of ${when}…`}
            aria-disabled={isRestoring}
            onClick={() => {
              if (!isRestoring) onRestore();
            }}
          >
            Restore…
          </button>
        ) : null}
      </td>
    </tr>
  );
}
