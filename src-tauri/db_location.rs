//! Where the database file lives: `--db PATH` / `NORTHSTAR_DB`, else the file the user last
//! switched to, else `northstar.db` in the OS data directory.

use std::path::{Path, PathBuf};

use crate::error::AppError;

const DEFAULT_FILE_NAME: &str = "northstar.db";
/// Remembers the file chosen in the app ("Open file", "Start a new database").
const REMEMBERED_PATH_FILE: &str = "current-database";

pub fn data_dir() -> PathBuf {
    dirs::data_dir()
        .or_else(|| dirs::home_dir().map(|home| home.join(".local/share")))
        .unwrap_or_else(std::env::temp_dir)
        .join("northstar")
}

/// The file to open when no path was given on the command line.
pub fn default_database_path(data_dir: &Path) -> PathBuf {
    std::fs::read_to_string(data_dir.join(REMEMBERED_PATH_FILE))
        .ok()
        .map(|text| PathBuf::from(text.trim()))
        .filter(|path| path.is_absolute() && path.is_file())
        .unwrap_or_else(|| data_dir.join(DEFAULT_FILE_NAME))
}

pub fn remember_database_path(data_dir: &Path, path: &Path) {
    let written = std::fs::create_dir_all(data_dir).and_then(|()| {
        std::fs::write(
            data_dir.join(REMEMBERED_PATH_FILE),
            path.display().to_string(),
        )
    });
    if let Err(error) = written {
        tracing::warn!("could not remember the database path: {error}");
    }
}

/// A fresh, unused file name in the data directory for "Start a new database".
pub fn new_database_path(data_dir: &Path) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
    let mut candidate = data_dir.join(format!("northstar-{stamp}.db"));
    let mut counter = 2;
    while candidate.exists() {
        candidate = data_dir.join(format!("northstar-{stamp}-{counter}.db"));
        counter += 1;
    }
    candidate
}

/// Checks a path typed by the user: made absolute, not a folder, in a folder that exists.
pub fn validate_database_path(path: &str) -> Result<PathBuf, AppError> {
    let invalid = |reason: &str| AppError::Invalid {
        field: "path".into(),
        reason: reason.into(),
    };
    let trimmed = path.trim();
    if trimmed.is_empty() {
        return Err(invalid("Enter the path of a Northstar database file."));
    }
    if trimmed.contains('\0') {
        return Err(invalid(
            "That path contains a character no file name can have.",
        ));
    }
    let path = PathBuf::from(trimmed);
    let path = if path.is_absolute() {
        path
    } else {
        std::env::current_dir()
            .map_err(|_| AppError::storage())?
            .join(path)
    };
    if path.is_dir() {
        return Err(invalid(
            "That is a folder. Choose a database file inside it.",
        ));
    }
    match path.parent() {
        Some(parent) if parent.is_dir() => Ok(path),
        _ => Err(invalid("The folder of that file does not exist.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_are_validated() {
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("plan.db");
        assert_eq!(
            validate_database_path(inside.to_str().unwrap()).unwrap(),
            inside
        );
        assert!(validate_database_path("  ").is_err());
        assert!(validate_database_path(dir.path().to_str().unwrap()).is_err());
        assert!(validate_database_path("/no/such/folder/plan.db").is_err());
    }

    #[test]
    fn the_remembered_path_wins_when_the_file_exists() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            default_database_path(dir.path()),
            dir.path().join("northstar.db")
        );
        let other = dir.path().join("other.db");
        std::fs::write(&other, b"").unwrap();
        remember_database_path(dir.path(), &other);
        assert_eq!(default_database_path(dir.path()), other);
        assert_ne!(new_database_path(dir.path()), other);
    }
}
