//! Mutex helpers shared by the store's parts.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `mutex`, also after a panic in another holder: a panic while holding the writer rolled
/// its transaction back (the guard dropped it), so the data behind it is still consistent.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
