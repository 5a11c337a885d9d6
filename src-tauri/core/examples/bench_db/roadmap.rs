//! The benchmark backlog's roadmap: the first [`DATED_ITEMS`] items get a horizon (Now, Next,
//! Later in turn) and a bar of one to eight weeks spread over two years from a fixed Monday (so
//! the data never depends on the day it is written). Written in one transaction after the items,
//! outside the undo history: the board's own moves would each look through the history of the
//! 10,000 creates for the ranks it holds, which takes minutes in a debug build. A card without
//! a board row sorts by its backlog rank, as on any fresh board.

use northstar_core::calendar::CalendarDay;
use northstar_core::{Connection, CoreError, CoreResult};

/// How many items the timeline benchmark draws as bars.
pub const DATED_ITEMS: usize = 2_000;

/// The first day bars start on (a Monday).
const FIRST_MONDAY: (i32, u32, u32) = (2026, 11, 2);
/// Bars start within two years of it.
const SPREAD_DAYS: usize = 728;

const HORIZONS: [&str; 3] = ["now", "next", "later"];

/// Gives the first [`DATED_ITEMS`] of `item_ids` (in backlog order) a horizon and dates.
pub fn plan_items(connection: &Connection, item_ids: &[String]) -> CoreResult<()> {
    let (year, month, day) = FIRST_MONDAY;
    let monday = CalendarDay::from_ymd(year, month, day)
        .ok_or_else(|| CoreError::Conflict("the benchmark's first Monday is not a day".into()))?;
    let mut statement = connection.prepare(
        "UPDATE backlog_item SET horizon = ?2, start_date = ?3, end_date = ?4 WHERE id = ?1",
    )?;
    for (index, id) in item_ids.iter().take(DATED_ITEMS).enumerate() {
        // A step coprime with the spread, so neighbours in the backlog are apart in time.
        let offset = (index * 37) % SPREAD_DAYS;
        let length = 7 * (1 + index % 8);
        let start = monday.add_days("startDate", offset as i64)?;
        let end = start.add_days("endDate", length as i64 - 1)?;
        let horizon = HORIZONS[index % HORIZONS.len()];
        statement.execute((id, horizon, start.to_string(), end.to_string()))?;
    }
    Ok(())
}
