import { useId, useState, type FormEvent } from "react";
import { useOpenDatabase, useStartNewDatabase, type AppStatus, type DatabaseProblem } from "../api";
import { DatabaseIcon } from "../components/icons";

/** Shown instead of everything else when the database file can't be used. */
export function ProblemScreen({ status, problem }: { status: AppStatus; problem: DatabaseProblem }) {
  const [path, setPath] = useState("");
  const openDatabase = useOpenDatabase();
  const startNew = useStartNewDatabase();
  const pathId = useId();
  const busy = openDatabase.isPending || startNew.isPending;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    openDatabase.mutate({ path: path.trim() });
  };

  return (
    <main className="problem-screen">
      <div className="problem-card" data-problem={problem.kind}>
        <div className="problem-icon">
          <DatabaseIcon width={22} height={22} />
        </div>
        <h1>This file can’t be opened</h1>
        <p className="problem-message">{problem.message}</p>
        {status.databasePath ? (
          <p className="problem-path">
            <span className="muted">File:</span> <code>{status.databasePath}</code>
          </p>
        ) : null}

        <form className="problem-form" onSubmit={onSubmit}>
          <label htmlFor={pathId} className="field-label">
            Database file path
          </label>
          <div className="inline-form">
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

        <div className="problem-divider" aria-hidden="true">
          <span>or</span>
        </div>

        <button type="button" className="button button-primary problem-new" disabled={busy} onClick={() => startNew.mutate()}>
          Start a new database
        </button>
        <p className="field-hint">
          A fresh file in Northstar’s data folder, with a demo product to explore. The file above is left untouched.
        </p>
      </div>
    </main>
  );
}
