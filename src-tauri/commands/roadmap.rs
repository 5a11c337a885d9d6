//! Roadmap timeline commands: the timeline of a product, and an item's schedule (set or clear
//! both days, place it at a day, move the bar, move one edge). Every date computation is the
//! core's: the window sends whole days, never dates it worked out.

use northstar_core::calendar::axis::TimelineScale;
use northstar_core::calendar::CalendarDay;
use northstar_core::queries::{item_schedule, timeline};
use northstar_core::timeline::{TimelineGrouping, TimelineView};
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::events::SavedItemDates;
use crate::state::AppState;

/// Today for the timeline: the computer's calendar day, or the day `NORTHSTAR_TODAY` names
/// (`YYYY-MM-DD`), so that tests and screenshots can fix the day the today line is drawn on.
pub(crate) fn today() -> CalendarDay {
    std::env::var("NORTHSTAR_TODAY")
        .ok()
        .and_then(|text| CalendarDay::parse("NORTHSTAR_TODAY", &text).ok())
        .unwrap_or_else(CalendarDay::today)
}

/// The product's timeline at `scale`: the axis, the bars grouped (by horizon), today's line and
/// the items without dates. Today is the computer's calendar day.
#[tauri::command]
#[specta::specta]
pub async fn list_timeline(
    state: State<'_, AppState>,
    product_id: String,
    scale: TimelineScale,
    grouping: TimelineGrouping,
) -> Result<TimelineView, AppError> {
    read(&state, move |connection| {
        timeline::list_timeline(connection, &product_id, scale, grouping, today())
    })
    .await
}

/// Gives the item both days (`YYYY-MM-DD`), or clears both (`null`, `null`): one undo step.
#[tauri::command]
#[specta::specta]
pub async fn set_item_dates(
    state: State<'_, AppState>,
    item_id: String,
    start_date: Option<String>,
    end_date: Option<String>,
) -> Result<SavedItemDates, AppError> {
    write(&state, "Item scheduled", move |changes| {
        item_schedule::set_item_dates(
            changes,
            &item_id,
            start_date.as_deref(),
            end_date.as_deref(),
        )
    })
    .await
}

/// Gives the item a bar of the default length starting `offsetDays` after `from` (a drop on the
/// timeline: the axis start and the day under the pointer; the dialog gives a day and 0).
#[tauri::command]
#[specta::specta]
pub async fn schedule_item_from(
    state: State<'_, AppState>,
    item_id: String,
    from: String,
    offset_days: i32,
) -> Result<SavedItemDates, AppError> {
    write(&state, "Item scheduled", move |changes| {
        item_schedule::schedule_item_from(changes, &item_id, &from, offset_days)
    })
    .await
}

/// Moves the item's bar by `days` (negative: earlier), keeping its length.
#[tauri::command]
#[specta::specta]
pub async fn shift_item_dates(
    state: State<'_, AppState>,
    item_id: String,
    days: i32,
) -> Result<SavedItemDates, AppError> {
    write(&state, "Item rescheduled", move |changes| {
        item_schedule::shift_item_dates(changes, &item_id, days)
    })
    .await
}

/// Moves the bar's end by `days`; refused when it would end before it starts.
#[tauri::command]
#[specta::specta]
pub async fn resize_item_end(
    state: State<'_, AppState>,
    item_id: String,
    days: i32,
) -> Result<SavedItemDates, AppError> {
    write(&state, "Item rescheduled", move |changes| {
        item_schedule::resize_item_end(changes, &item_id, days)
    })
    .await
}

/// Moves the bar's start by `days`; refused when it would start after it ends.
#[tauri::command]
#[specta::specta]
pub async fn resize_item_start(
    state: State<'_, AppState>,
    item_id: String,
    days: i32,
) -> Result<SavedItemDates, AppError> {
    write(&state, "Item rescheduled", move |changes| {
        item_schedule::resize_item_start(changes, &item_id, days)
    })
    .await
}
