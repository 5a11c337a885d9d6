//! The research types as they cross IPC (camelCase) and appear in the export.

use serde::{Deserialize, Serialize};

use crate::time::Timestamp;

/// What kind of evidence a note is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum NoteType {
    Interview,
    UsabilityTest,
    Survey,
    SupportTicket,
    SalesCall,
    Analytics,
    Competitor,
}

impl NoteType {
    /// The order the UI offers them in.
    pub const ALL: [NoteType; 7] = [
        NoteType::Interview,
        NoteType::UsabilityTest,
        NoteType::Survey,
        NoteType::SupportTicket,
        NoteType::SalesCall,
        NoteType::Analytics,
        NoteType::Competitor,
    ];

    /// The stored value (the column's CHECK lists the same).
    pub fn as_str(self) -> &'static str {
        match self {
            NoteType::Interview => "interview",
            NoteType::UsabilityTest => "usability_test",
            NoteType::Survey => "survey",
            NoteType::SupportTicket => "support_ticket",
            NoteType::SalesCall => "sales_call",
            NoteType::Analytics => "analytics",
            NoteType::Competitor => "competitor",
        }
    }

    pub fn parse(text: &str) -> Option<NoteType> {
        NoteType::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// A participant or tag as a note shows it: enough for a chip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NamedRef {
    pub id: String,
    pub name: String,
}

/// A whole research note, with its Markdown body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ResearchNote {
    pub id: String,
    pub product_id: String,
    pub note_type: NoteType,
    /// One line, 1–300 characters.
    pub title: String,
    /// Markdown, at most 1 MB. Untrusted (pasted from emails and tickets): rendered only
    /// through the UI's one sanitising pipeline.
    pub body: String,
    /// The calendar day of the interview, ticket or finding, `YYYY-MM-DD`.
    pub noted_on: String,
    /// Where it came from (a ticket number, a recording's link, a survey's name); may be empty.
    pub source: String,
    /// Its live participants, by name.
    pub participants: Vec<NamedRef>,
    /// Its live tags, by name.
    pub tags: Vec<NamedRef>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A note as the list shows it: no body, a plain-text excerpt of it instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoteSummary {
    pub id: String,
    pub note_type: NoteType,
    pub title: String,
    pub noted_on: String,
    pub source: String,
    /// The start of the body as plain text (Markdown syntax removed).
    pub excerpt: String,
    pub participants: Vec<NamedRef>,
    pub tags: Vec<NamedRef>,
    pub updated_at: Timestamp,
}

/// A note to create. `notedOn` defaults to today; `body` and `source` to empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewNote {
    pub product_id: String,
    pub note_type: NoteType,
    pub title: String,
    pub noted_on: Option<String>,
    pub source: Option<String>,
    pub body: Option<String>,
}

/// Fields to change on a note; `null` leaves a field as it is. The body is saved with
/// `save_note_body` (autosave, coalesced into one undo step per burst of typing).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NotePatch {
    pub note_type: Option<NoteType>,
    pub title: Option<String>,
    pub noted_on: Option<String>,
    pub source: Option<String>,
}

/// The filters of the note list; `null` means any.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoteFilter {
    pub note_type: Option<NoteType>,
    pub tag_id: Option<String>,
    pub participant_id: Option<String>,
}

/// A person research notes are about (a real name or a pseudonym), reused across notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub id: String,
    pub product_id: String,
    pub name: String,
    /// The persona they fit ("Busy freelancer"); may be empty.
    pub persona: String,
    /// The market segment ("Creative freelancers"); may be empty.
    pub segment: String,
    /// The size of their company, as written ("Solo", "2–10"); may be empty.
    pub company_size: String,
    /// How many live notes they appear in.
    pub note_count: u32,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A participant to create (persona, segment and company size may be empty or absent).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewParticipant {
    pub name: String,
    pub persona: Option<String>,
    pub segment: Option<String>,
    pub company_size: Option<String>,
}

/// Fields to change on a participant; `null` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantPatch {
    pub name: Option<String>,
    pub persona: Option<String>,
    pub segment: Option<String>,
    pub company_size: Option<String>,
}

/// A research tag of a product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    pub id: String,
    pub product_id: String,
    pub name: String,
    /// How many live notes carry it.
    pub note_count: u32,
}

/// A highlighted passage of a note, with where Rust last found it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Highlight {
    pub id: String,
    pub product_id: String,
    pub note_id: String,
    /// The note's title, for lists across notes.
    pub note_title: String,
    /// The quoted passage.
    pub exact: String,
    /// Up to 32 characters before and after it, as last found.
    pub prefix: String,
    pub suffix: String,
    /// Where the passage starts and ends in the body, in UTF-16 code units (the editor's
    /// positions). When orphaned, where it was last seen.
    pub start: u32,
    pub end: u32,
    /// The passage is no longer in the note: the highlight is kept and flagged.
    pub orphaned: bool,
    /// Its live research tags, by name.
    pub tags: Vec<NamedRef>,
    /// The live backlog items it is evidence for (name = the item's title).
    pub items: Vec<NamedRef>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A highlight to create: the selection in the note's saved body (UTF-16 positions), its tags
/// and the items it is evidence for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewHighlight {
    pub note_id: String,
    pub start: u32,
    pub end: u32,
    pub tag_ids: Vec<String>,
    pub item_ids: Vec<String>,
}

/// A highlight's links to change; `null` leaves them as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HighlightPatch {
    pub tag_ids: Option<Vec<String>>,
    pub item_ids: Option<Vec<String>>,
}

/// Which highlights of a product to list; `null` means any.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HighlightFilter {
    pub note_id: Option<String>,
    pub tag_id: Option<String>,
    /// Highlights in the notes of this participant.
    pub participant_id: Option<String>,
}
