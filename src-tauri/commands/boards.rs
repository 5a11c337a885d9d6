//! Prioritisation board commands: a board with its columns and cards, and moving a card.

use northstar_core::board::{BoardKind, BoardView};
use northstar_core::model::MoveTarget;
use northstar_core::queries::{board_moves, boards};
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::events::SavedCardMove;
use crate::state::AppState;

/// The product's board: its columns in the scale's order (then Unsorted), each with its cards
/// in the board's order, and on the MoSCoW board the Musts' share of the planned effort.
#[tauri::command]
#[specta::specta]
pub async fn list_board(
    state: State<'_, AppState>,
    product_id: String,
    board: BoardKind,
) -> Result<BoardView, AppError> {
    read(&state, move |connection| {
        boards::list_board(connection, &product_id, board)
    })
    .await
}

/// Moves a card within its column or to another one (`column`: "must", "unsorted"…), which
/// sets the item's input too: one transaction, one undo step, one board row written.
#[tauri::command]
#[specta::specta]
pub async fn move_card(
    state: State<'_, AppState>,
    item_id: String,
    board: BoardKind,
    column: String,
    target: MoveTarget,
) -> Result<SavedCardMove, AppError> {
    write(&state, "Card moved", move |changes| {
        board_moves::move_card(changes, &item_id, board, &column, &target)
    })
    .await
}
