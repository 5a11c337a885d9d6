//! Backlog item commands.

use northstar_core::model::{ItemDetails, ItemPatch, ItemSummary, MoveTarget, NewItem};
use northstar_core::queries::{item_moves, item_scores, item_status, items};
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::events::{SavedDeletion, SavedItem, SavedItems, SavedMove};
use crate::state::AppState;

/// The product's backlog in rank order, as list rows (an excerpt, not the description).
#[tauri::command]
#[specta::specta]
pub async fn list_items(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<Vec<ItemSummary>, AppError> {
    read(&state, move |connection| {
        items::list_item_summaries(connection, &product_id)
    })
    .await
}

/// One item with every field, its score inputs, scores and score positions, for the panel.
#[tauri::command]
#[specta::specta]
pub async fn get_item(state: State<'_, AppState>, id: String) -> Result<ItemDetails, AppError> {
    read(&state, move |connection| {
        item_scores::get_item_details(connection, &id)
    })
    .await
}

/// Adds an item at the bottom of the backlog.
#[tauri::command]
#[specta::specta]
pub async fn create_item(
    state: State<'_, AppState>,
    input: NewItem,
) -> Result<SavedItem, AppError> {
    write(&state, "Item added", move |changes| {
        items::create_item(changes, &input)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_item(
    state: State<'_, AppState>,
    id: String,
    patch: ItemPatch,
) -> Result<SavedItem, AppError> {
    write(&state, "Item edited", move |changes| {
        items::update_item(changes, &id, &patch)
    })
    .await
}

/// Sets the status of a selection of items: one transaction, one undo step. An unknown status
/// or a missing item is refused and nothing is written.
#[tauri::command]
#[specta::specta]
pub async fn set_items_status(
    state: State<'_, AppState>,
    item_ids: Vec<String>,
    status: String,
) -> Result<SavedItems, AppError> {
    write(&state, "Items edited", move |changes| {
        item_status::set_items_status(changes, &item_ids, &status)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_item(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Item deleted", move |changes| {
        items::delete_item(changes, &id)
    })
    .await
}

/// Moves an item in the ranked backlog; writes exactly one row and returns its new rank.
#[tauri::command]
#[specta::specta]
pub async fn move_item(
    state: State<'_, AppState>,
    id: String,
    target: MoveTarget,
) -> Result<SavedMove, AppError> {
    write(&state, "Item moved", move |changes| {
        item_moves::move_item(changes, &id, &target)
    })
    .await
}
