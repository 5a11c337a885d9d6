//! The Kano questionnaire: choosing a file (a native dialog opened from Rust: the webview has
//! no dialog or file permission), its dry-run preview, the import, per-item results, setting an
//! item's category from them, and deleting an import.
//!
//! The preview and the import each read the file again from the path the dialog gave: the
//! path is checked (absolute, a regular file, at most 10 MB) before anything is read, and the
//! import refuses the whole file if any row has a problem.

use std::path::PathBuf;

use northstar_core::kano_survey::csv_file::read_questionnaire_file;
use northstar_core::kano_survey::import::{self, KanoImportPreview};
use northstar_core::kano_survey::results::{self, KanoResults};
use tauri::State;

use super::{read, run_blocking, write};
use crate::error::AppError;
use crate::events::{SavedDeletion, SavedKanoSurvey, SavedScores};
use crate::state::AppState;

/// "Import answers…": the system's open dialog, for CSV files. The chosen path, or `None` when
/// cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_kano_file() -> Result<Option<String>, AppError> {
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title("Import Kano questionnaire answers")
        .add_filter("CSV file", &["csv", "CSV", "txt"]);
    if let Some(folder) = dirs::document_dir().or_else(dirs::home_dir) {
        dialog = dialog.set_directory(folder);
    }
    Ok(dialog
        .pick_file()
        .await
        .map(|chosen| chosen.path().display().to_string()))
}

/// The dry run of importing the file at `path` into the product: every row with its problems,
/// and a summary. Writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_kano_import(
    state: State<'_, AppState>,
    product_id: String,
    path: String,
) -> Result<KanoImportPreview, AppError> {
    let store = state.store()?;
    run_blocking(move || {
        let (source, bytes) = read_questionnaire_file(&PathBuf::from(path))?;
        Ok(store
            .read(|connection| import::preview_import(connection, &product_id, &source, &bytes))?)
    })
    .await
}

/// Imports every answer of the file at `path` into the product in one transaction and one undo
/// step, or none when any row has a problem (`Invalid`).
#[tauri::command]
#[specta::specta]
pub async fn import_kano_answers(
    state: State<'_, AppState>,
    product_id: String,
    path: String,
) -> Result<SavedKanoSurvey, AppError> {
    let (source, bytes) =
        run_blocking(move || Ok(read_questionnaire_file(&PathBuf::from(path))?)).await?;
    write(&state, "Kano answers imported", move |tracked| {
        import::import_answers(tracked, &product_id, &source, &bytes)
    })
    .await
}

/// The product's imports and, per item with answers, the distribution, mode, Better and Worse.
#[tauri::command]
#[specta::specta]
pub async fn get_kano_results(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<KanoResults, AppError> {
    read(&state, move |connection| {
        results::kano_results(connection, &product_id)
    })
    .await
}

/// Sets the item's Kano category to its answers' mode (one undo step, as if set by hand).
#[tauri::command]
#[specta::specta]
pub async fn apply_kano_result(
    state: State<'_, AppState>,
    item_id: String,
) -> Result<SavedScores, AppError> {
    write(&state, "Scores set", move |tracked| {
        results::apply_kano_result(tracked, &item_id)
    })
    .await
}

/// Deletes an import and its answers (one undo step).
#[tauri::command]
#[specta::specta]
pub async fn delete_kano_import(
    state: State<'_, AppState>,
    survey_id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Kano answers deleted", move |tracked| {
        import::delete_import(tracked, &survey_id)
    })
    .await
}
