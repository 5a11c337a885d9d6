//! Backups: `VACUUM INTO` copies in a `backups/` folder beside the database.
//!
//! - A backup is named `<database stem>.<UTC time>.<reason>.db`, so backups of several
//!   databases can share a folder and each lists only its own.
//! - Made before a migration, before a restore or a repair, automatically at start when the
//!   newest is more than a day old and at exit when anything changed, and on request.
//! - Which are kept is [`crate::rotation`]'s job.
//! - Listing for people reads each copy read-only, with the same inspection as opening a file;
//!   rotation and the "is one due" question only read the names.

use std::path::{Path, PathBuf};

use chrono::{NaiveDateTime, TimeDelta};
use rusqlite::Connection;
use serde::Serialize;

use crate::error::{CoreError, CoreResult};
use crate::files::prepare_file;
use crate::inspect::{inspect_database_file, open_read_only, FileState};
use crate::time::{parse_timestamp, Timestamp};

pub const BACKUP_FOLDER: &str = "backups";
/// An automatic backup is due at start when the newest is older than this.
pub const AUTOMATIC_BACKUP_AGE: TimeDelta = TimeDelta::hours(24);
/// The UTC time in a backup's name.
pub(crate) const NAME_TIME_FORMAT: &str = "%Y%m%dT%H%M%S%3fZ";

/// Why a backup was made; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum BackupReason {
    Automatic,
    Manual,
    BeforeMigration,
    BeforeRestore,
    BeforeRepair,
    AtExit,
}

impl BackupReason {
    const ALL: [BackupReason; 6] = [
        BackupReason::Automatic,
        BackupReason::Manual,
        BackupReason::BeforeMigration,
        BackupReason::BeforeRestore,
        BackupReason::BeforeRepair,
        BackupReason::AtExit,
    ];

    fn tag(self) -> &'static str {
        match self {
            BackupReason::Automatic => "auto",
            BackupReason::Manual => "manual",
            BackupReason::BeforeMigration => "pre-migration",
            BackupReason::BeforeRestore => "pre-restore",
            BackupReason::BeforeRepair => "pre-repair",
            BackupReason::AtExit => "exit",
        }
    }

    /// In words, for lists of backups.
    pub fn label(self) -> &'static str {
        match self {
            BackupReason::Automatic => "Daily",
            BackupReason::Manual => "Backed up by you",
            BackupReason::BeforeMigration => "Before an upgrade",
            BackupReason::BeforeRestore => "Before a restore",
            BackupReason::BeforeRepair => "Before a repair",
            BackupReason::AtExit => "When Northstar closed",
        }
    }
}

/// What a database file holds, read without changing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DatabaseSummary {
    pub schema_version: i32,
    /// Products that are not deleted.
    pub products: i32,
    /// Items that are not deleted, of products that are not deleted.
    pub items: i32,
    /// The latest change to any product or item, if there is one.
    pub last_change_at: Option<Timestamp>,
}

/// One backup in the folder.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The name that identifies it in the folder (and in the app's commands).
    pub file_name: String,
    pub path: String,
    pub created_at: Timestamp,
    pub reason: BackupReason,
    pub reason_label: String,
    pub size_bytes: f64,
    /// What it holds, or `None` when it cannot be read (then `problem` says why).
    pub summary: Option<DatabaseSummary>,
    pub problem: Option<String>,
}

/// The `backups/` folder beside `database`.
pub fn backups_folder(database: &Path) -> PathBuf {
    database
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUP_FOLDER)
}

fn database_stem(database: &Path) -> String {
    database
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "northstar".into())
}

fn backup_file_name(database: &Path, at: Timestamp, reason: BackupReason) -> String {
    format!(
        "{}.{}.{}.db",
        database_stem(database),
        at.format(NAME_TIME_FORMAT),
        reason.tag()
    )
}

/// The time and reason in a backup's name, when the name is one of `database`'s backups.
pub fn parse_backup_name(database: &Path, name: &str) -> Option<(Timestamp, BackupReason)> {
    let rest = name
        .strip_prefix(&database_stem(database))?
        .strip_prefix('.')?
        .strip_suffix(".db")?;
    let (time, tag) = rest.split_once('.')?;
    let reason = BackupReason::ALL
        .into_iter()
        .find(|reason| reason.tag() == tag)?;
    let at = NaiveDateTime::parse_from_str(time, NAME_TIME_FORMAT)
        .ok()?
        .and_utc();
    Some((at, reason))
}

/// Writes a `VACUUM INTO` copy of `database`, which `connection` reads, to `target`
/// (atomically, with `database`'s permissions when `target` is new).
pub fn copy_database(
    connection: &Connection,
    database: &Path,
    target: &Path,
) -> CoreResult<PathBuf> {
    prepare_file(target, Some(database), |scratch, _| {
        vacuum_into(connection, scratch)
    })?
    .commit()
}

/// `VACUUM INTO` an empty or missing file.
pub fn vacuum_into(connection: &Connection, target: &Path) -> CoreResult<()> {
    let target_text = target.to_str().ok_or_else(|| {
        CoreError::Refused(format!("{}: the path is not valid text", target.display()))
    })?;
    connection.execute("VACUUM INTO ?1", [target_text])?;
    Ok(())
}

/// A new backup of the database `connection` reads, in `database`'s backups folder.
pub fn create_backup(
    connection: &Connection,
    database: &Path,
    reason: BackupReason,
    at: Timestamp,
) -> CoreResult<PathBuf> {
    let folder = backups_folder(database);
    std::fs::create_dir_all(&folder)?;
    copy_database(
        connection,
        database,
        &folder.join(backup_file_name(database, at, reason)),
    )
}

/// Product and item counts of an open Northstar database.
pub fn summarize_connection(connection: &Connection) -> CoreResult<DatabaseSummary> {
    let schema_version: i32 = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if schema_version == 0 {
        return Ok(DatabaseSummary {
            schema_version,
            products: 0,
            items: 0,
            last_change_at: None,
        });
    }
    let count = |sql: &str| connection.query_row(sql, [], |row| row.get::<_, i32>(0));
    let last_change: Option<String> = connection.query_row(
        "SELECT max(at) FROM (SELECT max(updated_at) AS at FROM product \
         UNION ALL SELECT max(updated_at) FROM backlog_item)",
        [],
        |row| row.get(0),
    )?;
    Ok(DatabaseSummary {
        schema_version,
        products: count("SELECT count(*) FROM product WHERE deleted_at IS NULL")?,
        items: count(
            "SELECT count(*) FROM backlog_item WHERE deleted_at IS NULL \
             AND product_id IN (SELECT id FROM product WHERE deleted_at IS NULL)",
        )?,
        last_change_at: last_change.as_deref().and_then(parse_timestamp),
    })
}

/// What the Northstar database at `path` holds; an error when Northstar would not open it.
pub fn summarize_file(path: &Path) -> CoreResult<DatabaseSummary> {
    match inspect_database_file(path) {
        FileState::Northstar { .. } => summarize_connection(&open_read_only(path)?),
        FileState::Refused(problem) => Err(problem.into()),
        FileState::Missing => Err(CoreError::not_found(
            "database file",
            path.display().to_string(),
        )),
        FileState::Blank => Err(CoreError::Refused(
            "This file is empty: it holds no Northstar data.".into(),
        )),
    }
}

/// One of a database's backups as its folder lists it, without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub file_name: String,
    pub created_at: Timestamp,
    pub reason: BackupReason,
}

/// `database`'s backups by their names, newest first (other files in the folder are ignored).
pub fn backup_files(database: &Path) -> CoreResult<Vec<BackupFile>> {
    let folder = backups_folder(database);
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error.into()),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some((created_at, reason)) = parse_backup_name(database, &file_name) else {
            continue;
        };
        backups.push(BackupFile {
            path: entry.path(),
            file_name,
            created_at,
            reason,
        });
    }
    backups.sort_by(|a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then_with(|| b.file_name.cmp(&a.file_name))
    });
    Ok(backups)
}

/// `database`'s backups, newest first, each with what it holds.
pub fn list_backups(database: &Path) -> CoreResult<Vec<BackupInfo>> {
    let mut listed = Vec::new();
    for backup in backup_files(database)? {
        let size_bytes = match std::fs::metadata(&backup.path) {
            Ok(metadata) => metadata.len() as f64,
            // Rotated away (by another Northstar) while the folder was being read.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error.into()),
        };
        let (summary, problem) = match summarize_file(&backup.path) {
            Ok(summary) => (Some(summary), None),
            Err(error) => (None, Some(error.to_string())),
        };
        listed.push(BackupInfo {
            file_name: backup.file_name,
            path: backup.path.display().to_string(),
            created_at: backup.created_at,
            reason: backup.reason,
            reason_label: backup.reason.label().to_string(),
            size_bytes,
            summary,
            problem,
        });
    }
    Ok(listed)
}

/// The path of `database`'s backup called `file_name`, refusing any name that is not one of
/// its backups (so a name from the UI can never point elsewhere).
pub fn backup_path(database: &Path, file_name: &str) -> CoreResult<PathBuf> {
    let is_plain_name = Path::new(file_name).file_name() == Some(std::ffi::OsStr::new(file_name));
    if !is_plain_name || parse_backup_name(database, file_name).is_none() {
        return Err(CoreError::invalid(
            "backup",
            "That is not one of this database’s backups.",
        ));
    }
    let path = backups_folder(database).join(file_name);
    if !path.is_file() {
        return Err(CoreError::not_found("backup", file_name));
    }
    Ok(path)
}

/// Whether an automatic backup is due: no backup yet, or the newest older than a day.
pub fn automatic_backup_due(database: &Path, now: Timestamp) -> CoreResult<bool> {
    let newest = backup_files(database)?
        .first()
        .map(|backup| backup.created_at);
    Ok(newest.is_none_or(|at| now - at > AUTOMATIC_BACKUP_AGE))
}

/// A human-readable time for messages: `2026-11-30 05:44 UTC`.
pub fn describe_time(at: &Timestamp) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> Timestamp {
        chrono::Utc
            .with_ymd_and_hms(2026, 3, day, hour, 0, 0)
            .unwrap()
    }

    #[test]
    fn names_round_trip_and_other_files_are_not_backups() {
        let database = Path::new("/data/plan.db");
        let name = backup_file_name(database, at(5, 7), BackupReason::BeforeMigration);
        assert_eq!(name, "plan.20260305T070000000Z.pre-migration.db");
        assert_eq!(
            parse_backup_name(database, &name),
            Some((at(5, 7), BackupReason::BeforeMigration))
        );
        // Another database whose name starts the same is not mixed in.
        let other = backup_file_name(
            Path::new("/data/plan.v2.db"),
            at(5, 7),
            BackupReason::Manual,
        );
        assert_eq!(parse_backup_name(database, &other), None);
        assert_eq!(parse_backup_name(database, "plan.db"), None);
        assert_eq!(
            parse_backup_name(database, "plan.20260305T070000000Z.weird.db"),
            None
        );
        assert!(backup_path(database, "../plan.20260305T070000000Z.manual.db").is_err());
    }
}
