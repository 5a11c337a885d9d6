//! Undo and redo stacks of recorded changes. The history lives in memory for the session: it
//! survives switching views and products, not a restart. It is bounded by count and by the
//! bytes of row images it holds, so a session of large edits (an import later) cannot grow the
//! app's memory without limit: the oldest undo steps go first.

use std::time::{Duration, Instant};

use rusqlite::types::Value;
use serde::Serialize;

use crate::mutation::{RowChange, RowImage, Table};

/// How many user actions can be undone.
pub const HISTORY_LIMIT: usize = 500;

/// How many bytes of row images the undo and redo stacks may hold together.
pub const HISTORY_BYTES_LIMIT: usize = 64 * 1024 * 1024;

/// How long after one save of a burst (a note's body autosaved while typing) the next save of
/// the same burst still joins its undo step. A pause longer than this starts a new step, so
/// undo goes back a sentence or a paragraph at a time, never keystroke by keystroke.
pub const COALESCE_WINDOW: Duration = Duration::from_secs(30);

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
    /// Saves sharing this key (e.g. `note-body:<id>`) made one after another, within
    /// [`COALESCE_WINDOW`] and with no other step between, are one undo step.
    pub coalesce: Option<String>,
}

/// An estimate of the memory a row image holds: its values and column names.
fn image_bytes(image: &RowImage) -> usize {
    image
        .iter()
        .map(|(name, value)| {
            name.len()
                + match value {
                    Value::Text(text) => text.len(),
                    Value::Blob(blob) => blob.len(),
                    Value::Null | Value::Integer(_) | Value::Real(_) => 8,
                }
        })
        .sum()
}

impl HistoryEntry {
    pub fn bytes(&self) -> usize {
        self.label.len()
            + self
                .changes
                .iter()
                .map(|change| {
                    change.id.len()
                        + change.before.as_ref().map_or(0, image_bytes)
                        + change.after.as_ref().map_or(0, image_bytes)
                })
                .sum::<usize>()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryState {
    pub can_undo: bool,
    pub can_redo: bool,
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
}

#[derive(Debug)]
pub struct History {
    undo: Vec<HistoryEntry>,
    redo: Vec<HistoryEntry>,
    count_limit: usize,
    bytes_limit: usize,
    /// The bytes of every entry on both stacks, kept up to date as entries come and go: summing
    /// them on every action would cost each write the size of the whole history (a 1,000-item
    /// bulk edit made every later move milliseconds slower).
    held_bytes: usize,
    /// The key and time of the newest step while it can still take in the next save of its
    /// burst; any other step, undo, redo or clear closes it.
    open_burst: Option<(String, Instant)>,
    coalesce_window: Duration,
}

impl History {
    /// The highest `rank` value of a row image of `table` whose `scope_column` equals `scope`,
    /// over every step that can still be undone or redone.
    pub fn highest_rank(&self, table: Table, scope_column: &str, scope: &str) -> Option<String> {
        self.highest_rank_in(table, &[(scope_column, scope)])
    }

    /// The highest `rank` value of a row image of `table` whose columns equal every
    /// `(column, value)` of `scope`, over every step that can still be undone or redone.
    pub fn highest_rank_in(&self, table: Table, scope: &[(&str, &str)]) -> Option<String> {
        let text = |image: &RowImage, column: &str| {
            image.iter().find_map(|(name, value)| match value {
                Value::Text(text) if name == column => Some(text.clone()),
                _ => None,
            })
        };
        self.undo
            .iter()
            .chain(&self.redo)
            .flat_map(|entry| &entry.changes)
            .filter(|change| change.table == table)
            .flat_map(|change| change.before.iter().chain(&change.after))
            .filter(|image| {
                scope
                    .iter()
                    .all(|(column, value)| text(image, column).as_deref() == Some(*value))
            })
            .filter_map(|image| text(image, "rank"))
            .max()
    }
}

impl Default for History {
    fn default() -> Self {
        History::with_limits(HISTORY_LIMIT, HISTORY_BYTES_LIMIT)
    }
}

impl History {
    pub fn with_limits(count_limit: usize, bytes_limit: usize) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            count_limit,
            bytes_limit,
            held_bytes: 0,
            open_burst: None,
            coalesce_window: COALESCE_WINDOW,
        }
    }

    /// The same history with another coalescing window (tests use a short one).
    pub fn with_coalesce_window(mut self, window: Duration) -> History {
        self.coalesce_window = window;
        self
    }

    /// A new action: it becomes undoable and whatever was undone can no longer be redone. The
    /// oldest steps are dropped while the history is over its count or byte limit (the newest
    /// step is always kept, even alone over the byte limit).
    pub fn record(&mut self, entry: HistoryEntry) {
        self.record_at(entry, Instant::now());
    }

    /// [`History::record`] at a given moment: a save that continues the open burst of the
    /// same key is folded into the newest step instead of becoming a step of its own.
    pub fn record_at(&mut self, entry: HistoryEntry, at: Instant) {
        let continues = match (&entry.coalesce, &self.open_burst) {
            (Some(key), Some((open, since))) => {
                key == open
                    && at.saturating_duration_since(*since) <= self.coalesce_window
                    && self.redo.is_empty()
                    && self
                        .undo
                        .last()
                        .is_some_and(|top| top.coalesce.as_ref() == Some(key))
            }
            _ => false,
        };
        self.open_burst = entry.coalesce.clone().map(|key| (key, at));
        if continues {
            if let Some(top) = self.undo.pop() {
                self.held_bytes = self.held_bytes.saturating_sub(top.bytes());
                let merged = fold(top, entry);
                self.held_bytes += merged.bytes();
                self.undo.push(merged);
                return;
            }
        }
        self.push_new(entry);
    }

    fn push_new(&mut self, entry: HistoryEntry) {
        let dropped: usize = self.redo.drain(..).map(|entry| entry.bytes()).sum();
        self.held_bytes = self.held_bytes.saturating_sub(dropped);
        self.held_bytes += entry.bytes();
        self.undo.push(entry);
        while self.undo.len() > self.count_limit
            || (self.undo.len() > 1 && self.bytes() > self.bytes_limit)
        {
            let oldest = self.undo.remove(0);
            self.held_bytes = self.held_bytes.saturating_sub(oldest.bytes());
        }
    }

    /// The bytes of row images held by both stacks.
    pub fn bytes(&self) -> usize {
        self.held_bytes
    }

    /// The entry that `direction` replays next, taken off its stack.
    pub fn take(&mut self, direction: Direction) -> Option<HistoryEntry> {
        self.open_burst = None;
        let entry = match direction {
            Direction::Undo => self.undo.pop(),
            Direction::Redo => self.redo.pop(),
        };
        if let Some(entry) = &entry {
            self.held_bytes = self.held_bytes.saturating_sub(entry.bytes());
        }
        entry
    }

    /// An entry replayed in `direction` moves to the other stack.
    pub fn replayed(&mut self, direction: Direction, entry: HistoryEntry) {
        self.held_bytes += entry.bytes();
        match direction {
            Direction::Undo => self.redo.push(entry),
            Direction::Redo => self.undo.push(entry),
        }
    }

    /// An entry that could not be replayed goes back where it came from.
    pub fn put_back(&mut self, direction: Direction, entry: HistoryEntry) {
        self.held_bytes += entry.bytes();
        match direction {
            Direction::Undo => self.undo.push(entry),
            Direction::Redo => self.redo.push(entry),
        }
    }

    pub fn clear(&mut self) {
        self.open_burst = None;
        self.undo.clear();
        self.redo.clear();
        self.held_bytes = 0;
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

/// `next` folded into `step`, which it continues: each row keeps the image it had before the
/// burst and takes the one after the latest save, so undo goes back to before the burst.
fn fold(step: HistoryEntry, next: HistoryEntry) -> HistoryEntry {
    let HistoryEntry {
        mut changes,
        coalesce,
        ..
    } = step;
    for change in next.changes {
        match changes
            .iter_mut()
            .find(|known| known.table == change.table && known.id == change.id)
        {
            Some(known) => known.after = change.after,
            None => changes.push(change),
        }
    }
    HistoryEntry {
        label: next.label,
        changes,
        coalesce,
    }
}

#[cfg(test)]
#[path = "history_coalesce_tests.rs"]
mod coalesce_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mutation::Table;

    fn entry(label: &str, text_bytes: usize) -> HistoryEntry {
        HistoryEntry {
            label: label.into(),
            changes: vec![RowChange {
                table: Table::BacklogItem,
                id: "id".into(),
                before: None,
                after: Some(vec![(
                    "description".into(),
                    Value::Text("x".repeat(text_bytes)),
                )]),
            }],
            coalesce: None,
        }
    }

    #[test]
    fn the_history_is_bounded_by_bytes_dropping_the_oldest_steps() {
        let mut history = History::with_limits(500, 10_000);
        for index in 0..10 {
            history.record(entry(&format!("step {index}"), 3_000));
        }
        assert!(history.bytes() <= 10_000, "{} bytes kept", history.bytes());
        assert_eq!(history.undo.len(), 3);
        assert_eq!(history.state().undo_label.as_deref(), Some("step 9"));
        // One step larger than the whole budget is still undoable on its own.
        history.record(entry("huge", 50_000));
        assert_eq!(history.undo.len(), 1);
        assert!(history.state().can_undo);
    }

    #[test]
    fn the_bytes_held_are_the_sum_of_the_entries_however_they_move() {
        let mut history = History::with_limits(3, usize::MAX);
        let sum = |history: &History| -> usize {
            history
                .undo
                .iter()
                .chain(&history.redo)
                .map(HistoryEntry::bytes)
                .sum()
        };
        for index in 0..5 {
            history.record(entry(&format!("step {index}"), 10 * index));
            assert_eq!(history.bytes(), sum(&history));
        }
        let taken = history.take(Direction::Undo).unwrap();
        assert_eq!(history.bytes(), sum(&history));
        history.replayed(Direction::Undo, taken);
        let again = history.take(Direction::Redo).unwrap();
        history.put_back(Direction::Redo, again);
        assert_eq!(history.bytes(), sum(&history));
        history.record(entry("new", 5));
        assert_eq!(history.bytes(), sum(&history));
        history.clear();
        assert_eq!(history.bytes(), 0);
    }

    #[test]
    fn the_history_is_bounded_by_count() {
        let mut history = History::with_limits(3, usize::MAX);
        for index in 0..5 {
            history.record(entry(&format!("step {index}"), 10));
        }
        let labels: Vec<&str> = history.undo.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["step 2", "step 3", "step 4"]);
    }
}
