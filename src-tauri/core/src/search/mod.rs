//! Full-text search over a product's research notes and backlog items (SQLite FTS5, kept in
//! sync by triggers: see migration 7). User input never reaches FTS5 as syntax:
//! [`query::fts_query`] turns any text into quoted strings. Results are ranked by bm25 and carry
//! a snippet as plain segments (`{text, matched}`), so the UI never renders HTML from it.

pub mod query;
mod run;
mod snippet;

use serde::{Deserialize, Serialize};

use crate::research::NoteType;

pub use run::search;
pub use snippet::segments;

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Note,
    Item,
}

/// A piece of a snippet or title: `matched` pieces are the words the query found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// What to search and where. Every filter but `kind` and `productId` is about notes: with any
/// of them set, items are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchRequest {
    pub text: String,
    /// One product, or every live product.
    pub product_id: Option<String>,
    /// Notes only or items only; `null` for both.
    pub kind: Option<SearchKind>,
    pub note_type: Option<NoteType>,
    pub tag_id: Option<String>,
    pub participant_id: Option<String>,
    /// Notes on or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Notes on or before this day (`YYYY-MM-DD`).
    pub to: Option<String>,
    /// At most this many hits (default and maximum [`MAX_HITS`]).
    pub limit: Option<u32>,
}

/// One hit, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: SearchKind,
    /// The note's or the item's id.
    pub id: String,
    pub product_id: String,
    /// The title, with the matched words marked.
    pub title: Vec<Segment>,
    /// The best passage of the title, body or source, a dozen words or so, matches marked.
    pub snippet: Vec<Segment>,
    /// For a note: its type and day.
    pub note_type: Option<NoteType>,
    pub noted_on: Option<String>,
}

/// The default and largest number of hits one search returns.
pub const MAX_HITS: u32 = 50;
