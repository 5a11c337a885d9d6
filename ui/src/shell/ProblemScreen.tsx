import { useId, useState, type FormEvent } from "react";
import { useOpenDatabase, useStartNewDatabase, type AppStatus, type DatabaseProblem } from "../api";
import { quitApp, useRetryOpenDatabase } from "../api/lifecycle";
import { declareQuitCommand } from "../commands/appCommands";
import { useGlobalShortcuts } from "../commands/useGlobalShortcuts";
import { ConfirmDialog } from "../components/Dialogs";
import { DatabaseIcon } from "../components/icons";
import { showError } from "../feedback/toasts";
import { cx } from "../lib/classNames";
import styles from "./ProblemScreen.module.css";

// Ctrl+Q quits here too (nothing is open, so there is nothing to save first).
const QUIT_COMMANDS = [declareQuitCommand(() => void quitApp().catch(showError))];

/**
 * Shown instead of everything else when the database file can't be used. A file that is busy
 * (open in another Northstar window or process) only offers to try again: nothing is wrong with
 * it. Starting a new database changes the file Northstar opens from now on with one click, so it
 * asks first (opening a file the user typed is already that choice).
 */
export function ProblemScreen({ status, problem }: { status: AppStatus; problem: DatabaseProblem }) {
  const [path, setPath] = useState("");
  const [confirmNew, setConfirmNew] = useState(false);
  const openDatabase = useOpenDatabase();
  const startNew = useStartNewDatabase();
  const retry = useRetryOpenDatabase();
  const pathId = useId();
  const busy = openDatabase.isPending || startNew.isPending || retry.isPending;
  useGlobalShortcuts(QUIT_COMMANDS);
  const isBusyFile = problem.kind === "busy";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    openDatabase.mutate({ path: path.trim() });
  };

  const confirm = () => {
    setConfirmNew(false);
    startNew.mutate();
  };

  return (
    <main className={styles.screen}>
      <div className={styles.card} data-problem={problem.kind}>
        <div className={styles.icon}>
          <DatabaseIcon width={22} height={22} />
        </div>
        <h1>{isBusyFile ? "This file is in use" : "This file can’t be opened"}</h1>
        <p className={styles.message}>{problem.message}</p>
        {status.databasePath ? (
          <p className={styles.path}>
            <span className="muted">File:</span> <code>{status.databasePath}</code>
          </p>
        ) : null}

        {isBusyFile ? (
          <button
            type="button"
            className={cx("button button-primary", styles.newDatabase)}
            disabled={busy}
            onClick={() => retry.mutate()}
          >
            Try again
          </button>
        ) : (
          <>
            <form className={styles.form} onSubmit={onSubmit}>
              <label htmlFor={pathId} className="field-label">
                Database file path
              </label>
              <div className={styles.inlineForm}>
                <input
                  id={pathId}
                  className="input"
                  value={path}
                  onChange={(event) => setPath(event.target.value)}
                  placeholder="/home/you/Documents/northstar.db"
                  autoComplete="off"
                  spellCheck={false}
                />
                <button type="submit" className="button" disabled={busy}>
                  Open file
                </button>
              </div>
            </form>

            <div className={styles.divider} aria-hidden="true">
              <span>or</span>
            </div>

            <button
              type="button"
              className={cx("button button-primary", styles.newDatabase)}
              disabled={busy}
              onClick={() => setConfirmNew(true)}
            >
              Start a new database
            </button>
            <p className="field-hint">
              A fresh file in Northstar’s data folder, with a demo product to explore. The file above is left untouched.
            </p>
          </>
        )}
        <p className="field-hint">
          Details are in Northstar’s log: <code>{status.logFolder}</code>
        </p>
      </div>

      <ConfirmDialog
        isOpen={confirmNew}
        title="Start a new database?"
        confirmLabel="Start a new database"
        onCancel={() => setConfirmNew(false)}
        onConfirm={confirm}
      >
        <p>
          Northstar will open a new file from now on instead of <code>{status.databasePath}</code>. That file is left
          untouched, and you can open it again later.
        </p>
      </ConfirmDialog>
    </main>
  );
}
