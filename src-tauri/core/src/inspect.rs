//! Read-only inspection of a database file before anything is written to it.
//!
//! A file that is not a Northstar database, is damaged or truncated, or comes from a newer
//! version of Northstar must stay byte-for-byte as it was, so it is looked at through its header
//! and a read-only connection, and only a file judged usable is ever opened for writing.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::migrations;

/// Stored in the SQLite header (`PRAGMA application_id`): "NSTR".
pub const APPLICATION_ID: i32 = 0x4E53_5452;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LENGTH: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum FileProblemKind {
    NotNorthstar,
    Corrupt,
    NewerSchema,
    Unreadable,
    /// Another Northstar window or process has it open: trying again later may work.
    Busy,
    /// SQLite refused WAL journaling on this file system.
    WalUnsupported,
}

/// Why a file cannot be opened, in words a product owner understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct FileProblem {
    pub kind: FileProblemKind,
    pub message: String,
}

impl FileProblem {
    pub fn new(kind: FileProblemKind, message: impl Into<String>) -> Self {
        FileProblem {
            kind,
            message: message.into(),
        }
    }
}

/// What a file holds, judged without writing to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileState {
    /// No file yet: Northstar may create it.
    Missing,
    /// An empty file or an empty SQLite database: Northstar may set it up.
    Blank,
    /// A Northstar database at this schema version (at most the current one).
    Northstar { schema_version: i64 },
    /// Not to be opened for writing.
    Refused(FileProblem),
}

pub fn inspect_database_file(path: &Path) -> FileState {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return FileState::Missing,
        Err(_) => {
            return refused(
                FileProblemKind::Unreadable,
                "Northstar can’t read this file.",
            )
        }
    };
    if metadata.is_dir() {
        return refused(
            FileProblemKind::Unreadable,
            "This is a folder, not a database file.",
        );
    }
    if metadata.len() == 0 {
        return FileState::Blank;
    }
    if let Some(problem) = check_header(path, metadata.len()) {
        return FileState::Refused(problem);
    }
    inspect_contents(path)
}

fn refused(kind: FileProblemKind, message: &str) -> FileState {
    FileState::Refused(FileProblem::new(kind, message))
}

/// Checks the 100-byte SQLite header against the file's length, which catches truncation.
/// The first 100 bytes of the file (fewer if it is shorter).
fn read_header(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut header = Vec::with_capacity(HEADER_LENGTH);
    File::open(path)?
        .take(HEADER_LENGTH as u64)
        .read_to_end(&mut header)?;
    Ok(header)
}

fn check_header(path: &Path, file_length: u64) -> Option<FileProblem> {
    let Ok(header) = read_header(path) else {
        return Some(FileProblem::new(
            FileProblemKind::Unreadable,
            "Northstar can’t read this file.",
        ));
    };
    if !header.starts_with(SQLITE_MAGIC) {
        return Some(FileProblem::new(
            FileProblemKind::NotNorthstar,
            "This file isn’t a Northstar database (it isn’t a database at all).",
        ));
    }
    if header.len() < HEADER_LENGTH {
        return Some(damaged("the file is cut short"));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size if size >= 512 && size.is_power_of_two() => u64::from(size),
        _ => return Some(damaged("its header is invalid")),
    };
    // In WAL mode with a non-empty -wal file, a checkpoint may have written page 1 before
    // extending the file; SQLite recovers from the WAL, so the length is not judged then.
    if header[18] == 2 && wal_has_content(path) {
        return None;
    }
    let change_counter = &header[24..28];
    let valid_for = &header[92..96];
    let page_count = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    // The in-header page count is only trusted when it was written by the same change.
    if change_counter == valid_for && page_count > 0 && file_length < page_count * page_size {
        return Some(damaged("the file is cut short"));
    }
    if file_length % page_size != 0 {
        return Some(damaged("the file is cut short"));
    }
    None
}

fn wal_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

fn wal_has_content(path: &Path) -> bool {
    std::fs::metadata(wal_path(path)).is_ok_and(|metadata| metadata.len() > 0)
}

/// Percent-encodes a path for an SQLite `file:` URI.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'.' | b'_' | b'~' => {
                uri.push(char::from(*byte))
            }
            other => uri.push_str(&format!("%{other:02X}")),
        }
    }
    uri
}

/// A read-only connection that leaves no trace next to the file. A WAL-mode file without a
/// `-wal` beside it is opened as immutable, because even a read-only open would otherwise
/// create `-wal` and `-shm` files; with a `-wal` present (another process has it open, or it
/// needs recovery), a normal read-only open is the only way to see its committed pages.
pub fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let in_wal_mode = read_header(path)
        .ok()
        .is_some_and(|header| header.get(18) == Some(&2));
    let no_wal_file = !wal_path(path).exists();
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let uri = if in_wal_mode && no_wal_file {
        format!("{}?mode=ro&immutable=1", file_uri(path))
    } else {
        format!("{}?mode=ro", file_uri(path))
    };
    let connection = Connection::open_with_flags(uri, flags)?;
    connection.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(connection)
}

fn damaged(detail: &str) -> FileProblem {
    FileProblem::new(
        FileProblemKind::Corrupt,
        format!("This Northstar database is damaged ({detail}). It was left untouched."),
    )
}

fn inspect_contents(path: &Path) -> FileState {
    let connection = match open_read_only(path) {
        Ok(connection) => connection,
        Err(_) => {
            return refused(
                FileProblemKind::Unreadable,
                "Northstar can’t read this file.",
            )
        }
    };
    match read_identity(&connection) {
        Ok(identity) => judge(identity),
        Err(error) => match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase)
            | Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
                FileState::Refused(damaged("SQLite cannot read it"))
            }
            _ => refused(
                FileProblemKind::Unreadable,
                "Northstar can’t read this file.",
            ),
        },
    }
}

struct Identity {
    application_id: i32,
    schema_version: i64,
    /// Tables, views, indexes and triggers: anything at all.
    object_count: i64,
    quick_check: String,
}

fn read_identity(connection: &Connection) -> rusqlite::Result<Identity> {
    let application_id = connection.query_row("PRAGMA application_id", [], |row| row.get(0))?;
    let schema_version = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let object_count =
        connection.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    let quick_check = connection.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
    Ok(Identity {
        application_id,
        schema_version,
        object_count,
        quick_check,
    })
}

fn judge(identity: Identity) -> FileState {
    if identity.application_id != APPLICATION_ID {
        if identity.application_id == 0
            && identity.schema_version == 0
            && identity.object_count == 0
        {
            return FileState::Blank;
        }
        return refused(
            FileProblemKind::NotNorthstar,
            "This file is a database, but not a Northstar one. It was left untouched.",
        );
    }
    if identity.quick_check != "ok" {
        return FileState::Refused(damaged("its pages are inconsistent"));
    }
    if identity.schema_version > migrations::latest_version() {
        return refused(
            FileProblemKind::NewerSchema,
            "This database was saved by a newer version of Northstar. Update Northstar to open it.",
        );
    }
    FileState::Northstar {
        schema_version: identity.schema_version,
    }
}
