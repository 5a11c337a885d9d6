//! Full-text search over research notes and backlog items.

use northstar_core::search::{self, SearchHit, SearchRequest};
use tauri::State;

use super::read;
use crate::error::AppError;
use crate::state::AppState;

/// The best hits for `request`, with the matched words marked as segments; none for a text
/// with nothing to search for. Any text is safe: it is never read as FTS5 syntax.
#[tauri::command]
#[specta::specta]
pub async fn search(
    state: State<'_, AppState>,
    request: SearchRequest,
) -> Result<Vec<SearchHit>, AppError> {
    read(&state, move |connection| {
        search::search(connection, &request)
    })
    .await
}
