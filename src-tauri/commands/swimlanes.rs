//! The Now / Next / Later board in swimlanes by goal or theme, and a move that can change the
//! card's goal (theme) with its lane in one undo step; the product home's roadmap snapshot.

use northstar_core::board::MovedCard;
use northstar_core::model::MoveTarget;
use northstar_core::queries::board_swimlanes::{self, SwimlaneBoard, SwimlaneGrouping};
use northstar_core::queries::home_roadmap::{self, HomeRoadmap};
use tauri::State;

use super::roadmap::today;
use super::{read, write};
use crate::error::AppError;
use crate::events::SavedCardMove;
use crate::state::AppState;

/// The product's Now / Next / Later board with a row per goal (or theme), then the cards
/// without one; each cell holds the board's cards of that row in the board's order.
#[tauri::command]
#[specta::specta]
pub async fn list_swimlane_board(
    state: State<'_, AppState>,
    product_id: String,
    grouping: SwimlaneGrouping,
) -> Result<SwimlaneBoard, AppError> {
    read(&state, move |connection| {
        board_swimlanes::list_swimlane_board(connection, &product_id, grouping)
    })
    .await
}

/// Moves a card to `column` of the row `swimlane` (a goal's or theme's id, or "none"): its
/// lane, its place and its goal (theme) in one transaction and one undo step.
#[tauri::command]
#[specta::specta]
pub async fn move_card_in_swimlanes(
    state: State<'_, AppState>,
    item_id: String,
    column: String,
    target: MoveTarget,
    grouping: SwimlaneGrouping,
    swimlane: String,
) -> Result<SavedCardMove, AppError> {
    write(
        &state,
        "Card moved",
        move |changes| -> northstar_core::CoreResult<MovedCard> {
            board_swimlanes::move_card_in_swimlanes(
                changes, &item_id, &column, &target, grouping, &swimlane,
            )
        },
    )
    .await
}

/// The product home's roadmap snapshot: Now, Next and Later with their counts and first three
/// cards, and the next release and milestone from today.
#[tauri::command]
#[specta::specta]
pub async fn get_home_roadmap(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<HomeRoadmap, AppError> {
    read(&state, move |connection| {
        home_roadmap::home_roadmap(connection, &product_id, today())
    })
    .await
}
