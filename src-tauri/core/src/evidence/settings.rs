//! A product's evidence settings: a weight per note type and a Reach multiplier per segment,
//! with their validation. Stored in `evidence_weight` and `segment_multiplier` (migration 12).

use serde::{Deserialize, Serialize};
use specta_typescript::Number;

use super::strength::{HIGH_FROM, MAX_POINTS, MAX_WEIGHT, MEDIUM_FROM};
use crate::error::{CoreError, CoreResult};
use crate::research::NoteType;
use crate::scoring::format::format_number;

/// The largest Reach multiplier (a segment of a million people per participant).
pub const MAX_MULTIPLIER: f64 = 1_000_000.0;

/// One note type's weight in evidence strength.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoteTypeWeight {
    pub note_type: NoteType,
    /// 0–10.
    pub weight: u32,
    pub default_weight: u32,
}

/// One segment's Reach multiplier: each participant in it counts as this many people reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SegmentSetting {
    /// As written on the participants.
    pub segment: String,
    /// More than 0, at most 1,000,000; 1 unless set.
    #[specta(type = Number)]
    pub multiplier: f64,
    /// The product owner set it (else it is the default, 1).
    pub is_set: bool,
    /// The product's live participants in it.
    pub participant_count: u32,
}

/// A product's evidence settings, every note type and every segment its participants name (and
/// any segment with a multiplier set), with the rule that turns them into strength.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceSettings {
    pub product_id: String,
    /// In `NoteType::ALL`'s order.
    pub weights: Vec<NoteTypeWeight>,
    /// By segment name.
    pub segments: Vec<SegmentSetting>,
    /// How strength and the suggestions follow from these, in words.
    pub rules: String,
}

/// A segment's new Reach multiplier; `null` puts it back to the default, 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SegmentMultiplierChange {
    pub segment: String,
    #[specta(type = Option<Number>)]
    pub multiplier: Option<f64>,
}

/// The rule the settings feed, as the settings view shows it.
pub fn rules_text() -> String {
    format!(
        "Each note behind an item adds its type's weight once; the sum (at most {MAX_POINTS}) is \
         Low evidence below {MEDIUM_FROM} points, Medium from {MEDIUM_FROM}, High from \
         {HIGH_FROM}, suggesting a RICE Confidence of 50 %, 80 % or 100 %. Suggested Reach is the \
         distinct participants of each segment × its multiplier. Orphaned highlights are not \
         counted."
    )
}

/// A weight of 0–10.
pub fn validate_weight(weight: i64) -> CoreResult<u32> {
    u32::try_from(weight)
        .ok()
        .filter(|weight| *weight <= MAX_WEIGHT)
        .ok_or_else(|| {
            CoreError::invalid(
                "weight",
                format!("A weight is a whole number from 0 to {MAX_WEIGHT}."),
            )
        })
}

/// A multiplier above 0 and at most 1,000,000.
pub fn validate_multiplier(multiplier: f64) -> CoreResult<f64> {
    if multiplier.is_finite() && multiplier > 0.0 && multiplier <= MAX_MULTIPLIER {
        Ok(multiplier)
    } else {
        Err(CoreError::invalid(
            "multiplier",
            format!(
                "A multiplier is a number above 0 and at most {}.",
                format_number(MAX_MULTIPLIER)
            ),
        ))
    }
}

/// A segment name as participants carry it: trimmed, 1–200 characters.
pub fn validate_segment(segment: &str) -> CoreResult<String> {
    let trimmed = segment.trim();
    let length = trimmed.chars().count();
    if length == 0 || length > 200 {
        return Err(CoreError::invalid(
            "segment",
            "Name the segment (1–200 characters), as the participants have it.",
        ));
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_whole_numbers_from_0_to_10() {
        assert_eq!(validate_weight(0).unwrap(), 0);
        assert_eq!(validate_weight(10).unwrap(), 10);
        for bad in [-1, 11, i64::MAX] {
            let error = validate_weight(bad).unwrap_err();
            assert_eq!(
                error.to_string(),
                "weight: A weight is a whole number from 0 to 10.",
                "{bad}"
            );
        }
    }

    #[test]
    fn multipliers_are_above_0_and_at_most_a_million() {
        assert_eq!(validate_multiplier(200.0).unwrap(), 200.0);
        assert_eq!(validate_multiplier(0.5).unwrap(), 0.5);
        for bad in [0.0, -3.0, 1_000_001.0, f64::NAN, f64::INFINITY] {
            assert!(validate_multiplier(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn segments_are_trimmed_and_named() {
        assert_eq!(validate_segment("  Enterprise ").unwrap(), "Enterprise");
        assert!(validate_segment("   ").is_err());
        assert!(validate_segment(&"x".repeat(201)).is_err());
    }
}
