//! Coalescing: an autosaved body is one undo step per burst of typing, not one per save.

use std::time::{Duration, Instant};

use rusqlite::types::Value;

use super::*;
use crate::mutation::{RowChange, Table};

fn body(text: &str) -> Option<RowImage> {
    Some(vec![("body".into(), Value::Text(text.into()))])
}

fn save(id: &str, before: &str, after: &str, key: Option<&str>) -> HistoryEntry {
    HistoryEntry {
        label: format!("Edit {id}"),
        changes: vec![RowChange {
            table: Table::ResearchNote,
            id: id.into(),
            before: body(before),
            after: body(after),
        }],
        coalesce: key.map(String::from),
    }
}

fn history() -> History {
    History::default().with_coalesce_window(Duration::from_secs(10))
}

fn total(history: &History) -> usize {
    history
        .undo
        .iter()
        .chain(&history.redo)
        .map(HistoryEntry::bytes)
        .sum()
}

#[test]
fn saves_of_one_burst_are_one_step_from_the_first_before_to_the_last_after() {
    let mut history = history();
    let start = Instant::now();
    history.record_at(save("n1", "", "H", Some("body:n1")), start);
    history.record_at(
        save("n1", "H", "He", Some("body:n1")),
        start + Duration::from_secs(2),
    );
    history.record_at(
        save("n1", "He", "Hey", Some("body:n1")),
        start + Duration::from_secs(9),
    );
    assert_eq!(history.undo.len(), 1);
    let step = &history.undo[0];
    assert_eq!(step.changes.len(), 1);
    assert_eq!(step.changes[0].before, body(""));
    assert_eq!(step.changes[0].after, body("Hey"));
    assert_eq!(history.bytes(), total(&history));
}

#[test]
fn a_pause_longer_than_the_window_starts_a_new_step() {
    let mut history = history();
    let start = Instant::now();
    history.record_at(save("n1", "", "a", Some("body:n1")), start);
    history.record_at(
        save("n1", "a", "ab", Some("body:n1")),
        start + Duration::from_secs(11),
    );
    assert_eq!(history.undo.len(), 2);
}

#[test]
fn another_step_between_two_saves_closes_the_burst() {
    let mut history = history();
    let start = Instant::now();
    history.record_at(save("n1", "", "a", Some("body:n1")), start);
    history.record_at(save("i1", "x", "y", None), start);
    history.record_at(save("n1", "a", "ab", Some("body:n1")), start);
    assert_eq!(history.undo.len(), 3);
}

#[test]
fn saves_of_another_note_are_steps_of_their_own() {
    let mut history = history();
    let start = Instant::now();
    history.record_at(save("n1", "", "a", Some("body:n1")), start);
    history.record_at(save("n2", "", "b", Some("body:n2")), start);
    history.record_at(save("n1", "a", "ab", Some("body:n1")), start);
    assert_eq!(history.undo.len(), 3);
}

#[test]
fn an_undo_closes_the_burst() {
    let mut history = history();
    let start = Instant::now();
    history.record_at(save("n1", "", "a", Some("body:n1")), start);
    history.record_at(save("n1", "a", "ab", Some("body:n1")), start);
    let undone = history.take(Direction::Undo).unwrap();
    history.replayed(Direction::Undo, undone);
    history.record_at(save("n1", "", "z", Some("body:n1")), start);
    assert_eq!(history.undo.len(), 1);
    assert_eq!(history.undo[0].changes[0].before, body(""));
    assert!(!history.state().can_redo);
    // The step taken for undo and back: still not continued by the next save.
    let again = history.take(Direction::Undo).unwrap();
    history.put_back(Direction::Undo, again);
    history.record_at(save("n1", "z", "zz", Some("body:n1")), start);
    assert_eq!(history.undo.len(), 2);
    assert_eq!(history.bytes(), total(&history));
}
