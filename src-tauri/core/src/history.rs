//! Undo and redo stacks of recorded changes. The history lives in memory for the session: it
//! survives switching views and products, not a restart.

use serde::Serialize;

use crate::mutation::RowChange;

/// How many user actions can be undone.
pub const HISTORY_LIMIT: usize = 500;

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

    pub fn take_undo(&mut self) -> Option<HistoryEntry> {
        self.undo.pop()
    }

    pub fn take_redo(&mut self) -> Option<HistoryEntry> {
        self.redo.pop()
    }

    pub fn push_undone(&mut self, entry: HistoryEntry) {
        self.redo.push(entry);
    }

    pub fn push_redone(&mut self, entry: HistoryEntry) {
        self.undo.push(entry);
    }

    /// Returns an entry that could not be replayed to the stack it came from.
    pub fn put_back_undo(&mut self, entry: HistoryEntry) {
        self.undo.push(entry);
    }

    pub fn put_back_redo(&mut self, entry: HistoryEntry) {
        self.redo.push(entry);
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
