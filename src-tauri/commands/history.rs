//! Undo and redo of any change, whatever view made it.

use northstar_core::history::HistoryState;
use tauri::State;

use super::run_blocking;
use crate::error::AppError;
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
pub async fn undo(state: State<'_, AppState>) -> Result<HistoryState, AppError> {
    let store = state.store()?;
    let history = run_blocking(move || {
        store
            .undo()
            .map(|replayed| replayed.history)
            .map_err(AppError::from)
    })
    .await?;
    state.notify_changed("Undo");
    Ok(history)
}

#[tauri::command]
#[specta::specta]
pub async fn redo(state: State<'_, AppState>) -> Result<HistoryState, AppError> {
    let store = state.store()?;
    let history = run_blocking(move || {
        store
            .redo()
            .map(|replayed| replayed.history)
            .map_err(AppError::from)
    })
    .await?;
    state.notify_changed("Redo");
    Ok(history)
}
