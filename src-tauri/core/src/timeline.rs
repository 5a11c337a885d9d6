//! The timeline's layout: from the product's items (in backlog order) and a scale, the axis,
//! the rows grouped (by horizon for now), each bar's offset and length in days from the axis
//! start, today's offset, and the items without dates. Pure (the read is
//! `queries::timeline`), so a later picture export lays the timeline out the same way.

use serde::Serialize;

use crate::calendar::axis::{build_axis, days_i32, TimelineAxis, TimelineScale};
use crate::calendar::CalendarDay;
use crate::model::{ItemKind, ItemStatus};
use crate::roadmap::{Horizon, Schedule};
pub use crate::timeline_plan::TimelineGrouping;
use crate::timeline_plan::{
    group_headings, group_key, grouping_options, markers, GroupingOption, ItemLinks,
    TimelineMilestone, TimelinePlan, TimelineRelease,
};

/// The axis shows at least this many days before the earliest bar (or today)…
const LEAD_DAYS: i64 = 14;
/// …and reaches at least this far after today, and this far past the last bar, so there is
/// room to drag a bar later.
const AHEAD_OF_TODAY_DAYS: i64 = 365;
const TRAIL_DAYS: i64 = 60;

/// An item as the timeline reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineItem {
    pub id: String,
    pub title: String,
    pub kind: ItemKind,
    pub status: ItemStatus,
    pub horizon: Option<Horizon>,
    pub schedule: Option<Schedule>,
    /// Its goal, theme and release (for the grouping by them).
    pub links: ItemLinks,
}

/// One bar: its item, its days and where it is drawn.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineBar {
    pub item_id: String,
    pub title: String,
    pub kind: ItemKind,
    pub status: ItemStatus,
    pub horizon: Option<Horizon>,
    pub start_date: String,
    pub end_date: String,
    /// Days from the axis start to the first day.
    pub offset: i32,
    /// Length in days, both ends included.
    pub days: i32,
    /// "3 Mar – 21 Apr 2027".
    pub words: String,
    /// The bar's accessible name: "Offline mode, 3 Mar – 21 Apr 2027".
    pub label: String,
}

/// A group of rows with its heading.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineGroup {
    /// "now", "next", "later", a goal's, theme's or release's id, or "none".
    pub key: String,
    /// "Now", "Next", "Later", "Not on the roadmap"; a goal's title, a theme's or release's
    /// name; "No goal", "No theme", "No release".
    pub label: String,
    pub bars: Vec<TimelineBar>,
}

/// An item without dates, listed beside the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UnscheduledItem {
    pub item_id: String,
    pub title: String,
    pub kind: ItemKind,
    pub horizon: Option<Horizon>,
    /// "Now", "Next", "Later" or "Not on the roadmap".
    pub horizon_label: String,
}

/// A scale the view offers, with its label.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScaleOption {
    pub value: TimelineScale,
    pub label: String,
}

/// The timeline as the view draws it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineView {
    pub product_id: String,
    pub grouping: TimelineGrouping,
    /// The ways of grouping the view offers.
    pub groupings: Vec<GroupingOption>,
    pub axis: TimelineAxis,
    pub scales: Vec<ScaleOption>,
    /// Today on the computer's calendar, `YYYY-MM-DD`.
    pub today: String,
    /// Days from the axis start to today (the axis always includes today).
    pub today_offset: i32,
    /// Groups with at least one bar, in the grouping's order; bars in backlog order.
    pub groups: Vec<TimelineGroup>,
    /// The items without dates, in backlog order.
    pub unscheduled: Vec<UnscheduledItem>,
    /// How many days a bar dropped at a day lasts.
    pub default_bar_days: i32,
    /// The product's releases as spans, by date.
    pub releases: Vec<TimelineRelease>,
    /// The product's milestones as dated lines, by date.
    pub milestones: Vec<TimelineMilestone>,
}

/// The group key and label of an item's horizon.
fn horizon_group(horizon: Option<Horizon>) -> (&'static str, &'static str) {
    match horizon {
        Some(horizon) => (horizon.as_str(), horizon.label()),
        None => ("none", "Not on the roadmap"),
    }
}

/// The days the axis must show: the bars, the markers, today, and room around them.
fn axis_range(
    items: &[TimelineItem],
    plan: &TimelinePlan,
    today: CalendarDay,
) -> (CalendarDay, CalendarDay) {
    let days = items
        .iter()
        .filter_map(|item| item.schedule)
        .flat_map(|s| [s.start, s.end])
        .chain(plan.days());
    let earliest = days.clone().min().unwrap_or(today).min(today);
    let latest = days.max().unwrap_or(today);
    let ahead = today.add_days("axis", AHEAD_OF_TODAY_DAYS).unwrap_or(today);
    let trail = latest.add_days("axis", TRAIL_DAYS).unwrap_or(latest);
    let first = earliest.add_days("axis", -LEAD_DAYS).unwrap_or(earliest);
    (first, trail.max(ahead))
}

/// Lays the timeline out (see the module's comment).
pub fn lay_out(
    product_id: &str,
    items: Vec<TimelineItem>,
    scale: TimelineScale,
    grouping: TimelineGrouping,
    plan: &TimelinePlan,
    today: CalendarDay,
) -> TimelineView {
    let (first, last) = axis_range(&items, plan, today);
    let axis = build_axis(scale, first, last);
    let start = scale.tick_start(first);
    let offset_of = |day: CalendarDay| days_i32(start.days_until(day));
    let headings = group_headings(grouping, plan);
    let mut groups: Vec<TimelineGroup> = headings
        .iter()
        .map(|(key, label)| TimelineGroup {
            key: key.clone(),
            label: label.clone(),
            bars: Vec::new(),
        })
        .collect();
    let none_index = groups.len().saturating_sub(1);
    let mut unscheduled = Vec::new();
    for item in items {
        let Some(schedule) = item.schedule else {
            unscheduled.push(UnscheduledItem {
                item_id: item.id,
                title: item.title,
                kind: item.kind,
                horizon: item.horizon,
                horizon_label: horizon_group(item.horizon).1.to_string(),
            });
            continue;
        };
        let words = schedule.words();
        let bar = TimelineBar {
            label: format!("{}, {words}", item.title),
            item_id: item.id,
            title: item.title,
            kind: item.kind,
            status: item.status,
            horizon: item.horizon,
            start_date: schedule.start.to_string(),
            end_date: schedule.end.to_string(),
            offset: offset_of(schedule.start),
            days: days_i32(schedule.days()),
            words,
        };
        // A link to a deleted (or foreign) target has no heading: the item counts as without one.
        let index = group_key(grouping, item.horizon, &item.links)
            .and_then(|key| headings.iter().position(|(heading, _)| heading == key))
            .unwrap_or(none_index);
        if let Some(group) = groups.get_mut(index) {
            group.bars.push(bar);
        }
    }
    groups.retain(|group| !group.bars.is_empty());
    let (releases, milestones) = markers(plan, offset_of);
    TimelineView {
        product_id: product_id.to_string(),
        grouping,
        groupings: grouping_options(),
        axis,
        scales: TimelineScale::ALL
            .into_iter()
            .map(|value| ScaleOption {
                value,
                label: value.label().to_string(),
            })
            .collect(),
        today: today.to_string(),
        today_offset: offset_of(today),
        groups,
        unscheduled,
        default_bar_days: days_i32(crate::roadmap::DEFAULT_BAR_DAYS),
        releases,
        milestones,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> CalendarDay {
        CalendarDay::parse("d", text).unwrap()
    }

    fn item(title: &str, horizon: Option<Horizon>, dates: Option<(&str, &str)>) -> TimelineItem {
        TimelineItem {
            id: format!("id-{title}"),
            title: title.to_string(),
            kind: ItemKind::Feature,
            status: ItemStatus::Idea,
            horizon,
            schedule: dates.map(|(start, end)| Schedule::new(day(start), day(end)).unwrap()),
            links: ItemLinks::default(),
        }
    }

    #[test]
    fn bars_are_grouped_by_horizon_in_backlog_order_with_their_offsets() {
        let items = vec![
            item(
                "Later thing",
                Some(Horizon::Later),
                Some(("2027-06-01", "2027-06-30")),
            ),
            item(
                "Offline mode",
                Some(Horizon::Now),
                Some(("2027-03-03", "2027-04-21")),
            ),
            item("Undated", Some(Horizon::Now), None),
            item("Loose", None, Some(("2027-02-28", "2027-03-01"))),
            item(
                "Tax pot",
                Some(Horizon::Now),
                Some(("2027-03-01", "2027-03-01")),
            ),
        ];
        let view = lay_out(
            "p",
            items,
            TimelineScale::Month,
            TimelineGrouping::Horizon,
            &TimelinePlan::default(),
            day("2027-03-10"),
        );
        let groups: Vec<(&str, Vec<&str>)> = view
            .groups
            .iter()
            .map(|group| {
                let titles = group.bars.iter().map(|bar| bar.title.as_str()).collect();
                (group.label.as_str(), titles)
            })
            .collect();
        assert_eq!(
            groups,
            [
                ("Now", vec!["Offline mode", "Tax pot"]),
                ("Later", vec!["Later thing"]),
                ("Not on the roadmap", vec!["Loose"]),
            ]
        );
        // The axis starts on the first of the month holding 14 days before the earliest bar.
        assert_eq!(view.axis.start, "2027-02-01");
        let offline = &view.groups[0].bars[0];
        assert_eq!((offline.offset, offline.days), (30, 50));
        assert_eq!(offline.label, "Offline mode, 3 Mar – 21 Apr 2027");
        let tax = &view.groups[0].bars[1];
        assert_eq!((tax.offset, tax.days), (28, 1));
        assert_eq!(view.today_offset, 37);
        assert_eq!(view.today, "2027-03-10");
        let unscheduled: Vec<&str> = view.unscheduled.iter().map(|u| u.title.as_str()).collect();
        assert_eq!(unscheduled, ["Undated"]);
        assert_eq!(view.default_bar_days, 14);
    }

    #[test]
    fn the_axis_holds_today_and_a_year_ahead_and_crosses_leap_days() {
        let items = vec![item(
            "Leap",
            Some(Horizon::Now),
            Some(("2024-02-28", "2024-03-01")),
        )];
        let view = lay_out(
            "p",
            items,
            TimelineScale::Week,
            TimelineGrouping::Horizon,
            &TimelinePlan::default(),
            day("2024-02-29"),
        );
        // 14 days before 2024-02-28 is Wednesday 2024-02-14; its week starts on the 12th.
        assert_eq!(view.axis.start, "2024-02-12");
        let leap = &view.groups[0].bars[0];
        assert_eq!((leap.offset, leap.days), (16, 3));
        assert_eq!(view.today_offset, 17);
        let end = day(&view.axis.start)
            .add_days("d", i64::from(view.axis.days))
            .unwrap();
        assert!(end >= day("2025-02-28"), "{end}");
        assert_eq!(view.axis.days % 7, 0);
    }

    #[test]
    fn an_empty_product_still_has_an_axis_around_today() {
        let view = lay_out(
            "p",
            Vec::new(),
            TimelineScale::Quarter,
            TimelineGrouping::Horizon,
            &TimelinePlan::default(),
            day("2100-02-28"),
        );
        assert!(view.groups.is_empty());
        assert_eq!(view.axis.start, "2100-01-01");
        assert_eq!(view.axis.ticks[0].label, "Q1 2100");
        assert_eq!(view.today_offset, 58);
    }
}
