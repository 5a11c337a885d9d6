//! Baseline commands: save the product's roadmap under a name, list, rename, delete, and
//! compare a baseline with today's roadmap.

use northstar_core::baseline::{Baseline, BaselineComparison};
use northstar_core::queries::baselines;
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::events::{SavedBaseline, SavedDeletion};
use crate::state::AppState;

/// The product's baselines, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_baselines(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<Vec<Baseline>, AppError> {
    read(&state, move |connection| {
        baselines::list_baselines(connection, &product_id)
    })
    .await
}

/// Freezes the product's roadmap under `name`: one undo step.
#[tauri::command]
#[specta::specta]
pub async fn save_baseline(
    state: State<'_, AppState>,
    product_id: String,
    name: String,
) -> Result<SavedBaseline, AppError> {
    write(&state, "Baseline saved", move |changes| {
        baselines::save_baseline(changes, &product_id, &name)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn rename_baseline(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<SavedBaseline, AppError> {
    write(&state, "Baseline renamed", move |changes| {
        baselines::rename_baseline(changes, &id, &name)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_baseline(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Baseline deleted", move |changes| {
        baselines::delete_baseline(changes, &id)
    })
    .await
}

/// What changed on the roadmap since the baseline, grouped by kind.
#[tauri::command]
#[specta::specta]
pub async fn compare_baseline(
    state: State<'_, AppState>,
    id: String,
) -> Result<BaselineComparison, AppError> {
    read(&state, move |connection| {
        baselines::compare_baseline(connection, &id)
    })
    .await
}
