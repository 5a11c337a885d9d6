//! The baseline overlay on the timeline: for each of today's bars whose days differ from the
//! baseline's, a ghost bar of the baseline's days placed on the SAME axis as today's bars (the
//! offsets come from the timeline's own layout, `timeline::lay_out`), a slip label ("+12 d") and
//! the words a screen reader hears after the bar's name.

use rusqlite::Connection;
use serde::Serialize;

use crate::calendar::axis::{days_i32, TimelineScale};
use crate::calendar::{range_words, CalendarDay};
use crate::error::{CoreError, CoreResult};
use crate::queries::baselines::{baseline_snapshot, get_baseline};
use crate::queries::timeline::list_timeline;
use crate::roadmap::Schedule;
use crate::timeline::{TimelineGrouping, TimelineView};

use super::RoadmapSnapshot;

/// A baseline's bar behind today's bar of the same item.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GhostBar {
    pub item_id: String,
    pub start_date: String,
    pub end_date: String,
    /// Days from the timeline's axis start to the baseline's first day (negative: before it).
    pub offset: i32,
    /// Length in days, both ends included.
    pub days: i32,
    /// Days the end moved since the baseline; later is positive.
    pub slip_days: i32,
    /// "+12 d", "−3 d", "0 d" (only the start moved).
    pub slip_label: String,
    /// What the bar's accessible name gains: ", baseline 3 Mar – 21 Apr 2027, slipped 12 days".
    pub description: String,
}

/// The overlay of one baseline on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineOverlay {
    pub baseline_id: String,
    pub baseline_name: String,
    pub bars: Vec<GhostBar>,
}

fn days_word(days: i64) -> String {
    if days == 1 {
        "1 day".to_string()
    } else {
        format!("{days} days")
    }
}

/// "slipped 12 days", "came in 3 days earlier", "ends the same day, starts 2 days later".
fn slip_words(start_shift: i64, end_shift: i64) -> String {
    match end_shift {
        0 if start_shift > 0 => {
            format!("ends the same day, starts {} later", days_word(start_shift))
        }
        0 => format!(
            "ends the same day, starts {} earlier",
            days_word(-start_shift)
        ),
        later if later > 0 => format!("slipped {}", days_word(later)),
        earlier => format!("came in {} earlier", days_word(-earlier)),
    }
}

/// The ghost bars of `then` over the laid-out `view` (pure).
pub fn ghost_bars(view: &TimelineView, then: &RoadmapSnapshot) -> CoreResult<Vec<GhostBar>> {
    let axis_start = CalendarDay::parse("axis", &view.axis.start)?;
    let mut ghosts = Vec::new();
    for bar in view.groups.iter().flat_map(|group| &group.bars) {
        let Some(old) = then.items.iter().find(|item| item.id == bar.item_id) else {
            continue;
        };
        let Some(old) = Schedule::parse(old.start_date.as_deref(), old.end_date.as_deref())? else {
            continue;
        };
        let now = Schedule::new(
            CalendarDay::parse("startDate", &bar.start_date)?,
            CalendarDay::parse("endDate", &bar.end_date)?,
        )?;
        if now == old {
            continue;
        }
        let start_shift = old.start.days_until(now.start);
        let end_shift = old.end.days_until(now.end);
        let slip_label = match end_shift {
            later if later > 0 => format!("+{later} d"),
            // A true minus sign, as the rest of the app's numbers.
            earlier if earlier < 0 => format!("\u{2212}{} d", -earlier),
            _ => "0 d".to_string(),
        };
        ghosts.push(GhostBar {
            item_id: bar.item_id.clone(),
            start_date: old.start.to_string(),
            end_date: old.end.to_string(),
            offset: days_i32(axis_start.days_until(old.start)),
            days: days_i32(old.days()),
            slip_days: days_i32(end_shift),
            slip_label,
            description: format!(
                ", baseline {}, {}",
                range_words(old.start, old.end),
                slip_words(start_shift, end_shift)
            ),
        });
    }
    Ok(ghosts)
}

/// The overlay of the baseline `baseline_id` on the product's timeline at `scale` and
/// `grouping` (laid out exactly as `list_timeline` lays it out for `today`).
pub fn timeline_overlay(
    connection: &Connection,
    product_id: &str,
    scale: TimelineScale,
    grouping: TimelineGrouping,
    today: CalendarDay,
    baseline_id: &str,
) -> CoreResult<TimelineOverlay> {
    let baseline = get_baseline(connection, baseline_id)?;
    if baseline.product_id != product_id {
        return Err(CoreError::invalid(
            "baselineId",
            "That baseline belongs to another product: choose one of this product's baselines.",
        ));
    }
    let then = baseline_snapshot(connection, baseline_id)?;
    let view = list_timeline(connection, product_id, scale, grouping, today)?;
    Ok(TimelineOverlay {
        baseline_id: baseline.id,
        baseline_name: baseline.name,
        bars: ghost_bars(&view, &then)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::baselines::save_baseline;
    use crate::queries::item_schedule::set_item_dates;
    use crate::queries::items::test_support::{id_of, store_with_items};

    fn day(text: &str) -> CalendarDay {
        CalendarDay::parse("day", text).unwrap()
    }

    #[test]
    fn changed_bars_get_a_ghost_on_the_timeline_s_own_axis_with_their_slip() {
        let (store, product) = store_with_items(&["Bank sync", "Receipts", "Same"]);
        let dates = [
            ("Bank sync", "2027-03-03", "2027-04-09"),
            ("Receipts", "2027-05-01", "2027-05-20"),
            ("Same", "2027-03-01", "2027-03-05"),
        ];
        for (title, start, end) in dates {
            let id = id_of(&store, &product, title);
            store
                .write(|c| set_item_dates(c, &id, Some(start), Some(end)))
                .unwrap();
        }
        let baseline = store
            .write(|c| save_baseline(c, &product, "Q2 planning"))
            .unwrap();
        let bank = id_of(&store, &product, "Bank sync");
        let receipts = id_of(&store, &product, "Receipts");
        store
            .write(|c| set_item_dates(c, &bank, Some("2027-03-03"), Some("2027-04-21")))
            .unwrap();
        store
            .write(|c| set_item_dates(c, &receipts, Some("2027-04-28"), Some("2027-05-17")))
            .unwrap();
        let today = day("2027-03-10");
        let overlay = store
            .read(|c| {
                timeline_overlay(
                    c,
                    &product,
                    TimelineScale::Month,
                    TimelineGrouping::Horizon,
                    today,
                    &baseline.id,
                )
            })
            .unwrap();
        assert_eq!(overlay.baseline_name, "Q2 planning");
        let view = store
            .read(|c| {
                list_timeline(
                    c,
                    &product,
                    TimelineScale::Month,
                    TimelineGrouping::Horizon,
                    today,
                )
            })
            .unwrap();
        let axis_start = day(&view.axis.start);
        let said: Vec<(String, i32, i32, String, String)> = overlay
            .bars
            .iter()
            .map(|ghost| {
                (
                    ghost.start_date.clone(),
                    ghost.offset,
                    ghost.days,
                    ghost.slip_label.clone(),
                    ghost.description.clone(),
                )
            })
            .collect();
        let offset = |text: &str| days_i32(axis_start.days_until(day(text)));
        assert_eq!(
            said,
            [
                (
                    "2027-03-03".to_string(),
                    offset("2027-03-03"),
                    38,
                    "+12 d".to_string(),
                    ", baseline 3 Mar – 9 Apr 2027, slipped 12 days".to_string()
                ),
                (
                    "2027-05-01".to_string(),
                    offset("2027-05-01"),
                    20,
                    "\u{2212}3 d".to_string(),
                    ", baseline 1 May – 20 May 2027, came in 3 days earlier".to_string()
                ),
            ],
            "the unchanged bar has no ghost"
        );
        let today_bar = view.groups[0]
            .bars
            .iter()
            .find(|bar| bar.item_id == bank)
            .unwrap();
        assert_eq!(
            overlay.bars[0].offset, today_bar.offset,
            "same start, same x: one axis"
        );
    }

    #[test]
    fn a_baseline_of_another_product_is_refused() {
        let (store, product) = store_with_items(&["A"]);
        let other = store
            .write(|c| crate::queries::products::create_product(c, "Other"))
            .unwrap();
        let baseline = store
            .write(|c| save_baseline(c, &other.id, "Elsewhere"))
            .unwrap();
        let error = store
            .read(|c| {
                timeline_overlay(
                    c,
                    &product,
                    TimelineScale::Month,
                    TimelineGrouping::Horizon,
                    day("2027-03-10"),
                    &baseline.id,
                )
            })
            .unwrap_err();
        assert!(error.to_string().contains("another product"), "{error}");
    }
}
