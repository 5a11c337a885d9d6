//! `northstar check`: integrity and schema checks of a database file, without changing it.

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;

use crate::error::{CoreError, CoreResult};
use crate::inspect::{inspect_database_file, open_read_only, FileState};
use crate::rank::key_between;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    pub schema_version: i64,
    pub products: i64,
    pub items: i64,
    /// Problems found; empty when the file is healthy.
    pub findings: Vec<String>,
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
        FileState::Blank => 0,
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
        });
    }
    findings.extend(foreign_key_findings(&connection)?);
    findings.extend(rank_findings(&connection)?);
    let count = |sql: &str| connection.query_row(sql, [], |row| row.get::<_, i64>(0));
    Ok(CheckReport {
        schema_version,
        products: count("SELECT count(*) FROM product WHERE deleted_at IS NULL")?,
        items: count("SELECT count(*) FROM backlog_item WHERE deleted_at IS NULL")?,
        findings,
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

fn rank_findings(connection: &Connection) -> CoreResult<Vec<String>> {
    let mut statement = connection.prepare("SELECT id, rank FROM backlog_item")?;
    let rows: Vec<(String, String)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows
        .into_iter()
        .filter(|(_, rank)| key_between(Some(rank), None).is_err())
        .map(|(id, rank)| format!("item {id} has an invalid rank key “{rank}”"))
        .collect())
}
