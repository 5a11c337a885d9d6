//! Product commands.

use northstar_core::model::{Product, ProductPatch};
use northstar_core::queries::products;
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::events::{SavedDeletion, SavedProduct};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_products(state: State<'_, AppState>) -> Result<Vec<Product>, AppError> {
    read(&state, products::list_products).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_product(
    state: State<'_, AppState>,
    name: String,
) -> Result<SavedProduct, AppError> {
    write(&state, "Product added", move |changes| {
        products::create_product(changes, &name)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_product(
    state: State<'_, AppState>,
    id: String,
    patch: ProductPatch,
) -> Result<SavedProduct, AppError> {
    write(&state, "Product edited", move |changes| {
        products::update_product(changes, &id, &patch)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_product(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Product deleted", move |changes| {
        products::delete_product(changes, &id)
    })
    .await
}
