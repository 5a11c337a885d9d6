import { describeError, toUiError, useRestorePreview, type BackupInfo } from "../../api";
import { ConfirmDialog } from "../../components/Dialogs";
import { describeRestore, restoreTitle } from "./backupWording";
import styles from "./BackupsView.module.css";

type RestoreDialogProps = {
  /** The backup to restore; the dialog is open while it is set. */
  backup: BackupInfo | null;
  /** When it was made, as its row says. */
  when: string;
  onCancel: () => void;
  onConfirm: (backup: BackupInfo) => void;
};

/**
 * The confirmation of a restore: what is open now and what the backup holds, both read by Rust
 * (`preview_restore`) when the dialog opens. Cancel has the focus; Restore waits for the preview.
 */
export function RestoreDialog({ backup, when, onCancel, onConfirm }: RestoreDialogProps) {
  const preview = useRestorePreview(backup?.fileName ?? null);
  const wording = backup && preview.data ? describeRestore(when, preview.data) : null;
  let body;
  if (preview.isError) {
    body = (
      <p role="alert" className={styles.previewError}>
        This backup can’t be restored. {describeError(toUiError(preview.error))}
      </p>
    );
  } else if (wording) {
    body = (
      <>
        <dl className={styles.comparison}>
          <dt>Open now</dt>
          <dd>
            {wording.current.contents}
            <span className="visually-hidden">, </span>
            <span className={styles.time}>{wording.current.time}</span>
          </dd>
          <dt>The backup</dt>
          <dd>
            {wording.backup.contents}
            <span className="visually-hidden">, </span>
            <span className={styles.time}>{wording.backup.time}</span>
          </dd>
        </dl>
        <p>{wording.consequences}</p>
      </>
    );
  } else {
    body = <p aria-busy="true">Reading the backup…</p>;
  }
  return (
    <ConfirmDialog
      isOpen={backup !== null}
      title={backup ? restoreTitle(when) : "Restore a backup?"}
      confirmLabel="Restore backup"
      size="medium"
      isConfirmDisabled={wording === null}
      onCancel={onCancel}
      onConfirm={() => {
        if (backup && wording) onConfirm(backup);
      }}
    >
      {body}
    </ConfirmDialog>
  );
}
