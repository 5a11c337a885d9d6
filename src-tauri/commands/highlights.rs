//! Highlight commands: passages of a research note with their tags and the items they are
//! evidence for. Anchors are found and kept in Rust (`northstar_core::research::anchor`); the
//! UI sends the editor's selection and draws what comes back.

use northstar_core::queries::highlights;
use northstar_core::research::{Highlight, HighlightFilter, HighlightPatch, NewHighlight};
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::events::{SavedDeletion, SavedHighlight};
use crate::state::AppState;

/// A product's live highlights, by note, tag or the participants of their notes.
#[tauri::command]
#[specta::specta]
pub async fn list_highlights(
    state: State<'_, AppState>,
    product_id: String,
    filter: HighlightFilter,
) -> Result<Vec<Highlight>, AppError> {
    read(&state, move |connection| {
        highlights::list_highlights(connection, &product_id, &filter)
    })
    .await
}

/// Highlights the passage between two UTF-16 positions of the note's saved body.
#[tauri::command]
#[specta::specta]
pub async fn create_highlight(
    state: State<'_, AppState>,
    input: NewHighlight,
) -> Result<SavedHighlight, AppError> {
    write(&state, "Highlight added", move |changes| {
        highlights::create_highlight(changes, &input)
    })
    .await
}

/// Sets a highlight's tags and/or items (one undo step).
#[tauri::command]
#[specta::specta]
pub async fn update_highlight(
    state: State<'_, AppState>,
    id: String,
    patch: HighlightPatch,
) -> Result<SavedHighlight, AppError> {
    write(&state, "Highlight edited", move |changes| {
        highlights::update_highlight(changes, &id, &patch)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_highlight(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Highlight deleted", move |changes| {
        highlights::delete_highlight(changes, &id)
    })
    .await
}
