//! Evidence on items: the highlights linked to an item, what they add up to, and the RICE
//! inputs they suggest. The types here cross IPC; the arithmetic is pure ([`strength`],
//! [`suggest`]) and the table work is in `queries::evidence` and `queries::evidence_settings`.
//!
//! Rules (also in the README):
//! - An item's evidence is every live highlight linked to it, of a live note. Orphaned
//!   highlights (their passage was edited away) are listed, flagged, but **not counted**: the
//!   note no longer says what they quote, so they back nothing until highlighted again; the
//!   summary says how many were left out, so the count never drops silently.
//! - Strength: each distinct note with a counted highlight adds its type's weight once (a note
//!   quoted three times is still one source). The sum, capped at [`strength::MAX_POINTS`], maps
//!   to Low (below 4), Medium (4–7) or High (8 and more).
//! - Suggested Reach: for each segment, the distinct participants of those notes in it × the
//!   segment's multiplier (1 unless set); summed and rounded to a whole number. Suggested
//!   Confidence: High 100 %, Medium 80 %, Low 50 % (the RICE scale).

pub mod settings;
pub mod strength;
pub mod suggest;
mod types;

pub use settings::{EvidenceSettings, NoteTypeWeight, SegmentMultiplierChange, SegmentSetting};
pub use strength::{default_weight, note_type_noun, EvidenceStrength};
pub use types::{
    AcceptedSuggestion, EvidenceParticipant, EvidenceQuote, EvidenceSuggestion, EvidenceSummary,
    ItemEvidence, SegmentReach,
};
