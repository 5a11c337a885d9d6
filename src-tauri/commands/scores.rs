//! Score commands: the scales the UI offers, setting inputs on any number of items, and
//! sensitivity. Scores themselves arrive with the items (`list_items`, `get_item`).

use northstar_core::queries::item_scores;
use northstar_core::scoring::sensitivity::Sensitivity;
use northstar_core::scoring::spec::{scoring_scales, ScoringScales};
use northstar_core::scoring::{NumericFramework, ScoreChange};
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::events::SavedScores;
use crate::state::AppState;

/// Every framework and input with its allowed values and their labels, and the ICE modes.
#[tauri::command]
#[specta::specta]
pub async fn get_scoring_scales() -> Result<ScoringScales, AppError> {
    Ok(scoring_scales())
}

/// Sets or clears inputs on one or many items: one transaction, one undo step. A value off
/// its scale is refused (`Invalid`, naming the input) and nothing is written.
#[tauri::command]
#[specta::specta]
pub async fn set_score_inputs(
    state: State<'_, AppState>,
    item_ids: Vec<String>,
    changes: Vec<ScoreChange>,
) -> Result<SavedScores, AppError> {
    write(&state, "Scores set", move |tracked| {
        item_scores::set_score_inputs(tracked, &item_ids, &changes)
    })
    .await
}

/// How the item's place in a framework's score order moves with each input one step down or
/// up its scale.
#[tauri::command]
#[specta::specta]
pub async fn get_sensitivity(
    state: State<'_, AppState>,
    item_id: String,
    framework: NumericFramework,
) -> Result<Sensitivity, AppError> {
    read(&state, move |connection| {
        item_scores::get_sensitivity(connection, &item_id, framework)
    })
    .await
}
