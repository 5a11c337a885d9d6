//! Thin `#[tauri::command]`s: parse, run the core on a blocking thread, convert the error.
//! One file per domain; every command is listed once in [`crate::specta_builder`].

pub mod backups;
pub mod baselines;
pub mod boards;
pub mod close_guard;
pub mod database;
pub mod decisions;
pub mod evidence;
pub mod exports;
pub mod feedback_import;
pub mod highlights;
pub mod history;
pub mod items;
pub mod kano_survey;
pub mod lifecycle;
pub mod matrix;
pub mod products;
pub mod research;
pub mod roadmap;
pub mod roadmap_plan;
pub mod scores;
pub mod search;
pub mod swimlanes;
pub mod timeline_overlay;

use northstar_core::mutation::Changes;
use northstar_core::Connection;
use northstar_core::CoreResult;

use crate::error::AppError;
use crate::events::DataChanged;
use crate::state::AppState;

/// Runs blocking work off the async runtime's threads.
async fn run_blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|_| AppError::storage())?
}

/// A read of the open database.
async fn read<T: Send + 'static>(
    state: &AppState,
    query: impl FnOnce(&Connection) -> CoreResult<T> + Send + 'static,
) -> Result<T, AppError> {
    let store = state.store()?;
    run_blocking(move || store.read(query).map_err(AppError::from)).await
}

/// One user action: one transaction, one undo step, then a `DataChanged` event naming the rows
/// it changed (none when it changed nothing). Returns the value and that event, which the
/// command returns as one of the `Saved…` types.
async fn write<T: Send + 'static, S: From<(T, Option<DataChanged>)>>(
    state: &AppState,
    reason: &str,
    action: impl FnOnce(&mut Changes) -> CoreResult<T> + Send + 'static,
) -> Result<S, AppError> {
    let store = state.store()?;
    let (value, changes) =
        run_blocking(move || store.write_reporting(action).map_err(AppError::from)).await?;
    let change = state.notify_rows(reason, &changes);
    Ok(S::from((value, change)))
}
