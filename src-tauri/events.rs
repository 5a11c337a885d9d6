//! Typed events from Rust to the UI.

use serde::{Deserialize, Serialize};

/// Emitted after every change, undo and redo, so every open view refreshes.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct DataChanged {
    /// What happened, e.g. "Move “Dark mode” to top" or "Undo".
    pub reason: String,
}
