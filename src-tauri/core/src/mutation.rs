//! The mutation layer: every change to user data goes through [`Changes::track`], which records a
//! before- and an after-image of each row it touches. Undo and redo replay those images, so they
//! are one mechanism for every table and every feature, not one per command.
//!
//! Rule: every tracked table has a `deleted_at` column, so that no undo or redo ever needs a
//! hard `DELETE` (which would cascade to rows the step never recorded). Undoing a create
//! soft-deletes the row.

use std::collections::HashSet;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension};

use crate::error::CoreResult;
use crate::history::History;

/// The tables whose rows are user data, tracked for undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Product,
    BacklogItem,
    /// A card's place on a prioritisation board.
    BoardRank,
    /// A dated decision of the decision log.
    Decision,
    /// A decision's link to one item it is about.
    DecisionItem,
    /// One import of Kano questionnaire answers (the file they came from).
    KanoSurvey,
    /// One respondent's two answers about one item.
    KanoResponse,
    /// An objective of the roadmap.
    Goal,
    /// A measurable result of a goal.
    KeyResult,
    /// A theme items are grouped under.
    Theme,
    /// A release with its dates and capacity.
    Release,
    /// A dated marker ("Beta launch").
    Milestone,
    /// A research note (interview, usability test, support ticket…) with its Markdown body.
    ResearchNote,
    /// A person research notes are about, reused across notes.
    Participant,
    /// A note's link to one participant.
    NoteParticipant,
    /// A research tag (shared by notes, and by highlights later).
    Tag,
    /// A note's link to one tag.
    NoteTag,
    /// A named, frozen copy of a product's roadmap.
    Baseline,
    /// A highlighted passage of a note's body, anchored by text quote.
    Highlight,
    /// A highlight's link to one research tag.
    HighlightTag,
    /// A highlight's link to one backlog item it is evidence for.
    HighlightItem,
    /// A product's weight for one note type in evidence strength (absent: the default).
    EvidenceWeight,
    /// A product's Reach multiplier for one participant segment (absent: 1).
    SegmentMultiplier,
}

impl Table {
    pub const ALL: [Table; 23] = [
        Table::Product,
        Table::BacklogItem,
        Table::BoardRank,
        Table::Decision,
        Table::DecisionItem,
        Table::KanoSurvey,
        Table::KanoResponse,
        Table::Goal,
        Table::KeyResult,
        Table::Theme,
        Table::Release,
        Table::Milestone,
        Table::ResearchNote,
        Table::Participant,
        Table::NoteParticipant,
        Table::Tag,
        Table::NoteTag,
        Table::Baseline,
        Table::Highlight,
        Table::HighlightTag,
        Table::HighlightItem,
        Table::EvidenceWeight,
        Table::SegmentMultiplier,
    ];

    /// The SQL name. Table names come only from this enum, never from input.
    pub fn sql_name(self) -> &'static str {
        match self {
            Table::Product => "product",
            Table::BacklogItem => "backlog_item",
            Table::BoardRank => "board_rank",
            Table::Decision => "decision",
            Table::DecisionItem => "decision_item",
            Table::KanoSurvey => "kano_survey",
            Table::KanoResponse => "kano_response",
            Table::Goal => "goal",
            Table::KeyResult => "key_result",
            Table::Theme => "theme",
            Table::Release => "roadmap_release",
            Table::Milestone => "milestone",
            Table::ResearchNote => "research_note",
            Table::Participant => "participant",
            Table::NoteParticipant => "note_participant",
            Table::Tag => "tag",
            Table::NoteTag => "note_tag",
            Table::Baseline => "baseline",
            Table::Highlight => "highlight",
            Table::HighlightTag => "highlight_tag",
            Table::HighlightItem => "highlight_item",
            Table::EvidenceWeight => "evidence_weight",
            Table::SegmentMultiplier => "segment_multiplier",
        }
    }
}

/// Every column of one row, in table order.
pub type RowImage = Vec<(String, Value)>;

/// The rows one action (or one undo or redo) touched: what an open view has to refetch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    pub rows: Vec<(Table, String)>,
}

impl ChangeSet {
    pub fn of(changes: &[RowChange]) -> ChangeSet {
        // A set beside the list: an import touches tens of thousands of rows, and a search of
        // the list for each would be quadratic.
        let mut seen: HashSet<(Table, &str)> = HashSet::with_capacity(changes.len());
        let mut rows: Vec<(Table, String)> = Vec::with_capacity(changes.len());
        for change in changes {
            if seen.insert((change.table, change.id.as_str())) {
                rows.push((change.table, change.id.clone()));
            }
        }
        ChangeSet { rows }
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The tables touched, each once, in the order first touched.
    pub fn tables(&self) -> Vec<Table> {
        let mut tables = Vec::new();
        for (table, _) in &self.rows {
            if !tables.contains(table) {
                tables.push(*table);
            }
        }
        tables
    }

    /// The ids of the rows touched, each once.
    pub fn ids(&self) -> Vec<String> {
        self.rows.iter().map(|(_, id)| id.clone()).collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowChange {
    pub table: Table,
    pub id: String,
    pub before: Option<RowImage>,
    pub after: Option<RowImage>,
}

/// The open transaction of one user action, and what it changed.
pub struct Changes<'conn> {
    connection: &'conn Connection,
    /// The session's undo history, for ranks an undo or redo may bring back.
    history: Option<&'conn History>,
    rows: Vec<RowChange>,
    label: String,
    coalesce: Option<String>,
}

impl<'conn> Changes<'conn> {
    pub(crate) fn new(connection: &'conn Connection, history: Option<&'conn History>) -> Self {
        Changes {
            connection,
            history,
            rows: Vec::new(),
            label: String::from("Change"),
            coalesce: None,
        }
    }

    /// The highest rank a row of `table` whose `scope_column` is `scope` had in any step of the
    /// undo history. Such a rank can come back with an undo or redo even when no row holds it
    /// now (a moved row's old rank), so a rank given to a new row must lie past it: else undoing
    /// the new row's creation (which hides the row, rank and all) and then the move would leave
    /// two rows on one rank.
    pub fn highest_recorded_rank(
        &self,
        table: Table,
        scope_column: &str,
        scope: &str,
    ) -> Option<String> {
        self.history
            .and_then(|history| history.highest_rank(table, scope_column, scope))
    }

    /// [`Changes::highest_recorded_rank`] for a scope of several columns (a board's column is
    /// its product, its board and its bucket).
    pub fn highest_recorded_rank_in(&self, table: Table, scope: &[(&str, &str)]) -> Option<String> {
        self.history
            .and_then(|history| history.highest_rank_in(table, scope))
    }

    /// For reads inside the transaction.
    pub fn connection(&self) -> &Connection {
        self.connection
    }

    /// What the user did, as shown in "Undo …" and "Redo …".
    pub fn describe(&mut self, label: impl Into<String>) {
        self.label = label.into();
    }

    /// Marks this action as one save of a burst (e.g. a note's body autosaved while typing):
    /// saves with the same `key` made one after another become one undo step (see
    /// [`History::record_at`]).
    pub fn coalesce_with(&mut self, key: impl Into<String>) {
        self.coalesce = Some(key.into());
    }

    /// Runs `apply`, which may insert, update or delete the row `table`/`id` (and nothing else),
    /// and records the row as it was before and after.
    pub fn track<T>(
        &mut self,
        table: Table,
        id: &str,
        apply: impl FnOnce(&Connection) -> CoreResult<T>,
    ) -> CoreResult<T> {
        let before = read_row(self.connection, table, id)?;
        let result = apply(self.connection)?;
        let after = read_row(self.connection, table, id)?;
        if before != after {
            self.rows.push(RowChange {
                table,
                id: id.to_string(),
                before,
                after,
            });
        }
        Ok(result)
    }

    pub(crate) fn finish(self) -> (String, Vec<RowChange>, Option<String>) {
        (self.label, self.rows, self.coalesce)
    }
}

pub fn read_row(connection: &Connection, table: Table, id: &str) -> CoreResult<Option<RowImage>> {
    let sql = format!("SELECT * FROM {} WHERE id = ?1", table.sql_name());
    let mut statement = connection.prepare_cached(&sql)?;
    let names: Vec<String> = statement
        .column_names()
        .into_iter()
        .map(String::from)
        .collect();
    let image = statement
        .query_row([id], |row| {
            names
                .iter()
                .enumerate()
                .map(|(index, name)| Ok((name.clone(), row.get::<_, Value>(index)?)))
                .collect::<rusqlite::Result<RowImage>>()
        })
        .optional()?;
    Ok(image)
}

/// Hides a row that a replayed step says did not exist: it is soft-deleted, never removed, so
/// rows that point to it (added later, by another window) are kept and come back with it.
pub fn soft_delete_row(
    connection: &Connection,
    table: Table,
    id: &str,
    at: &str,
) -> CoreResult<()> {
    let sql = format!(
        "UPDATE {} SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
        table.sql_name()
    );
    connection.execute(&sql, rusqlite::params![id, at])?;
    Ok(())
}

/// Puts the row back to `image`: an upsert rather than `INSERT OR REPLACE`, which would delete
/// and cascade to child rows.
pub fn restore_row(connection: &Connection, table: Table, image: &RowImage) -> CoreResult<()> {
    let columns: Vec<String> = image
        .iter()
        .map(|(name, _)| format!("\"{name}\""))
        .collect();
    let placeholders: Vec<String> = (1..=image.len()).map(|index| format!("?{index}")).collect();
    let assignments: Vec<String> = columns
        .iter()
        .map(|column| format!("{column} = excluded.{column}"))
        .collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT(id) DO UPDATE SET {}",
        table.sql_name(),
        columns.join(", "),
        placeholders.join(", "),
        assignments.join(", ")
    );
    connection.execute(&sql, params_from_iter(image.iter().map(|(_, value)| value)))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn every_tracked_table_can_be_soft_deleted() {
        let store = Store::open_in_memory().unwrap();
        store
            .read(|connection| {
                for table in Table::ALL {
                    let sql = format!(
                        "SELECT count(*) FROM pragma_table_info('{}') WHERE name = 'deleted_at'",
                        table.sql_name()
                    );
                    let columns: i64 = connection.query_row(&sql, [], |row| row.get(0))?;
                    assert_eq!(columns, 1, "{} has no deleted_at", table.sql_name());
                }
                Ok(())
            })
            .unwrap();
    }
}
