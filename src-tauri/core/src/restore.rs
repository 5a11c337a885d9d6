//! Restoring a database from a backup (or any good Northstar file).
//!
//! Order of events, each step safe to stop after:
//! 1. The candidate is inspected read-only, like a file being opened: anything Northstar would
//!    refuse (not a database, damaged, truncated, from a newer Northstar, empty) is refused, and
//!    neither file is touched.
//! 2. A `VACUUM INTO` copy of the candidate is made in a scratch file beside the database and
//!    inspected again.
//! 3. The current database is backed up (`before-restore`) and its WAL folded in and removed, so
//!    no old WAL can ever be replayed onto the restored file.
//! 4. The scratch file is renamed over the database in one step, the folder synced.
//!
//! Through a symbolic link, the file behind the link is replaced, not the link.
//!
//! No connection to the database may be open in this process while it runs (the app closes its
//! store first), and callers hold the [`crate::lock::DatabaseLock`].

use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use crate::backup::{
    copy_database, create_backup, summarize_file, vacuum_into, BackupReason, DatabaseSummary,
    NAME_TIME_FORMAT,
};
use crate::error::{CoreError, CoreResult};
use crate::files::{prepare_file, refuse_database_target, with_suffix};
use crate::inspect::{inspect_database_file, open_read_only, FileState};
use crate::rotation::rotate_backups_after;
use crate::time::now;

/// What a restore would replace, for the confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RestorePreview {
    /// The backup to restore.
    pub restored: DatabaseSummary,
    /// The database as it is now; `None` when it is missing or unreadable.
    pub replaced: Option<DatabaseSummary>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RestoreOutcome {
    pub restored: DatabaseSummary,
    pub replaced: Option<DatabaseSummary>,
    /// The backup of the file that was replaced, if there was one.
    pub safety_backup: Option<String>,
}

/// Inspects `candidate` and the current database without changing either.
pub fn preview_restore(database: &Path, candidate: &Path) -> CoreResult<RestorePreview> {
    refuse_database_target(candidate, database)
        .map_err(|_| CoreError::Refused("That file is the database itself.".into()))?;
    let restored = summarize_file(candidate)?;
    let replaced = summarize_file(database).ok();
    Ok(RestorePreview { restored, replaced })
}

/// Replaces `database` with a copy of `candidate` (see the module's order of events).
pub fn restore_database(database: &Path, candidate: &Path) -> CoreResult<RestoreOutcome> {
    let RestorePreview { restored, replaced } = preview_restore(database, candidate)?;
    // Through a link, the file behind it is the one replaced (SQLite keeps its -wal beside that
    // one, too); backups stay beside the path the user knows.
    let file = database
        .canonicalize()
        .unwrap_or_else(|_| database.to_path_buf());

    // 2. The copy, made before anything of the current file changes.
    let source = open_read_only(candidate)?;
    let pending = prepare_file(&file, None, |scratch, _| vacuum_into(&source, scratch))?;
    drop(source);
    if !matches!(
        inspect_database_file(pending.path()),
        FileState::Northstar { .. }
    ) {
        return Err(CoreError::Refused(
            "The copy of that backup did not read back as a Northstar database; nothing was \
             changed."
                .into(),
        ));
    }

    // 3. The current file, backed up and made whole.
    let safety_backup = back_up_current(database, &file)?;
    fold_in_wal(&file)?;

    // 4. The switch.
    pending.commit()?;
    // Neither the backup restored from nor the one just made of the replaced file may go.
    let mut keep = vec![candidate];
    keep.extend(safety_backup.as_deref());
    rotate_backups_after(database, &keep);
    tracing::info!(
        "restored {} from {}",
        database.display(),
        candidate.display()
    );
    Ok(RestoreOutcome {
        restored,
        replaced,
        safety_backup: safety_backup.map(|path| path.display().to_string()),
    })
}

/// A `before-restore` backup of the current database (`file`, reached as `database`): a
/// `VACUUM INTO` copy when it is a good Northstar file, else a byte copy of whatever is there,
/// its `-wal` included (a damaged file, or one from a newer Northstar, is kept, not lost).
fn back_up_current(database: &Path, file: &Path) -> CoreResult<Option<PathBuf>> {
    match inspect_database_file(file) {
        FileState::Missing | FileState::Blank => Ok(None),
        FileState::Northstar { .. } => {
            let connection = open_read_only(file)?;
            create_backup(&connection, database, BackupReason::BeforeRestore, now()).map(Some)
        }
        FileState::Refused(_) => {
            let folder = crate::backup::backups_folder(database);
            std::fs::create_dir_all(&folder)?;
            let name = format!(
                "{}.{}.unreadable-before-restore",
                database
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                now().format(NAME_TIME_FORMAT)
            );
            let copy = folder.join(name);
            let wal = with_suffix(file, "-wal");
            if std::fs::metadata(&wal).is_ok_and(|metadata| metadata.len() > 0) {
                copy_bytes(&wal, &with_suffix(&copy, "-wal"))?;
            }
            copy_bytes(file, &copy).map(Some)
        }
    }
}

/// A byte-for-byte copy of `source` at `target`, through the one file-writing helper.
fn copy_bytes(source: &Path, target: &Path) -> CoreResult<PathBuf> {
    prepare_file(target, Some(source), |_, file| {
        std::io::copy(&mut File::open(source)?, file)?;
        Ok(())
    })?
    .commit()
}

/// Folds a leftover `-wal` into the current file and removes `-wal`/`-shm`, so that the old WAL
/// can never be applied to the restored file.
fn fold_in_wal(database: &Path) -> CoreResult<()> {
    let wal = with_suffix(database, "-wal");
    let shm = with_suffix(database, "-shm");
    if wal.exists() && matches!(inspect_database_file(database), FileState::Northstar { .. }) {
        let connection = Connection::open(database)?;
        connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        connection.close().map_err(|(_, error)| error)?;
    }
    for leftover in [wal, shm] {
        match std::fs::remove_file(&leftover) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(error.into()),
        }
    }
    Ok(())
}

/// Writes a copy of the database `connection` reads to `target` ("Save a copy…", `backup
/// --out`), refusing the database itself and its working files as targets.
pub fn save_copy(connection: &Connection, database: &Path, target: &Path) -> CoreResult<PathBuf> {
    refuse_database_target(target, database)?;
    copy_database(connection, database, target)
}
