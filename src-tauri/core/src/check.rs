//! `northstar check`: integrity, schema and order checks of a database file, without changing
//! it. `northstar repair` ([`crate::repair`]) fixes what is found about ranks.

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;

use crate::backup::summarize_connection;
use crate::board::BoardKind;
use crate::error::{CoreError, CoreResult};
use crate::inspect::{
    inspect_database_file, open_read_only, FileProblem, FileProblemKind, FileState,
};
use crate::rank::key_between;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    pub schema_version: i64,
    pub products: i64,
    pub items: i64,
    /// Problems found; empty when the file is healthy.
    pub findings: Vec<String>,
    /// How many of `findings` are about ranks, which `northstar repair` fixes; the others
    /// (damage, missing rows) call for a backup.
    pub repairable: usize,
}

impl CheckReport {
    pub fn is_healthy(&self) -> bool {
        self.findings.is_empty()
    }
}

/// Checks the file read-only. A file Northstar would refuse to open is an `Err`.
pub fn check_database_file(path: &Path) -> CoreResult<CheckReport> {
    let schema_version = match inspect_database_file(path) {
        FileState::Missing => {
            return Err(CoreError::not_found(
                "database file",
                path.display().to_string(),
            ))
        }
        FileState::Refused(problem) => return Err(problem.into()),
        // Like `export`: an empty file holds no Northstar data, which is not "OK".
        FileState::Blank => {
            return Err(FileProblem::new(
                FileProblemKind::NotNorthstar,
                "This file is empty: it holds no Northstar data yet.",
            )
            .into())
        }
        FileState::Northstar { schema_version } => schema_version,
    };
    let connection = open_read_only(path)?;
    let mut findings = integrity_findings(&connection)?;
    if schema_version == 0 {
        return Ok(CheckReport {
            schema_version,
            products: 0,
            items: 0,
            findings,
            repairable: 0,
        });
    }
    findings.extend(foreign_key_findings(&connection)?);
    findings.extend(orphan_findings(&connection)?);
    let mut ranks = rank_findings(&connection)?;
    ranks.extend(board_rank_findings(&connection)?);
    let repairable = ranks.len();
    findings.extend(ranks);
    let summary = summarize_connection(&connection)?;
    Ok(CheckReport {
        schema_version,
        products: i64::from(summary.products),
        items: i64::from(summary.items),
        findings,
        repairable,
    })
}

fn integrity_findings(connection: &Connection) -> CoreResult<Vec<String>> {
    let mut statement = connection.prepare("PRAGMA integrity_check(20)")?;
    let lines: Vec<String> = statement
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(lines
        .into_iter()
        .filter(|line| line != "ok")
        .map(|line| format!("integrity: {line}"))
        .collect())
}

fn foreign_key_findings(connection: &Connection) -> CoreResult<Vec<String>> {
    let mut statement = connection.prepare("PRAGMA foreign_key_check")?;
    let rows: Vec<String> = statement
        .query_map([], |row| {
            let table: String = row.get(0)?;
            let parent: String = row.get(2)?;
            Ok(format!("a row of {table} points to a missing {parent}"))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Items whose product is missing: invisible in the app (no foreign key catches them when the
/// file was edited with foreign keys off).
fn orphan_findings(connection: &Connection) -> CoreResult<Vec<String>> {
    let mut statement = connection.prepare(
        "SELECT id FROM backlog_item WHERE product_id NOT IN (SELECT id FROM product) ORDER BY id",
    )?;
    let ids: Vec<String> = statement
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids
        .into_iter()
        .map(|id| format!("item {id} belongs to no product"))
        .collect())
}

/// Invalid keys, live items sharing a rank in one product (their order is then decided by id
/// alone, and no item can be moved between them), and live items sharing a rank with a deleted
/// item of the product (undoing that delete would put both in the same place).
fn rank_findings(connection: &Connection) -> CoreResult<Vec<String>> {
    let mut statement =
        connection.prepare("SELECT id, rank FROM backlog_item ORDER BY product_id, rank, id")?;
    let rows: Vec<(String, String)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut findings: Vec<String> = rows
        .into_iter()
        .filter(|(_, rank)| key_between(Some(rank), None).is_err())
        .map(|(id, rank)| format!("item {id} has an invalid rank key “{rank}”"))
        .collect();
    let mut ties = connection.prepare(
        "SELECT p.name, i.rank, sum(i.deleted_at IS NULL), sum(i.deleted_at IS NOT NULL) \
         FROM backlog_item i JOIN product p ON p.id = i.product_id \
         GROUP BY i.product_id, i.rank HAVING sum(i.deleted_at IS NULL) >= 1 AND count(*) > 1 \
         ORDER BY p.name, i.rank",
    )?;
    let tied: Vec<(String, String, i64, i64)> = ties
        .query_map([], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?
        .collect::<Result<_, _>>()?;
    for (product, rank, live, deleted) in tied {
        if live > 1 {
            findings.push(format!(
                "{live} items of product “{product}” share the rank “{rank}”"
            ));
        }
        if deleted > 0 {
            findings.push(format!(
                "an item of product “{product}” shares the rank “{rank}” with a deleted item"
            ));
        }
    }
    Ok(findings)
}

/// The board's name and column as a finding says them: "the MoSCoW board's Must column".
fn board_column_words(board: &str, bucket: &str) -> String {
    match BoardKind::ALL
        .into_iter()
        .find(|kind| kind.as_str() == board)
    {
        Some(kind) => {
            let lane = kind.lane_of(Some(bucket));
            let label = if lane.bucket == bucket {
                lane.label
            } else {
                bucket
            };
            format!("the {} board's {label} column", kind.label())
        }
        None => format!("the board “{board}”, column “{bucket}”"),
    }
}

/// Board cards with an invalid key, and cards of one board column sharing a key (their order
/// is then decided by id alone). Only rows in use count: a row hidden by an undo comes back
/// only by a redo, which replays the steps in order, so it never meets the rows of later moves.
fn board_rank_findings(connection: &Connection) -> CoreResult<Vec<String>> {
    let mut statement = connection.prepare(
        "SELECT item_id, board, rank FROM board_rank WHERE deleted_at IS NULL \
         ORDER BY product_id, board, bucket, rank, item_id",
    )?;
    let rows: Vec<(String, String, String)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut findings: Vec<String> = rows
        .into_iter()
        .filter(|(_, _, rank)| key_between(Some(rank), None).is_err())
        .map(|(id, board, rank)| {
            format!("the {board} card of item {id} has an invalid rank key “{rank}”")
        })
        .collect();
    let mut ties = connection.prepare(
        "SELECT p.name, r.board, r.bucket, r.rank, count(*) FROM board_rank r \
         JOIN product p ON p.id = r.product_id WHERE r.deleted_at IS NULL \
         GROUP BY r.product_id, r.board, r.bucket, r.rank HAVING count(*) > 1 \
         ORDER BY p.name, r.board, r.bucket, r.rank",
    )?;
    let tied: Vec<(String, String, String, String, i64)> = ties
        .query_map([], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    for (product, board, bucket, rank, count) in tied {
        findings.push(format!(
            "{count} cards of product “{product}” share the rank “{rank}” in {}",
            board_column_words(&board, &bucket)
        ));
    }
    Ok(findings)
}
