//! One writer process per database file: an advisory lock (`flock`) on the database file itself.
//!
//! The app holds it for as long as it has the file open; `northstar restore` and `repair` take it
//! before they change anything, so they never run under the app's feet. Read-only commands
//! (`export`, `check`, `backup`) keep working while the app runs: they take a *shared* lock when
//! they can ([`SharedReadLock`]), so that an app starting in the middle of their read waits
//! instead of checkpointing under a reader that took no SQLite lock (an immutable open).
//!
//! `flock` locks are separate from SQLite's own (POSIX) locks, so they do not interfere. But on
//! Unix, closing any handle of a file drops the process's POSIX locks on it: the lock's handle
//! must therefore outlive every SQLite connection to the file in this process (release the lock
//! after closing the store).

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::error::{CoreError, CoreResult};
use crate::sync::lock;

/// A file's identity: device and inode, so that every path to it (links included) is one key.
type FileKey = (u64, u64);

/// The locks this process holds, with how many guards share each. Within one process the lock
/// is shared (the app reopening its own file, tests relaunching an app); it excludes other
/// processes.
type HeldLocks = Mutex<HashMap<FileKey, (Arc<File>, usize)>>;

fn held_here() -> &'static HeldLocks {
    static HELD: OnceLock<HeldLocks> = OnceLock::new();
    HELD.get_or_init(Mutex::default)
}

/// `flock(LOCK_EX | LOCK_NB)`: false when another open file description holds it.
fn try_lock(file: &File) -> std::io::Result<bool> {
    match rustix::fs::flock(file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(true),
        Err(rustix::io::Errno::WOULDBLOCK) => Ok(false),
        Err(error) => Err(error.into()),
    }
}

/// `flock(LOCK_SH | LOCK_NB)`: false when another open file description holds it exclusively.
fn try_lock_shared(file: &File) -> std::io::Result<bool> {
    match rustix::fs::flock(file, rustix::fs::FlockOperation::NonBlockingLockShared) {
        Ok(()) => Ok(true),
        Err(rustix::io::Errno::WOULDBLOCK) => Ok(false),
        Err(error) => Err(error.into()),
    }
}

fn unlock(file: &File) {
    let _ = rustix::fs::flock(file, rustix::fs::FlockOperation::Unlock);
}

fn file_key(metadata: &std::fs::Metadata) -> FileKey {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

#[derive(Debug)]
pub struct DatabaseLock {
    key: FileKey,
    path: PathBuf,
}

impl DatabaseLock {
    /// Takes the lock on `database` (creating an empty file when there is none, which opening
    /// then sets up). [`CoreError::Busy`] when another process holds it.
    pub fn acquire(database: &Path) -> CoreResult<DatabaseLock> {
        let mut held = lock(held_here());
        // Looked up by `stat`, without opening the file: closing a handle would drop the locks
        // of SQLite connections this process has on it.
        if let Ok(metadata) = std::fs::metadata(database) {
            let key = file_key(&metadata);
            if let Some((_, holders)) = held.get_mut(&key) {
                *holders += 1;
                return Ok(DatabaseLock {
                    key,
                    path: database.to_path_buf(),
                });
            }
        }
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(database)?;
        if !try_lock(&file)? {
            return Err(CoreError::Busy);
        }
        let key = file_key(&file.metadata()?);
        held.insert(key, (Arc::new(file), 1));
        Ok(DatabaseLock {
            key,
            path: database.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether another process holds the lock on `database` now (false when there is no file).
    /// Opens the file: call it only while this process has no connection to it.
    pub fn is_held_elsewhere(database: &Path) -> bool {
        match DatabaseLock::acquire_existing(database) {
            Err(CoreError::Busy) => true,
            Ok(_) | Err(_) => false,
        }
    }

    fn acquire_existing(database: &Path) -> CoreResult<Option<DatabaseLock>> {
        if !database.exists() {
            return Ok(None);
        }
        DatabaseLock::acquire(database).map(Some)
    }
}

impl Drop for DatabaseLock {
    fn drop(&mut self) {
        let mut held = lock(held_here());
        let last = match held.get_mut(&self.key) {
            Some((_, holders)) => {
                *holders -= 1;
                *holders == 0
            }
            None => false,
        };
        if last {
            if let Some((file, _)) = held.remove(&self.key) {
                unlock(&file);
            }
        }
    }
}

/// A read-only command's hold on a database file: while it lives, no app can take the file (the
/// app waits, then says the file is in use). Only for processes that open the file through
/// SQLite *after* taking it and close every connection *before* dropping it: closing this handle
/// drops the process's POSIX locks on the file, which SQLite's own locking relies on.
#[derive(Debug)]
pub struct SharedReadLock {
    file: File,
}

impl SharedReadLock {
    /// The shared lock on `database`, or `None` when there is no file or an app holds the file
    /// (then the read goes through SQLite's own locks, beside the app's WAL).
    pub fn try_acquire(database: &Path) -> CoreResult<Option<SharedReadLock>> {
        let file = match File::open(database) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error.into()),
        };
        if try_lock_shared(&file)? {
            Ok(Some(SharedReadLock { file }))
        } else {
            Ok(None)
        }
    }
}

impl Drop for SharedReadLock {
    fn drop(&mut self) {
        unlock(&self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_is_shared_in_this_process_and_released_with_its_last_guard() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("plan.db");
        let first = DatabaseLock::acquire(&database).unwrap();
        let second = DatabaseLock::acquire(&dir.path().join("./plan.db")).unwrap();
        assert_eq!(first.key, second.key);
        let try_from_outside = || {
            let other = File::open(&database).unwrap();
            let free = try_lock(&other).unwrap();
            if free {
                unlock(&other);
            }
            free
        };
        assert!(!try_from_outside(), "held while a guard lives");
        drop(first);
        assert!(!try_from_outside(), "still held by the second guard");
        drop(second);
        assert!(try_from_outside(), "released with the last guard");
        assert_eq!(
            std::fs::read(&database).unwrap(),
            b"",
            "the file is not changed"
        );
    }

    #[test]
    fn a_reader_keeps_an_app_out_and_stays_out_of_a_running_app() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("plan.db");
        assert!(SharedReadLock::try_acquire(&database).unwrap().is_none());
        std::fs::write(&database, b"").unwrap();

        let reader = SharedReadLock::try_acquire(&database).unwrap().unwrap();
        let second_reader = SharedReadLock::try_acquire(&database).unwrap();
        assert!(second_reader.is_some(), "readers share the file");
        assert!(matches!(
            DatabaseLock::acquire(&database),
            Err(CoreError::Busy)
        ));
        drop((reader, second_reader));

        let app = DatabaseLock::acquire(&database).unwrap();
        assert!(SharedReadLock::try_acquire(&database).unwrap().is_none());
        drop(app);
        assert!(SharedReadLock::try_acquire(&database).unwrap().is_some());
    }
}
