//! Ending the app and trying a busy file again.

use tauri::State;

use super::database::{status_of, AppStatus};
use super::run_blocking;
use crate::error::AppError;
use crate::state::AppState;

/// Quits Northstar (Ctrl+Q): the same exit path as closing the window, so the database is
/// backed up if it changed, checkpointed and closed.
#[tauri::command]
#[specta::specta]
pub fn quit_app(state: State<'_, AppState>) -> Result<(), AppError> {
    tracing::info!("quit requested from the window");
    state.request_exit();
    Ok(())
}

/// Opens the current file again, after it was open in another Northstar window or process.
#[tauri::command]
#[specta::specta]
pub async fn retry_open_database(state: State<'_, AppState>) -> Result<AppStatus, AppError> {
    let shared = state.inner().clone();
    run_blocking(move || shared.retry()).await?;
    state.notify_changed("Opened the database");
    status_of(&state).await
}
