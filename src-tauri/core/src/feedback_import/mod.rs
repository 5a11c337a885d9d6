//! Importing feedback as research notes: a CSV file (a support tool's or survey's export) or a
//! folder of Markdown files.
//!
//! Rules:
//! - Rust reads and understands the source; the window only shows the answer. A CSV file's
//!   columns are mapped to a note's fields by their header ([`mapping`]); the user may override
//!   any field (a column, or none). A folder's files carry their own fields ([`markdown`]).
//! - The dry run ([`preview_feedback`]) lists every row's problems and notices and writes
//!   nothing. Problems block the import (an empty body, a date that cannot be read, or read
//!   only one way of two, a value past the note's limits); notices do not (a note type the
//!   import does not know becomes the default type, and says so).
//! - The import ([`import_feedback`]) refuses the whole source while any row has a problem;
//!   otherwise it writes every note, creates or reuses participants (by name, without regard
//!   to case) and tags, and links them, in one transaction and one undo step ("Import 42 notes
//!   from tickets.csv"). The search index follows through its triggers.
//!
//! - [`dates`]: the day of a row, ISO or slashed, and how a file's slashed dates are read.
//! - [`note_kinds`]: the spellings of the note types an import accepts.
//! - [`csv_source`] and [`markdown`]: a source's rows as drafts.
//! - [`understand`]: drafts checked against the limits and the product's research.
//! - [`write`]: the all-or-nothing import.

pub mod csv_source;
pub mod dates;
pub mod mapping;
pub mod markdown;
pub mod note_kinds;
mod understand;
mod write;

use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult};
use crate::mutation::Changes;
use crate::research::NoteType;

pub use mapping::{FeedbackField, FeedbackMapping};
pub use write::FeedbackImported;

/// Which kind of source a preview read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackFormat {
    Csv,
    MarkdownFolder,
}

/// What importing a source would do, without writing anything.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackImportPreview {
    /// The file's or folder's name (the undo step and the notes' default source name it).
    pub source: String,
    pub format: FeedbackFormat,
    /// The CSV file's header, as written (none for a folder): the columns a field can map to.
    pub columns: Vec<String>,
    /// The mapping Rust found from the header's names.
    pub detected: FeedbackMapping,
    /// The mapping this preview used: the detected one with the user's overrides.
    pub mapping: FeedbackMapping,
    /// How dates like 03/04/2026 were read, when the file has any ("Dates like 03/04/2026
    /// are read as day/month/year: line 7 has 31/01/2026.").
    pub date_reading: Option<String>,
    /// The type a row gets when it names none or one the import does not know.
    pub default_type: NoteType,
    pub summary: FeedbackSummary,
    /// Why the source cannot be imported as it is (`null` when it can).
    pub import_blocked: Option<String>,
    /// Every row with a problem, then every row with a notice (at most [`MAX_LISTED_ROWS`]
    /// together), then the first [`PREVIEW_ROWS`] other rows, each in file order.
    pub rows: Vec<FeedbackRow>,
}

/// The counts of a preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackSummary {
    /// Rows (CSV) or Markdown files (folder) read.
    pub rows: u32,
    /// Rows with at least one problem: the import is refused while this is not 0.
    pub problems: u32,
    /// Rows with a notice only.
    pub notices: u32,
    /// Participants the import would create, and those it would reuse.
    pub new_participants: u32,
    pub reused_participants: u32,
    /// Tags the import would create, and those it would reuse.
    pub new_tags: u32,
    pub reused_tags: u32,
}

/// One row as the note it would become.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackRow {
    /// Where it is: "line 4" or the Markdown file's name.
    pub place: String,
    pub title: String,
    /// The start of the body as plain text.
    pub excerpt: String,
    /// `YYYY-MM-DD`; `null` when it cannot be read (a problem says why).
    pub noted_on: Option<String>,
    pub note_type: NoteType,
    pub source: String,
    pub participants: Vec<String>,
    pub tags: Vec<String>,
    /// Why the row cannot be imported (empty when it can).
    pub problems: Vec<String>,
    /// What the import does that the user may not expect (a note type it does not know).
    pub notices: Vec<String>,
}

/// At most this many rows with a problem or a notice are listed (the counts give the rest).
pub const MAX_LISTED_ROWS: usize = 200;
/// How many other rows a preview shows, in file order.
pub const PREVIEW_ROWS: usize = 20;

/// A source's rows, read: before their fields are checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Draft {
    pub place: String,
    pub title: String,
    pub body: String,
    pub date: String,
    pub note_type: String,
    pub source: String,
    pub participants: Vec<DraftParticipant>,
    pub tags: Vec<String>,
    /// Why the row could not even be read (a Markdown file that is not UTF-8, too large, a
    /// link).
    pub unreadable: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DraftParticipant {
    pub name: String,
    pub segment: String,
    pub company_size: String,
}

/// A source read into drafts, with what the preview reports about it.
#[derive(Debug, Clone)]
pub struct ReadSource {
    pub(crate) name: String,
    pub(crate) format: FeedbackFormat,
    pub(crate) columns: Vec<String>,
    pub(crate) detected: FeedbackMapping,
    pub(crate) mapping: FeedbackMapping,
    pub(crate) default_type: NoteType,
    /// Why nothing can be imported whatever the rows say (no body column).
    pub(crate) blocked: Option<String>,
    /// How the file's slashed dates are read.
    pub(crate) day_order: dates::DayReading,
    pub(crate) drafts: Vec<Draft>,
}

impl ReadSource {
    /// The file's or folder's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The CSV file's header (none for a folder).
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The mapping the rows were read with.
    pub fn mapping(&self) -> FeedbackMapping {
        self.mapping
    }
}

/// Reads the file or folder the user chose: a folder is Markdown files, anything else a CSV
/// file (the path is checked before anything is read).
pub fn read_source(path: &Path, mapping: Option<&FeedbackMapping>) -> CoreResult<ReadSource> {
    if !path.is_absolute() {
        return Err(CoreError::invalid(
            "path",
            "Choose the feedback file or folder again: its location is not a full path.",
        ));
    }
    if path.is_dir() {
        markdown::read_folder(path)
    } else {
        csv_source::read_csv_file(path, mapping)
    }
}

/// The dry run of importing a source (see [`read_source`]) into the product. Writes nothing.
pub fn preview_feedback(
    connection: &Connection,
    product_id: &str,
    source: &ReadSource,
) -> CoreResult<FeedbackImportPreview> {
    Ok(understand::understand(connection, product_id, source)?.preview)
}

/// Imports every row of a source as a note of the product, in one transaction and one undo
/// step, or nothing when any row has a problem (`Invalid`, naming how many rows and the first
/// problem).
pub fn import_feedback(
    changes: &mut Changes,
    product_id: &str,
    source: &ReadSource,
) -> CoreResult<FeedbackImported> {
    write::import_source(changes, product_id, source)
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod import_tests;
