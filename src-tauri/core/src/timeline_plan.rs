//! The timeline's roadmap plan: how its rows can be grouped (horizon, goal, theme, release),
//! the groups' order for each way, and the releases (date spans) and milestones (dated lines)
//! drawn over it. Pure, like `timeline`: `queries::timeline` reads the plan's rows.

use serde::{Deserialize, Serialize};

use crate::calendar::{range_words, CalendarDay};
use crate::roadmap::Horizon;

/// How the rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TimelineGrouping {
    Horizon,
    Goal,
    Theme,
    Release,
}

impl TimelineGrouping {
    pub const ALL: [TimelineGrouping; 4] = [
        TimelineGrouping::Horizon,
        TimelineGrouping::Goal,
        TimelineGrouping::Theme,
        TimelineGrouping::Release,
    ];

    /// The switch's words for it.
    pub fn label(self) -> &'static str {
        match self {
            TimelineGrouping::Horizon => "Horizon",
            TimelineGrouping::Goal => "Goal",
            TimelineGrouping::Theme => "Theme",
            TimelineGrouping::Release => "Release",
        }
    }

    /// The heading of the items without a target of this kind (listed last).
    fn none_label(self) -> &'static str {
        match self {
            TimelineGrouping::Horizon => "Not on the roadmap",
            TimelineGrouping::Goal => "No goal",
            TimelineGrouping::Theme => "No theme",
            TimelineGrouping::Release => "No release",
        }
    }
}

/// A way of grouping the view offers, with its label.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GroupingOption {
    pub value: TimelineGrouping,
    pub label: String,
}

pub fn grouping_options() -> Vec<GroupingOption> {
    TimelineGrouping::ALL
        .into_iter()
        .map(|value| GroupingOption {
            value,
            label: value.label().to_string(),
        })
        .collect()
}

/// A goal, theme or release as a group heading: its id and name.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanTarget {
    pub id: String,
    pub name: String,
}

/// A live release as the timeline reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRelease {
    pub id: String,
    pub name: String,
    pub start: CalendarDay,
    pub end: CalendarDay,
}

/// A live milestone as the timeline reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanMilestone {
    pub id: String,
    pub name: String,
    pub day: CalendarDay,
}

/// The product's plan rows, each list in its own order: goals and themes oldest first (the
/// order the goals view lists them), releases and milestones by date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelinePlan {
    pub goals: Vec<PlanTarget>,
    pub themes: Vec<PlanTarget>,
    pub releases: Vec<PlanRelease>,
    pub milestones: Vec<PlanMilestone>,
}

impl TimelinePlan {
    /// The days the markers need on the axis.
    pub fn days(&self) -> impl Iterator<Item = CalendarDay> + Clone + '_ {
        self.releases
            .iter()
            .flat_map(|release| [release.start, release.end])
            .chain(self.milestones.iter().map(|milestone| milestone.day))
    }
}

/// An item's links as the grouping reads them (ids of live or deleted targets alike: a link to
/// a deleted target counts as none).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemLinks {
    pub goal: Option<String>,
    pub theme: Option<String>,
    pub release: Option<String>,
}

/// A group's key and heading, in the grouping's order; the last is the "none" group.
pub fn group_headings(grouping: TimelineGrouping, plan: &TimelinePlan) -> Vec<(String, String)> {
    let targets: Vec<(String, String)> = match grouping {
        TimelineGrouping::Horizon => Horizon::ALL
            .into_iter()
            .map(|horizon| (horizon.as_str().to_string(), horizon.label().to_string()))
            .collect(),
        TimelineGrouping::Goal => pairs(&plan.goals),
        TimelineGrouping::Theme => pairs(&plan.themes),
        TimelineGrouping::Release => plan
            .releases
            .iter()
            .map(|release| (release.id.clone(), release.name.clone()))
            .collect(),
    };
    let none = ("none".to_string(), grouping.none_label().to_string());
    targets.into_iter().chain([none]).collect()
}

fn pairs(targets: &[PlanTarget]) -> Vec<(String, String)> {
    targets
        .iter()
        .map(|target| (target.id.clone(), target.name.clone()))
        .collect()
}

/// The key of the group an item falls in ("none" when it has no live target).
pub fn group_key(
    grouping: TimelineGrouping,
    horizon: Option<Horizon>,
    links: &ItemLinks,
) -> Option<&str> {
    match grouping {
        TimelineGrouping::Horizon => horizon.map(Horizon::as_str),
        TimelineGrouping::Goal => links.goal.as_deref(),
        TimelineGrouping::Theme => links.theme.as_deref(),
        TimelineGrouping::Release => links.release.as_deref(),
    }
}

/// A release drawn as a span over the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineRelease {
    pub id: String,
    pub name: String,
    pub start_date: String,
    pub end_date: String,
    /// Days from the axis start to its first day.
    pub offset: i32,
    /// Length in days, both ends included.
    pub days: i32,
    /// Its accessible name: "Release 2.0, 1 Apr – 30 Jun 2027".
    pub label: String,
}

/// A milestone drawn as a dated line with its name.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineMilestone {
    pub id: String,
    pub name: String,
    pub date: String,
    /// Days from the axis start to its day.
    pub offset: i32,
    /// Its accessible name: "Milestone Beta launch, 12 Mar 2027".
    pub label: String,
}

/// The releases and milestones placed on an axis whose first day is `start`.
pub fn markers(
    plan: &TimelinePlan,
    offset_of: impl Fn(CalendarDay) -> i32,
) -> (Vec<TimelineRelease>, Vec<TimelineMilestone>) {
    let releases = plan
        .releases
        .iter()
        .map(|release| TimelineRelease {
            id: release.id.clone(),
            name: release.name.clone(),
            start_date: release.start.to_string(),
            end_date: release.end.to_string(),
            offset: offset_of(release.start),
            days: offset_of(release.end) - offset_of(release.start) + 1,
            label: format!(
                "Release {}, {}",
                release.name,
                range_words(release.start, release.end)
            ),
        })
        .collect();
    let milestones = plan
        .milestones
        .iter()
        .map(|milestone| TimelineMilestone {
            id: milestone.id.clone(),
            name: milestone.name.clone(),
            date: milestone.day.to_string(),
            offset: offset_of(milestone.day),
            label: format!("Milestone {}, {}", milestone.name, milestone.day.words()),
        })
        .collect();
    (releases, milestones)
}
