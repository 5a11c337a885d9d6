//! The benchmark backlog's roadmap: the first [`DATED_ITEMS`] items get a horizon (Now, Next,
//! Later in turn, through the board's own move) and a bar of one to eight weeks spread over two
//! years from a fixed Monday (so the data never depends on the day it is written), through the
//! same commands the timeline uses.

use northstar_core::board::BoardKind;
use northstar_core::calendar::CalendarDay;
use northstar_core::model::MoveTarget;
use northstar_core::mutation::Changes;
use northstar_core::queries::board_moves::move_card;
use northstar_core::queries::item_schedule::set_item_dates;
use northstar_core::CoreResult;

/// How many items the timeline benchmark draws as bars.
pub const DATED_ITEMS: usize = 2_000;

/// The first day bars start on (a Monday).
const FIRST_MONDAY: (i32, u32, u32) = (2026, 11, 2);
/// Bars start within two years of it.
const SPREAD_DAYS: usize = 728;

const HORIZONS: [&str; 3] = ["now", "next", "later"];

/// Gives item number `index` (0-based) its horizon and dates when it is among the dated ones.
pub fn plan_item(changes: &mut Changes, item_id: &str, index: usize) -> CoreResult<()> {
    if index >= DATED_ITEMS {
        return Ok(());
    }
    let horizon = HORIZONS[index % HORIZONS.len()];
    move_card(
        changes,
        item_id,
        BoardKind::Horizon,
        horizon,
        &MoveTarget::Bottom,
    )?;
    let (year, month, day) = FIRST_MONDAY;
    let monday = CalendarDay::from_ymd(year, month, day)
        .ok_or_else(|| northstar_core::CoreError::Conflict("the bench's first Monday".into()))?;
    // Spread by a step coprime with the spread, so neighbours in the backlog are apart in time.
    let offset = (index * 37) % SPREAD_DAYS;
    let length = 7 * (1 + index % 8);
    let start = monday.add_days("startDate", offset as i64)?;
    let end = start.add_days("endDate", length as i64 - 1)?;
    set_item_dates(
        changes,
        item_id,
        Some(&start.to_string()),
        Some(&end.to_string()),
    )?;
    Ok(())
}
