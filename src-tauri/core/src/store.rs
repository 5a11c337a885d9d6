//! The one place that opens SQLite, sets its PRAGMAs, migrates, and runs reads and writes.
//!
//! Rules:
//! - A file is inspected read-only first ([`crate::inspect`]); only a usable file is opened for
//!   writing, so a foreign, damaged or newer file is never modified.
//! - One connection behind a mutex is the single writer. Every user change is one transaction
//!   through [`Store::write`], which commits on `Ok`, rolls back on `Err`, and records the rows
//!   it touched for undo. Callers in async code run these calls on a blocking thread.
//! - `journal_mode=WAL` and `synchronous=FULL`: a committed edit survives a power cut.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{CoreError, CoreResult};
use crate::history::{Direction, History, HistoryEntry, HistoryState};
use crate::inspect::{
    inspect_database_file, open_read_only, FileProblem, FileProblemKind, FileState, APPLICATION_ID,
};
use crate::migrations::{latest_version, migrations};
use crate::mutation::{read_row, restore_row, ChangeSet, Changes, RowChange};

pub struct Store {
    connection: Mutex<Connection>,
    history: Mutex<History>,
    path: Option<PathBuf>,
}

/// The outcome of an undo or redo: the history after it, and the rows it put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replayed {
    pub history: HistoryState,
    pub changes: ChangeSet,
}

/// Whether opening created a new database (the caller may then add the demo product).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    Created,
    Existing,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock rolled its transaction back (the guard dropped it), so the
    // connection is still consistent and can be used again.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Store {
    /// Opens `path`, creating and setting it up when it does not exist or is empty.
    pub fn open(path: &Path) -> CoreResult<(Store, Opened)> {
        let opened = match inspect_database_file(path) {
            FileState::Refused(problem) => return Err(problem.into()),
            FileState::Missing | FileState::Blank => Opened::Created,
            FileState::Northstar { .. } => Opened::Existing,
        };
        let connection = Connection::open(path)?;
        let store = Store::set_up(connection, Some(path.to_path_buf()))?;
        Ok((store, opened))
    }

    /// Opens an existing, up-to-date Northstar database read-only, for the command line: it
    /// never creates, migrates or repairs a file, and writes through it fail.
    pub fn open_read_only(path: &Path) -> CoreResult<Store> {
        match inspect_database_file(path) {
            FileState::Refused(problem) => Err(problem.into()),
            FileState::Missing => Err(CoreError::not_found(
                "database file",
                path.display().to_string(),
            )),
            FileState::Blank => Err(FileProblem::new(
                FileProblemKind::NotNorthstar,
                "This file is empty: it holds no Northstar data yet.",
            )
            .into()),
            FileState::Northstar { schema_version } if schema_version < latest_version() => {
                Err(FileProblem::new(
                    FileProblemKind::Unreadable,
                    "This database was saved by an older Northstar. Open it in the app once to \
                     upgrade it.",
                )
                .into())
            }
            FileState::Northstar { .. } => Ok(Store {
                connection: Mutex::new(open_read_only(path)?),
                history: Mutex::default(),
                path: Some(path.to_path_buf()),
            }),
        }
    }

    pub fn open_in_memory() -> CoreResult<Store> {
        Store::set_up(Connection::open_in_memory()?, None)
    }

    fn set_up(mut connection: Connection, path: Option<PathBuf>) -> CoreResult<Store> {
        configure(&connection)?;
        // Marked as Northstar's before the schema is created: a crash in between leaves a file
        // judged "Northstar, version 0", which the next open migrates, instead of a file with
        // Northstar's tables that is refused as foreign.
        connection.pragma_update(None, "application_id", APPLICATION_ID)?;
        // rusqlite_migration applies all pending migrations in one transaction: a failure leaves
        // the file exactly at its previous version.
        migrations().to_latest(&mut connection)?;
        Ok(Store {
            connection: Mutex::new(connection),
            history: Mutex::default(),
            path,
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs read-only work on the connection.
    pub fn read<T>(&self, read: impl FnOnce(&Connection) -> CoreResult<T>) -> CoreResult<T> {
        let connection = lock(&self.connection);
        read(&connection)
    }

    /// Runs one user action as one transaction and records it for undo.
    pub fn write<T>(&self, action: impl FnOnce(&mut Changes) -> CoreResult<T>) -> CoreResult<T> {
        self.write_reporting(action).map(|(result, _)| result)
    }

    /// [`Store::write`], also saying which rows the action touched (empty when it changed
    /// nothing), so the shell can tell the UI exactly what to refetch.
    pub fn write_reporting<T>(
        &self,
        action: impl FnOnce(&mut Changes) -> CoreResult<T>,
    ) -> CoreResult<(T, ChangeSet)> {
        let mut connection = lock(&self.connection);
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut changes = Changes::new(&transaction);
        let result = action(&mut changes)?;
        let (label, rows) = changes.finish();
        transaction.commit()?;
        let change_set = ChangeSet::of(&rows);
        if !rows.is_empty() {
            lock(&self.history).record(HistoryEntry {
                label,
                changes: rows,
            });
        }
        Ok((result, change_set))
    }

    /// Runs a change that is not a user action (settings, the demo seed): one transaction, no
    /// undo entry.
    pub fn write_untracked<T>(
        &self,
        action: impl FnOnce(&Connection) -> CoreResult<T>,
    ) -> CoreResult<T> {
        let mut connection = lock(&self.connection);
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let result = action(&transaction)?;
        transaction.commit()?;
        Ok(result)
    }

    pub fn history_state(&self) -> HistoryState {
        lock(&self.history).state()
    }

    /// Reverts the last action. Refused (and the history cleared) if its rows were changed by
    /// something else since, because replaying old images would then lose that change.
    pub fn undo(&self) -> CoreResult<Replayed> {
        self.replay_history(Direction::Undo)
    }

    /// Re-applies the last undone action, under the same rule as [`Store::undo`].
    pub fn redo(&self) -> CoreResult<Replayed> {
        self.replay_history(Direction::Redo)
    }

    fn replay_history(&self, direction: Direction) -> CoreResult<Replayed> {
        let mut connection = lock(&self.connection);
        let mut history = lock(&self.history);
        let Some(entry) = history.take(direction) else {
            let verb = match direction {
                Direction::Undo => "undo",
                Direction::Redo => "redo",
            };
            return Err(CoreError::Conflict(format!("There is nothing to {verb}.")));
        };
        match replay(&mut connection, &entry.changes, direction) {
            Ok(()) => {
                let changes = ChangeSet::of(&entry.changes);
                history.replayed(direction, entry);
                Ok(Replayed {
                    history: history.state(),
                    changes,
                })
            }
            Err(error @ CoreError::Conflict(_)) => {
                history.clear();
                Err(error)
            }
            Err(error) => {
                history.put_back(direction, entry);
                Err(error)
            }
        }
    }
}

fn replay(connection: &mut Connection, rows: &[RowChange], direction: Direction) -> CoreResult<()> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let ordered: Vec<&RowChange> = match direction {
        Direction::Undo => rows.iter().rev().collect(),
        Direction::Redo => rows.iter().collect(),
    };
    for change in ordered {
        let (expected, target) = match direction {
            Direction::Undo => (&change.after, &change.before),
            Direction::Redo => (&change.before, &change.after),
        };
        let current = read_row(&transaction, change.table, &change.id)?;
        if &current != expected {
            return Err(CoreError::Conflict(
                "This can’t be undone any more: the data changed in the meantime.".into(),
            ));
        }
        restore_row(&transaction, change.table, &change.id, target.as_ref()).map_err(|error| {
            match error {
                // A row it depends on is gone (removed by another process): it can never replay.
                CoreError::Sqlite(ref sqlite)
                    if sqlite.sqlite_error_code()
                        == Some(rusqlite::ErrorCode::ConstraintViolation) =>
                {
                    CoreError::Conflict(
                        "This can’t be undone any more: the data changed in the meantime.".into(),
                    )
                }
                other => other,
            }
        })?;
    }
    transaction.commit()?;
    Ok(())
}

fn configure(connection: &Connection) -> CoreResult<()> {
    connection.busy_timeout(Duration::from_secs(5))?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    // In-memory databases answer "memory" here; files switch to WAL.
    let _mode: String =
        connection.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}
