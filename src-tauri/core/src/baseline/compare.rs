//! Comparing a baseline with today's roadmap (pure: two snapshots in, the changes out), grouped
//! by kind in a fixed order: items added to the roadmap, dropped from it (deleted, or taken off
//! the roadmap), moved between lanes, whose dates slipped (signed days: later is positive),
//! moved between releases, and releases whose dates changed. Items and releases are matched by
//! id, so a renamed item or release is the same one (shown by today's name).

use std::collections::HashMap;

use serde::Serialize;

use super::{RoadmapSnapshot, SnapshotItem, SnapshotRelease};
use crate::calendar::{range_words, CalendarDay};
use crate::plan::PlanRef;
use crate::roadmap::Horizon;
use crate::text::quoted;

/// The kinds of change, in the order the report lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Dropped,
    Moved,
    Slipped,
    ReleaseChanged,
    ReleaseDates,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 6] = [
        ChangeKind::Added,
        ChangeKind::Dropped,
        ChangeKind::Moved,
        ChangeKind::Slipped,
        ChangeKind::ReleaseChanged,
        ChangeKind::ReleaseDates,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Added => "Added to the roadmap",
            ChangeKind::Dropped => "Dropped from the roadmap",
            ChangeKind::Moved => "Moved between lanes",
            ChangeKind::Slipped => "Dates slipped",
            ChangeKind::ReleaseChanged => "Moved between releases",
            ChangeKind::ReleaseDates => "Release dates changed",
        }
    }
}

/// One change: an item (or, for release dates, a release) and what happened to it in words,
/// with the numbers behind the words.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoadmapChange {
    /// The item's id (the release's for release dates).
    pub subject_id: String,
    /// Today's title or name (the baseline's when the item was deleted since).
    pub title: String,
    /// "Now → Next", "Starts 3 days later, ends 5 days later".
    pub words: String,
    pub from_horizon: Option<Horizon>,
    pub to_horizon: Option<Horizon>,
    /// Days the start moved; later is positive.
    pub start_shift_days: Option<i32>,
    /// Days the end moved; later is positive.
    pub end_shift_days: Option<i32>,
    pub from_release: Option<PlanRef>,
    pub to_release: Option<PlanRef>,
    /// Dropped because it was deleted since (not only taken off the roadmap).
    pub deleted: bool,
}

/// The changes of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChangeGroup {
    pub kind: ChangeKind,
    /// "Dates slipped".
    pub label: String,
    pub changes: Vec<RoadmapChange>,
}

impl RoadmapChange {
    fn about(subject_id: &str, title: &str, words: String) -> RoadmapChange {
        RoadmapChange {
            subject_id: subject_id.to_string(),
            title: title.to_string(),
            words,
            from_horizon: None,
            to_horizon: None,
            start_shift_days: None,
            end_shift_days: None,
            from_release: None,
            to_release: None,
            deleted: false,
        }
    }
}

/// The label of a lane, "Not on the roadmap" for none.
fn lane_label(horizon: Option<Horizon>) -> &'static str {
    horizon.map_or("Not on the roadmap", Horizon::label)
}

fn day(text: Option<&str>) -> Option<CalendarDay> {
    text.and_then(|text| CalendarDay::parse("date", text).ok())
}

/// Signed days from `then` to `now` (later is positive).
fn shift(then: CalendarDay, now: CalendarDay) -> i32 {
    i32::try_from(then.days_until(now)).unwrap_or(if now > then { i32::MAX } else { i32::MIN })
}

/// "starts 3 days later" / "ends 1 day earlier"; nothing when it did not move.
fn shift_words(which: &str, days: i32) -> Option<String> {
    let unit = if days.abs() == 1 { "day" } else { "days" };
    match days {
        0 => None,
        later if later > 0 => Some(format!("{which} {later} {unit} later")),
        earlier => Some(format!("{which} {} {unit} earlier", earlier.abs())),
    }
}

/// "Starts 3 days later, ends 5 days later (was 1 – 10 Mar 2027, now 4 – 15 Mar 2027)".
fn slip_words(
    start_shift: i32,
    end_shift: i32,
    then: (CalendarDay, CalendarDay),
    now: (CalendarDay, CalendarDay),
) -> String {
    let parts: Vec<String> = [
        shift_words("starts", start_shift),
        shift_words("ends", end_shift),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut sentence = parts.join(", ");
    if let Some(first) = sentence.get(..1) {
        sentence = format!(
            "{}{}",
            first.to_uppercase(),
            sentence.get(1..).unwrap_or("")
        );
    }
    format!(
        "{sentence} (was {}, now {})",
        range_words(then.0, then.1),
        range_words(now.0, now.1)
    )
}

fn schedule(item: &SnapshotItem) -> Option<(CalendarDay, CalendarDay)> {
    Some((
        day(item.start_date.as_deref())?,
        day(item.end_date.as_deref())?,
    ))
}

fn release_words(from: Option<&PlanRef>, to: Option<&PlanRef>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => format!(
            "From release {} to {}",
            quoted(&from.name),
            quoted(&to.name)
        ),
        (None, Some(to)) => format!("Put in release {}", quoted(&to.name)),
        (Some(from), None) => format!("Taken out of release {}", quoted(&from.name)),
        (None, None) => String::new(),
    }
}

fn release_dates_change(then: &SnapshotRelease, now: &SnapshotRelease) -> Option<RoadmapChange> {
    let (then_start, then_end) = (day(Some(&then.starts_on))?, day(Some(&then.ends_on))?);
    let (now_start, now_end) = (day(Some(&now.starts_on))?, day(Some(&now.ends_on))?);
    let (start_shift, end_shift) = (shift(then_start, now_start), shift(then_end, now_end));
    if start_shift == 0 && end_shift == 0 {
        return None;
    }
    let mut change = RoadmapChange::about(
        &now.id,
        &now.name,
        slip_words(
            start_shift,
            end_shift,
            (then_start, then_end),
            (now_start, now_end),
        ),
    );
    change.start_shift_days = Some(start_shift);
    change.end_shift_days = Some(end_shift);
    Some(change)
}

/// The changes from `then` (the baseline) to `now`, one group per kind, every kind present
/// (empty when nothing of that kind changed). Items are listed in today's board order; dropped
/// ones in the baseline's.
pub fn compare(then: &RoadmapSnapshot, now: &RoadmapSnapshot) -> Vec<ChangeGroup> {
    let before: HashMap<&str, &SnapshotItem> = then
        .items
        .iter()
        .map(|item| (item.id.as_str(), item))
        .collect();
    let after: HashMap<&str, &SnapshotItem> = now
        .items
        .iter()
        .map(|item| (item.id.as_str(), item))
        .collect();
    let mut groups: Vec<ChangeGroup> = ChangeKind::ALL
        .iter()
        .map(|kind| ChangeGroup {
            kind: *kind,
            label: kind.label().to_string(),
            changes: Vec::new(),
        })
        .collect();
    let mut push = |kind: ChangeKind, change: RoadmapChange| {
        if let Some(group) = groups.iter_mut().find(|group| group.kind == kind) {
            group.changes.push(change);
        }
    };
    for item in &then.items {
        let Some(from) = item.horizon else { continue };
        let current = after.get(item.id.as_str());
        let (words, deleted) = match current {
            None => (format!("Deleted since (was in {})", from.label()), true),
            Some(current) if current.horizon.is_none() => (
                format!("Taken off the roadmap (was in {})", from.label()),
                false,
            ),
            Some(_) => continue,
        };
        let title = current.map_or(item.title.as_str(), |current| current.title.as_str());
        let mut change = RoadmapChange::about(&item.id, title, words);
        change.from_horizon = Some(from);
        change.deleted = deleted;
        push(ChangeKind::Dropped, change);
    }
    for item in &now.items {
        let previous = before.get(item.id.as_str()).copied();
        let was = previous.and_then(|previous| previous.horizon);
        match (was, item.horizon) {
            (None, Some(to)) => {
                let mut change =
                    RoadmapChange::about(&item.id, &item.title, format!("Added to {}", to.label()));
                change.to_horizon = Some(to);
                push(ChangeKind::Added, change);
            }
            (Some(from), Some(to)) if from != to => {
                let words = format!("{} → {}", lane_label(Some(from)), lane_label(Some(to)));
                let mut change = RoadmapChange::about(&item.id, &item.title, words);
                change.from_horizon = Some(from);
                change.to_horizon = Some(to);
                push(ChangeKind::Moved, change);
            }
            _ => {}
        }
        let Some(previous) = previous else { continue };
        if let (Some(then_days), Some(now_days)) = (schedule(previous), schedule(item)) {
            let start_shift = shift(then_days.0, now_days.0);
            let end_shift = shift(then_days.1, now_days.1);
            if start_shift != 0 || end_shift != 0 {
                let words = slip_words(start_shift, end_shift, then_days, now_days);
                let mut change = RoadmapChange::about(&item.id, &item.title, words);
                change.start_shift_days = Some(start_shift);
                change.end_shift_days = Some(end_shift);
                push(ChangeKind::Slipped, change);
            }
        }
        let from_id = previous.release.as_ref().map(|release| &release.id);
        let to_id = item.release.as_ref().map(|release| &release.id);
        if from_id != to_id {
            let words = release_words(previous.release.as_ref(), item.release.as_ref());
            let mut change = RoadmapChange::about(&item.id, &item.title, words);
            change.from_release.clone_from(&previous.release);
            change.to_release.clone_from(&item.release);
            push(ChangeKind::ReleaseChanged, change);
        }
    }
    let releases_then: HashMap<&str, &SnapshotRelease> = then
        .releases
        .iter()
        .map(|release| (release.id.as_str(), release))
        .collect();
    for release in &now.releases {
        if let Some(change) = releases_then
            .get(release.id.as_str())
            .and_then(|previous| release_dates_change(previous, release))
        {
            push(ChangeKind::ReleaseDates, change);
        }
    }
    groups
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
