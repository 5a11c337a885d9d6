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
//! No connection to the database may be open in this process while it runs (the app closes its
//! store first), and callers hold the [`crate::lock::DatabaseLock`].

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use crate::backup::{copy_database, create_backup, summarize_file, BackupReason, DatabaseSummary};
use crate::error::{CoreError, CoreResult};
use crate::files::{refuse_database_target, replace_file, sync_folder, with_suffix};
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
    let folder = std::path::absolute(database)?
        .parent()
        .map(Path::to_path_buf)
        .ok_or_else(|| CoreError::Refused("The database has no folder.".into()))?;

    // 2. The copy, made before anything of the current file changes.
    let source = open_read_only(candidate)?;
    let mut scratch = tempfile::Builder::new()
        .prefix(".restore.")
        .suffix(".partial")
        .tempfile_in(&folder)?;
    let scratch_path = scratch.path().to_path_buf();
    copy_into_scratch(&source, &scratch_path)?;
    drop(source);
    scratch.as_file_mut().sync_all()?;
    if !matches!(
        inspect_database_file(&scratch_path),
        FileState::Northstar { .. }
    ) {
        return Err(CoreError::Refused(
            "The copy of that backup did not read back as a Northstar database; nothing was \
             changed."
                .into(),
        ));
    }

    // 3. The current file, backed up and made whole.
    let safety_backup = back_up_current(database)?;
    fold_in_wal(database)?;

    // 4. The switch.
    if let Ok(metadata) = std::fs::metadata(database) {
        std::fs::set_permissions(&scratch_path, metadata.permissions())?;
    }
    scratch
        .persist(database)
        .map_err(|error| CoreError::from(error.error))?;
    sync_folder(&folder)?;
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

fn copy_into_scratch(source: &Connection, scratch: &Path) -> CoreResult<()> {
    let target = scratch.to_str().ok_or_else(|| {
        CoreError::Refused("The database folder's path is not valid text.".into())
    })?;
    source.execute("VACUUM INTO ?1", [target])?;
    Ok(())
}

/// A `before-restore` backup of the current database: a `VACUUM INTO` copy when it is a good
/// Northstar file, else a byte copy of whatever is there (a damaged file is kept, not lost).
fn back_up_current(database: &Path) -> CoreResult<Option<PathBuf>> {
    match inspect_database_file(database) {
        FileState::Missing | FileState::Blank => Ok(None),
        FileState::Northstar { .. } => {
            let connection = open_read_only(database)?;
            create_backup(&connection, database, BackupReason::BeforeRestore, now()).map(Some)
        }
        FileState::Refused(_) => {
            let folder = crate::backup::backups_folder(database);
            std::fs::create_dir_all(&folder)?;
            let name = format!(
                "{}.unreadable-before-restore",
                database
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default()
            );
            let bytes = std::fs::read(database)?;
            replace_file(&folder.join(name), |_, file| {
                use std::io::Write;
                file.write_all(&bytes)?;
                Ok(())
            })
            .map(Some)
        }
    }
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
    copy_database(connection, target)
}
