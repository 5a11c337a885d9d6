//! The Now / Next / Later board in swimlanes: one row per goal (or theme), in the goals view's
//! order, then "No goal" ("No theme"), each row with the board's columns holding the cards of
//! that goal. The rows are the timeline's groups (`timeline_plan::group_headings`), so the two
//! views group alike; the cards and their order are the board's (`boards::list_board`), split.
//!
//! A move into another swimlane changes the card's goal (theme) in the same transaction and
//! the same undo step as the board move, labelled "Move “Bank sync” to Next, goal “Grow
//! retention”": dropping a card in a row means "this belongs to that goal", and two undo steps
//! for one drop would leave the board half undone after one Ctrl+Z. The board move is
//! `board_moves::move_card` (one `board_rank` row, neighbours found through the index) and the
//! goal is one column of the item's row: the move stays O(log n).

use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::board::{BoardColumn, BoardKind, MovedCard};
use crate::error::{CoreError, CoreResult};
use crate::model::MoveTarget;
use crate::mutation::Changes;
use crate::plan::PlanLink;
use crate::queries::board_moves::move_card;
use crate::queries::boards::list_board;
use crate::queries::item_plan::{get_item_plan, set_item_link};
use crate::queries::items::get_item;
use crate::queries::timeline::read_plan;
use crate::text::quoted;
use crate::timeline_plan::{group_headings, TimelineGrouping};

/// The key of the swimlane of the cards without a goal (theme).
pub const NO_SWIMLANE: &str = "none";

/// What the swimlanes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SwimlaneGrouping {
    Goal,
    Theme,
}

impl SwimlaneGrouping {
    fn link(self) -> PlanLink {
        match self {
            SwimlaneGrouping::Goal => PlanLink::Goal,
            SwimlaneGrouping::Theme => PlanLink::Theme,
        }
    }

    fn timeline_grouping(self) -> TimelineGrouping {
        match self {
            SwimlaneGrouping::Goal => TimelineGrouping::Goal,
            SwimlaneGrouping::Theme => TimelineGrouping::Theme,
        }
    }

    /// "goal", "theme": how a move's label names the row.
    fn noun(self) -> &'static str {
        self.link().noun()
    }
}

/// One swimlane: a goal (or theme), its cards in the board's columns.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Swimlane {
    /// The goal's (theme's) id, or "none".
    pub key: String,
    /// The goal's title, the theme's name, "No goal", "No theme".
    pub label: String,
    /// Its cards, all columns together.
    pub count: i32,
    /// The board's columns in order; each card's `position` is its place in this cell.
    pub columns: Vec<BoardColumn>,
}

/// The Now / Next / Later board in swimlanes.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SwimlaneBoard {
    pub grouping: SwimlaneGrouping,
    /// Every goal (theme) in order, even without cards (a card can be dropped there), then
    /// the row of the cards without one.
    pub swimlanes: Vec<Swimlane>,
}

/// The live items' goal (theme) ids of a product, by item id.
fn links_of(
    connection: &Connection,
    product_id: &str,
    grouping: SwimlaneGrouping,
) -> CoreResult<HashMap<String, Option<String>>> {
    let sql = format!(
        "SELECT id, {column} FROM backlog_item WHERE product_id = ?1 AND deleted_at IS NULL",
        column = grouping.link().column()
    );
    let links = connection
        .prepare_cached(&sql)?
        .query_map([product_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(links)
}

/// The product's Now / Next / Later board split into swimlanes (see the module's comment).
pub fn list_swimlane_board(
    connection: &Connection,
    product_id: &str,
    grouping: SwimlaneGrouping,
) -> CoreResult<SwimlaneBoard> {
    let board = list_board(connection, product_id, BoardKind::Horizon)?;
    let plan = read_plan(connection, product_id)?;
    let links = links_of(connection, product_id, grouping)?;
    let headings = group_headings(grouping.timeline_grouping(), &plan);
    // A link to a deleted goal has no heading: the card counts as without one.
    let row_of = |item_id: &str| -> String {
        links
            .get(item_id)
            .and_then(|link| link.as_deref())
            .filter(|key| headings.iter().any(|(heading, _)| heading == key))
            .unwrap_or(NO_SWIMLANE)
            .to_string()
    };
    let mut swimlanes: Vec<Swimlane> = headings
        .iter()
        .map(|(key, label)| Swimlane {
            key: key.clone(),
            label: label.clone(),
            count: 0,
            columns: Vec::new(),
        })
        .collect();
    let rows: Vec<Vec<String>> = board
        .columns
        .iter()
        .map(|column| column.cards.iter().map(|card| row_of(&card.id)).collect())
        .collect();
    for swimlane in &mut swimlanes {
        for (column, card_rows) in board.columns.iter().zip(&rows) {
            let mut cards: Vec<_> = column
                .cards
                .iter()
                .zip(card_rows)
                .filter(|(_, row)| **row == swimlane.key)
                .map(|(card, _)| card.clone())
                .collect();
            for (card, position) in cards.iter_mut().zip(1..) {
                card.position = position;
            }
            swimlane.count += i32::try_from(cards.len()).unwrap_or(i32::MAX);
            swimlane.columns.push(BoardColumn {
                column: column.column.clone(),
                label: column.label.clone(),
                cards,
            });
        }
    }
    Ok(SwimlaneBoard {
        grouping,
        swimlanes,
    })
}

/// The swimlane a card is in now: its live goal's (theme's) id, or "none".
fn swimlane_of(
    connection: &Connection,
    item_id: &str,
    grouping: SwimlaneGrouping,
) -> CoreResult<String> {
    let plan = get_item_plan(connection, item_id)?;
    let target = match grouping {
        SwimlaneGrouping::Goal => plan.goal,
        SwimlaneGrouping::Theme => plan.theme,
    };
    Ok(target.map_or_else(|| NO_SWIMLANE.to_string(), |target| target.id))
}

/// Moves the card `id` on the Now / Next / Later board into `column` of the swimlane
/// `swimlane` (a goal's or theme's id, or "none") at `target`: one transaction, one undo step.
/// `Before`/`After` name a card of that cell; a card of another row is refused.
pub fn move_card_in_swimlanes(
    changes: &mut Changes,
    id: &str,
    column: &str,
    target: &MoveTarget,
    grouping: SwimlaneGrouping,
    swimlane: &str,
) -> CoreResult<MovedCard> {
    let item = get_item(changes.connection(), id)?;
    if let MoveTarget::Before { item_id } | MoveTarget::After { item_id } = target {
        if swimlane_of(changes.connection(), item_id, grouping)? != swimlane {
            let other = get_item(changes.connection(), item_id)?;
            return Err(CoreError::invalid(
                "target",
                format!(
                    "{} is in another {} row: drop the card next to a card of its row.",
                    quoted(&other.title),
                    grouping.noun()
                ),
            ));
        }
    }
    let current = swimlane_of(changes.connection(), id, grouping)?;
    let moved = move_card(changes, id, BoardKind::Horizon, column, target)?;
    if current == swimlane {
        return Ok(moved);
    }
    let target_id = (swimlane != NO_SWIMLANE).then_some(swimlane);
    let plan = set_item_link(changes, id, grouping.link(), target_id)?;
    let lane = BoardKind::Horizon.parse_lane(column)?;
    let row = match grouping {
        SwimlaneGrouping::Goal => plan.goal,
        SwimlaneGrouping::Theme => plan.theme,
    };
    let row = row.map_or_else(
        || format!("no {}", grouping.noun()),
        |target| format!("{} {}", grouping.noun(), quoted(&target.name)),
    );
    changes.describe(format!(
        "Move {} to {}, {row}",
        quoted(&item.title),
        lane.label
    ));
    Ok(moved)
}

#[cfg(test)]
#[path = "board_swimlanes_tests.rs"]
mod tests;
