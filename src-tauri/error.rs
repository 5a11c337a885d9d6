//! The error that crosses IPC: a tagged value (`{ kind, detail }`) the UI branches on. Messages
//! are in a product owner's words; raw SQLite or OS text goes to the log, never to the screen.

use northstar_core::inspect::{FileProblem, FileProblemKind};
use northstar_core::CoreError;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type, thiserror::Error)]
#[serde(tag = "kind", content = "detail")]
pub enum AppError {
    #[error("{entity} {id} was not found")]
    NotFound { entity: String, id: String },
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
    #[error("{message}")]
    Storage { message: String },
    #[error("{message}")]
    DiskFull { message: String },
    #[error("{message}")]
    DatabaseUnavailable { message: String },
    #[error("{message}")]
    Conflict { message: String },
    /// Undo or redo with nothing to replay (not a conflict: nothing went wrong).
    #[error("{message}")]
    NothingToUndo { message: String },
    /// The file is held by another Northstar window or process; trying again later may work.
    #[error("{message}")]
    DatabaseBusy { message: String },
}

/// Said whenever the file is held elsewhere, at start or on a save.
pub const BUSY_MESSAGE: &str =
    "This database is open in another Northstar window or process. Close it there, then try again.";

impl AppError {
    pub fn storage() -> Self {
        AppError::Storage {
            message: "Northstar couldn’t read or save your data. Nothing was changed.".into(),
        }
    }
}

impl From<CoreError> for AppError {
    fn from(error: CoreError) -> Self {
        match error {
            CoreError::NotFound { entity, id } => AppError::NotFound {
                entity: entity.into(),
                id,
            },
            CoreError::Invalid { field, reason } => AppError::Invalid {
                field: field.into(),
                reason,
            },
            CoreError::Conflict(message) => AppError::Conflict { message },
            CoreError::NothingToUndo(message) => AppError::NothingToUndo { message },
            CoreError::Busy => AppError::DatabaseBusy {
                message: BUSY_MESSAGE.into(),
            },
            CoreError::Closed => AppError::DatabaseUnavailable {
                message: "Northstar is closing this database. Try again in a moment.".into(),
            },
            // Worded by the core for the person (a file that cannot be written there).
            CoreError::Refused(reason) => AppError::Invalid {
                field: "path".into(),
                reason,
            },
            CoreError::DiskFull => AppError::DiskFull {
                message: "Your disk is full, so nothing was saved. Free some space and try again."
                    .into(),
            },
            CoreError::File(problem) => AppError::DatabaseUnavailable {
                message: problem.message,
            },
            other => {
                tracing::error!("storage error: {other}");
                AppError::storage()
            }
        }
    }
}

impl From<FileProblem> for AppError {
    fn from(problem: FileProblem) -> Self {
        match problem.kind {
            FileProblemKind::Busy => AppError::DatabaseBusy {
                message: problem.message,
            },
            _ => AppError::DatabaseUnavailable {
                message: problem.message,
            },
        }
    }
}
