//! A small pool of read-only connections, separate from the single writer.
//!
//! A read takes an idle connection (or opens one), and gives it back afterwards; at most
//! [`MAX_IDLE_READERS`] are kept. [`ReaderPool::close`] refuses new reads and waits for the
//! reads in flight (a backup, an export) to end and their connections to close: the writer's
//! final checkpoint can only fold the whole WAL into the file, and closing it can only remove
//! the `-wal`/`-shm`, when the writer is the last connection in this process.

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use rusqlite::Connection;

use crate::connection::open_reader;
use crate::error::{CoreError, CoreResult};
use crate::sync::lock;

const MAX_IDLE_READERS: usize = 4;

/// How long closing waits for reads in flight before it goes ahead without them (whatever the
/// checkpoint then cannot fold in stays in the `-wal`, which the next open recovers).
const READS_AT_CLOSE_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Default)]
struct PoolState {
    idle: Vec<Connection>,
    /// Reads under way; each holds its own connection until it has closed or returned it.
    in_flight: usize,
    closed: bool,
}

pub struct ReaderPool {
    path: PathBuf,
    state: Mutex<PoolState>,
    /// Signalled each time a read ends.
    read_ended: Condvar,
}

impl ReaderPool {
    pub fn new(path: &Path) -> ReaderPool {
        ReaderPool {
            path: path.to_path_buf(),
            state: Mutex::default(),
            read_ended: Condvar::new(),
        }
    }

    pub fn read<T>(&self, read: impl FnOnce(&Connection) -> CoreResult<T>) -> CoreResult<T> {
        let taken = {
            let mut state = lock(&self.state);
            if state.closed {
                return Err(CoreError::Closed);
            }
            state.in_flight += 1;
            state.idle.pop()
        };
        // Ends the read however it ends, a panic included, so closing never waits for it.
        let mut reading = Reading {
            pool: self,
            connection: None,
        };
        let connection = match taken {
            Some(connection) => connection,
            None => open_reader(&self.path)?,
        };
        read(reading.connection.insert(connection))
    }

    /// Gives `connection` back (or closes it once the pool is closed or full, or when the read
    /// left a transaction open: its old snapshot would pin every later read and hold back every
    /// checkpoint), then counts the read as ended. A waiting [`ReaderPool::close`] must not go
    /// on while the connection is still open.
    fn end_read(&self, connection: Option<Connection>) {
        let surplus = {
            let mut state = lock(&self.state);
            match connection {
                Some(connection)
                    if connection.is_autocommit()
                        && !state.closed
                        && state.idle.len() < MAX_IDLE_READERS =>
                {
                    state.idle.push(connection);
                    None
                }
                other => other,
            }
        };
        if let Some(connection) = surplus {
            close_connection(connection);
        }
        lock(&self.state).in_flight -= 1;
        self.read_ended.notify_all();
    }

    /// Refuses new reads, closes the idle connections, and waits for the reads in flight.
    pub fn close(&self) {
        let idle: Vec<Connection> = {
            let mut state = lock(&self.state);
            state.closed = true;
            state.idle.drain(..).collect()
        };
        for connection in idle {
            close_connection(connection);
        }
        let state = lock(&self.state);
        let (state, _) = self
            .read_ended
            .wait_timeout_while(state, READS_AT_CLOSE_TIMEOUT, |state| state.in_flight > 0)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if state.in_flight > 0 {
            tracing::warn!(
                "closing the database while {} read(s) still run",
                state.in_flight
            );
        }
    }
}

/// A read under way; dropping it ends the read.
struct Reading<'pool> {
    pool: &'pool ReaderPool,
    connection: Option<Connection>,
}

impl Drop for Reading<'_> {
    fn drop(&mut self) {
        self.pool.end_read(self.connection.take());
    }
}

fn close_connection(connection: Connection) {
    if let Err((_, error)) = connection.close() {
        tracing::warn!("closing a reader connection failed: {error}");
    }
}
