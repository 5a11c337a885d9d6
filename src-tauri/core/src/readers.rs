//! A small pool of read-only connections, separate from the single writer.
//!
//! A read takes an idle connection (or opens one), and gives it back afterwards; at most
//! [`MAX_IDLE_READERS`] are kept. After [`ReaderPool::close`] no connection is handed out or
//! kept, so the writer can checkpoint and close the file as the last connection.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use rusqlite::Connection;

use crate::connection::open_reader;
use crate::error::{CoreError, CoreResult};
use crate::sync::lock;

const MAX_IDLE_READERS: usize = 4;

pub struct ReaderPool {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    closed: AtomicBool,
}

impl ReaderPool {
    pub fn new(path: &Path) -> ReaderPool {
        ReaderPool {
            path: path.to_path_buf(),
            idle: Mutex::new(Vec::new()),
            closed: AtomicBool::new(false),
        }
    }

    pub fn read<T>(&self, read: impl FnOnce(&Connection) -> CoreResult<T>) -> CoreResult<T> {
        if self.closed.load(Ordering::Acquire) {
            return Err(CoreError::Closed);
        }
        let taken = lock(&self.idle).pop();
        let connection = match taken {
            Some(connection) => connection,
            None => open_reader(&self.path)?,
        };
        let result = read(&connection);
        let mut idle = lock(&self.idle);
        if !self.closed.load(Ordering::Acquire) && idle.len() < MAX_IDLE_READERS {
            idle.push(connection);
        }
        result
    }

    /// Closes the idle connections; connections in use are closed when their read ends.
    pub fn close(&self) {
        self.closed.store(true, Ordering::Release);
        let connections: Vec<Connection> = lock(&self.idle).drain(..).collect();
        for connection in connections {
            if let Err((_, error)) = connection.close() {
                tracing::warn!("closing a reader connection failed: {error}");
            }
        }
    }
}
