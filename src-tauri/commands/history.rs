//! Undo and redo of any change, whatever view made it.

use northstar_core::history::HistoryState;
use northstar_core::store::Replayed;
use tauri::State;

use super::run_blocking;
use crate::error::AppError;
use crate::events::SavedHistory;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn get_history(state: State<'_, AppState>) -> Result<HistoryState, AppError> {
    // The history lock is held during a replay (which may wait on the disk): not on this thread.
    let store = state.store()?;
    run_blocking(move || Ok(store.history_state())).await
}

#[tauri::command]
#[specta::specta]
pub async fn undo(state: State<'_, AppState>) -> Result<SavedHistory, AppError> {
    let store = state.store()?;
    let replayed = run_blocking(move || store.undo().map_err(AppError::from)).await?;
    Ok(saved(&state, "Undo", replayed))
}

#[tauri::command]
#[specta::specta]
pub async fn redo(state: State<'_, AppState>) -> Result<SavedHistory, AppError> {
    let store = state.store()?;
    let replayed = run_blocking(move || store.redo().map_err(AppError::from)).await?;
    Ok(saved(&state, "Redo", replayed))
}

/// The history after a replay, and the rows it put back (also sent as `DataChanged`).
fn saved(state: &AppState, reason: &str, replayed: Replayed) -> SavedHistory {
    let change = state.notify_rows(reason, &replayed.changes);
    SavedHistory {
        value: replayed.history,
        change,
    }
}
