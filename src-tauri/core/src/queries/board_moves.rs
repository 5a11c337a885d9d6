//! Moving a card on a board: within its column to rank it, or to another column to re-bucket it
//! (which sets the item's field in the same transaction: its `moscow`/`kano` input through the
//! same validation as `set_score_inputs`, or its roadmap `horizon`).
//!
//! Order: a card's key is its `board_rank.rank` when its live row is for the column it is in,
//! else its backlog rank (see `boards`). A move computes one key between two neighbours and
//! writes exactly one `board_rank` row (plus the item's input when the column changes):
//! - the live neighbours come from two index-ordered scans, one of the column's board rows
//!   (`board_rank_by_bucket`) and one of the column's items (`backlog_item_by_moscow` /
//!   `_by_kano`), merged, nearest first; each scan passes over the rows that are not cards of
//!   this column (a deleted item's row, an item that has a row here), a handful in practice;
//! - the key's bounds are then narrowed, like the backlog's (`item_moves::free_bounds`), to the
//!   nearest key any row of the column holds, live or deleted, board row or backlog rank: a key
//!   an undo can bring back is never taken, so undo never puts two cards on one key. At the
//!   bottom the key goes past every such key and past the ranks the undo history holds.
//!
//! Nothing is counted or renumbered. A move that would not change the order records nothing.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::board::{BoardKind, Lane, LaneSource, MovedCard};
use crate::error::{CoreError, CoreResult};
use crate::model::MoveTarget;
use crate::mutation::{Changes, Table};
use crate::queries::item_scores::{inputs_from_row, write_inputs, INPUT_COLUMNS};
use crate::queries::items::rank_problem;
use crate::rank::key_between;
use crate::roadmap::Horizon;
use crate::scoring::{InputValue, ScoreInputs};
use crate::text::quoted;
use crate::time::{format_timestamp, now};

/// A live card: its item, its column now and its key on the board.
struct Card {
    id: String,
    product_id: String,
    title: String,
    inputs: ScoreInputs,
    horizon: Option<Horizon>,
    lane: Lane,
    key: String,
}

fn card(connection: &Connection, board: BoardKind, id: &str) -> CoreResult<Card> {
    let sql = format!(
        "SELECT i.id, i.product_id, i.title, i.rank, r.bucket, r.rank, i.horizon, {INPUT_COLUMNS} \
         FROM backlog_item i LEFT JOIN board_rank r \
         ON r.board = ?2 AND r.item_id = i.id AND r.deleted_at IS NULL \
         WHERE i.id = ?1 AND i.deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM product WHERE product.id = i.product_id \
         AND product.deleted_at IS NULL)"
    );
    let found = connection
        .prepare_cached(&sql)?
        .query_row(params![id, board.as_str()], |row| {
            let backlog_rank: String = row.get(3)?;
            let bucket: Option<String> = row.get(4)?;
            let board_rank: Option<String> = row.get(5)?;
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                backlog_rank,
                bucket.zip(board_rank),
                row.get::<_, Option<String>>(6)?,
                inputs_from_row(row, 7)?,
            ))
        })
        .optional()?;
    let (id, product_id, title, backlog_rank, placed, horizon, inputs) =
        found.ok_or_else(|| CoreError::not_found("item", id))?;
    let horizon = horizon.as_deref().map(Horizon::parse).transpose()?;
    let lane = board.lane_of(board.value_of(&inputs, horizon));
    let key = match placed {
        Some((bucket, rank)) if bucket == lane.bucket => rank,
        _ => backlog_rank,
    };
    Ok(Card {
        id,
        product_id,
        title,
        inputs,
        horizon,
        lane,
        key,
    })
}

/// A live card of a column in board order: its id and key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Neighbour {
    key: String,
    id: String,
}

/// A board's column in one product: what every query of a move is scoped by.
struct Column<'a> {
    product_id: &'a str,
    board: BoardKind,
    lane: Lane,
}

/// The query for live cards of the column holding a live board row for it, after (or before)
/// an anchor `(key, id)`, nearest first, leaving out the moving card.
pub(crate) fn ranked_cards_sql(board: BoardKind, anchored: bool, after: bool) -> String {
    let (comparison, order) = if after { (">", "ASC") } else { ("<", "DESC") };
    let anchor = if anchored {
        format!("AND (r.rank, r.item_id) {comparison} (?6, ?7)")
    } else {
        String::new()
    };
    format!(
        // CROSS JOIN keeps board_rank the outer loop: walked from the anchor in key order, it
        // stops after two cards, where starting from the column's items would visit them all.
        "SELECT r.rank, r.item_id FROM board_rank r CROSS JOIN backlog_item i ON i.id = r.item_id \
         WHERE r.product_id = ?1 AND r.board = ?2 AND r.bucket = ?3 AND r.deleted_at IS NULL \
         AND i.deleted_at IS NULL AND i.{column} IS ?4 AND r.item_id <> ?5 {anchor} \
         ORDER BY r.rank {order}, r.item_id {order} LIMIT 2",
        column = board.item_column()
    )
}

/// The same for the column's cards without such a row, which sort by their backlog rank.
pub(crate) fn unranked_cards_sql(board: BoardKind, anchored: bool, after: bool) -> String {
    let (comparison, order) = if after { (">", "ASC") } else { ("<", "DESC") };
    let anchor = if anchored {
        format!("AND (i.rank, i.id) {comparison} (?6, ?7)")
    } else {
        String::new()
    };
    format!(
        "SELECT i.rank, i.id FROM backlog_item i \
         WHERE i.product_id = ?1 AND i.{column} IS ?4 AND i.deleted_at IS NULL AND i.id <> ?5 \
         AND NOT EXISTS (SELECT 1 FROM board_rank r WHERE r.board = ?2 AND r.item_id = i.id \
         AND r.bucket = ?3 AND r.deleted_at IS NULL) {anchor} \
         ORDER BY i.rank {order}, i.id {order} LIMIT 2",
        column = board.item_column()
    )
}

/// Up to two live cards of the column next to `anchor` (or from the start or the end), nearest
/// first, leaving out `skip`.
fn neighbours(
    connection: &Connection,
    column: &Column,
    anchor: Option<&Neighbour>,
    after: bool,
    skip: &str,
) -> CoreResult<Vec<Neighbour>> {
    let to_neighbour = |row: &Row| {
        Ok(Neighbour {
            key: row.get(0)?,
            id: row.get(1)?,
        })
    };
    let mut found: Vec<Neighbour> = Vec::with_capacity(4);
    for sql in [
        ranked_cards_sql(column.board, anchor.is_some(), after),
        unranked_cards_sql(column.board, anchor.is_some(), after),
    ] {
        let mut statement = connection.prepare_cached(&sql)?;
        let scope = params![
            column.product_id,
            column.board.as_str(),
            column.lane.bucket,
            column.lane.value,
            skip
        ];
        let rows = match anchor {
            Some(anchor) => statement.query_map(
                params![
                    column.product_id,
                    column.board.as_str(),
                    column.lane.bucket,
                    column.lane.value,
                    skip,
                    anchor.key,
                    anchor.id
                ],
                to_neighbour,
            )?,
            None => statement.query_map(scope, to_neighbour)?,
        };
        for row in rows {
            found.push(row?);
        }
    }
    found.sort();
    if !after {
        found.reverse();
    }
    found.truncate(2);
    Ok(found)
}

/// The nearest key above `lower` (or the lowest, or with `highest` the highest of all) that any
/// row of the column holds, live or deleted: a board row of the column or the backlog rank of
/// an item whose input is the column's.
fn nearest_key(
    connection: &Connection,
    column: &Column,
    lower: Option<&str>,
    highest: bool,
) -> CoreResult<Option<String>> {
    let (comparison, order) = match (lower, highest) {
        (_, true) => ("", "DESC"),
        (Some(_), false) => ("AND rank > ?4", "ASC"),
        (None, false) => ("", "ASC"),
    };
    let board_sql = format!(
        "SELECT rank FROM board_rank WHERE product_id = ?1 AND board = ?2 AND bucket = ?3 \
         {comparison} ORDER BY rank {order} LIMIT 1"
    );
    let item_sql = format!(
        "SELECT rank FROM backlog_item WHERE product_id = ?1 AND {} IS ?2 {} \
         ORDER BY rank {order} LIMIT 1",
        column.board.item_column(),
        comparison.replace("?4", "?3")
    );
    let bounded = !highest && lower.is_some();
    let lower = lower.unwrap_or_default();
    let from_board: Option<String> = {
        let mut statement = connection.prepare_cached(&board_sql)?;
        let scope = (column.product_id, column.board.as_str(), column.lane.bucket);
        if bounded {
            statement.query_row(params![scope.0, scope.1, scope.2, lower], |row| row.get(0))
        } else {
            statement.query_row(params![scope.0, scope.1, scope.2], |row| row.get(0))
        }
        .optional()?
    };
    let from_items: Option<String> = {
        let mut statement = connection.prepare_cached(&item_sql)?;
        if bounded {
            statement.query_row(
                params![column.product_id, column.lane.value, lower],
                |row| row.get(0),
            )
        } else {
            statement.query_row(params![column.product_id, column.lane.value], |row| {
                row.get(0)
            })
        }
        .optional()?
    };
    Ok(match (from_board, from_items, highest) {
        (Some(a), Some(b), true) => Some(a.max(b)),
        (Some(a), Some(b), false) => Some(a.min(b)),
        (a, b, _) => a.or(b),
    })
}

/// The bounds of the new key from its live neighbours' keys, such that no row of the column,
/// live or deleted, holds a key between them (see the module's rules).
fn free_bounds(
    changes: &Changes,
    column: &Column,
    lower: Option<String>,
    upper: Option<String>,
) -> CoreResult<(Option<String>, Option<String>)> {
    let connection = changes.connection();
    let Some(upper) = upper else {
        let highest = nearest_key(connection, column, None, true)?;
        let recorded_board = changes.highest_recorded_rank_in(
            Table::BoardRank,
            &[
                ("product_id", column.product_id),
                ("board", column.board.as_str()),
                ("bucket", column.lane.bucket),
            ],
        );
        let recorded_items =
            changes.highest_recorded_rank(Table::BacklogItem, "product_id", column.product_id);
        let bound = [highest, recorded_board, recorded_items, lower]
            .into_iter()
            .flatten()
            .max();
        return Ok((bound, None));
    };
    if lower
        .as_deref()
        .is_some_and(|lower| upper.as_str() <= lower)
    {
        return Ok((lower, Some(upper)));
    }
    let nearest = nearest_key(connection, column, lower.as_deref(), false)?;
    let upper = match nearest {
        Some(nearest) if nearest < upper => nearest,
        _ => upper,
    };
    Ok((lower, Some(upper)))
}

/// Sets the item's field that `board`'s columns are to `lane`'s value (tracked, for undo).
fn write_lane_value(
    changes: &mut Changes,
    moving: &Card,
    board: BoardKind,
    lane: Lane,
    at: &str,
) -> CoreResult<()> {
    let id = moving.id.as_str();
    match board.source() {
        LaneSource::Input(input) => {
            let mut inputs = moving.inputs.clone();
            let value = lane.value.map(|value| InputValue::Text(value.to_string()));
            inputs.apply(input, value.as_ref())?;
            changes.track(Table::BacklogItem, id, |connection| {
                write_inputs(connection, id, &inputs, at)
            })
        }
        LaneSource::Horizon => {
            let horizon = lane.value.map(Horizon::parse).transpose()?;
            if horizon == moving.horizon {
                return Ok(());
            }
            changes.track(Table::BacklogItem, id, |connection| {
                connection.execute(
                    "UPDATE backlog_item SET horizon = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, horizon.map(Horizon::as_str), at],
                )?;
                Ok(())
            })
        }
    }
}

/// Moves the card `id` on `board` into `column` ("must", "unsorted"…) at `target`: one
/// transaction, one undo step, one `board_rank` row written (and the item's input when the
/// column changes). `Up`/`Down` move within the card's own column; `Before`/`After` name a card
/// of `column`.
pub fn move_card(
    changes: &mut Changes,
    id: &str,
    board: BoardKind,
    column: &str,
    target: &MoveTarget,
) -> CoreResult<MovedCard> {
    let lane = board.parse_lane(column)?;
    let moving = card(changes.connection(), board, id)?;
    let same_lane = moving.lane == lane;
    let unchanged = || MovedCard {
        item_id: moving.id.clone(),
        board,
        column: lane.bucket.to_string(),
        rank: moving.key.clone(),
    };
    let scope = Column {
        product_id: &moving.product_id,
        board,
        lane,
    };
    let connection = changes.connection();
    let here = Neighbour {
        key: moving.key.clone(),
        id: moving.id.clone(),
    };
    let key_of = |neighbour: Option<&Neighbour>| neighbour.map(|n| n.key.clone());
    let (lower, upper, place) = match target {
        MoveTarget::Top => {
            let first = neighbours(connection, &scope, None, true, id)?;
            if same_lane && first.first().is_none_or(|first| *first > here) {
                return Ok(unchanged());
            }
            (None, key_of(first.first()), "to the top of")
        }
        MoveTarget::Bottom => {
            let last = neighbours(connection, &scope, None, false, id)?;
            if same_lane && last.first().is_none_or(|last| *last < here) {
                return Ok(unchanged());
            }
            (key_of(last.first()), None, "to the bottom of")
        }
        MoveTarget::Up | MoveTarget::Down => {
            if !same_lane {
                return Err(CoreError::invalid(
                    "target",
                    format!(
                        "{} is not in {}: it can only move up or down in its own column.",
                        quoted(&moving.title),
                        lane.label
                    ),
                ));
            }
            let upward = matches!(target, MoveTarget::Up);
            let beside = neighbours(connection, &scope, Some(&here), !upward, id)?;
            if beside.is_empty() {
                return Ok(unchanged());
            }
            if upward {
                (key_of(beside.get(1)), key_of(beside.first()), "within")
            } else {
                (key_of(beside.first()), key_of(beside.get(1)), "within")
            }
        }
        MoveTarget::Before { item_id } | MoveTarget::After { item_id } => {
            let other = card(connection, board, item_id)?;
            if other.product_id != moving.product_id {
                return Err(CoreError::invalid(
                    "target",
                    "Cards can only move on their own product's board.",
                ));
            }
            if other.lane != lane {
                return Err(CoreError::invalid(
                    "target",
                    format!("{} is not in {}.", quoted(&other.title), lane.label),
                ));
            }
            if other.id == moving.id {
                return Ok(unchanged());
            }
            let placed_before = matches!(target, MoveTarget::Before { .. });
            let anchor = Neighbour {
                key: other.key.clone(),
                id: other.id.clone(),
            };
            if same_lane {
                // Already there: the card beside it on that side is the anchor itself.
                let beside = neighbours(connection, &scope, Some(&here), placed_before, id)?;
                if beside
                    .first()
                    .is_some_and(|neighbour| neighbour.id == other.id)
                {
                    return Ok(unchanged());
                }
            }
            let beyond = neighbours(connection, &scope, Some(&anchor), !placed_before, id)?;
            let beyond = key_of(beyond.first());
            if placed_before {
                (beyond, Some(other.key), "within")
            } else {
                (Some(other.key), beyond, "within")
            }
        }
    };
    let (lower, upper) = free_bounds(changes, &scope, lower, upper)?;
    let rank = key_between(lower.as_deref(), upper.as_deref()).map_err(rank_problem)?;
    changes.describe(if !same_lane {
        format!("Move {} to {}", quoted(&moving.title), lane.label)
    } else {
        format!("Move {} {place} {}", quoted(&moving.title), lane.label)
    });
    let at = format_timestamp(&now());
    if !same_lane {
        write_lane_value(changes, &moving, board, lane, &at)?;
    }
    let row_id = format!("{}:{id}", board.as_str());
    changes.track(Table::BoardRank, &row_id, |connection| {
        connection.execute(
            "INSERT INTO board_rank \
             (id, board, item_id, product_id, bucket, rank, created_at, updated_at, deleted_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, NULL) \
             ON CONFLICT(id) DO UPDATE SET bucket = excluded.bucket, rank = excluded.rank, \
             updated_at = excluded.updated_at, deleted_at = NULL",
            params![
                row_id,
                board.as_str(),
                id,
                moving.product_id,
                lane.bucket,
                rank,
                at
            ],
        )?;
        Ok(())
    })?;
    Ok(MovedCard {
        item_id: moving.id.clone(),
        board,
        column: lane.bucket.to_string(),
        rank,
    })
}

#[cfg(test)]
#[path = "board_moves_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "board_moves_horizon_tests.rs"]
mod horizon_tests;
