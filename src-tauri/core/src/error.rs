//! The core's one error type. The shell maps it to the typed error that crosses IPC; raw SQLite
//! or OS text is kept for logs and never shown to the user as is.

use crate::inspect::FileProblem;

pub type CoreResult<T> = Result<T, CoreError>;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{entity} {id} was not found")]
    NotFound { entity: &'static str, id: String },

    #[error("{field}: {reason}")]
    Invalid { field: &'static str, reason: String },

    #[error("{0}")]
    Conflict(String),

    /// Undo or redo with an empty history; the message says which.
    #[error("{0}")]
    NothingToUndo(String),

    #[error("the disk is full")]
    DiskFull,

    /// Another process holds the database (the app's lock, or SQLite's after the busy timeout).
    #[error("the database is in use by another Northstar window or process")]
    Busy,

    /// SQLite would not switch the file to WAL journaling (a file system without shared memory,
    /// such as some network shares). Northstar refuses to run without it.
    #[error("SQLite refused WAL journaling (the journal mode stayed “{0}”)")]
    WalRefused(String),

    /// The store was closed (the app is quitting or switching files).
    #[error("the database is closed")]
    Closed,

    /// A file the user named cannot be written there (for example the database itself).
    #[error("{0}")]
    Refused(String),

    /// The file is not one Northstar can open; it was left untouched.
    #[error("{0}")]
    File(FileProblem),

    #[error("SQLite error: {0}")]
    Sqlite(#[source] rusqlite::Error),

    #[error("migration failed: {0}")]
    Migration(#[source] rusqlite_migration::Error),

    #[error("file error: {0}")]
    Io(#[source] std::io::Error),

    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
}

impl CoreError {
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        CoreError::Invalid {
            field,
            reason: reason.into(),
        }
    }

    pub fn not_found(entity: &'static str, id: impl Into<String>) -> Self {
        CoreError::NotFound {
            entity,
            id: id.into(),
        }
    }
}

/// ENOSPC (and a quota that is used up) from the OS.
fn is_disk_full(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    ) || error.raw_os_error() == Some(28)
}

impl From<rusqlite::Error> for CoreError {
    fn from(error: rusqlite::Error) -> Self {
        // A full disk and a busy file are the storage failures the user can act on, so each gets
        // its own kind, from whichever layer reports it.
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => CoreError::DiskFull,
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                CoreError::Busy
            }
            _ => CoreError::Sqlite(error),
        }
    }
}

impl From<std::io::Error> for CoreError {
    fn from(error: std::io::Error) -> Self {
        if is_disk_full(&error) {
            CoreError::DiskFull
        } else {
            CoreError::Io(error)
        }
    }
}

impl From<rusqlite_migration::Error> for CoreError {
    fn from(error: rusqlite_migration::Error) -> Self {
        match error {
            rusqlite_migration::Error::RusqliteError { err, .. } => match CoreError::from(err) {
                CoreError::Sqlite(err) => {
                    CoreError::Migration(rusqlite_migration::Error::RusqliteError {
                        query: String::new(),
                        err,
                    })
                }
                mapped => mapped,
            },
            other => CoreError::Migration(other),
        }
    }
}

impl From<FileProblem> for CoreError {
    fn from(problem: FileProblem) -> Self {
        CoreError::File(problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite_error(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn a_full_disk_is_disk_full_from_every_layer() {
        assert!(matches!(
            CoreError::from(sqlite_error(rusqlite::ffi::SQLITE_FULL)),
            CoreError::DiskFull
        ));
        assert!(matches!(
            CoreError::from(std::io::Error::from_raw_os_error(28)),
            CoreError::DiskFull
        ));
        let migration = rusqlite_migration::Error::RusqliteError {
            query: "CREATE INDEX …".into(),
            err: sqlite_error(rusqlite::ffi::SQLITE_FULL),
        };
        assert!(matches!(CoreError::from(migration), CoreError::DiskFull));
        assert!(matches!(
            CoreError::from(std::io::Error::from(std::io::ErrorKind::NotFound)),
            CoreError::Io(_)
        ));
    }

    #[test]
    fn a_busy_or_locked_file_is_busy() {
        assert!(matches!(
            CoreError::from(sqlite_error(rusqlite::ffi::SQLITE_BUSY)),
            CoreError::Busy
        ));
        assert!(matches!(
            CoreError::from(sqlite_error(rusqlite::ffi::SQLITE_LOCKED)),
            CoreError::Busy
        ));
    }
}
