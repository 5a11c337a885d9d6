//! Checkpointing when idle: a few seconds after the last write, the WAL is folded back into the
//! database file (`wal_checkpoint(TRUNCATE)`), so that while the app runs quietly the `.db` file
//! alone already holds every saved change. The checkpoint never waits for a reader (that would
//! hold up the saves behind it); one a reader held back is tried again after the next quiet
//! spell.

use std::sync::{Arc, Condvar, Mutex, Weak};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::error::CoreError;
use crate::store::Store;
use crate::sync::lock;

/// Told about every commit; wakes the checkpoint thread.
#[derive(Default)]
pub struct WriteSignal {
    state: Mutex<SignalState>,
    wake: Condvar,
}

#[derive(Default)]
struct SignalState {
    last_write: Option<Instant>,
    stopped: bool,
}

impl WriteSignal {
    pub fn wrote(&self) {
        lock(&self.state).last_write = Some(Instant::now());
        self.wake.notify_all();
    }

    pub fn stop(&self) {
        lock(&self.state).stopped = true;
        self.wake.notify_all();
    }

    /// Blocks until `idle` has passed since the last write (and clears it); `false` once stopped.
    fn wait_for_idle(&self, idle: Duration) -> bool {
        let mut state = lock(&self.state);
        loop {
            if state.stopped {
                return false;
            }
            match state.last_write {
                None => {
                    state = self
                        .wake
                        .wait(state)
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                }
                Some(at) => {
                    let due = at + idle;
                    let now = Instant::now();
                    if now >= due {
                        state.last_write = None;
                        return true;
                    }
                    state = self
                        .wake
                        .wait_timeout(state, due - now)
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .0;
                }
            }
        }
    }
}

/// Starts the thread that checkpoints `store` once it has been idle for `idle` after a write.
/// It ends when the store is closed or dropped.
pub fn spawn_idle_checkpoints(
    store: &Arc<Store>,
    idle: Duration,
) -> std::io::Result<JoinHandle<()>> {
    let signal = store.write_signal();
    let store: Weak<Store> = Arc::downgrade(store);
    std::thread::Builder::new()
        .name("northstar-checkpoint".into())
        .spawn(move || {
            while signal.wait_for_idle(idle) {
                let Some(store) = store.upgrade() else { break };
                match store.checkpoint_without_waiting() {
                    Ok(true) => {}
                    // A reader held part of it back: try again after another quiet spell.
                    Ok(false) => signal.wrote(),
                    Err(CoreError::Closed) => break,
                    Err(error) => tracing::warn!("idle checkpoint failed: {error}"),
                }
            }
        })
}
