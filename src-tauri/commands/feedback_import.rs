//! Importing feedback as research notes: choosing a CSV file or a folder of Markdown files (a
//! native dialog opened from Rust: the webview has no dialog or file permission), the dry run
//! with the column mapping, and the import (all or nothing, one undo step).
//!
//! The preview and the import each read the source again from the path the dialog gave: the
//! path is checked (absolute; a regular CSV file of at most 10 MB, or a folder whose Markdown
//! files are read without following links) before anything is read.

use std::path::PathBuf;

use northstar_core::feedback_import::{self, read_source, FeedbackImportPreview, FeedbackMapping};
use tauri::State;

use super::{run_blocking, write};
use crate::error::AppError;
use crate::events::SavedFeedbackImport;
use crate::state::AppState;

fn document_folder() -> Option<PathBuf> {
    dirs::document_dir().or_else(dirs::home_dir)
}

/// "Import feedback…" from a file: the system's open dialog, for CSV files. The chosen path,
/// or `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_feedback_file() -> Result<Option<String>, AppError> {
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title("Import feedback from a CSV file")
        .add_filter("CSV file", &["csv", "CSV", "txt"]);
    if let Some(folder) = document_folder() {
        dialog = dialog.set_directory(folder);
    }
    Ok(dialog
        .pick_file()
        .await
        .map(|chosen| chosen.path().display().to_string()))
}

/// "Import feedback…" from a folder of Markdown files: the system's folder dialog. The chosen
/// path, or `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_feedback_folder() -> Result<Option<String>, AppError> {
    let mut dialog =
        rfd::AsyncFileDialog::new().set_title("Import feedback from a folder of Markdown files");
    if let Some(folder) = document_folder() {
        dialog = dialog.set_directory(folder);
    }
    Ok(dialog
        .pick_folder()
        .await
        .map(|chosen| chosen.path().display().to_string()))
}

/// The dry run of importing the file or folder at `path` into the product, with `mapping`
/// (CSV only; `null` for the one Rust detects from the header). Writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_feedback_import(
    state: State<'_, AppState>,
    product_id: String,
    path: String,
    mapping: Option<FeedbackMapping>,
) -> Result<FeedbackImportPreview, AppError> {
    let store = state.store()?;
    run_blocking(move || {
        let source = read_source(&PathBuf::from(path), mapping.as_ref())?;
        Ok(store.read(|connection| {
            feedback_import::preview_feedback(connection, &product_id, &source)
        })?)
    })
    .await
}

/// Imports every row of the file or folder at `path` as a note of the product, in one
/// transaction and one undo step, or nothing when any row has a problem (`Invalid`).
#[tauri::command]
#[specta::specta]
pub async fn import_feedback(
    state: State<'_, AppState>,
    product_id: String,
    path: String,
    mapping: Option<FeedbackMapping>,
) -> Result<SavedFeedbackImport, AppError> {
    let source =
        run_blocking(move || Ok(read_source(&PathBuf::from(path), mapping.as_ref())?)).await?;
    write(&state, "Feedback imported", move |tracked| {
        feedback_import::import_feedback(tracked, &product_id, &source)
    })
    .await
}
