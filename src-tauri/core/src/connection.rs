//! Opening SQLite connections: the one place that sets the PRAGMAs.
//!
//! - The writer: `journal_mode=WAL` (checked: SQLite answers with the mode it really uses, and a
//!   file system without shared memory keeps the old one), `synchronous=FULL` so a committed edit
//!   survives a power cut, `foreign_keys=ON`, and a busy timeout.
//! - Readers: read-only connections on the same file. In WAL mode they read the last committed
//!   state without waiting for the writer, so a long write never freezes the UI's reads.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{CoreError, CoreResult};

/// How long a connection waits for another process's lock before reporting the file busy.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Sets up the writer connection. `file_backed` is false for in-memory databases, which have
/// no WAL.
pub fn configure_writer(connection: &Connection, file_backed: bool) -> CoreResult<()> {
    connection.busy_timeout(BUSY_TIMEOUT)?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    let mode: String =
        connection.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    require_wal(&mode, file_backed)?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// The answer to `PRAGMA journal_mode=WAL` must be "wal" for a file: any other answer means
/// SQLite refused to switch, and saving without WAL would not be crash-safe the way Northstar
/// promises.
pub fn require_wal(answered_mode: &str, file_backed: bool) -> CoreResult<()> {
    if file_backed && !answered_mode.eq_ignore_ascii_case("wal") {
        return Err(CoreError::WalRefused(answered_mode.to_string()));
    }
    Ok(())
}

/// A read-only connection for [`crate::Store::read`] on a file the writer has open.
pub fn open_reader(path: &Path) -> CoreResult<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let connection = Connection::open_with_flags(path, flags)?;
    connection.busy_timeout(BUSY_TIMEOUT)?;
    Ok(connection)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_wal_switch_is_an_error_for_files_only() {
        assert!(require_wal("wal", true).is_ok());
        assert!(require_wal("WAL", true).is_ok());
        assert!(require_wal("memory", false).is_ok());
        match require_wal("delete", true) {
            Err(CoreError::WalRefused(mode)) => assert_eq!(mode, "delete"),
            other => panic!("expected WalRefused, got {other:?}"),
        }
    }
}
