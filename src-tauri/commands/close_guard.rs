//! The UI's side of closing the window safely (see `close_guard`).

use tauri::State;

use crate::close_guard::CloseGuard;
use crate::error::AppError;

/// The UI listens for `CloseRequested` and saves before quitting: from now on the close button
/// waits for it (at most a few seconds).
#[tauri::command]
#[specta::specta]
pub fn guard_close(guard: State<'_, CloseGuard>) -> Result<(), AppError> {
    guard.arm();
    Ok(())
}
