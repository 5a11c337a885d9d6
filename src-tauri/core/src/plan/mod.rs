//! The roadmap's plan: goals (objectives) with their key results, themes, releases with their
//! capacity and load, milestones, and each item's one goal, theme and release. The types here
//! cross IPC and appear in the export; validation is in `validate`, the derived values (progress,
//! load) in `progress` and `load`, the table work in `queries::{goals, themes, releases,
//! milestones, item_plan}`.

pub mod load;
pub mod progress;
pub mod validate;

use serde::{Deserialize, Serialize};

use crate::decision::LinkedItem;
use crate::scoring::MoscowBucket;
use crate::time::Timestamp;

pub use load::ReleaseLoad;

/// An objective of a product, with its key results and the items linked to it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    pub id: String,
    pub product_id: String,
    /// The objective, one line ("Freelancers trust the numbers").
    pub title: String,
    pub description: String,
    /// The mean of its key results' progress, 0–1; `null` without key results.
    #[specta(type = Option<specta_typescript::Number>)]
    pub progress: Option<f64>,
    /// Oldest first.
    pub key_results: Vec<KeyResult>,
    /// The live items linked to it, in backlog order.
    pub items: Vec<LinkedItem>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A measurable result of a goal: a metric moving from a baseline to a target.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KeyResult {
    pub id: String,
    pub goal_id: String,
    /// What is measured ("Monthly churn").
    pub metric: String,
    /// How it is counted ("%", "users", ""): shown after the numbers.
    pub unit: String,
    #[specta(type = specta_typescript::Number)]
    pub baseline: f64,
    #[specta(type = specta_typescript::Number)]
    pub target: f64,
    #[specta(type = specta_typescript::Number)]
    pub current: f64,
    /// How far `current` has come from `baseline` towards `target`, 0–1 (also when the target
    /// is below the baseline).
    #[specta(type = specta_typescript::Number)]
    pub progress: f64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A goal's fields, as written on create and on edit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GoalFields {
    pub title: String,
    pub description: String,
}

/// A key result's fields, as written on create and on edit. `current` defaults to the baseline
/// (on an edit, to the value it has); a missing baseline or target is refused in words.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KeyResultFields {
    pub metric: String,
    pub unit: String,
    #[specta(type = Option<specta_typescript::Number>)]
    pub baseline: Option<f64>,
    #[specta(type = Option<specta_typescript::Number>)]
    pub target: Option<f64>,
    #[specta(type = Option<specta_typescript::Number>)]
    pub current: Option<f64>,
}

/// A theme items are grouped under ("Trust", "Onboarding").
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Theme {
    pub id: String,
    pub product_id: String,
    pub name: String,
    pub description: String,
    /// The live items in it, in backlog order.
    pub items: Vec<LinkedItem>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A theme's fields, as written on create and on edit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ThemeFields {
    pub name: String,
    pub description: String,
}

/// What a release's capacity counts: WSJF job-size points or RICE person-months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum CapacityUnit {
    Points,
    PersonMonths,
}

impl CapacityUnit {
    pub const ALL: [CapacityUnit; 2] = [CapacityUnit::Points, CapacityUnit::PersonMonths];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            CapacityUnit::Points => "points",
            CapacityUnit::PersonMonths => "person_months",
        }
    }

    pub fn parse(text: &str) -> Option<CapacityUnit> {
        CapacityUnit::ALL
            .into_iter()
            .find(|unit| unit.as_str() == text)
    }

    /// "3 points", "1 person-month".
    pub fn words(self, amount: f64) -> &'static str {
        let one = amount == 1.0;
        match (self, one) {
            (CapacityUnit::Points, true) => "point",
            (CapacityUnit::Points, false) => "points",
            (CapacityUnit::PersonMonths, true) => "person-month",
            (CapacityUnit::PersonMonths, false) => "person-months",
        }
    }

    /// The item input an item's size is read from, as a refusal or a note names it.
    pub fn size_input(self) -> &'static str {
        match self {
            CapacityUnit::Points => "WSJF job size",
            CapacityUnit::PersonMonths => "RICE effort",
        }
    }
}

/// A release: dates, an optional capacity, and its load against that capacity.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Release {
    pub id: String,
    pub product_id: String,
    pub name: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `YYYY-MM-DD`, on or after `startsOn`.
    pub ends_on: String,
    /// Positive, in `capacityUnit`; `null` when no capacity is set.
    #[specta(type = Option<specta_typescript::Number>)]
    pub capacity: Option<f64>,
    pub capacity_unit: Option<CapacityUnit>,
    pub load: ReleaseLoad,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A release's fields, as written on create and on edit: a capacity needs its unit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseFields {
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    #[specta(type = Option<specta_typescript::Number>)]
    pub capacity: Option<f64>,
    pub capacity_unit: Option<CapacityUnit>,
}

/// One item of a release, in backlog order, with its size in the release's unit.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseItem {
    pub id: String,
    pub title: String,
    pub moscow: Option<MoscowBucket>,
    /// In the release's unit; `null` when the item has no such input.
    #[specta(type = Option<specta_typescript::Number>)]
    pub size: Option<f64>,
}

/// A release with its items, for the release's own page.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseDetail {
    pub release: Release,
    pub items: Vec<ReleaseItem>,
}

/// A dated marker on the roadmap ("Beta launch"), optionally of a release.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    pub id: String,
    pub product_id: String,
    pub name: String,
    /// `YYYY-MM-DD`.
    pub falls_on: String,
    /// The live release it belongs to, if any.
    pub release: Option<PlanRef>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A milestone's fields, as written on create and on edit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneFields {
    pub name: String,
    pub falls_on: String,
    pub release_id: Option<String>,
}

/// A goal, theme or release as a link shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlanRef {
    pub id: String,
    pub name: String,
}

/// Which of an item's plan links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum PlanLink {
    Goal,
    Theme,
    Release,
}

/// An item's goal, theme and release (each `null` when not set or while it is deleted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ItemPlan {
    pub item_id: String,
    pub goal: Option<PlanRef>,
    pub theme: Option<PlanRef>,
    pub release: Option<PlanRef>,
}

impl PlanLink {
    /// The item's column that holds this link. Column names come only from this enum.
    pub fn column(self) -> &'static str {
        match self {
            PlanLink::Goal => "goal_id",
            PlanLink::Theme => "theme_id",
            PlanLink::Release => "release_id",
        }
    }

    /// The table the link points to.
    pub fn table(self) -> crate::mutation::Table {
        match self {
            PlanLink::Goal => crate::mutation::Table::Goal,
            PlanLink::Theme => crate::mutation::Table::Theme,
            PlanLink::Release => crate::mutation::Table::Release,
        }
    }

    /// The target's name column (a goal's is its objective, `title`).
    pub fn name_column(self) -> &'static str {
        match self {
            PlanLink::Goal => "title",
            PlanLink::Theme | PlanLink::Release => "name",
        }
    }

    /// "goal", "theme", "release", as refusals name it.
    pub fn noun(self) -> &'static str {
        match self {
            PlanLink::Goal => "goal",
            PlanLink::Theme => "theme",
            PlanLink::Release => "release",
        }
    }
}
