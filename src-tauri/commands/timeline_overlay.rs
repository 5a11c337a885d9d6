//! The baseline overlay on the timeline: ghost bars of a baseline's days on the timeline's own
//! axis, laid out by the same code as today's bars.

use northstar_core::baseline::overlay::{self, TimelineOverlay};
use northstar_core::calendar::axis::TimelineScale;
use northstar_core::timeline::TimelineGrouping;
use tauri::State;

use super::read;
use super::roadmap::today;
use crate::error::AppError;
use crate::state::AppState;

/// The bars whose days differ from the baseline's, each with the baseline's bar placed on the
/// timeline at `scale` and `grouping`, its slip and the words its bar's name gains.
#[tauri::command]
#[specta::specta]
pub async fn get_timeline_overlay(
    state: State<'_, AppState>,
    product_id: String,
    scale: TimelineScale,
    grouping: TimelineGrouping,
    baseline_id: String,
) -> Result<TimelineOverlay, AppError> {
    read(&state, move |connection| {
        overlay::timeline_overlay(
            connection,
            &product_id,
            scale,
            grouping,
            today(),
            &baseline_id,
        )
    })
    .await
}
