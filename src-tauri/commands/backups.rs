//! The Backups view: list, back up now, restore one, save a copy elsewhere.

use std::path::Path;

use northstar_core::backup::{
    backup_path, backups_folder, list_backups as list_backups_of, summarize_connection,
    summarize_file, BackupInfo, BackupReason,
};
use northstar_core::restore::{save_copy, RestorePreview};
use serde::Serialize;
use tauri::State;

use super::run_blocking;
use crate::error::AppError;
use crate::events::SavedRestore;
use crate::state::AppState;

/// The open database's backups and where they are kept.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    /// The database file they are backups of.
    pub database_path: String,
    /// The folder that holds them (beside the database).
    pub folder: String,
    /// Newest first, each with its date, size and counts.
    pub backups: Vec<BackupInfo>,
}

/// The open database's backups, newest first, each with its date, size and counts.
#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> Result<BackupList, AppError> {
    state.store()?;
    let path = state.path();
    run_blocking(move || {
        Ok(BackupList {
            database_path: path.display().to_string(),
            folder: backups_folder(&path).display().to_string(),
            backups: list_backups_of(&path)?,
        })
    })
    .await
}

/// Makes a backup now; returns it.
#[tauri::command]
#[specta::specta]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo, AppError> {
    let store = state.store()?;
    let path = state.path();
    run_blocking(move || {
        let made = store.back_up(BackupReason::Manual)?;
        let backups = list_backups_of(&path)?;
        backups
            .into_iter()
            .find(|backup| Path::new(&backup.path) == made)
            .ok_or_else(AppError::storage)
    })
    .await
}

/// What restoring the backup `file_name` would replace: both files' counts and dates.
#[tauri::command]
#[specta::specta]
pub async fn preview_restore(
    state: State<'_, AppState>,
    file_name: String,
) -> Result<RestorePreview, AppError> {
    let store = state.store()?;
    let path = state.path();
    run_blocking(move || {
        let candidate = backup_path(&path, &file_name)?;
        let restored = summarize_file(&candidate)?;
        // The open file is read through the store, never through another handle.
        let replaced = store.read(summarize_connection)?;
        Ok(RestorePreview {
            restored,
            replaced: Some(replaced),
        })
    })
    .await
}

/// Replaces the database with the backup `file_name` (the current file is backed up first).
/// Every view shows other data afterwards: the change is "everything".
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file_name: String,
) -> Result<SavedRestore, AppError> {
    let shared = state.inner().clone();
    let outcome = run_blocking(move || shared.restore_backup(&file_name)).await?;
    let change = state.notify_changed("Restored a backup");
    Ok(SavedRestore::from((outcome, Some(change))))
}

/// "Save a copy…": a native save dialog opened from Rust (the webview has no dialog or file
/// permission), then a `VACUUM INTO` copy written there atomically. `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_database_copy(state: State<'_, AppState>) -> Result<Option<String>, AppError> {
    let store = state.store()?;
    let database = state.path();
    let suggested = database
        .file_stem()
        .map(|stem| format!("{} copy.db", stem.to_string_lossy()))
        .unwrap_or_else(|| "northstar copy.db".into());
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title("Save a copy of the database")
        .set_file_name(suggested)
        .add_filter("Northstar database", &["db"]);
    if let Some(folder) = dirs::document_dir().or_else(dirs::home_dir) {
        dialog = dialog.set_directory(folder);
    }
    let Some(chosen) = dialog.save_file().await else {
        return Ok(None);
    };
    let target = chosen.path().to_path_buf();
    run_blocking(move || {
        let written = store.read(|connection| save_copy(connection, &database, &target))?;
        Ok(Some(written.display().to_string()))
    })
    .await
}
