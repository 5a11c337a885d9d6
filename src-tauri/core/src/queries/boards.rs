//! Reading a board (MoSCoW, Kano, Now / Next / Later): every column of the board in the scale's order (then
//! Unsorted), each with its cards in the board's order, and the MoSCoW board's effort check.
//!
//! A card's key on a board is its `board_rank.rank` when it has a live row for the column it is
//! in now, else its backlog rank (a fresh board shows the backlog's order without a write, and a
//! move into any place of a column writes one row: see `board_moves`). Cards sort by
//! `(key, item id)`. The cards are the backlog's own rows (`list_item_summaries`, so scores and
//! badges are the same everywhere), regrouped here: one read of the backlog and one of the
//! board's rows, then a sort per column.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::board::{BoardColumn, BoardKind, BoardView, Lane, MustEffort};
use crate::error::CoreResult;
use crate::model::ItemSummary;
use crate::queries::items::list_item_summaries;
use crate::scoring::format::format_number;
use crate::scoring::MoscowBucket;

/// Musts may take at most this share of the planned effort.
pub const MUST_EFFORT_LIMIT_PERCENT: f64 = 60.0;

/// The live board rows of a product's board: item id → (bucket, rank).
fn board_rows(
    connection: &Connection,
    product_id: &str,
    board: BoardKind,
) -> CoreResult<HashMap<String, (String, String)>> {
    let mut statement = connection.prepare_cached(
        "SELECT item_id, bucket, rank FROM board_rank \
         WHERE product_id = ?1 AND board = ?2 AND deleted_at IS NULL",
    )?;
    let rows = statement
        .query_map([product_id, board.as_str()], |row| {
            Ok((row.get(0)?, (row.get(1)?, row.get(2)?)))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The item's input that decides its column on `board`.
pub(crate) fn card_value(board: BoardKind, item: &ItemSummary) -> Option<&'static str> {
    board.value_of(&item.inputs, item.horizon)
}

/// The product's board: every column, each card once, in the board's order.
pub fn list_board(
    connection: &Connection,
    product_id: &str,
    board: BoardKind,
) -> CoreResult<BoardView> {
    let items = list_item_summaries(connection, product_id)?;
    let rows = board_rows(connection, product_id, board)?;
    let lanes: Vec<Lane> = board.lanes();
    let mut grouped: Vec<Vec<ItemSummary>> = lanes.iter().map(|_| Vec::new()).collect();
    for mut item in items {
        let lane = board.lane_of(card_value(board, &item));
        if let Some((bucket, rank)) = rows.get(&item.id) {
            if bucket == lane.bucket {
                item.rank.clone_from(rank);
            }
        }
        if let Some(index) = lanes.iter().position(|candidate| *candidate == lane) {
            if let Some(cards) = grouped.get_mut(index) {
                cards.push(item);
            }
        }
    }
    let columns: Vec<BoardColumn> = lanes
        .iter()
        .zip(grouped)
        .map(|(lane, mut cards)| {
            cards.sort_by(|a, b| (&a.rank, &a.id).cmp(&(&b.rank, &b.id)));
            for (card, position) in cards.iter_mut().zip(1..) {
                card.position = position;
            }
            BoardColumn {
                column: lane.bucket.to_string(),
                label: lane.label.to_string(),
                cards,
            }
        })
        .collect();
    let must_effort = match board {
        BoardKind::Moscow => Some(must_effort(&columns)),
        BoardKind::Kano | BoardKind::Horizon => None,
    };
    Ok(BoardView {
        board,
        label: board.label().to_string(),
        columns,
        must_effort,
    })
}

/// The Musts' share of `planned` work in percent (`None` when nothing is planned) and whether
/// it passes [`MUST_EFFORT_LIMIT_PERCENT`]: the one rule behind the MoSCoW board's effort check
/// and a release's Musts warning.
pub fn must_share(must: f64, planned: f64) -> (Option<f64>, bool) {
    let percent = (planned > 0.0).then(|| must / planned * 100.0);
    let over_limit = percent.is_some_and(|percent| percent > MUST_EFFORT_LIMIT_PERCENT);
    (percent, over_limit)
}

/// How a sentence about the Musts' share ends: the warning when it passes the limit.
pub fn must_share_ending(over_limit: bool) -> String {
    if over_limit {
        format!(
            ": more than {} %, so nothing is left for surprises.",
            format_number(MUST_EFFORT_LIMIT_PERCENT)
        )
    } else {
        ".".to_string()
    }
}

/// The Musts' share of the planned effort (see [`MustEffort`]).
pub fn must_effort(columns: &[BoardColumn]) -> MustEffort {
    let planned = [
        MoscowBucket::Must,
        MoscowBucket::Should,
        MoscowBucket::Could,
    ];
    let cards_of = |bucket: MoscowBucket| {
        columns
            .iter()
            .filter(move |column| column.column == bucket.as_str())
            .flat_map(|column| column.cards.iter())
    };
    let effort_of = |bucket: MoscowBucket| -> f64 {
        // Folded from +0: an empty `sum` of floats is -0, which would read "-0" in JSON.
        cards_of(bucket)
            .filter_map(|card| card.inputs.rice_effort)
            .fold(0.0, |total, effort| total + effort)
    };
    let must_effort = effort_of(MoscowBucket::Must);
    let planned_effort = planned
        .into_iter()
        .map(effort_of)
        .fold(0.0, |total, effort| total + effort);
    let unestimated_musts = cards_of(MoscowBucket::Must)
        .filter(|card| card.inputs.rice_effort.is_none())
        .count();
    let unestimated_musts = i32::try_from(unestimated_musts).unwrap_or(i32::MAX);
    let (percent, over_limit) = must_share(must_effort, planned_effort);
    let mut message = match percent {
        None => "No Must, Should or Could item has a RICE effort yet.".to_string(),
        Some(percent) => format!(
            "Musts take {} % of the planned effort ({} of {} person-months){}",
            format_number(percent.round()),
            format_number(must_effort),
            format_number(planned_effort),
            must_share_ending(over_limit)
        ),
    };
    match unestimated_musts {
        0 => {}
        1 => message.push_str(" 1 Must has no RICE effort."),
        count => message.push_str(&format!(" {count} Musts have no RICE effort.")),
    }
    MustEffort {
        must_effort,
        planned_effort,
        percent,
        limit_percent: MUST_EFFORT_LIMIT_PERCENT,
        over_limit,
        unestimated_musts,
        message,
    }
}
