//! Decision log commands: the log of a product (or of one item), recording, editing, linking
//! items and deleting decisions, and the question a move may raise ("outscored by").

use northstar_core::decision::{Decision, DecisionPatch, NewDecision};
use northstar_core::queries::decisions;
use northstar_core::queries::outscoring::{self, MovedIn, Outscoring};
use northstar_core::scoring::NumericFramework;
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::events::{SavedDecision, SavedDeletion};
use crate::state::AppState;

/// The product's decisions, newest first, each with its linked items; with `itemId`, only the
/// decisions linked to that item.
#[tauri::command]
#[specta::specta]
pub async fn list_decisions(
    state: State<'_, AppState>,
    product_id: String,
    item_id: Option<String>,
) -> Result<Vec<Decision>, AppError> {
    read(&state, move |connection| {
        decisions::list_decisions(connection, &product_id, item_id.as_deref())
    })
    .await
}

/// Records a decision linked to its items: one transaction, one undo step. A refused field
/// (`Invalid`, naming it) writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn create_decision(
    state: State<'_, AppState>,
    input: NewDecision,
) -> Result<SavedDecision, AppError> {
    write(&state, "Decision recorded", move |changes| {
        decisions::create_decision(changes, &input)
    })
    .await
}

/// Changes a decision's date, text or rationale.
#[tauri::command]
#[specta::specta]
pub async fn update_decision(
    state: State<'_, AppState>,
    id: String,
    patch: DecisionPatch,
) -> Result<SavedDecision, AppError> {
    write(&state, "Decision edited", move |changes| {
        decisions::update_decision(changes, &id, &patch)
    })
    .await
}

/// Sets the items a decision is linked to (link and unlink in one undo step).
#[tauri::command]
#[specta::specta]
pub async fn set_decision_items(
    state: State<'_, AppState>,
    id: String,
    item_ids: Vec<String>,
) -> Result<SavedDecision, AppError> {
    write(&state, "Decision items set", move |changes| {
        decisions::set_decision_items(changes, &id, &item_ids)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_decision(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Decision deleted", move |changes| {
        decisions::delete_decision(changes, &id)
    })
    .await
}

/// After a move: the items it put `itemId` above that score higher in `framework`, with the
/// question to ask about them. `previousKey` is the item's key in that list before the move
/// (on a board, `null` when the card came from another column).
#[tauri::command]
#[specta::specta]
pub async fn list_outscoring_items(
    state: State<'_, AppState>,
    item_id: String,
    framework: NumericFramework,
    list: MovedIn,
    previous_key: Option<String>,
) -> Result<Outscoring, AppError> {
    read(&state, move |connection| {
        outscoring::list_outscoring_items(
            connection,
            &item_id,
            framework,
            list,
            previous_key.as_deref(),
        )
    })
    .await
}
