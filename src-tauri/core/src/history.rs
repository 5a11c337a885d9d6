//! Undo and redo stacks of recorded changes. The history lives in memory for the session: it
//! survives switching views and products, not a restart.

use serde::Serialize;

use crate::mutation::RowChange;

/// How many user actions can be undone.
pub const HISTORY_LIMIT: usize = 500;

/// Which way a recorded entry is replayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Back to the before-images.
    Undo,
    /// Forward to the after-images.
    Redo,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub label: String,
    pub changes: Vec<RowChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryState {
    pub can_undo: bool,
    pub can_redo: bool,
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<HistoryEntry>,
    redo: Vec<HistoryEntry>,
}

impl History {
    /// A new action: it becomes undoable and whatever was undone can no longer be redone.
    pub fn record(&mut self, entry: HistoryEntry) {
        self.redo.clear();
        self.undo.push(entry);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
    }

    /// The entry that `direction` replays next, taken off its stack.
    pub fn take(&mut self, direction: Direction) -> Option<HistoryEntry> {
        match direction {
            Direction::Undo => self.undo.pop(),
            Direction::Redo => self.redo.pop(),
        }
    }

    /// An entry replayed in `direction` moves to the other stack.
    pub fn replayed(&mut self, direction: Direction, entry: HistoryEntry) {
        match direction {
            Direction::Undo => self.redo.push(entry),
            Direction::Redo => self.undo.push(entry),
        }
    }

    /// An entry that could not be replayed goes back where it came from.
    pub fn put_back(&mut self, direction: Direction, entry: HistoryEntry) {
        match direction {
            Direction::Undo => self.undo.push(entry),
            Direction::Redo => self.redo.push(entry),
        }
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    pub fn state(&self) -> HistoryState {
        HistoryState {
            can_undo: !self.undo.is_empty(),
            can_redo: !self.redo.is_empty(),
            undo_label: self.undo.last().map(|entry| entry.label.clone()),
            redo_label: self.redo.last().map(|entry| entry.label.clone()),
        }
    }
}
