//! What an item's evidence looks like as it crosses IPC (camelCase).

use serde::{Deserialize, Serialize};
use specta_typescript::Number;

use super::strength::EvidenceStrength;
use crate::decision::Decision;
use crate::research::NoteType;
use crate::scoring::{ItemScores, ScoreInput};

/// A participant of a note that backs an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceParticipant {
    pub id: String,
    pub name: String,
    /// As written on the participant; empty when none.
    pub segment: String,
}

/// One highlight linked to the item, with the note it quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceQuote {
    pub highlight_id: String,
    /// The quoted passage.
    pub exact: String,
    /// Its passage is gone from the note: listed, not counted.
    pub orphaned: bool,
    pub note_id: String,
    pub note_title: String,
    pub note_type: NoteType,
    /// The note's day, `YYYY-MM-DD`.
    pub noted_on: String,
    /// The note's live participants, by name.
    pub participants: Vec<EvidenceParticipant>,
}

/// One segment's part of the suggested Reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SegmentReach {
    /// The segment as written; empty for participants without one.
    pub segment: String,
    /// "Enterprise", or "No segment".
    pub label: String,
    pub participant_count: u32,
    #[specta(type = Number)]
    pub multiplier: f64,
    #[specta(type = Number)]
    pub reach: f64,
}

/// What the counted evidence adds up to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceSummary {
    /// Every listed quote, orphaned ones included.
    pub quote_count: u32,
    /// Orphaned quotes, listed but not counted.
    pub orphaned_count: u32,
    pub participant_count: u32,
    /// Distinct named segments of those participants.
    pub segment_count: u32,
    pub note_count: u32,
    /// The newest counted note's day, `YYYY-MM-DD`.
    pub latest_on: Option<String>,
    pub strength: EvidenceStrength,
    /// The capped sum of the notes' weights.
    pub strength_points: u32,
    /// How the strength came about: "Medium: 5 of 10 points from 1 analytics finding (3) and
    /// 1 interview (2)".
    pub strength_explained: String,
    /// The Reach per segment, named segments by name, "No segment" last.
    pub segments: Vec<SegmentReach>,
}

/// A RICE input suggested by the evidence, beside the one entered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceSuggestion {
    /// `riceReach` or `riceConfidence`.
    pub input: ScoreInput,
    /// "Reach" or "Confidence".
    pub label: String,
    /// The suggested value; `null` when the evidence suggests nothing.
    #[specta(type = Option<Number>)]
    pub value: Option<f64>,
    /// "1,200" or "80 %".
    pub value_label: Option<String>,
    /// The value entered now.
    #[specta(type = Option<Number>)]
    pub current: Option<f64>,
    pub current_label: Option<String>,
    /// Where the value comes from ("Reach 1,200 suggested: 6 participants in 2 segments …"), or
    /// why there is none.
    pub provenance: String,
    /// Why it cannot be accepted (nothing to suggest, or it equals the input); `null` when it can.
    pub accept_blocked: Option<String>,
}

/// An item's evidence: the quotes, the summary and the suggestions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ItemEvidence {
    pub item_id: String,
    pub product_id: String,
    /// Newest note first, then in each note's order.
    pub quotes: Vec<EvidenceQuote>,
    pub summary: EvidenceSummary,
    /// Reach, then Confidence.
    pub suggestions: Vec<EvidenceSuggestion>,
}

/// What accepting a suggestion did: the item's inputs and scores, and the decision recorded.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AcceptedSuggestion {
    pub scores: ItemScores,
    pub decision: Decision,
}
