//! The one place that opens a database, migrates it, and runs reads and writes.
//!
//! Rules:
//! - A file is inspected read-only first ([`crate::inspect`]); only a usable file is opened for
//!   writing, so a foreign, damaged or newer file is never modified.
//! - One writer connection behind a mutex. Every user change is one transaction through
//!   [`Store::write`], which commits on `Ok`, rolls back on `Err`, and records the rows it
//!   touched for undo. Callers in async code run these calls on a blocking thread.
//! - Reads go to a pool of read-only connections ([`crate::readers`]): in WAL mode they never
//!   wait for the writer. In-memory and read-only stores read on their one connection.
//! - Before a pending migration of an existing file, a backup is made; migrations cannot cascade
//!   ([`crate::migrations::migrate`]).
//! - [`Store::close`] waits for the reads in flight, then checkpoints the WAL into the database
//!   file and closes every connection, so that the `.db` file alone holds every saved change
//!   and no `-wal`/`-shm` file remains. Lock order: the reader pool's, then the writer's, then
//!   the history's; no read ever takes the writer, so closing cannot wait on itself.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, TransactionBehavior};
use rusqlite_migration::M;

use crate::backup::{create_backup, BackupReason};
use crate::connection::{configure_writer, BUSY_TIMEOUT};
use crate::error::{CoreError, CoreResult};
use crate::history::{Direction, History, HistoryEntry, HistoryState};
use crate::idle::WriteSignal;
use crate::inspect::{
    inspect_database_file, open_read_only, FileProblem, FileProblemKind, FileState, APPLICATION_ID,
};
use crate::migrations::{latest_version, migrate, schema};
use crate::mutation::{ChangeSet, Changes};
use crate::readers::ReaderPool;
use crate::replay::replay;
use crate::rotation::rotate_backups_after;
use crate::sync::lock;
use crate::time::now;

pub struct Store {
    /// `None` once closed.
    writer: Mutex<Option<Connection>>,
    /// Read-only connections for file-backed stores that can write.
    readers: Option<ReaderPool>,
    history: Mutex<History>,
    path: Option<PathBuf>,
    signal: Arc<WriteSignal>,
    /// Data changes committed through this store (actions, undo, redo).
    generation: AtomicU64,
    /// `generation` when the last backup was taken.
    backed_up_generation: AtomicU64,
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

impl Store {
    /// Opens `path`, creating and setting it up when it does not exist or is empty.
    pub fn open(path: &Path) -> CoreResult<(Store, Opened)> {
        Store::open_with_schema(path, schema())
    }

    /// [`Store::open`] with another migration list (tests prove migrations with it).
    pub fn open_with_schema(path: &Path, list: &[M<'static>]) -> CoreResult<(Store, Opened)> {
        let opened = match inspect_database_file(path) {
            FileState::Refused(problem) => return Err(problem.into()),
            FileState::Missing | FileState::Blank => Opened::Created,
            FileState::Northstar { schema_version } => {
                if schema_version >= 1 && schema_version < list.len() as i64 {
                    back_up_before_migration(path)?;
                }
                Opened::Existing
            }
        };
        let connection = Connection::open(path)?;
        let mut store = Store::set_up(connection, Some(path.to_path_buf()), list)?;
        store.readers = Some(ReaderPool::new(path));
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
            FileState::Northstar { .. } => Ok(Store::with_connection(
                open_read_only(path)?,
                Some(path.to_path_buf()),
            )),
        }
    }

    pub fn open_in_memory() -> CoreResult<Store> {
        Store::set_up(Connection::open_in_memory()?, None, schema())
    }

    fn with_connection(connection: Connection, path: Option<PathBuf>) -> Store {
        Store {
            writer: Mutex::new(Some(connection)),
            readers: None,
            history: Mutex::default(),
            path,
            signal: Arc::default(),
            generation: AtomicU64::new(0),
            backed_up_generation: AtomicU64::new(0),
        }
    }

    fn set_up(
        mut connection: Connection,
        path: Option<PathBuf>,
        list: &[M<'static>],
    ) -> CoreResult<Store> {
        configure_writer(&connection, path.is_some())?;
        // Marked as Northstar's before the schema is created: a crash in between leaves a file
        // judged "Northstar, version 0", which the next open migrates, instead of a file with
        // Northstar's tables that is refused as foreign.
        connection.pragma_update(None, "application_id", APPLICATION_ID)?;
        migrate(&mut connection, list)?;
        Ok(Store::with_connection(connection, path))
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `work` on the writer connection (an error once the store is closed).
    fn with_writer<T>(&self, work: impl FnOnce(&mut Connection) -> CoreResult<T>) -> CoreResult<T> {
        let mut writer = lock(&self.writer);
        let connection = writer.as_mut().ok_or(CoreError::Closed)?;
        work(connection)
    }

    /// Runs read-only work on a reader connection: it sees the last committed state.
    pub fn read<T>(&self, read: impl FnOnce(&Connection) -> CoreResult<T>) -> CoreResult<T> {
        match &self.readers {
            Some(pool) => pool.read(read),
            None => self.with_writer(|connection| read(connection)),
        }
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
        let written = self.with_writer(|connection| {
            // Held for the whole action (always after the writer, as in a replay): the action
            // reads it for ranks an undo may bring back, and records itself in it at the end.
            let mut history = lock(&self.history);
            let transaction =
                connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut changes = Changes::new(&transaction, Some(&history));
            let result = action(&mut changes)?;
            let (label, rows, coalesce) = changes.finish();
            transaction.commit()?;
            let change_set = ChangeSet::of(&rows);
            if !rows.is_empty() {
                // Recorded while the writer is held, so no undo can slip in between.
                history.record(HistoryEntry {
                    label,
                    changes: rows,
                    coalesce,
                });
                self.generation.fetch_add(1, Ordering::AcqRel);
            }
            Ok((result, change_set))
        });
        if written.is_ok() {
            self.signal.wrote();
        }
        written
    }

    /// Runs a change that is not a user action (settings, the demo seed, repairs): one
    /// transaction, no undo entry.
    pub fn write_untracked<T>(
        &self,
        action: impl FnOnce(&Connection) -> CoreResult<T>,
    ) -> CoreResult<T> {
        let result = self.with_writer(|connection| {
            let transaction =
                connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let result = action(&transaction)?;
            transaction.commit()?;
            Ok(result)
        })?;
        self.signal.wrote();
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
        let replayed = self.with_writer(|connection| {
            let mut history = lock(&self.history);
            let Some(mut entry) = history.take(direction) else {
                let verb = match direction {
                    Direction::Undo => "undo",
                    Direction::Redo => "redo",
                };
                return Err(CoreError::NothingToUndo(format!(
                    "There is nothing to {verb}."
                )));
            };
            match replay(connection, &mut entry.changes, direction) {
                Ok(()) => {
                    let changes = ChangeSet::of(&entry.changes);
                    history.replayed(direction, entry);
                    self.generation.fetch_add(1, Ordering::AcqRel);
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
        });
        if replayed.is_ok() {
            self.signal.wrote();
        }
        replayed
    }

    pub(crate) fn write_signal(&self) -> Arc<WriteSignal> {
        Arc::clone(&self.signal)
    }

    /// Folds the WAL back into the database file and truncates it, without waiting for readers:
    /// whatever they do not hold back is folded in at once; `false` when one held some back.
    /// (A checkpoint that waited for a long read, a backup or an export, would hold the writer,
    /// and every save behind it, until it gave up.)
    pub fn checkpoint_without_waiting(&self) -> CoreResult<bool> {
        self.with_writer(|connection| {
            connection.busy_timeout(Duration::ZERO)?;
            let finished = checkpoint(connection);
            connection.busy_timeout(BUSY_TIMEOUT)?;
            finished
        })
    }

    /// Whether data changed through this store since its last backup (or since it opened).
    pub fn changed_since_backup(&self) -> bool {
        self.generation.load(Ordering::Acquire) != self.backed_up_generation.load(Ordering::Acquire)
    }

    /// A `VACUUM INTO` copy in the `backups/` folder beside the database, then the folder's
    /// rotation. Taken on a reader, so it does not hold up writes.
    pub fn back_up(&self, reason: BackupReason) -> CoreResult<PathBuf> {
        let path = self
            .path
            .clone()
            .ok_or_else(|| CoreError::Refused("an in-memory database has no backups".into()))?;
        let generation = self.generation.load(Ordering::Acquire);
        let backup = self.read(|connection| create_backup(connection, &path, reason, now()))?;
        self.backed_up_generation
            .store(generation, Ordering::Release);
        rotate_backups_after(&path, &[&backup]);
        Ok(backup)
    }

    /// Waits for the reads in flight, then checkpoints and closes every connection. Afterwards
    /// reads and writes fail with [`CoreError::Closed`]. Safe to call twice.
    pub fn close(&self) -> CoreResult<()> {
        self.signal.stop();
        if let Some(pool) = &self.readers {
            pool.close();
        }
        let Some(connection) = lock(&self.writer).take() else {
            return Ok(());
        };
        let checkpointed = if self.readers.is_some() {
            checkpoint(&connection).map(|_| ())
        } else {
            Ok(())
        };
        let closed = connection
            .close()
            .map_err(|(_, error)| CoreError::from(error));
        checkpointed.and(closed)
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        if let Err(error) = self.close() {
            tracing::warn!("closing the database failed: {error}");
        }
    }
}

/// `wal_checkpoint(TRUNCATE)`; `false` when a reader kept it from finishing (then what could
/// be folded in was, and the rest is folded in next time).
fn checkpoint(connection: &Connection) -> CoreResult<bool> {
    let (blocked, _, _): (i64, i64, i64) =
        connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?;
    if blocked != 0 {
        tracing::info!("checkpoint could not finish: a reader holds the WAL");
    }
    Ok(blocked == 0)
}

fn back_up_before_migration(path: &Path) -> CoreResult<()> {
    let connection = open_read_only(path)?;
    let backup = create_backup(&connection, path, BackupReason::BeforeMigration, now())?;
    tracing::info!("backed up {} before migrating it", backup.display());
    Ok(())
}
