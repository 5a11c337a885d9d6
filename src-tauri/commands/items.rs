//! Backlog item commands.

use northstar_core::model::{BacklogItem, ItemPatch, MoveTarget, NewItem};
use northstar_core::queries::items;
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::state::AppState;

/// The product's backlog in rank order.
#[tauri::command]
#[specta::specta]
pub async fn list_items(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<Vec<BacklogItem>, AppError> {
    read(&state, move |connection| {
        items::list_items(connection, &product_id)
    })
    .await
}

/// Adds an item at the bottom of the backlog.
#[tauri::command]
#[specta::specta]
pub async fn create_item(
    state: State<'_, AppState>,
    input: NewItem,
) -> Result<BacklogItem, AppError> {
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
) -> Result<BacklogItem, AppError> {
    write(&state, "Item edited", move |changes| {
        items::update_item(changes, &id, &patch)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_item(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    write(&state, "Item deleted", move |changes| {
        items::delete_item(changes, &id)
    })
    .await
}

/// Moves an item in the ranked backlog; writes exactly one row.
#[tauri::command]
#[specta::specta]
pub async fn move_item(
    state: State<'_, AppState>,
    id: String,
    target: MoveTarget,
) -> Result<BacklogItem, AppError> {
    write(&state, "Item moved", move |changes| {
        items::move_item(changes, &id, &target)
    })
    .await
}
