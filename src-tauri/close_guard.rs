//! Closing the window without losing what is being typed. Once the UI says it listens
//! (`guard_close`), the window's close button does not close at once: Rust asks the UI
//! (`CloseRequested`) to save what is waiting (a note's body between two autosaves), and the UI
//! then quits the ordinary way (`quit_app`). If the UI does not answer within
//! [`FLUSH_TIMEOUT`], or the close button is pressed again meanwhile, the app ends anyway: a
//! hung page never keeps the window open.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tauri::{Manager, Runtime, Window, WindowEvent};
use tauri_specta::Event;

/// How long the UI gets to save before the app ends regardless.
pub const FLUSH_TIMEOUT: Duration = Duration::from_secs(4);

/// Sent to the UI when the window's close button was pressed: save, then call `quit_app`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct CloseRequested {
    /// How many milliseconds the UI has before the app ends regardless.
    pub timeout_ms: u32,
}

/// Whether the UI listens for close requests, and whether one is being answered.
#[derive(Debug, Default)]
pub struct CloseGuard {
    armed: AtomicBool,
    closing: AtomicBool,
}

impl CloseGuard {
    pub fn arm(&self) {
        self.armed.store(true, Ordering::SeqCst);
    }

    /// Whether this close request should wait for the UI: the UI listens and no earlier request
    /// is being answered (a second press closes at once).
    fn should_wait(&self) -> bool {
        self.armed.load(Ordering::SeqCst) && !self.closing.swap(true, Ordering::SeqCst)
    }
}

/// The window's events: a close request is held while the UI saves (see the module's doc).
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let app = window.app_handle().clone();
    let Some(guard) = app.try_state::<CloseGuard>() else {
        return;
    };
    if !guard.should_wait() {
        return;
    }
    api.prevent_close();
    tracing::info!("close requested: asking the window to save first");
    let request = CloseRequested {
        timeout_ms: FLUSH_TIMEOUT.as_millis() as u32,
    };
    if let Err(error) = request.emit(&app) {
        tracing::warn!("could not ask the window to save before closing: {error}");
        app.exit(0);
        return;
    }
    let started = std::thread::Builder::new()
        .name("northstar-close".into())
        .spawn(move || {
            std::thread::sleep(FLUSH_TIMEOUT);
            tracing::warn!("the window did not finish saving in time: closing anyway");
            app.exit(0);
        });
    if let Err(error) = started {
        tracing::warn!("closing at once: {error}");
        window.app_handle().exit(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_request_of_an_armed_guard_waits() {
        let guard = CloseGuard::default();
        assert!(!guard.should_wait(), "the UI does not listen yet");
        guard.arm();
        assert!(guard.should_wait());
        assert!(!guard.should_wait(), "a second press closes at once");
    }
}
