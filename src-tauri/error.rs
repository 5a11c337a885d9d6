//! The error that crosses IPC: a tagged value (`{ kind, detail }`) the UI branches on. Messages
//! are in a product owner's words; raw SQLite or OS text goes to the log, never to the screen.

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
}

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
            CoreError::DiskFull => AppError::DiskFull {
                message: "Your disk is full, so nothing was saved. Free some space and try again."
                    .into(),
            },
            CoreError::File(problem) => AppError::DatabaseUnavailable {
                message: problem.message,
            },
            other => {
                eprintln!("northstar: storage error: {other}");
                AppError::storage()
            }
        }
    }
}
