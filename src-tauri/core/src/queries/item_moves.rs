//! Moving an item in its product's ranked backlog.
//!
//! A move reads the item and at most two live neighbours through the `(product_id, rank, id)`
//! index, then one rank any row of the product holds (deleted rows included, through the
//! `(product_id, rank)` index: the nearest above the lower neighbour, or the highest at the
//! bottom), computes one rank key between them and writes only the moved row: O(log n) whatever
//! the backlog's size. It never counts positions; the
//! caller learns the new order from the next list.
//!
//! A deleted item keeps its rank so that undoing the delete puts it back where it was; a move must
//! therefore never produce a key a deleted row still holds, or the undo would put two items on one
//! rank.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{CoreError, CoreResult};
use crate::model::{MoveTarget, MovedItem};
use crate::mutation::{Changes, Table};
use crate::queries::items::{rank_problem, LAST_RANK_SQL};
use crate::rank::key_between;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

/// What a move needs to know about an item (not its description, which may be 1 MB).
struct Placed {
    id: String,
    product_id: String,
    title: String,
    rank: String,
}

pub(crate) const PLACED_SQL: &str = "SELECT id, product_id, title, rank FROM backlog_item \
     WHERE id = ?1 AND deleted_at IS NULL \
     AND EXISTS (SELECT 1 FROM product WHERE product.id = backlog_item.product_id \
     AND product.deleted_at IS NULL)";

fn placed(connection: &Connection, id: &str) -> CoreResult<Placed> {
    connection
        .prepare_cached(PLACED_SQL)?
        .query_row([id], |row| {
            Ok(Placed {
                id: row.get(0)?,
                product_id: row.get(1)?,
                title: row.get(2)?,
                rank: row.get(3)?,
            })
        })
        .optional()?
        .ok_or_else(|| CoreError::not_found("item", id))
}

/// A neighbour in rank order: its id and rank key.
struct Neighbour {
    id: String,
    rank: String,
}

/// The query for up to `limit` live items just before (or after) an anchor `(rank, id)`,
/// nearest first, leaving out the moving item; without an anchor, from the start (or end).
pub(crate) fn neighbours_sql(anchored: bool, after: bool, limit: i32) -> String {
    let (comparison, order) = if after { (">", "ASC") } else { ("<", "DESC") };
    let anchor_clause = if anchored {
        format!("AND (rank, id) {comparison} (?3, ?4)")
    } else {
        String::new()
    };
    format!(
        "SELECT id, rank FROM backlog_item WHERE product_id = ?1 AND deleted_at IS NULL \
         AND id <> ?2 {anchor_clause} ORDER BY rank {order}, id {order} LIMIT {limit}"
    )
}

fn neighbours(
    connection: &Connection,
    product_id: &str,
    anchor: Option<(&str, &str)>,
    after: bool,
    skip: &str,
    limit: i32,
) -> CoreResult<Vec<Neighbour>> {
    let sql = neighbours_sql(anchor.is_some(), after, limit);
    let mut statement = connection.prepare_cached(&sql)?;
    let to_neighbour = |row: &Row| {
        Ok(Neighbour {
            id: row.get(0)?,
            rank: row.get(1)?,
        })
    };
    let rows = match anchor {
        Some((rank, id)) => {
            statement.query_map(params![product_id, skip, rank, id], to_neighbour)?
        }
        None => statement.query_map(params![product_id, skip], to_neighbour)?,
    };
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The query for the smallest rank any row of the product holds (live or deleted) above a lower
/// bound, or the smallest of all without one.
pub(crate) fn nearest_rank_above_sql(bounded: bool) -> &'static str {
    if bounded {
        "SELECT rank FROM backlog_item WHERE product_id = ?1 AND rank > ?2 ORDER BY rank LIMIT 1"
    } else {
        "SELECT rank FROM backlog_item WHERE product_id = ?1 ORDER BY rank LIMIT 1"
    }
}

/// The bounds of the new key, from its live neighbours `lower` and `upper`, such that no row of
/// the product, live or deleted, holds a key between them:
/// - at the bottom (no `upper`), after the highest rank any row holds or the undo history
///   (`recorded`) may bring back, as a new item goes (a key
///   past every row stays short, where squeezing below a deleted last item would add a character
///   every few moves);
/// - elsewhere, below the nearest rank any row holds above `lower` (at the top, the lowest rank of
///   all), which is never above `upper`, a row itself: the live order comes out as asked.
///
/// Two live neighbours on one rank (a damaged order) are passed on as they are, for
/// `key_between` to refuse.
fn free_bounds(
    connection: &Connection,
    product_id: &str,
    lower: Option<String>,
    upper: Option<String>,
    recorded: Option<String>,
) -> CoreResult<(Option<String>, Option<String>)> {
    let Some(upper) = upper else {
        let highest: Option<String> = connection
            .prepare_cached(LAST_RANK_SQL)?
            .query_row([product_id], |row| row.get(0))
            .optional()?;
        return Ok((highest.max(recorded).or(lower), None));
    };
    if lower
        .as_deref()
        .is_some_and(|lower| upper.as_str() <= lower)
    {
        return Ok((lower, Some(upper)));
    }
    let mut statement = connection.prepare_cached(nearest_rank_above_sql(lower.is_some()))?;
    let nearest: Option<String> = match lower.as_deref() {
        Some(lower) => statement.query_row(params![product_id, lower], |row| row.get(0)),
        None => statement.query_row(params![product_id], |row| row.get(0)),
    }
    .optional()?;
    Ok((lower, nearest.or(Some(upper))))
}

/// Moves an item in its product's ranked backlog, writing only its own row. A move that would
/// not change the order (the first item "to top") changes nothing and records no undo step.
pub fn move_item(changes: &mut Changes, id: &str, target: &MoveTarget) -> CoreResult<MovedItem> {
    let item = placed(changes.connection(), id)?;
    let unchanged = || MovedItem {
        id: item.id.clone(),
        rank: item.rank.clone(),
    };
    let connection = changes.connection();
    let product = item.product_id.as_str();
    let here = Some((item.rank.as_str(), item.id.as_str()));
    let rank_of = |neighbour: Option<&Neighbour>| neighbour.map(|n| n.rank.clone());

    let (before, after, label) = match target {
        MoveTarget::Top => {
            let first = neighbours(connection, product, None, true, id, 1)?;
            if first.first().is_none_or(|first| {
                (first.rank.as_str(), first.id.as_str()) > (item.rank.as_str(), id)
            }) {
                return Ok(unchanged());
            }
            (None, rank_of(first.first()), "to top")
        }
        MoveTarget::Bottom => {
            let last = neighbours(connection, product, None, false, id, 1)?;
            if last.first().is_none_or(|last| {
                (last.rank.as_str(), last.id.as_str()) < (item.rank.as_str(), id)
            }) {
                return Ok(unchanged());
            }
            (rank_of(last.first()), None, "to bottom")
        }
        MoveTarget::Up => {
            let previous = neighbours(connection, product, here, false, id, 2)?;
            if previous.is_empty() {
                return Ok(unchanged());
            }
            (rank_of(previous.get(1)), rank_of(previous.first()), "up")
        }
        MoveTarget::Down => {
            let next = neighbours(connection, product, here, true, id, 2)?;
            if next.is_empty() {
                return Ok(unchanged());
            }
            (rank_of(next.first()), rank_of(next.get(1)), "down")
        }
        MoveTarget::Before { item_id } | MoveTarget::After { item_id } => {
            let other = placed(connection, item_id)?;
            if other.product_id != item.product_id {
                return Err(CoreError::invalid(
                    "target",
                    "Items can only move within their product.",
                ));
            }
            if other.id == item.id {
                return Ok(unchanged());
            }
            let placed_before = matches!(target, MoveTarget::Before { .. });
            // Already there: the neighbour on that side is the anchor itself.
            let beside = neighbours(connection, product, here, placed_before, id, 1)?;
            if beside
                .first()
                .is_some_and(|neighbour| neighbour.id == other.id)
            {
                return Ok(unchanged());
            }
            let anchor = Some((other.rank.as_str(), other.id.as_str()));
            let beyond = neighbours(connection, product, anchor, !placed_before, id, 1)?;
            let beyond = rank_of(beyond.first());
            if placed_before {
                (beyond, Some(other.rank.clone()), "")
            } else {
                (Some(other.rank.clone()), beyond, "")
            }
        }
    };
    let recorded = changes.highest_recorded_rank(Table::BacklogItem, "product_id", product);
    let (before, after) = free_bounds(connection, product, before, after, recorded)?;
    let rank = key_between(before.as_deref(), after.as_deref()).map_err(rank_problem)?;
    changes.describe(if label.is_empty() {
        format!("Move {}", quoted(&item.title))
    } else {
        format!("Move {} {label}", quoted(&item.title))
    });
    let at = format_timestamp(&now());
    changes.track(Table::BacklogItem, id, |connection| {
        connection.execute(
            "UPDATE backlog_item SET rank = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, rank, at],
        )?;
        Ok(())
    })?;
    Ok(MovedItem {
        id: item.id.clone(),
        rank,
    })
}

#[cfg(test)]
#[path = "item_moves_tests.rs"]
mod tests;
