//! Evidence commands: an item's evidence with its summary and suggested RICE inputs, accepting
//! a suggestion (the input and a decision, one undo step), and a product's evidence settings.
//! Everything is computed in `northstar_core::evidence`; the UI shows it.

use northstar_core::evidence::{EvidenceSettings, ItemEvidence, SegmentMultiplierChange};
use northstar_core::queries::{evidence, evidence_settings};
use northstar_core::research::NoteType;
use northstar_core::scoring::ScoreInput;
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::events::{SavedAcceptedSuggestion, SavedEvidenceSettings};
use crate::state::AppState;

/// The item's quotes, their summary and the Reach and Confidence they suggest.
#[tauri::command]
#[specta::specta]
pub async fn get_item_evidence(
    state: State<'_, AppState>,
    item_id: String,
) -> Result<ItemEvidence, AppError> {
    read(&state, move |connection| {
        evidence::get_item_evidence(connection, &item_id)
    })
    .await
}

/// Sets `riceReach` or `riceConfidence` to the suggested value and records the decision.
#[tauri::command]
#[specta::specta]
pub async fn accept_evidence_suggestion(
    state: State<'_, AppState>,
    item_id: String,
    input: ScoreInput,
) -> Result<SavedAcceptedSuggestion, AppError> {
    // Dated like the timeline's today, so tests can fix the day (`NORTHSTAR_TODAY`).
    let today = super::roadmap::today().to_string();
    write(&state, "Suggestion accepted", move |changes| {
        evidence::accept_evidence_suggestion(changes, &item_id, input, &today)
    })
    .await
}

/// The product's weight per note type and multiplier per segment.
#[tauri::command]
#[specta::specta]
pub async fn get_evidence_settings(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<EvidenceSettings, AppError> {
    read(&state, move |connection| {
        evidence_settings::get_evidence_settings(connection, &product_id)
    })
    .await
}

/// Sets a note type's weight (a whole number from 0 to 10).
#[tauri::command]
#[specta::specta]
pub async fn set_evidence_weight(
    state: State<'_, AppState>,
    product_id: String,
    note_type: NoteType,
    weight: i32,
) -> Result<SavedEvidenceSettings, AppError> {
    write(&state, "Evidence weight set", move |changes| {
        evidence_settings::set_evidence_weight(changes, &product_id, note_type, i64::from(weight))
    })
    .await
}

/// Sets a segment's Reach multiplier, or back to 1 with `null`.
#[tauri::command]
#[specta::specta]
pub async fn set_segment_multiplier(
    state: State<'_, AppState>,
    product_id: String,
    change: SegmentMultiplierChange,
) -> Result<SavedEvidenceSettings, AppError> {
    write(&state, "Segment multiplier set", move |changes| {
        evidence_settings::set_segment_multiplier(
            changes,
            &product_id,
            &change.segment,
            change.multiplier,
        )
    })
    .await
}
