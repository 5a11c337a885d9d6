//! An item's schedule on the timeline: setting or clearing both days, moving the bar by whole
//! days, moving one of its edges, and placing an unscheduled item at a day with the default
//! length. Every change is one transaction and one undo step; the date arithmetic is here, so
//! the UI only turns pixels into a whole number of days.

use rusqlite::{params, Connection, OptionalExtension};

use crate::calendar::CalendarDay;
use crate::error::{CoreError, CoreResult};
use crate::mutation::{Changes, Table};
use crate::roadmap::{ItemDates, Schedule, DEFAULT_BAR_DAYS};
use crate::text::quoted;
use crate::time::{format_timestamp, now};

/// A live item of a live product: its title and its schedule.
fn scheduled(connection: &Connection, id: &str) -> CoreResult<(String, Option<Schedule>)> {
    let found: Option<(String, Option<String>, Option<String>)> = connection
        .prepare_cached(
            "SELECT title, start_date, end_date FROM backlog_item \
             WHERE id = ?1 AND deleted_at IS NULL \
             AND EXISTS (SELECT 1 FROM product WHERE product.id = backlog_item.product_id \
             AND product.deleted_at IS NULL)",
        )?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()?;
    let (title, start, end) = found.ok_or_else(|| CoreError::not_found("item", id))?;
    let schedule = Schedule::parse(start.as_deref(), end.as_deref())?;
    Ok((title, schedule))
}

/// The item's schedule, or a refusal saying it has none to move.
fn required(title: &str, schedule: Option<Schedule>) -> CoreResult<Schedule> {
    schedule.ok_or_else(|| {
        CoreError::invalid(
            "item",
            format!(
                "{} has no dates yet: schedule it first (give it a start and an end).",
                quoted(title)
            ),
        )
    })
}

/// Writes `schedule` (or clears it) under the undo label `label`; nothing is recorded when it
/// is the schedule the item has.
fn write_schedule(
    changes: &mut Changes,
    id: &str,
    title: &str,
    current: Option<Schedule>,
    schedule: Option<Schedule>,
    label: String,
) -> CoreResult<ItemDates> {
    if schedule != current {
        changes.describe(label);
        let at = format_timestamp(&now());
        let start = schedule.map(|s| s.start.to_string());
        let end = schedule.map(|s| s.end.to_string());
        changes.track(Table::BacklogItem, id, |connection| {
            connection.execute(
                "UPDATE backlog_item SET start_date = ?2, end_date = ?3, updated_at = ?4 \
                 WHERE id = ?1",
                params![id, start, end, at],
            )?;
            Ok(())
        })?;
    }
    Ok(ItemDates::of(id, title, schedule))
}

/// Gives the item both days, or clears both (`None`, `None`). One undo step,
/// "Schedule “Offline mode” 3 Mar – 21 Apr 2027" or "Clear the dates of “Offline mode”".
pub fn set_item_dates(
    changes: &mut Changes,
    id: &str,
    start: Option<&str>,
    end: Option<&str>,
) -> CoreResult<ItemDates> {
    let schedule = Schedule::parse(start, end)?;
    let (title, current) = scheduled(changes.connection(), id)?;
    let label = match schedule {
        Some(schedule) => format!("Schedule {} {}", quoted(&title), schedule.words()),
        None => format!("Clear the dates of {}", quoted(&title)),
    };
    write_schedule(changes, id, &title, current, schedule, label)
}

/// Gives an unscheduled item (or a scheduled one) the bar that starts `offset_days` after the
/// day `from` and lasts [`DEFAULT_BAR_DAYS`] days: what dropping an item on the timeline does
/// (`from` is the axis start, the offset the day under the pointer, so the window never works
/// out a date).
pub fn schedule_item_from(
    changes: &mut Changes,
    id: &str,
    from: &str,
    offset_days: i32,
) -> CoreResult<ItemDates> {
    let start =
        CalendarDay::parse("startDate", from)?.add_days("startDate", i64::from(offset_days))?;
    let end = start.add_days("endDate", DEFAULT_BAR_DAYS - 1)?;
    let schedule = Schedule::new(start, end)?;
    let (title, current) = scheduled(changes.connection(), id)?;
    let label = format!("Schedule {} {}", quoted(&title), schedule.words());
    write_schedule(changes, id, &title, current, Some(schedule), label)
}

/// Moves the whole bar by `days` (negative: earlier), keeping its length.
pub fn shift_item_dates(changes: &mut Changes, id: &str, days: i32) -> CoreResult<ItemDates> {
    let (title, current) = scheduled(changes.connection(), id)?;
    let schedule = required(&title, current)?;
    let moved = Schedule::new(
        schedule.start.add_days("startDate", i64::from(days))?,
        schedule.end.add_days("endDate", i64::from(days))?,
    )?;
    let label = format!("Move {} to {}", quoted(&title), moved.words());
    write_schedule(changes, id, &title, current, Some(moved), label)
}

/// Moves the bar's end by `days`; refused when it would end before it starts.
pub fn resize_item_end(changes: &mut Changes, id: &str, days: i32) -> CoreResult<ItemDates> {
    let (title, current) = scheduled(changes.connection(), id)?;
    let schedule = required(&title, current)?;
    let end = schedule.end.add_days("endDate", i64::from(days))?;
    let resized = Schedule::new(schedule.start, end)?;
    let label = format!("Change the end of {} to {}", quoted(&title), end.words());
    write_schedule(changes, id, &title, current, Some(resized), label)
}

/// Moves the bar's start by `days`; refused when it would start after it ends.
pub fn resize_item_start(changes: &mut Changes, id: &str, days: i32) -> CoreResult<ItemDates> {
    let (title, current) = scheduled(changes.connection(), id)?;
    let schedule = required(&title, current)?;
    let start = schedule.start.add_days("startDate", i64::from(days))?;
    if start > schedule.end {
        return Err(CoreError::invalid(
            "startDate",
            format!(
                "The start ({}) would be after the end ({}): an item starts on or before the day it ends.",
                start.words(),
                schedule.end.words()
            ),
        ));
    }
    let resized = Schedule::new(start, schedule.end)?;
    let label = format!(
        "Change the start of {} to {}",
        quoted(&title),
        start.words()
    );
    write_schedule(changes, id, &title, current, Some(resized), label)
}

#[cfg(test)]
#[path = "item_schedule_tests.rs"]
mod tests;
