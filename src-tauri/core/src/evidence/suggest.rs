//! From an item's quotes to its evidence summary and suggested RICE inputs, with their
//! provenance worded here (see the rules in [`super`]). Pure: no SQL.

use std::collections::{BTreeMap, HashSet};

use super::strength::{join_words, strength_of};
use super::types::{EvidenceQuote, EvidenceSuggestion, EvidenceSummary, SegmentReach};
use crate::research::NoteType;
use crate::scoring::format::format_number;
use crate::scoring::{ScoreInput, ScoreInputs};

/// What participants without a segment are grouped under.
pub const NO_SEGMENT: &str = "No segment";

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", format_number(count as f64))
    }
}

/// The summary of `quotes` under the product's weights and multipliers.
pub fn summarize(
    quotes: &[EvidenceQuote],
    weight_of: impl Fn(NoteType) -> u32,
    multiplier_of: impl Fn(&str) -> f64,
) -> EvidenceSummary {
    let counted: Vec<&EvidenceQuote> = quotes.iter().filter(|quote| !quote.orphaned).collect();
    let mut notes_seen: HashSet<&str> = HashSet::new();
    let mut note_types: Vec<NoteType> = Vec::new();
    let mut latest_on: Option<String> = None;
    let mut participants_seen: HashSet<&str> = HashSet::new();
    // Segment → distinct participants; BTreeMap keeps segments by name ("" first, moved last).
    let mut by_segment: BTreeMap<String, u32> = BTreeMap::new();
    for quote in &counted {
        if notes_seen.insert(&quote.note_id) {
            note_types.push(quote.note_type);
            if latest_on
                .as_deref()
                .is_none_or(|latest| quote.noted_on.as_str() > latest)
            {
                latest_on = Some(quote.noted_on.clone());
            }
            for participant in &quote.participants {
                if participants_seen.insert(&participant.id) {
                    *by_segment
                        .entry(participant.segment.trim().to_string())
                        .or_default() += 1;
                }
            }
        }
    }
    let (strength, strength_points, sources) = strength_of(&note_types, weight_of);
    let mut segments: Vec<SegmentReach> = by_segment
        .into_iter()
        .map(|(segment, participant_count)| {
            let multiplier = if segment.is_empty() {
                1.0
            } else {
                multiplier_of(&segment)
            };
            SegmentReach {
                label: if segment.is_empty() {
                    NO_SEGMENT.to_string()
                } else {
                    segment.clone()
                },
                segment,
                participant_count,
                multiplier,
                reach: f64::from(participant_count) * multiplier,
            }
        })
        .collect();
    segments.sort_by_key(|reach| reach.segment.is_empty());
    EvidenceSummary {
        quote_count: quotes.len() as u32,
        orphaned_count: (quotes.len() - counted.len()) as u32,
        participant_count: participants_seen.len() as u32,
        segment_count: segments.iter().filter(|s| !s.segment.is_empty()).count() as u32,
        note_count: note_types.len() as u32,
        latest_on,
        strength,
        strength_points,
        strength_explained: format!("{}: {sources}", strength.label()),
        segments,
    }
}

/// Why the evidence suggests nothing at all, or `None` when some note counts.
fn nothing_counts(summary: &EvidenceSummary) -> Option<String> {
    if summary.note_count > 0 {
        return None;
    }
    Some(if summary.orphaned_count > 0 {
        format!(
            "Nothing to suggest: {} orphaned (the passage was edited out of its note), so \
             nothing counts.",
            plural(
                summary.orphaned_count as usize,
                "highlight is",
                "highlights are"
            )
        )
    } else {
        String::from(
            "Nothing to suggest: no evidence yet. Highlight passages of research notes and link \
             them to this item.",
        )
    })
}

/// The suggested Reach (whole people) of a summary, `None` without participants.
pub fn suggested_reach(summary: &EvidenceSummary) -> Option<f64> {
    if summary.participant_count == 0 {
        return None;
    }
    Some(
        summary
            .segments
            .iter()
            .map(|s| s.reach)
            .sum::<f64>()
            .round(),
    )
}

fn reach_suggestion(summary: &EvidenceSummary, current: Option<f64>) -> EvidenceSuggestion {
    let value = suggested_reach(summary);
    let provenance = match (nothing_counts(summary), value) {
        (Some(reason), _) => reason,
        (None, None) => String::from(
            "Nothing to suggest: the notes behind this item have no participants. Add who each \
             note is about (with their segment).",
        ),
        (None, Some(value)) => {
            let parts: Vec<String> = summary
                .segments
                .iter()
                .map(|s| {
                    format!(
                        "{} {} × {}",
                        s.label,
                        format_number(f64::from(s.participant_count)),
                        format_number(s.multiplier)
                    )
                })
                .collect();
            format!(
                "Reach {} suggested: {} in {} ({})",
                format_number(value),
                plural(
                    summary.participant_count as usize,
                    "participant",
                    "participants"
                ),
                plural(summary.segment_count as usize, "segment", "segments"),
                join_words(&parts)
            )
        }
    };
    suggestion(
        ScoreInput::RiceReach,
        "Reach",
        value,
        current,
        provenance,
        format_number,
    )
}

fn confidence_suggestion(summary: &EvidenceSummary, current: Option<i32>) -> EvidenceSuggestion {
    // Some note counts exactly when the strength is not None, so both are set or neither.
    let value = summary.strength.confidence().map(f64::from);
    let provenance = match (nothing_counts(summary), value) {
        (None, Some(value)) => format!(
            "Confidence {} % suggested: {} evidence, {}",
            format_number(value),
            summary.strength.label(),
            summary
                .strength_explained
                .split_once(": ")
                .map_or("", |(_, sources)| sources)
        ),
        (reason, _) => reason.unwrap_or_else(|| String::from("Nothing to suggest.")),
    };
    suggestion(
        ScoreInput::RiceConfidence,
        "Confidence",
        value,
        current.map(f64::from),
        provenance,
        |v| format!("{} %", format_number(v)),
    )
}

fn suggestion(
    input: ScoreInput,
    label: &str,
    value: Option<f64>,
    current: Option<f64>,
    provenance: String,
    show: impl Fn(f64) -> String,
) -> EvidenceSuggestion {
    let accept_blocked = match value {
        None => Some(provenance.clone()),
        Some(value) if current == Some(value) => Some(format!(
            "{label} is already {}, as the evidence suggests.",
            show(value)
        )),
        Some(_) => None,
    };
    EvidenceSuggestion {
        input,
        label: label.to_string(),
        value,
        value_label: value.map(&show),
        current,
        current_label: current.map(&show),
        provenance,
        accept_blocked,
    }
}

/// The suggested Reach and Confidence beside the item's inputs.
pub fn suggestions(summary: &EvidenceSummary, inputs: &ScoreInputs) -> Vec<EvidenceSuggestion> {
    vec![
        reach_suggestion(summary, inputs.rice_reach),
        confidence_suggestion(summary, inputs.rice_confidence),
    ]
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;
