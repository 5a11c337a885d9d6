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

    #[error("the disk is full")]
    DiskFull,

    /// The file is not one Northstar can open; it was left untouched.
    #[error("{0}")]
    File(FileProblem),

    #[error("SQLite error: {0}")]
    Sqlite(#[source] rusqlite::Error),

    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("file error: {0}")]
    Io(#[from] std::io::Error),

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

impl From<rusqlite::Error> for CoreError {
    fn from(error: rusqlite::Error) -> Self {
        // A full disk is the one storage failure the user can act on, so it gets its own kind.
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => CoreError::DiskFull,
            _ => CoreError::Sqlite(error),
        }
    }
}

impl From<FileProblem> for CoreError {
    fn from(problem: FileProblem) -> Self {
        CoreError::File(problem)
    }
}
