//! The database file: its status, switching files, and which product is open.

use northstar_core::inspect::FileProblem;
use northstar_core::model::{status_options, StatusOption};
use northstar_core::queries::settings;
use serde::Serialize;
use tauri::State;

use super::{read, run_blocking};
use crate::db_location::{new_database_path, validate_database_path};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub database_path: String,
    /// Why the database could not be opened; then nothing else works until another file is open.
    pub problem: Option<FileProblem>,
    pub open_product_id: Option<String>,
    /// The item statuses in workflow order, with their labels.
    pub status_options: Vec<StatusOption>,
    /// Where Northstar writes its log (the details behind any error message).
    pub log_folder: String,
}

pub(crate) async fn status_of(state: &AppState) -> Result<AppStatus, AppError> {
    let open_product_id = match state.problem() {
        Some(_) => None,
        None => read(state, settings::get_open_product_id).await?,
    };
    Ok(AppStatus {
        database_path: state.path().display().to_string(),
        problem: state.problem(),
        open_product_id,
        status_options: status_options(),
        log_folder: crate::logging::log_dir().display().to_string(),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn get_app_status(state: State<'_, AppState>) -> Result<AppStatus, AppError> {
    status_of(&state).await
}

/// Opens another database file (created with the demo product if it does not exist).
#[tauri::command]
#[specta::specta]
pub async fn open_database(
    state: State<'_, AppState>,
    path: String,
) -> Result<AppStatus, AppError> {
    let path = validate_database_path(&path)?;
    let shared = state.inner().clone();
    run_blocking(move || shared.switch_to(path)).await?;
    state.notify_changed("Opened another database");
    status_of(&state).await
}

/// Starts a new database with the demo product in the data folder; the old file is untouched.
#[tauri::command]
#[specta::specta]
pub async fn start_new_database(state: State<'_, AppState>) -> Result<AppStatus, AppError> {
    let path = new_database_path(state.data_dir());
    let shared = state.inner().clone();
    run_blocking(move || shared.switch_to(path)).await?;
    state.notify_changed("Started a new database");
    status_of(&state).await
}

/// Remembers which product is open (app state, not an undoable change).
#[tauri::command]
#[specta::specta]
pub async fn set_open_product(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    let store = state.store()?;
    run_blocking(move || {
        store
            .write_untracked(|c| settings::set_open_product_id(c, &id))
            .map_err(AppError::from)
    })
    .await
}
