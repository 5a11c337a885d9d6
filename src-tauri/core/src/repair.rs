//! `northstar repair`: gives every backlog item of a product a distinct, valid rank key, keeping
//! the order the items have now (`ORDER BY rank, id`), and likewise every card in use of each
//! board column (`board_rank`, `ORDER BY rank, item_id`).
//!
//! Items are walked in that order, deleted ones included (undo can bring them back). An item
//! keeps its key when the key is valid and above the previous item's; otherwise (a tie, or a
//! key that is not a rank key) it gets a new key between the previous item and the next item
//! that keeps its own. Nothing else changes, so a second repair finds nothing to do. The store
//! backs the file up first and applies the whole repair in one transaction.

use rusqlite::{params, Connection};
use serde::Serialize;

use crate::backup::BackupReason;
use crate::board::BoardKind;
use crate::error::CoreResult;
use crate::rank::key_between;
use crate::time::{format_timestamp, now};
use crate::Store;

/// One item that gets a new rank key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RankRepair {
    pub item_id: String,
    pub title: String,
    pub product: String,
    pub old_rank: String,
    pub new_rank: String,
    /// The board whose order this is; `None` for the backlog.
    pub board: Option<BoardKind>,
    /// Where the card is, for people: "the MoSCoW board's Must column"; `None` for the backlog.
    pub place: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RepairReport {
    pub repairs: Vec<RankRepair>,
    /// The backup made before repairing (none when there was nothing to repair).
    pub backup: Option<String>,
}

struct Row {
    id: String,
    title: String,
    product: String,
    /// The order the row belongs to: its product's backlog, or one column of one board.
    scope: String,
    rank: String,
}

fn is_valid_key(key: &str) -> bool {
    key_between(Some(key), None).is_ok()
}

/// The repairs the database needs, without changing it.
pub fn plan_rank_repairs(connection: &Connection) -> CoreResult<Vec<RankRepair>> {
    let mut statement = connection.prepare(
        "SELECT i.id, i.title, p.name, i.product_id, i.rank FROM backlog_item i \
         JOIN product p ON p.id = i.product_id ORDER BY i.product_id, i.rank, i.id",
    )?;
    let rows: Vec<Row> = statement
        .query_map([], |row| {
            Ok(Row {
                id: row.get(0)?,
                title: row.get(1)?,
                product: row.get(2)?,
                scope: row.get(3)?,
                rank: row.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut repairs = plan_scopes(&rows, None)?;
    for board in BoardKind::ALL {
        repairs.extend(plan_board_repairs(connection, board)?);
    }
    Ok(repairs)
}

/// The board's cards in use, each column in its stored order (`rank, item_id`); rows hidden
/// by an undo are left as they are (see `check`).
fn plan_board_repairs(connection: &Connection, board: BoardKind) -> CoreResult<Vec<RankRepair>> {
    let mut statement = connection.prepare(
        "SELECT r.item_id, i.title, p.name, r.product_id || ':' || r.bucket, r.rank \
         FROM board_rank r JOIN backlog_item i ON i.id = r.item_id \
         JOIN product p ON p.id = r.product_id \
         WHERE r.board = ?1 AND r.deleted_at IS NULL \
         ORDER BY r.product_id, r.bucket, r.rank, r.item_id",
    )?;
    let rows: Vec<Row> = statement
        .query_map([board.as_str()], |row| {
            Ok(Row {
                id: row.get(0)?,
                title: row.get(1)?,
                product: row.get(2)?,
                scope: row.get(3)?,
                rank: row.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    plan_scopes(&rows, Some(board))
}

/// The repairs of rows sorted by scope, then order: each scope is planned on its own.
fn plan_scopes(rows: &[Row], board: Option<BoardKind>) -> CoreResult<Vec<RankRepair>> {
    let mut repairs = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let end = rows[start..]
            .iter()
            .position(|row| row.scope != rows[start].scope)
            .map_or(rows.len(), |offset| start + offset);
        repairs.extend(plan_scope(&rows[start..end], board)?);
        start = end;
    }
    Ok(repairs)
}

fn plan_scope(rows: &[Row], board: Option<BoardKind>) -> CoreResult<Vec<RankRepair>> {
    let mut repairs = Vec::new();
    let mut previous: Option<String> = None;
    let above_previous =
        |key: &str, previous: &Option<String>| previous.as_deref().is_none_or(|p| key > p);
    for (index, row) in rows.iter().enumerate() {
        if is_valid_key(&row.rank) && above_previous(&row.rank, &previous) {
            previous = Some(row.rank.clone());
            continue;
        }
        let next_kept = rows[index + 1..]
            .iter()
            .map(|later| later.rank.as_str())
            .find(|key| is_valid_key(key) && above_previous(key, &previous));
        let new_rank = key_between(previous.as_deref(), next_kept)?;
        repairs.push(RankRepair {
            item_id: row.id.clone(),
            title: row.title.clone(),
            product: row.product.clone(),
            old_rank: row.rank.clone(),
            new_rank: new_rank.clone(),
            board,
            place: board.map(|board| {
                let bucket = row.scope.rsplit(':').next().unwrap_or_default();
                format!(
                    "the {} board's {} column",
                    board.label(),
                    board.lane_of(Some(bucket)).label
                )
            }),
        });
        previous = Some(new_rank);
    }
    Ok(repairs)
}

fn apply_rank_repairs(connection: &Connection, repairs: &[RankRepair]) -> CoreResult<()> {
    let at = format_timestamp(&now());
    let mut items =
        connection.prepare("UPDATE backlog_item SET rank = ?2, updated_at = ?3 WHERE id = ?1")?;
    let mut cards = connection.prepare(
        "UPDATE board_rank SET rank = ?3, updated_at = ?4 WHERE board = ?1 AND item_id = ?2",
    )?;
    for repair in repairs {
        match repair.board {
            None => items.execute(params![repair.item_id, repair.new_rank, at])?,
            Some(board) => {
                cards.execute(params![board.as_str(), repair.item_id, repair.new_rank, at])?
            }
        };
    }
    Ok(())
}

/// Repairs the ranks of the open store: a backup first, then one transaction.
pub fn repair_store(store: &Store) -> CoreResult<RepairReport> {
    if store.read(plan_rank_repairs)?.is_empty() {
        return Ok(RepairReport {
            repairs: Vec::new(),
            backup: None,
        });
    }
    let backup = store.back_up(BackupReason::BeforeRepair)?;
    // Planned again inside the transaction, so it fixes exactly what is there.
    let repairs = store.write_untracked(|connection| {
        let repairs = plan_rank_repairs(connection)?;
        apply_rank_repairs(connection, &repairs)?;
        Ok(repairs)
    })?;
    Ok(RepairReport {
        repairs,
        backup: Some(backup.display().to_string()),
    })
}
