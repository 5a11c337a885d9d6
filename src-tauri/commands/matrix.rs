//! The value/effort matrix command. A card is placed with `set_score_inputs` (value and effort
//! in one change: one transaction, one undo step), so the matrix has no write of its own.

use northstar_core::matrix::MatrixView;
use northstar_core::queries::matrix;
use tauri::State;

use super::read;
use crate::error::AppError;
use crate::state::AppState;

/// The product's matrix: the 10 × 10 cells (value from the top, effort from the left), each with
/// its quadrant and its cards in backlog order, and the items without a value or an effort.
#[tauri::command]
#[specta::specta]
pub async fn list_matrix(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<MatrixView, AppError> {
    read(&state, move |connection| {
        matrix::list_matrix(connection, &product_id)
    })
    .await
}
